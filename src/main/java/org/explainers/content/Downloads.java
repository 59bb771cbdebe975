package org.explainers.content;

import java.io.IOException;
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
 * ({@code target/cache/downloads.bin}).
 */
public final class Downloads {

    /** What the cache's lines were judged by: a new rule makes every file read again. */
    private static final String RULES = "downloads 4";

    private Downloads() {
    }

    /** Checks every CSV and PDF file among {@code media}; each problem is told with the file (and a CSV's line). */
    public static void check(Path content, Iterable<String> media, Path cache, Problems problems) {
        Path passed = cache == null ? null : cache.resolve("downloads.bin"); // none when only checking: nothing is written
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
            List<Problem> told = read.get(rel);
            if (told == null) {
                return; // not read (the reader did not start, or the build's time for PDFs ran out): not passed
            }
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

    /** The files that passed, with their stamps, as the last build wrote them; none when the file is missing, damaged or of other rules. */
    private static Map<String, Stamp> read(Path file) {
        Map<String, Stamp> passed = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return passed;
        }
        try (CacheInput in = new CacheInput(file)) {
            if (!in.readUTF().equals(RULES)) {
                return passed;
            }
            for (int n = in.count(); n > 0; n--) {
                passed.put(in.string(), new Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
            if (!in.verified()) {
                passed.clear();
            }
        } catch (IOException e) {
            passed.clear(); // every file is read again
        }
        return passed;
    }

    /** Keeps the files that passed (aside, then moved into place: whole or not at all). */
    private static void write(Path file, Map<String, Stamp> passed) {
        try (CacheOutput out = CacheOutput.open(file)) {
            out.writeUTF(RULES);
            out.writeInt(passed.size());
            for (Map.Entry<String, Stamp> e : passed.entrySet()) {
                out.string(e.getKey());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modified());
                out.writeLong(e.getValue().changed());
                out.writeLong(e.getValue().inode());
            }
            out.commit();
        } catch (IOException e) {
            // read again next time
        }
    }
}
