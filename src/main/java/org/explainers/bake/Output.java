package org.explainers.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.explainers.content.CacheInput;
import org.explainers.content.CacheOutput;

/**
 * The folder a bake writes, and what it may take from the build that is published now. Each
 * file is written with a key: a fingerprint of everything it is made from (a page's data and
 * templates, a file's bytes). When the published build wrote the same path with the same key,
 * its file is linked instead of made again, so an edit to one section re-renders only the
 * pages that show it, and the result is byte for byte what a clean build writes.
 *
 * <p>The keys, and the internal links each page makes, are kept in a manifest beside the build
 * ({@code <build>.manifest}: sorted by path, each link a number in a table of the distinct links,
 * ended with a checksum like the caches).
 */
public final class Output {

    /** What the manifest knows of one file: its key, and a page's internal links (the same strings for the same link). */
    public record Entry(String key, List<String> links) {
    }

    private static final int VERSION = 1;

    public final Path dir;
    private final Path previousDir;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Files made in this bake (not linked): only these need checking again. */
    private final Map<String, Boolean> fresh = new ConcurrentHashMap<>();

    /** What the folder held when this build took it over (an older build's files), by path; empty for a new folder. */
    private final Map<String, Entry> held;

    /**
     * @param dir      the new build's folder: new, or an older build's (see {@code Publish.next})
     * @param previous the published build's folder, or null
     * @param held     the manifest of what {@code dir} holds, or null for a new folder
     */
    public Output(Path dir, Path previous, Path held) throws IOException {
        this.dir = dir;
        Map<String, Entry> before = previous == null ? Map.of() : readManifest(manifestOf(previous));
        this.previousDir = before.isEmpty() ? null : previous;
        this.previous = before;
        Map<String, Entry> there = held == null ? Map.of() : readManifest(held);
        if (Files.isDirectory(dir) && there.isEmpty()) {
            // What it holds is not known: it is emptied.
            org.explainers.content.Trees.delete(dir);
        }
        if (held != null) {
            Files.delete(held);
        }
        this.held = there;
        Files.createDirectories(dir);
    }

    /**
     * Makes room for a file: its folder, and no file at its place (an older build's, or one
     * linked a moment ago). A file there may be a link to the published build's: it is
     * removed, never written over.
     */
    private void clear(Path target) throws IOException {
        folder(target.getParent());
        Files.deleteIfExists(target);
    }

    /** Folders made so far: most files go where others already went, and asking the disk each time was a good part of linking a large site. */
    private final java.util.Set<Path> folders = ConcurrentHashMap.newKeySet();

    private void folder(Path folder) throws IOException {
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
    }

    public static Path manifestOf(Path build) {
        return build.resolveSibling(build.getFileName() + ".manifest");
    }

    /** Links the published build's file if it was made with the same key; false when it must be made. */
    boolean reuse(String path, String key) {
        Entry there = held.get(path);
        if (there != null && there.key().equals(key)) {
            entries.put(path, there); // already in the folder
            return true;
        }
        Entry before = previous.get(path);
        if (before == null || !before.key().equals(key)) {
            return false;
        }
        try {
            Path target = dir.resolve(path);
            clear(target);
            Path source = previousDir.resolve(path);
            try {
                Files.createLink(target, source);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(source, target);
            }
            entries.put(path, before);
            return true;
        } catch (IOException e) {
            return false; // made again below
        }
    }

    /** The key the published build made a file with, or null. */
    String previousKey(String path) {
        Entry before = previous.get(path);
        return before == null ? null : before.key();
    }

    /** Links the published build's file, whatever its key; false if it has none. */
    boolean keep(String path) {
        String key = previousKey(path);
        return key != null && reuse(path, key);
    }

    /**
     * Links every file of the published build under {@code folder} if {@code probe} was made
     * with this key there (a file that stands for the whole folder); false when they must be made.
     */
    boolean reuseFolder(String folder, String probe, String key) {
        Entry before = previous.get(probe);
        if (before == null || !before.key().equals(key)) {
            return false;
        }
        for (Map.Entry<String, Entry> e : previous.entrySet()) {
            if (e.getKey().startsWith(folder) && !reuse(e.getKey(), e.getValue().key())) {
                return false;
            }
        }
        return true;
    }

