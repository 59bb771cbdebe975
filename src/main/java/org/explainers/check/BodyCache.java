package org.explainers.check;

import org.explainers.content.Body;
import org.explainers.content.CacheInput;
import org.explainers.content.CacheOutput;
import org.explainers.content.Doc;
import org.explainers.content.Images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bodies rendered and checked by earlier builds, by a fingerprint of everything they depend
 * on: the file's path and Markdown, Flexmark's extensions, the allowlist, and the images the
 * text shows (their size sets its attributes). Kept in {@code target/cache/bodies.bin}; a
 * build reads it at the start and writes back the bodies it used once it has succeeded. A
 * build that made a few bodies writes just those, beside it ({@code bodies.new.bin}, which
 * names the file it adds to), instead of rewriting every text of a large site; when they are
 * many, or many bodies went unused, the whole file is written again.
 */
public final class BodyCache {

    /** Bumped whenever the rendering or the allowlist changes in a way the key does not show. */
    private static final int VERSION = 9;

    private record Entry(Body body, Map<String, String> images) {
    }

    private final Map<String, Entry> before;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();
    /** Whether this build rendered a body the file does not hold yet. */
    private volatile boolean added;
    /** The main file's identity (0: none), which the file of additions names, and the keys it holds. */
    private final long base;
    private final java.util.Set<String> inBase;

    private BodyCache(Map<String, Entry> before, long base, java.util.Set<String> inBase) {
        this.before = before;
        this.base = base;
        this.inBase = inBase;
    }

    public static BodyCache empty() {
        return new BodyCache(Map.of(), 0, java.util.Set.of());
    }

    /** The cache a previous build wrote, or an empty one (no file, another version, damaged). */
    public static BodyCache read(Path file) {
        Map<String, Entry> map = new java.util.HashMap<>();
        long base = read(file, 0, map);
        java.util.Set<String> inBase = java.util.Set.copyOf(map.keySet());
        if (base != 0) {
            Map<String, Entry> more = new java.util.HashMap<>();
            if (read(CacheOutput.additions(file), base, more) == base) {
                map.putAll(more);
            }
        }
        return new BodyCache(map, base, base == 0 ? java.util.Set.of() : inBase);
    }

