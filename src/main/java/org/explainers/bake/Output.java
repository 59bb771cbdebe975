package org.explainers.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * ({@code <build>.manifest}: sorted by path, each page's links numbers in a table of the distinct
 * links, ended with a checksum like the caches). A build's table starts as the published build's
 * and only grows, so a page taken over keeps its links' numbers as they were written: at 10,000
 * sections, decoding and numbering a million links again was most of reading and writing it.
 * Once it has grown past twice its size when last made (and 1,024 more), it is made anew.
 */
public final class Output {

    /**
     * What the manifest knows of one file: its key, and a page's internal links (the same
     * strings for the same link), kept as their numbers in a manifest's table until asked for.
     */
    public static final class Entry {
        private final String key;
        private final Table table;
        private final byte[] numbers;
        private volatile List<String> links;
        /** The file as written: its size and modification time, which a build checks before it takes the file over. */
        private final long size;
        private final long modified;

        private Entry(String key, List<String> links, Table table, byte[] numbers, long size, long modified) {
            this.key = key;
            this.links = links;
            this.table = table;
            this.numbers = numbers;
            this.size = size;
            this.modified = modified;
        }

        /** Whether the file at {@code file} is still the one this entry was written for. */
        private boolean describes(Path file) {
            try {
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                        java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return a.isRegularFile() && a.size() == size && a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) == modified;
            } catch (IOException e) {
                return false;
            }
        }

        public String key() {
            return key;
        }