    /** Writes a made file. */
    void write(String path, byte[] bytes, String key) {
        try {
            Path target = dir.resolve(path);
            clear(target);
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(path, new Entry(key, List.of()));
        fresh.put(path, true);
    }

    /** Writes a file keyed by its own bytes, or links the published one if it has the same bytes. */
    void writeFile(String path, byte[] bytes) {
        String key = "sha256:" + org.explainers.content.Images.sha256(bytes);
        if (!reuse(path, key)) {
            write(path, bytes, key);
        }
    }

    /** Copies a file keyed by its fingerprint, or links the published one if it is the same. */
    void copy(String path, Path from, String sha256) throws IOException {
        String key = "sha256:" + sha256;
        if (reuse(path, key)) {
            return;
        }
        Path target = dir.resolve(path);
        clear(target);
        Files.copy(from, target);
        entries.put(path, new Entry(key, List.of()));
        fresh.put(path, true);
    }

    /** Records the internal links the output check found in a page. */
    public void links(String path, List<String> links) {
        Entry e = entries.get(path);
        if (e != null) {
            entries.put(path, new Entry(e.key(), links.stream().map(l -> linkStrings.computeIfAbsent(l, k -> k)).toList()));
        }
    }

    /** One string for each link made (a site's pages mostly link to the same few hundred places). */
    private final Map<String, String> linkStrings = new ConcurrentHashMap<>();

    /** Every file of this build, by path, in no order. */
    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The files this bake made, in no order. */
    public java.util.Set<String> fresh() {
        return fresh.keySet();
    }

    /** Whether this build has a file at this path. */
    public boolean has(String path) {
        return entries.containsKey(path);
    }

    /** How many files this bake made (the rest were already in its folder, or linked from the published build). */
    public int made() {
        return fresh.size();
    }

    /** Writes the manifest beside the build; the next bake reads it. */
    public void writeManifest() throws IOException {
        // What the older build had and this one has not goes, with the folders it leaves empty.
        for (String path : held.keySet().stream().filter(p -> !entries.containsKey(p)).sorted().toList()) {
            Path file = dir.resolve(path);
            Files.deleteIfExists(file);
            for (Path folder = file.getParent(); !folder.equals(dir); folder = folder.getParent()) {
                try (java.util.stream.Stream<Path> inside = Files.list(folder)) {
                    if (inside.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(folder);
            }
        }
        // Written aside and moved into place: a manifest is there whole or not at all.
        String[] paths = entries.keySet().toArray(new String[0]);
        java.util.Arrays.sort(paths);
        Map<String, Integer> numbers = new HashMap<>();
        List<String> table = new java.util.ArrayList<>();
        for (String path : paths) {
            Entry e = entries.get(path);
            for (String link : e.links()) {
                if (numbers.putIfAbsent(link, table.size()) == null) {
                    table.add(link);
                }
            }
        }
        try (CacheOutput out = CacheOutput.open(manifestOf(dir))) {
            out.writeInt(VERSION);
            out.writeInt(table.size());
            for (String link : table) {
                out.string(link);
            }
            out.writeInt(paths.length);
            for (String path : paths) {
                Entry e = entries.get(path);
                out.string(path);
                out.string(e.key());
                out.writeInt(e.links().size());
                for (String link : e.links()) {
                    out.writeInt(numbers.get(link));
                }
            }
            out.commit();
        }
    }

    /** A build's manifest: every file's entry by path (empty if there is none or it cannot be read). */
    public static Map<String, Entry> readManifest(Path file) {
        Map<String, Entry> map = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        try (CacheInput in = new CacheInput(file)) {
            if (in.readInt() != VERSION) {
                return map;
            }
            String[] table = new String[in.count()];
            for (int i = 0; i < table.length; i++) {
                table[i] = in.string();
            }
            int n = in.count();
            for (int i = 0; i < n; i++) {
                String path = in.string();
                String key = in.string();
                String[] links = new String[in.count()];
                for (int k = 0; k < links.length; k++) {
                    links[k] = table[in.readInt()]; // out of range: damaged, caught below
                }
                map.put(path, new Entry(key, java.util.Arrays.asList(links)));
            }
            if (!in.verified()) {
                map.clear();
            }
        } catch (IOException | RuntimeException e) {
            map.clear(); // a damaged manifest: nothing is taken over
        }
        return map;
    }

}