    /** Reads one file into {@code into}; returns the identity it names (0 when it is not there, not whole, or not of {@code base}). */
    private static long read(Path file, long base, Map<String, Entry> into) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        Map<String, Entry> map = new java.util.HashMap<>();
        java.io.RandomAccessFile opened = null;
        try (CacheInput in = new CacheInput(opened = new java.io.RandomAccessFile(file.toFile(), "r"))) {
            if (in.readInt() != VERSION) {
                return 0;
            }
            long id = in.readLong();
            if (base != 0 && id != base) {
                return 0;
            }
            int n = in.count();
            for (int i = 0; i < n; i++) {
                String key = in.string();
                String made = in.string();
                java.util.function.Supplier<byte[]> html = run(in, opened);
                java.util.function.Supplier<byte[]> text = run(in, opened);
                java.util.function.Supplier<byte[]> words = run(in, opened);
                boolean headings = in.readBoolean();
                int cells = in.readInt();
                int wordCount = in.readInt();
                int links = in.count();
                List<Body.Link> list = new ArrayList<>(links);
                for (int k = 0; k < links; k++) {
                    list.add(new Body.Link(in.name(), in.name(), in.string()));
                }
                int deps = in.count();
                Map<String, String> images = new TreeMap<>();
                for (int k = 0; k < deps; k++) {
                    images.put(in.readUTF(), in.readUTF());
                }
                map.put(key, new Entry(new Body(made, html, text, words, list, headings, cells, wordCount), images.isEmpty() ? Map.of() : images));
            }
            if (!in.verified()) {
                return 0;
            }
            into.putAll(map);
            if (LAZY) {
                opened = null; // stays open for the bodies' bytes
            }
            return id;
        } catch (IOException | RuntimeException e) {
            return 0; // a damaged cache is no cache
        } finally {
            close(opened);
        }
    }

    /**
     * Whether bodies are read from the file only when a page or the search needs them (most of
     * a large site's are not, in a build after an edit): not on Windows, where a file held open
     * cannot be replaced by the next cache written.
     */
    private static final boolean LAZY = java.io.File.separatorChar == '/';

    /** A body's HTML, text or words: where they are in the file, or read now. */
    private static java.util.function.Supplier<byte[]> run(CacheInput in, java.io.RandomAccessFile file) throws IOException {
        if (!LAZY) {
            return Body.held(in.bytes());
        }
        long[] run = in.pass();
        return new Body.Stored(file, run[0], (int) run[1]);
    }

    private static void close(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // read only
            }
        }
    }

    /** For the next build in this JVM (the preview's): everything known so far. */
    public BodyCache next() {
        Map<String, Entry> all = new ConcurrentHashMap<>(before);
        all.putAll(used);
        return new BodyCache(all, base, inBase);
    }

    /** What every body's key starts with: this format, the build's code, Flexmark's options and the allowlist. */
    public static String keys(int extensions, HtmlPolicy policy) {
        return VERSION + ":" + org.explainers.content.Code.FINGERPRINT + ":" + extensions + ":" + policy.fingerprint() + ":";
    }

    /** A body's key: {@link #keys}, the file's fingerprint from JBake's crawl (its SHA-1) and its path. */
    public static String key(String keys, Doc d) {
        return keys + d.sha1() + ":" + d.source;
    }

    /** The cached body for this key, if the images it shows are the same as then. */
    Body get(String key, Images images) {
        Entry e = before.get(key);
        if (e == null) {
            return null;
        }
        for (Map.Entry<String, String> dep : e.images.entrySet()) {
            if (!version(dep.getKey(), images).equals(dep.getValue())) {
                return null;
            }
        }
        used.put(key, e);
        return e.body;
    }

    void put(String key, Body body, List<String> imagePaths, Images images) {
        Map<String, String> deps = new TreeMap<>();
        for (String p : imagePaths) {
            deps.put(p, version(p, images));
        }
        used.put(key, new Entry(body, deps));
        added = true;
    }

    /** An image a text shows, as its body depends on it: its bytes' SHA-256, or "" while it is missing. */
    static String version(String path, Images images) {
        Images.Info info = images.get(path);
        return info == null ? "" : info.sha256();
    }

    /**
     * Writes the bodies this build used, unless the files hold just those: only those the main
     * file lacks, beside it, while they are few and few of its bodies went unused; else all.
     */
    public void write(Path file) throws IOException {
        if (!added && used.size() == before.size() && Files.isRegularFile(file)) {
            return;
        }
        Map<String, Entry> lacking = new TreeMap<>();
        used.forEach((key, e) -> {
            if (!inBase.contains(key)) {
                lacking.put(key, e);
            }
        });
        long unused = inBase.stream().filter(k -> !used.containsKey(k)).count();
        if (base != 0 && CacheOutput.fewChanged(lacking.size(), unused, used.size()) && Files.isRegularFile(file)) {
            write(CacheOutput.additions(file), base, lacking);
            return;
        }
        Files.deleteIfExists(CacheOutput.additions(file));
        write(file, new java.security.SecureRandom().nextLong() | 1, new TreeMap<>(used));
    }

    private static void write(Path file, long id, Map<String, Entry> sorted) throws IOException {
        try (CacheOutput out = CacheOutput.open(file)) {
            out.writeInt(VERSION);
            out.writeLong(id);
            out.writeInt(sorted.size());
            for (Map.Entry<String, Entry> e : sorted.entrySet()) {
                Body b = e.getValue().body;
                out.string(e.getKey());
                out.string(b.key());
                out.bytes(b.htmlBytes());
                out.bytes(b.textBytes());
                out.bytes(b.wordsBytes());
                out.writeBoolean(b.headings());
                out.writeInt(b.cells());
                out.writeInt(b.wordCount());
                out.writeInt(b.links().size());
                for (Body.Link l : b.links()) {
                    out.writeUTF(l.element());
                    out.writeUTF(l.attribute());
                    out.string(l.url());
                }
                out.writeInt(e.getValue().images.size());
                for (Map.Entry<String, String> d : e.getValue().images.entrySet()) {
                    out.writeUTF(d.getKey());
                    out.writeUTF(d.getValue());
                }
            }
            out.commit();
        }
    }
}
