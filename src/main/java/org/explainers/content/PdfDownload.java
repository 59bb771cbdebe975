package org.explainers.content;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A PDF download, read before it is published as it is: a PDF viewer runs a PDF's scripts,
 * actions and attachments, on the site's own address, outside the pages' policy. Read with
 * PDFBox, object by object, in a JVM of its own.
 */
public final class PdfDownload {

    /** How long reading one PDF may take (its objects are parsed one by one); tests shorten it. */
    static long seconds() {
        return Long.getLong("explainers.pdfSeconds", 30);
    }

    /**
     * How long reading one build's PDFs may take in all: a pull request of many slow files, each
     * within its own bound, would fill CI's time. Files read are remembered, so the next build goes on.
     */
    static long totalSeconds() {
        return Long.getLong("explainers.pdfTotalSeconds", 600);
    }

    private PdfDownload() {
    }

    /** The most memory a JVM reading PDFs may take: an object stream or a cross-reference table can claim gigabytes. */
    static final String HEAP = "-Xmx384m";

    /**
     * Reads PDFs in a JVM of their own, bounded in memory ({@link #HEAP}) and time ({@link #seconds}
     * a file), and killed at either bound: PDFBox cannot be stopped, and a 2 MB file claimed 2 GB
     * of the build's memory. The files' names go to it one per line, and it reads them one after
     * another; after one that failed its bounds, a new JVM reads the rest. A JVM that does not
     * start is the build's problem, not a file's, and so is the end of the build's time for PDFs
     * ({@link #totalSeconds}).
     *
     * @return each file read, with its problems (none when it passed); a file not read is not in it
     */
    static Map<String, List<Problem>> check(Path content, List<String> files, Problems problems) {
        Map<String, List<Problem>> told = new TreeMap<>();
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(totalSeconds());
        int from = 0;
        while (from < files.size() && !Thread.currentThread().isInterrupted()) {
            if (System.nanoTime() - end >= 0) {
                int left = files.size() - from;
                problems.error("content/" + files.get(from), 0, "was not read" + (left > 1 ? ", nor " + (left - 1) + " more PDF files after it" : "")
                        + ": reading this build's PDFs took more than " + totalSeconds() + " s in all", "build again: the PDFs read so far"
                        + " are remembered in target/cache/downloads.bin, so the next build reads on from here");
                return told;
            }
            List<String> command = List.of(java(), HEAP, "-Xss64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                    "-cp", classPath(), PdfDownload.class.getName());
            int done = from;
            boolean ready = false;
            Process child = null;
            try {
                child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                java.io.BufferedReader answers = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
                Thread reading = Jobs.daemons("pdf answers").newThread(() -> {
                    try {
                        answers.lines().forEach(lines::add);
                    } catch (java.io.UncheckedIOException e) {
                        // the reader was stopped (over its time): its answers end here
                    }
                });
                reading.start();
                try (java.io.Writer names = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (String rel : files.subList(from, files.size())) {
                        names.write(content.resolve(rel) + "\n");
                    }
                }
                long deadline = deadline(end);
                while (done < files.size()) {
                    String line = lines.poll(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (line == null) {
                        if (System.nanoTime() < deadline && (child.isAlive() || reading.isAlive())) {
                            continue;
                        }
                        break; // over its time, or the JVM ended (out of memory) before the file's answer
                    }
                    String[] f = line.split("\t", -1);
                    String path = "content/" + files.get(done);
                    if (f[0].equals("R")) {
                        ready = true;
                    } else if (f[0].equals("P") && f.length == 3) {
                        told.computeIfAbsent(files.get(done), k -> new ArrayList<>()).add(new Problem(path, 0, unescape(f[1]), unescape(f[2]), false));
                    } else if (f[0].equals("D")) {
                        told.computeIfAbsent(files.get(done), k -> new ArrayList<>()); // read: problems or none
                        done++;
                        deadline = deadline(end);
                    }
                }
            } catch (IOException e) {
                // not started, or its pipes broke: told below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (child != null) {
                    child.destroyForcibly();
                    try {
                        child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS); // its memory back before the next one starts
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            if (!ready) {
                problems.error("content/" + files.get(from), 0, "the PDF reader (a JVM the build starts) did not start, so no PDF was read",
                        "check that `" + java() + "` runs; build again");
                return told;
            }
            if (done < files.size() && !Thread.currentThread().isInterrupted() && System.nanoTime() - end < 0) {
                String rel = files.get(done);
                told.computeIfAbsent(rel, k -> new ArrayList<>()).add(new Problem("content/" + rel, 0, "reading the PDF took more than "
                        + seconds() + " s or more than the memory a download may take, and was stopped",
                        "print the document to a new PDF (Print › Save as PDF)", false));
                done++;
            }
            from = done;
        }
        return told;
    }

    /** When the file being read must be done: its own bound, or the end of the build's time for PDFs if that comes first. */
    private static long deadline(long end) {
        long own = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds());
        return own - end < 0 ? own : end;
    }

    /**
     * The PDF reader's JVM: says `R` when ready, then reads each file named on its input, one a
     * line, and prints each problem as `P`, the message and the fix, tab-separated (tabs and line
     * breaks escaped), then `D` when the file is done. What PDFBox logs as a warning while it reads
     * (a dictionary it cut short, an object it skipped, a table it rebuilt) refuses the file: a
     * viewer may read that part otherwise, and run what is there.
     */
    public static void main(String[] args) throws IOException {
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        List<String> warnings = new ArrayList<>();
        java.util.logging.Logger pdfbox = java.util.logging.Logger.getLogger("org.apache.pdfbox");
        pdfbox.setUseParentHandlers(false);
        pdfbox.setLevel(java.util.logging.Level.WARNING);
        pdfbox.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() && warnings.size() < 3) {
                    warnings.add(String.valueOf(r.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        out.println("R");
        java.io.BufferedReader names = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String name = names.readLine(); name != null; name = names.readLine()) {
            Problems problems = new Problems();
            warnings.clear();
            try {
                pdf(Files.readAllBytes(Path.of(name)), "", problems);
            } catch (IOException e) {
                problems.error("", 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
            } catch (RuntimeException | StackOverflowError e) {
                // Any failure is the file's problem: never a silent pass.
                problems.error("", 0, "cannot be read as a PDF file (" + e.getClass().getSimpleName() + ")", "print or export the document again as PDF");
            }
            if (!warnings.isEmpty() && problems.list().isEmpty()) {
                problems.error("", 0, "the PDF is damaged where PDFBox had to guess (" + Downloads.shown(warnings.get(0))
                        + "), and a PDF viewer may read that part otherwise", "print the document to a new PDF (Print › Save as PDF)");
            }
            for (Problem p : problems.list()) {
                out.println("P\t" + escape(p.message()) + "\t" + escape(p.fix()));
            }
            out.println("D");
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The running JVM's own java. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The reader's class path: where this class and the PDF libraries were loaded from (Maven
     * runs the build with a class loader of its own, so the JVM's own class path is Maven's), and
     * TwelveMonkeys' metadata readers, with which a photo in a PDF is read as one alone is.
     */
    private static String classPath() {
        java.util.Set<String> parts = new java.util.LinkedHashSet<>();
        for (Class<?> c : List.of(PdfDownload.class, PDDocument.class, RandomAccessReadBuffer.class, org.apache.fontbox.FontBoxFont.class,
                org.apache.commons.logging.LogFactory.class, com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil.class,
                com.twelvemonkeys.imageio.ImageReaderBase.class, com.twelvemonkeys.lang.Validate.class, com.twelvemonkeys.io.FastByteArrayOutputStream.class,
                com.twelvemonkeys.image.ImageUtil.class)) {
            try {
                parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException | RuntimeException e) {
                // a class without a location (never for these) adds nothing
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
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
            Set<String> places = new java.util.TreeSet<>();
            Deque<COSBase> todo = new ArrayDeque<>();
            todo.push(cos.getTrailer());
            for (COSObjectKey key : new java.util.TreeSet<>(cos.getXrefTable().keySet())) {
                todo.push(cos.getObjectFromPool(key));
            }
            Map<COSBase, Boolean> seen = new IdentityHashMap<>();
            while (!todo.isEmpty()) {
                COSBase next = todo.pop();
                COSBase object = next instanceof COSObject o ? o.getObject() : next;
                if (next instanceof COSObject o && (object == null || object instanceof org.apache.pdfbox.cos.COSNull)
                        && cos.getXrefTable().containsKey(o.getKey())) {
                    // PDFBox skips an object it cannot parse (a stray `1.2.3` or `]` in it), which a viewer may still read and run.
                    found.add("has an object the build cannot read (" + o.getKey() + "), which a PDF viewer may read otherwise");
                    continue;
                }
                if (object == null || seen.put(object, true) != null) {
                    continue;
                }
                if (object instanceof org.apache.pdfbox.cos.COSStream stream) {
                    String place = place(stream);
                    if (place != null) {
                        places.add(place);
                    }
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
            for (String place : places) {
                boolean photo = place.endsWith(PHOTO);
                problems.error(path, 0, "the PDF carries the place where " + (photo ? "a photo was taken" : "it was made") + " (" + place
                        + "), which readers could read from the file", photo ? "remove the location from the photos before they go into the document (e.g. "
                        + Images.WITHOUT_METADATA + " photo.jpg), then make the PDF again" : "print the document to a new PDF (Print › Save as PDF),"
                        + " or remove its metadata (e.g. exiftool -overwrite_original -all:all= " + path.substring(path.lastIndexOf('/') + 1) + ")");
            }
        }
    }

    /** How a place in a photo of a PDF is told (one in its own metadata is not a photo's). */
    private static final String PHOTO = ", in a photo on its pages";

    /** The most bytes of a metadata stream or a photo in a PDF that are read for a place. */
    private static final int MAX_PLACE_BYTES = 32 << 20;

    /**
     * Where a stream says a photo was taken: an XMP metadata stream's properties, or a JPEG
     * photo's own EXIF and XMP, kept whole by tools that put photos in PDFs (an attacker's trial:
     * a PDF of a photo with its GPS position was published, the photo alone would have been
     * refused). Read as images are ({@link Images#place}); what cannot be read is not a place.
     */
    private static String place(org.apache.pdfbox.cos.COSStream stream) {
        try {
            if (COSName.METADATA.equals(stream.getCOSName(COSName.TYPE))) {
                try (java.io.InputStream in = stream.createInputStream()) {
                    return Images.saysWhere(in.readNBytes(MAX_PLACE_BYTES)) ? "a GPS position or a place in its XMP metadata" : null;
                }
            }
            COSBase filter = stream.getDictionaryObject(COSName.FILTER);
            boolean jpeg = COSName.DCT_DECODE.equals(filter) || filter instanceof COSArray a && a.size() == 1 && COSName.DCT_DECODE.equals(a.getObject(0));
            if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE)) && jpeg) {
                byte[] photo;
                try (java.io.InputStream in = stream.createRawInputStream()) {
                    photo = in.readNBytes(MAX_PLACE_BYTES);
                }
                javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("jpeg").next();
                try {
                    String place = Images.place(reader, photo);
                    return place == null ? null : place + PHOTO;
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not read: no place found (a photo's odd segments are the image check's concern, not a PDF's)
        }
        return null;
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
        if (action != null && action.getName().equals("Thread") && d.containsKey(COSName.F)) {
            found.add("has a Thread action into another file");
        }
        if (COSName.URI.equals(action)) {
            COSBase uri = d.getDictionaryObject(COSName.URI);
            String address = uri instanceof COSString s ? s.getString().strip() : "";
            String scheme = Urls.scheme(address);
            if (!Set.of("http", "https", "mailto").contains(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT))) {
                found.add("has a link to `" + Downloads.shown(address) + "`, which is not a web or mail address");
            }
        }
        COSName subtype = d.getCOSName(COSName.SUBTYPE);
        if (subtype != null && ANNOTATIONS.contains(subtype.getName()) && (d.containsKey(COSName.RECT) || d.containsKey(COSName.FS))) {
            found.add("has a " + subtype.getName() + " annotation");
        }
        if (COSName.EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE)) || d.containsKey(COSName.EMBEDDED_FILES) || d.containsKey(COSName.EF)) {
            found.add("has files attached");
        }
        if (d.containsKey(COSName.XFA)) {
            found.add("has an XFA form");
        }
    }

}
