package org.explainers.check;

import org.explainers.content.Body;
import org.explainers.content.CacheInput;
import org.explainers.content.CacheOutput;
import org.explainers.content.Doc;
import org.explainers.content.Images;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * build reads it at the start and writes back the bodies it used once it has succeeded.
 */
public final class BodyCache {

    /** Bumped whenever the rendering or the allowlist changes in a way the key does not show. */
    private static final int VERSION = 5;

    private record Entry(Body body, Map<String, String> images) {
    }

    private final Map<String, Entry> before;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();
    /** Whether this build rendered a body the file does not hold yet. */
    private volatile boolean added;

    private BodyCache(Map<String, Entry> before) {
        this.before = before;
    }

    public static BodyCache empty() {
        return new BodyCache(Map.of());
    }

    /** The cache a previous build wrote, or an empty one (no file, another version, damaged). */
    public static BodyCache read(Path file) {
        Map<String, Entry> map = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try (CacheInput in = new CacheInput(file)) {
                if (in.readInt() == VERSION) {
                    int n = in.count();
                    for (int i = 0; i < n; i++) {
                        String key = new String(in.bytes(), StandardCharsets.UTF_8);
                        String made = new String(in.bytes(), StandardCharsets.UTF_8);
                        byte[] html = in.bytes();
                        byte[] text = in.bytes();
                        byte[] words = in.bytes();
                        boolean headings = in.readBoolean();
                        int links = in.count();
                        List<Body.Link> list = new ArrayList<>(links);
                        for (int k = 0; k < links; k++) {
                            list.add(new Body.Link(in.readUTF(), in.readUTF(), new String(in.bytes(), StandardCharsets.UTF_8)));
                        }
                        int deps = in.count();
                        Map<String, String> images = new TreeMap<>();
                        for (int k = 0; k < deps; k++) {
                            images.put(in.readUTF(), in.readUTF());
                        }
                        map.put(key, new Entry(new Body(made, html, text, words, list, headings), images));
                    }
                    if (!in.verified()) {
                        map.clear();
                    }
                }
            } catch (IOException | RuntimeException e) {
                map.clear(); // a damaged cache is no cache
            }
        }
        return new BodyCache(map);
    }

    /** For the next build in this JVM (the preview's): everything known so far. */
    public BodyCache next() {
        Map<String, Entry> all = new ConcurrentHashMap<>(before);
        all.putAll(used);
        return new BodyCache(all);
    }

    /** The file's fingerprint from JBake's crawl (its SHA-1), with its path, Flexmark's options and the allowlist. */
    public static String key(Doc d, int extensions, HtmlPolicy policy) {
        return VERSION + ":" + org.explainers.content.Code.FINGERPRINT + ":" + d.sha1() + ":" + d.source + ":" + extensions + ":" + policy.fingerprint();
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

    /** Writes the bodies this build used (written aside, then moved into place), unless the file holds just those. */
    public void write(Path file) throws IOException {
        if (!added && used.size() == before.size() && Files.isRegularFile(file)) {
            return;
        }
        Map<String, Entry> sorted = new TreeMap<>(used);
        try (CacheOutput out = CacheOutput.open(file)) {
            out.writeInt(VERSION);
            out.writeInt(sorted.size());
            for (Map.Entry<String, Entry> e : sorted.entrySet()) {
                Body b = e.getValue().body;
                bytes(out, e.getKey().getBytes(StandardCharsets.UTF_8));
                bytes(out, b.key().getBytes(StandardCharsets.UTF_8));
                bytes(out, b.htmlBytes());
                bytes(out, b.textBytes());
                bytes(out, b.wordsBytes());
                out.writeBoolean(b.headings());
                out.writeInt(b.links().size());
                for (Body.Link l : b.links()) {
                    out.writeUTF(l.element());
                    out.writeUTF(l.attribute());
                    bytes(out, l.url().getBytes(StandardCharsets.UTF_8));
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


    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }
}