        public List<String> links() {
            List<String> l = links;
            if (l == null) {
                List<String> decoded = new java.util.ArrayList<>();
                eachNumber(numbers, n -> decoded.add(table.strings.get(n)));
                links = l = decoded;
            }
            return l;
        }
    }

    /**
     * A manifest's table of links; {@code live} is its size when it was last made anew (all of
     * them in use then). It is made anew once it has grown past twice that and 1,024 more: it
     * never holds more than about three times the links the pages used then, whatever they use since.
     */
    private record Table(List<String> strings, int live) {
        /** Whether numbers into this table mean the same links in {@code other}. */
        boolean prefixOf(Table other) {
            return strings.size() <= other.strings.size() && strings.equals(other.strings.subList(0, strings.size()));
        }
    }

    /**
     * A manifest: the files by path, their paths in order, the table their links' numbers refer
     * to, the site's shape the build was made from with each content file's text key (see
     * {@link #previousShape}), and the "now" it was made for, in epoch seconds.
     */
    private record Manifest(Map<String, Entry> entries, String[] paths, Table table, String shape, Texts texts, int[] pages, long now) {
        static final Manifest NONE = new Manifest(Map.of(), new String[0], new Table(List.of(), 0), "", new Texts("", new int[0]), new int[0], Long.MIN_VALUE);
    }

    /**
     * The text keys a build recorded with {@link #shape}, read back as one string and where each
     * key ends in it: at 10,000 sections, 20,000 strings fewer for the collector to copy.
     */
    record Texts(String joined, int[] ends) {
        int size() {
            return ends.length;
        }

        /** Whether the {@code i}th key is {@code key}. */
        boolean is(int i, String key) {
            int from = i == 0 ? 0 : ends[i - 1];
            return ends[i] - from == key.length() && joined.regionMatches(from, key, 0, key.length());
        }
    }

    /** A page of a build's plan, and whether it is listed (in the sitemap). */
    record Page(String path, boolean listed) {
    }

    private static final int VERSION = 6;

    public final Path dir;
    private final Path previousDir;
    private final Map<String, Entry> previous;
    /** The published build's table, which this build's starts from. */
    private final Table previousTable;
    /** The published build's paths, in order. */
    private final String[] previousPaths;
    /** The shape the published build was made from, and its content files' text keys. */
    private final String previousShape;
    private final Texts previousTexts;
    /** The "now" the published build was made for, or null. */
    private final Instant previousNow;
    /** The published build's pages in the order of its plan, each as its number in previousPaths, twice, plus one if listed. */
    private final int[] previousPages;
    /** Those pages, once asked for (see {@link #previousPages}). */
    private List<Page> previousPageList;
    /** This build's pages, written with its manifest. */
    private List<Page> pages = List.of();
    /** This build's, written with its manifest. */
    private String shape = "";
    private Instant now = Instant.EPOCH;
    private List<String> texts = List.of();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Files made in this bake (not linked): only these need checking again. */
    private final Map<String, Boolean> fresh = new ConcurrentHashMap<>();

    /** What the folder held when this build took it over (an older build's files), by path; empty for a new folder. */
    private final Map<String, Entry> held;
    private final Table heldTable;

    /**
     * @param dir      the new build's folder: new, or an older build's (see {@code Publish.next})
     * @param previous the published build's folder, or null
     * @param held     the manifest of what {@code dir} holds, or null for a new folder
     */
    public Output(Path dir, Path previous, Path held) throws IOException {
        this.dir = dir;
        Manifest before = previous == null ? Manifest.NONE : read(manifestOf(previous));
        this.previousDir = before.entries().isEmpty() ? null : previous;
        this.previous = before.entries();
        this.previousTable = before.table();
        this.previousPaths = before.paths();
        this.previousShape = before.shape();
        this.previousTexts = before.texts();
        this.previousPages = before.pages();
        this.previousNow = before.now() == Long.MIN_VALUE ? null : Instant.ofEpochSecond(before.now());
        Manifest heldManifest = held == null ? Manifest.NONE : read(held, before);
        Map<String, Entry> there = heldManifest.entries();
        this.heldTable = heldManifest.table();
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

    /** Whether the published build has this file. */
    public boolean published(String path) {
        return previous.containsKey(path);
    }

    /**
     * The "now" the published build was made for (`-Dbuild.now`, or the clock), or null: a build
     * made for a later time than this one's published what was only scheduled then.
     */
    public Instant publishedNow() {
        return previousNow;
    }

    /** The "now" this build is made for, written with its manifest. */
    public void now(Instant now) {
        this.now = now;
    }

    /** The "now" a build's manifest says it was made for, or null. */
    public static Instant madeFor(Path manifest) {
        long now = read(manifest).now();
        return now == Long.MIN_VALUE ? null : Instant.ofEpochSecond(now);
    }

    /**
     * Makes room for a file: its folder, and no file at its place (an older build's, or one
     * linked a moment ago). A file there may be a link to the published build's: it is
     * removed, never written over.
     */
    private void clear(Path target) throws IOException {
        if (stopped) {
            throw new IOException("the bake was stopped");
        }
        folder(target.getParent());
        Files.deleteIfExists(target);
    }

    private volatile boolean stopped;

    /** Makes no file from now on: a page that did not stop when the bake failed must not write into a folder about to be removed. */
    void stop() {
        stopped = true;
    }

    /** Folders made so far: most files go where others already went, and asking the disk each time was a good part of linking a large site. */
    private final java.util.Set<Path> folders = ConcurrentHashMap.newKeySet();

    private void folder(Path folder) throws IOException {
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
    }

    /**
     * The file of a site's path in a build's folder. A path is plain names joined by {@code /}
     * (no {@code ..}, {@code .} or empty name, no backslash, not from the root), so that no
     * setting, plan or manifest, however it was made, writes or removes a file outside the folder.
     */
    public static Path file(Path build, String path) {
        if (!plain(path)) {
            throw new IllegalArgumentException("`" + path + "` is not a path inside the site");
        }
        Path file = build.resolve(path).normalize();
        if (!file.startsWith(build.normalize()) || file.equals(build.normalize())) {
            throw new IllegalArgumentException("`" + path + "` is not a path inside the site");
        }
        return file;
    }

    /** Whether a path is plain names joined by {@code /} (see {@link #file}). */
    static boolean plain(String path) {
        if (path.isEmpty() || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String name : path.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public static Path manifestOf(Path build) {
        return build.resolveSibling(build.getFileName() + ".manifest");
    }

    /** Links the published build's file if it was made with the same key; false when it must be made. */
    boolean reuse(String path, String key) {
        // A file is taken over only while it is as it was written: one removed or changed by
        // hand in target/ (or in the published site, whose files the builds share) is made again.
        Entry there = held.get(path);
        if (there != null && there.key().equals(key) && there.describes(file(dir, path))) {
            entries.put(path, there); // already in the folder
            return true;
        }
        Entry before = previous.get(path);
        if (before == null || !before.key().equals(key)) {
            return false;
        }
        try {
            Path target = file(dir, path);
            clear(target);
            Path source = file(previousDir, path);
            if (!before.describes(source)) {
                return false;
            }
            try {
                Files.createLink(target, source);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
            entries.put(path, before);
            return true;
        } catch (IOException e) {
            return false; // made again below
        }
    }

    /**
     * Records the site's shape this build is made from, and what each content file's text is
     * made from (in the shape's order of files), for the next build.
     */
    void shape(String shape, List<String> texts) {
        this.shape = shape;
        this.texts = texts;
    }

    /** Records this build's pages, in the order of its plan, for the next build. */
    void pages(List<Page> pages) {
        this.pages = pages;
    }

    /** The published build's pages, in the order of its plan, if it was made from this shape; else null. */
    synchronized List<Page> previousPages(String shape) {
        if (previousShape(shape) == null) {
            return null;
        }
        if (previousPageList == null) {
            List<Page> list = new java.util.ArrayList<>(previousPages.length);
            for (int code : previousPages) {
                list.add(new Page(previousPaths[code >>> 1], (code & 1) != 0));
            }
            previousPageList = java.util.Collections.unmodifiableList(list);
        }
        return previousPageList;
    }

    /** What the published build recorded with {@link #shape}, if it was made from this shape; else null. */
    Texts previousShape(String shape) {
        return previousDir != null && previousShape.equals(shape) ? previousTexts : null;
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
            Path target = file(dir, path);
            clear(target);
            Files.write(target, bytes);
            entries.put(path, made(key, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Path target = file(dir, path);
        clear(target);
        Files.copy(from, target);
        entries.put(path, made(key, target));
        fresh.put(path, true);
    }

    /** The entry of a file just made: its key, and its size and time as the disk has them now. */
    private static Entry made(String key, Path file) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        return new Entry(key, List.of(), null, null, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    /**
     * What the published build and the folder's older build had that this build has not: known
     * once the bake is done (its files are then all there), asked by the output check and the
     * manifest (each look was 21,000 look-ups at 10,000 sections).
     */
    private record Gone(boolean published, List<String> held) {
    }

    private Gone gone;

    private synchronized Gone gone() {
        if (gone == null) {
            gone = new Gone(previous.keySet().stream().anyMatch(p -> !entries.containsKey(p)),
                    held.keySet().stream().filter(p -> !entries.containsKey(p)).sorted().toList());
        }
        return gone;
    }

    /** Records the internal links the output check found in a page. */
    public void links(String path, List<String> links) {
        Entry e = entries.get(path);
        if (e != null) {
            entries.put(path, new Entry(e.key(), links.stream().map(l -> linkStrings.computeIfAbsent(l, k -> k)).toList(), null, null,
                    e.size, e.modified));
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

    /**
     * The pages whose links the output check must follow: those made now, and those taken over
     * from a build that had a file this one has not. A page taken over is the build's it came
     * from, byte for byte, and every link of it led to a file of that build (its output check
     * saw to it); while this build has every file that one had, the links still lead somewhere.
     */
    public Map<String, Entry> linksToCheck() {
        boolean previousLost = gone().published();
        boolean heldLost = !gone().held().isEmpty();
        Map<String, Entry> check = new HashMap<>();
        entries.forEach((path, e) -> {
            if (fresh.containsKey(path) || previousLost && e == previous.get(path) || heldLost && e == held.get(path)) {
                check.put(path, e);
            }
        });
        return check;
    }

    /** Writes the manifest beside the build; the next bake reads it. */
    public void writeManifest() throws IOException {
        // What the older build had and this one has not goes, with the folders it leaves empty.
        for (String path : gone().held()) {
            Path file = file(dir, path);
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
        // Most builds have the published build's files, whose order is known, and a few more or
        // fewer: those still here in that order, then the new ones, sort in about one pass
        // (sorting them anew was a good part of writing this).
        String[] paths = previousPaths;
        if (paths.length != entries.size() || gone().published()) {
            List<String> order = new java.util.ArrayList<>(entries.size());
            for (String p : previousPaths) {
                if (entries.containsKey(p)) {
                    order.add(p);
                }
            }
            entries.keySet().stream().filter(p -> !previous.containsKey(p)).sorted().forEach(order::add);
            paths = order.toArray(new String[0]);
            java.util.Arrays.sort(paths);
        }
        // The published build's table, grown by the links it lacks; made anew (from the links
        // the pages use) once it has grown past twice its size when last made, and 1,024 more.
        boolean anew = previousTable.strings().size() > 2 * previousTable.live() + 1024;
        List<String> table = new java.util.ArrayList<>(anew ? List.of() : previousTable.strings());
        boolean heldFits = !anew && heldTable.prefixOf(previousTable);
        Map<String, Integer> numbers = new HashMap<>();
        byte[][] runs = new byte[paths.length][];
        Numbers encoder = new Numbers();
        for (int i = 0; i < paths.length; i++) {
            Entry e = entries.get(paths[i]);
            if (!anew && e.numbers != null && (e.table == previousTable || e.table == heldTable && heldFits)) {
                runs[i] = e.numbers; // the same numbers mean the same links in this table
                continue;
            }
            if (numbers.isEmpty() && !table.isEmpty()) {
                for (int n = 0; n < table.size(); n++) {
                    numbers.putIfAbsent(table.get(n), n);
                }
            }
            encoder.reset();
            for (String link : e.links()) {
                Integer n = numbers.get(link);
                if (n == null) {
                    n = table.size();
                    table.add(link);
                    numbers.put(link, n);
                }
                encoder.add(n);
            }
            runs[i] = encoder.bytes();
        }
        // Written aside and moved into place: a manifest is there whole or not at all.
        try (CacheOutput out = CacheOutput.open(manifestOf(dir))) {
            out.writeInt(VERSION);
            out.writeInt(anew || previousTable.strings().isEmpty() ? table.size() : previousTable.live());
            out.writeInt(table.size());
            for (String link : table) {
                out.string(link);
            }
            out.writeInt(paths.length);
            for (int i = 0; i < paths.length; i++) {
                Entry e = entries.get(paths[i]);
                out.string(paths[i]);
                out.string(e.key());
                out.writeLong(e.size);
                out.writeLong(e.modified);
                out.bytes(runs[i]);
            }
            out.string(shape);
            out.writeInt(texts.size());
            for (String text : texts) {
                out.string(text);
            }
            int[] codes = pageCodes(paths);
            out.writeInt(codes.length);
            for (int code : codes) {
                out.writeInt(code);
            }
            out.writeLong(now.getEpochSecond());
            out.commit();
        }
    }

    /** This build's pages as numbers in its manifest's sorted {@code paths} (see {@link #previousPages}). */
    private int[] pageCodes(String[] paths) {
        if (pages == previousPageList && paths == previousPaths) {
            return previousPages; // the published build's pages, in the same files
        }
        Map<String, Integer> number = new HashMap<>(2 * paths.length);
        for (int i = 0; i < paths.length; i++) {
            number.put(paths[i], i);
        }
        int[] codes = new int[pages.size()];
        for (int i = 0; i < codes.length; i++) {
            Integer n = number.get(pages.get(i).path());
            if (n == null) {
                throw new IllegalStateException(pages.get(i).path() + " is a page of the plan but not a file of the build");
            }
            codes[i] = n << 1 | (pages.get(i).listed() ? 1 : 0);
        }
        return codes;
    }

    /** A build's manifest: every file's entry by path (empty if there is none or it cannot be read). */
    public static Map<String, Entry> readManifest(Path file) {
        return read(file).entries();
    }

    private static Manifest read(Path file) {
        return read(file, Manifest.NONE);
    }

    /**
     * Reads a manifest; an entry that describes the same file as one of {@code same} (path, key,
     * size and time: a file linked from one build into the next) is that entry. The folder a
     * build takes over mostly holds the published build's files: at 10,000 sections, 21,000
     * entries, paths and keys fewer for the collector to copy.
     */
    private static Manifest read(Path file, Manifest same) {
        if (!Files.isRegularFile(file)) {
            return Manifest.NONE;
        }
        try (CacheInput in = new CacheInput(file)) {
            if (in.readInt() != VERSION) {
                return Manifest.NONE;
            }
            int live = in.count();
            int size = in.count();
            List<String> strings = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                strings.add(in.string());
            }
            Table table = new Table(strings, live);
            int n = in.count();
            List<String> paths = new java.util.ArrayList<>();
            Map<String, Entry> map = new HashMap<>();
            int at = 0; // in same.paths, which are sorted too
            for (int i = 0; i < n; i++) {
                String path = in.string();
                if (i > 0 && path.compareTo(paths.get(i - 1)) <= 0 || !plain(path)) {
                    throw new IllegalStateException("damaged: paths out of order, or one outside the site");
                }
                while (at < same.paths().length && same.paths()[at].compareTo(path) < 0) {
                    at++;
                }
                String key = in.string();
                long bytes = in.readLong();
                long modified = in.readLong();
                byte[] run = in.bytes();
                eachNumber(run, k -> {
                    if (k >= size) {
                        throw new IllegalStateException("damaged: link " + k);
                    }
                });
                Entry known = at < same.paths().length && same.paths()[at].equals(path) ? same.entries().get(same.paths()[at]) : null;
                if (known != null && known.key.equals(key) && known.size == bytes && known.modified == modified) {
                    paths.add(same.paths()[at]);
                    map.put(same.paths()[at], known);
                } else {
                    paths.add(path);
                    map.put(path, new Entry(key, null, table, run, bytes, modified));
                }
            }
            String shape = in.string();
            int count = in.count();
            StringBuilder joined = new StringBuilder();
            int[] ends = new int[count];
            for (int i = 0; i < count; i++) {
                joined.append(in.string());
                ends[i] = joined.length();
            }
            Texts texts = new Texts(joined.toString(), ends);
            int[] pages = new int[in.count()];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = in.readInt();
                if (pages[i] < 0 || pages[i] >>> 1 >= n) {
                    throw new IllegalStateException("damaged: page " + pages[i]);
                }
            }
            long now = in.readLong();
            return in.verified() ? new Manifest(map, paths.toArray(new String[0]), table, shape, texts, pages, now) : Manifest.NONE;
        } catch (IOException | RuntimeException e) {
            return Manifest.NONE; // a damaged manifest: nothing is taken over
        }
    }

    /** Numbers written as unsigned LEB128 varints: seven bits a byte, the high bit set on all but the last. */
    private static final class Numbers {
        private byte[] buf = new byte[256];
        private int len;

        void reset() {
            len = 0;
        }

        void add(int n) {
            if (len + 5 > buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            while ((n & ~0x7F) != 0) {
                buf[len++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            buf[len++] = (byte) n;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }

    /** Hands each number of a run of varints to {@code to}; a run cut short or a number over 28 bits is damage. */
    private static void eachNumber(byte[] run, java.util.function.IntConsumer to) {
        int n = 0;
        int shift = 0;
        for (byte b : run) {
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                to.accept(n);
                n = 0;
                shift = 0;
            } else if ((shift += 7) > 21) {
                throw new IllegalStateException("damaged: a number too long");
            }
        }
        if (shift != 0) {
            throw new IllegalStateException("damaged: a number cut short");
        }
    }
}
