package org.explainers.content;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The downloads under content/ (CSV and PDF files), read before they are published as they
 * are: a spreadsheet runs a CSV cell that starts with `=` as a formula when a reader opens the
 * file (one that fetches an address, or starts a program), and a PDF viewer runs a PDF's
 * scripts, actions and attachments, on the site's own address, outside the pages' policy.
 * A file that passed is not read again while its stamp vouches for it
 * ({@code target/cache/downloads.txt}).
 */
public final class Downloads {

    /** Said per file at most: a table of formulas is told by its first cells. */
    static final int MAX_TOLD = 5;
    /** How long reading one file may take (a PDF's objects are parsed one by one). */
    static final long SECONDS = 30;
    /** What the cache's lines were judged by: a new rule makes every file read again. */
    private static final String RULES = "downloads 1";

    private Downloads() {
    }

    /** Checks every CSV and PDF file among {@code media}; each problem is told with the file (and a CSV's line). */
    public static void check(Path content, Iterable<String> media, Path cache, Problems problems) {
        Path passed = cache.resolve("downloads.txt");
        Map<String, Stamp> before = read(passed);
        Map<String, Stamp> now = new TreeMap<>();
        for (String rel : media) {
            String ext = rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!ext.equals("csv") && !ext.equals("pdf")) {
                continue;
            }
            Path file = content.resolve(rel);
            Stamp stamp = Stamp.of(file);
            Stamp last = before.get(rel);
            if (last != null && last.vouchesFor(stamp)) {
                now.put(rel, stamp);
                continue;
            }
            List<Problem> told = judge(file, "content/" + rel, ext);
            told.forEach(problems::add);
            if (told.isEmpty()) {
                now.put(rel, stamp);
            }
        }
        write(passed, now);
    }

    /** One file's problems, within {@link #SECONDS}. */
    static List<Problem> judge(Path file, String path, String ext) {
        List<Problem> told = Collections.synchronizedList(new ArrayList<>());
        Problems mine = new Problems();
        // On a thread of its own, with a large stack: PDFBox reads nested objects recursively,
        // and neither parser can be stopped, so one that runs over its time is left behind.
        Thread reader = new Thread(null, () -> {
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (ext.equals("csv")) {
                    csv(bytes, path, mine);
                } else {
                    pdf(bytes, path, mine);
                }
            } catch (IOException e) {
                mine.error(path, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
            } catch (RuntimeException | Error e) {
                // Any failure, a library's missing class or a stack overflow among them, is the file's problem: never a silent pass.
                mine.error(path, 0, "cannot be read as a " + ext.toUpperCase(Locale.ROOT) + " file (" + e.getClass().getSimpleName() + ")",
                        ext.equals("csv") ? "save the table again as CSV UTF-8" : "print or export the document again as PDF");
            }
        }, "download " + path, 64L << 20);
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(java.util.concurrent.TimeUnit.SECONDS.toMillis(SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            told.add(new Problem(path, 0, "reading the file took longer than " + SECONDS + " s and was stopped",
                    ext.equals("csv") ? "save the table again as CSV UTF-8" : "print or export the document again as PDF", false));
            return told;
        }
        told.addAll(mine.list());
        return told;
    }

    /**
     * A CSV file: UTF-8 text whose cells, read with each separator a spreadsheet may take
     * (comma, semicolon, tab), start with no formula: `=` or `@`, or `+` or `-` before anything
     * but a number (`-12.5` is a number, `-` a dash; `-2+3+cmd|' /C calc'!A0` is a formula).
     */
    static void csv(byte[] bytes, String path, Problems problems) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(path, 0, "is not UTF-8 text", "save the table as \"CSV UTF-8\" (in Excel: File › Save As › CSV UTF-8)");
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's "CSV UTF-8" begins with a byte order mark
        }
        Set<Long> lines = new java.util.TreeSet<>();
        int told = 0;
        for (char separator : new char[]{',', ';', '\t'}) {
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).build();
            try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
                for (CSVRecord record : parser) {
                    for (int column = 0; column < record.size(); column++) {
                        String cell = record.get(column);
                        String start = formula(cell);
                        if (start == null) {
                            continue;
                        }
                        long line = lineOf(text, record.getCharacterPosition());
                        if (!lines.add(line * 1000 + column)) {
                            continue; // the same cell read with another separator
                        }
                        if (++told <= MAX_TOLD) {
                            problems.error(path, (int) line, "the cell `" + shown(cell) + "` starts with `" + start
                                    + "`: a spreadsheet opening the download runs it as a formula (it may fetch an address or start a program)",
                                    "write the value itself; a text that must begin with " + start + " is written with an apostrophe first ('" + start + ")");
                        }
                    }
                }
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                if (separator == ',') {
                    problems.error(path, 0, "is not a well-formed CSV table: " + e.getMessage(),
                            "save the table again as CSV UTF-8 (a quote \" inside a cell is written twice, \"\")");
                    return;
                }
            }
        }
        if (told > MAX_TOLD) {
            problems.error(path, 0, "has " + (told - MAX_TOLD) + " more cells that start as formulas", "fix those above, then build again");
        }
    }

    /** How a cell starts a formula (`=`, `@`, `+`, `-`), or null: a number with a sign is not one. */
    static String formula(String cell) {
        String t = cell.strip();
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(0);
        if (c == '=' || c == '@') {
            return String.valueOf(c);
        }
        if (c == '+' || c == '-') {
            if (t.chars().allMatch(ch -> ch == c)) {
                return null; // a dash for "none" is text
            }
            try {
                new java.math.BigDecimal(t.replace(",", "").replace(" ", "").replaceFirst("%$", ""));
                return null;
            } catch (NumberFormatException e) {
                return String.valueOf(c);
            }
        }
        return null;
    }

    /** A cell or an address as a message quotes it: on one line, at most 60 characters, control characters as `?`. */
    private static String shown(String s) {
        StringBuilder b = new StringBuilder();
        s.strip().codePoints().limit(60).forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == '`' ? '?' : c));
        return s.strip().codePointCount(0, s.strip().length()) > 60 ? b + "…" : b.toString();
    }

    private static long lineOf(String text, long offset) {
        long line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    /** Actions a PDF viewer performs that leave the document, run code or change files; going to a page or an address is not among them. */
    private static final Set<String> ACTIONS = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData", "ResetForm", "GoToR", "GoToE",
            "Rendition", "RichMediaExecute", "Movie", "Sound", "GoTo3DView");
    /** Annotations that play, attach or run something. */
    private static final Set<String> ANNOTATIONS = Set.of("FileAttachment", "RichMedia", "Screen", "Movie", "Sound", "3D");
    /** The most objects a PDF may have: a 20 MB file of nothing but tiny objects is over a million. */
    static final int MAX_OBJECTS = 500_000;

    /**
     * A PDF file: every object of it (those in compressed object streams too) is read, and one
     * that would run a script, act on opening or on an event (`/OpenAction` other than a page,
     * `/AA`), submit a form, launch or attach a file, play media, or carry an XFA form is refused.
     */
    static void pdf(byte[] bytes, String path, Problems problems) throws IOException {
        String fix = "print the document to a new PDF (Print › Save as PDF), which keeps its pages and drops scripts, forms and attachments";
        PDDocument document;
        try {
            document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(256L << 20).streamCache);
        } catch (InvalidPasswordException e) {
            problems.error(path, 0, "is protected by a password: readers could not open it, and the build cannot read it", fix);
            return;
        } catch (IOException e) {
            problems.error(path, 0, "is not a PDF file (or it is damaged): " + e.getMessage(), "export the document again as PDF");
            return;
        }
        try (document) {
            COSDocument cos = document.getDocument();
            if (cos.getXrefTable().size() > MAX_OBJECTS) {
                problems.error(path, 0, "has " + cos.getXrefTable().size() + " objects; at most " + MAX_OBJECTS + " are allowed", fix);
                return;
            }
            Set<String> found = new java.util.TreeSet<>();
            Deque<COSBase> todo = new ArrayDeque<>();
            todo.push(cos.getTrailer());
            for (COSObjectKey key : new java.util.TreeSet<>(cos.getXrefTable().keySet())) {
                todo.push(cos.getObjectFromPool(key));
            }
            Map<COSBase, Boolean> seen = new IdentityHashMap<>();
            while (!todo.isEmpty()) {
                COSBase next = todo.pop();
                COSBase object = next instanceof COSObject o ? o.getObject() : next;
                if (object == null || seen.put(object, true) != null) {
                    continue;
                }
                if (object instanceof COSDictionary d) {
                    judge(d, found);
                    d.getValues().forEach(todo::push);
                } else if (object instanceof COSArray a) {
                    a.forEach(todo::push);
                }
            }
            for (String what : found) {
                problems.error(path, 0, "the PDF " + what + ", which a reader's PDF viewer would do on the site's address", fix);
            }
        }
    }

    /** What one dictionary of a PDF would do that a download may not. */
    private static void judge(COSDictionary d, Set<String> found) {
        if (d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT)) {
            found.add("holds JavaScript");
        }
        if (d.containsKey(COSName.AA)) {
            found.add("has actions that run on an event (/AA: opening, closing, a page shown, a field changed)");
        }
        COSBase open = d.getDictionaryObject(COSName.OPEN_ACTION);
        if (open instanceof COSDictionary action && !"GoTo".equals(action.getNameAsString(COSName.S))) {
            found.add("runs an action when it is opened (/OpenAction)");
        }
        COSName action = d.getCOSName(COSName.S);
        if (action != null && ACTIONS.contains(action.getName())) {
            found.add("has a " + action.getName() + " action");
        }
        if (COSName.URI.equals(action)) {
            COSBase uri = d.getDictionaryObject(COSName.URI);
            String address = uri instanceof COSString s ? s.getString().strip() : "";
            String scheme = Urls.scheme(address);
            if (!Set.of("http", "https", "mailto").contains(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT))) {
                found.add("has a link to `" + shown(address) + "`, which is not a web or mail address");
            }
        }
        COSName subtype = d.getCOSName(COSName.SUBTYPE);
        if (subtype != null && ANNOTATIONS.contains(subtype.getName()) && d.containsKey(COSName.RECT)) {
            found.add("has a " + subtype.getName() + " annotation");
        }
        if (COSName.EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE)) || d.containsKey(COSName.EMBEDDED_FILES) || d.containsKey(COSName.EF)) {
            found.add("has files attached");
        }
        if (d.containsKey(COSName.XFA)) {
            found.add("has an XFA form");
        }
    }

    private static Map<String, Stamp> read(Path file) {
        Map<String, Stamp> passed = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(RULES)) {
                return passed;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                if (f.length == 5) {
                    passed.put(f[0], new Stamp(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])));
                }
            }
        } catch (IOException | NumberFormatException e) {
            passed.clear(); // every file is read again
        }
        return passed;
    }

    private static void write(Path file, Map<String, Stamp> passed) {
        StringBuilder sb = new StringBuilder(RULES).append('\n');
        passed.forEach((path, s) -> sb.append(path).append('\t').append(s.size()).append('\t').append(s.modified()).append('\t')
                .append(s.changed()).append('\t').append(s.inode()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // read again next time
        }
    }
}
