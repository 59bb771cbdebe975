package org.explainers.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** What the cache's lines were judged by: a new rule makes every file read again. */
    private static final String RULES = "downloads 2";

    private Downloads() {
    }

    /** Checks every CSV and PDF file among {@code media}; each problem is told with the file (and a CSV's line). */
    public static void check(Path content, Iterable<String> media, Path cache, Problems problems) {
        Path passed = cache == null ? null : cache.resolve("downloads.txt"); // none when only checking: nothing is written
        Map<String, Stamp> before = passed == null ? Map.of() : read(passed);
        Map<String, Stamp> now = new TreeMap<>();
        Map<String, Stamp> pdfs = new TreeMap<>();
        for (String rel : media) {
            String ext = rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!ext.equals("csv") && !ext.equals("pdf")) {
                continue;
            }
            Stamp stamp = Stamp.of(content.resolve(rel));
            Stamp last = before.get(rel);
            if (last != null && last.vouchesFor(stamp)) {
                now.put(rel, stamp);
            } else if (ext.equals("pdf")) {
                pdfs.put(rel, stamp);
            } else {
                Problems mine = new Problems();
                try {
                    CsvDownload.check(Files.readAllBytes(content.resolve(rel)), "content/" + rel, mine);
                } catch (IOException e) {
                    mine.error("content/" + rel, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
                }
                mine.list().forEach(problems::add);
                if (mine.list().isEmpty()) {
                    now.put(rel, stamp);
                }
            }
        }
        Map<String, List<Problem>> read = PdfDownload.check(content, List.copyOf(pdfs.keySet()), problems);
        pdfs.forEach((rel, stamp) -> {
            List<Problem> told = read.getOrDefault(rel, List.of());
            told.forEach(problems::add);
            if (told.isEmpty()) {
                now.put(rel, stamp);
            }
        });
        if (passed != null && !now.equals(before)) {
            write(passed, now);
        }
    }

    /** A cell or an address as a message quotes it: on one line, at most 60 characters, control characters as `?`. */
    static String shown(String s) {
        StringBuilder b = new StringBuilder();
        s.strip().codePoints().limit(60).forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == '`' ? '?' : c));
        return s.strip().codePointCount(0, s.strip().length()) > 60 ? b + "…" : b.toString();
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
            Path next = file.resolveSibling(file.getFileName() + ".new"); // whole or not at all: an interrupted build leaves the last one
            Files.writeString(next, sb.toString(), StandardCharsets.UTF_8);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // read again next time
        }
    }
}
