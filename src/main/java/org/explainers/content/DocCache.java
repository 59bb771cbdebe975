package org.explainers.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers an earlier build read, so that JBake's crawl can tell a file it has seen from a
 * new one: a file whose SHA-1 is the one recorded here is not read again (JBake's own
 * "identical" status), and its header is taken from {@code target/cache/docs.bin}. A file whose
 * {@link Stamp} vouches for it is not even shown to the crawl.
 * <p>
 * Only headers read without a problem are kept. A header's reading depends on more than its file:
 * the {@link #context} (the build's code, the settings (a file's address follows them), the time
 * zone, the templates' names, the slugs of the vocabularies) keys the whole file, and the images beside each file key its entry, as
 * a lead image must be one of them. The file is plain data (no Java serialization: a file under
 * target/ may come from a CI cache, and must not be able to run code when read).
 */
public final class DocCache {

    private static final int VERSION = 5;

    /** One file's header, as read, with what its reading depended on. */
    record Entry(String uri, String source, String sha1, Stamp stamp, List<String> media,
                 Schema.Kind kind, int firstLine, Header header) {
    }

    private final String context;
    private final Map<String, Entry> before;
    private final Map<String, Entry> bySource = new HashMap<>();
    private final Map<String, Entry> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean added;
    /** The main file's identity (0: none), which a file of additions names, and the entries read from it. */
    private final long base;
    private final Map<String, Entry> inBase;

    private DocCache(String context, Map<String, Entry> before, long base, Map<String, Entry> inBase) {
        this.context = context;
        this.before = before;
        this.base = base;
        this.inBase = inBase;
        before.values().forEach(e -> bySource.put(e.source(), e));
    }

    /** What the files hold, and the context they were made in (see {@link #context}). */
    public record Stored(String context, Map<String, Entry> entries, long base, Map<String, Entry> inBase) {
        /** The cache, if it was made in this context; else an empty one. */
        public DocCache in(String context) {
            return context.equals(this.context) ? new DocCache(context, entries, base, inBase)
                    : new DocCache(context, new HashMap<>(), 0, Map.of());
        }
    }

    /**
     * Reads the files before the context is known (they are read while the build walks
     * content/): an empty cache when there is none, of another version, or damaged. As with the
     * bodies (check.BodyCache), a build that read a few files again writes just their headers,
     * beside the main file ({@code docs.new.bin}, which names it), instead of every header of a
     * large site.
     */
    public static Stored load(Path file) {
        Map<String, Entry> inBase = new HashMap<>();
        String[] context = {""};
        long base = read(file, 0, context, inBase);
        Map<String, Entry> more = new HashMap<>();
        String[] theirs = {""};
        if (base == 0 || read(CacheOutput.additions(file), base, theirs, more) != base || !theirs[0].equals(context[0])) {
            return new Stored(context[0], inBase, base, inBase);
        }
        Map<String, Entry> all = new HashMap<>(inBase);
        all.putAll(more);
        return new Stored(context[0], all, base, inBase);
    }

    /** Reads one file into {@code into}; returns the identity it names (0 when it is not there, not whole, or not of {@code base}). */
    private static long read(Path file, long base, String[] context, Map<String, Entry> into) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        Map<String, Entry> map = new HashMap<>();
        try (CacheInput in = new CacheInput(file)) {
            if (in.readInt() != VERSION) {
                return 0;
            }
            long id = in.readLong();
            if (base != 0 && id != base) {
                return 0;
            }
            String made = in.readUTF();
            int n = in.count();
            for (int i = 0; i < n; i++) {
                Entry e = entry(in);
                map.put(e.uri(), e);
            }
            if (!in.verified()) {
                return 0;
            }
            context[0] = made;
            into.putAll(map);
            return id;
        } catch (IOException | RuntimeException e) {
            return 0; // a damaged cache is no cache
        }
    }

    /** What every header's reading depends on besides its own file and the images beside it. */
    public static String context(Project project, java.util.Set<String> layouts, Map<Vocabulary.Spec, Vocabulary> vocabularies) {
        StringBuilder sb = new StringBuilder(Code.FINGERPRINT).append('|').append(project.settingsKey()).append('|').append(project.zone.getId())
                .append('|').append(new java.util.TreeSet<>(layouts));
        vocabularies.forEach((spec, v) -> sb.append('|').append(spec.file()).append(new java.util.TreeSet<>(v.slugs())));
        return Images.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    Entry get(String uri) {
        return before.get(uri);
    }

    Entry bySource(String source) {
        return bySource.get(source);
    }

    /** Keeps an entry of the earlier build for the next one. */
    void keep(Entry e) {
        kept.put(e.uri(), e);
    }

    /** Keeps a header read by this build. */
    void add(Entry e) {
        kept.put(e.uri(), e);
        added = true;
    }

    /**
     * Writes what this build kept (aside, then moved into place), unless the files hold just
     * that: only what the main file lacks, beside it, while that is little and few of its
     * headers went unused (a removed file's header is never asked for again); else all.
     */
    public void write(Path file) throws IOException {
        if (!added && Files.isRegularFile(file)) {
            return; // the files hold every header kept (and perhaps a removed file's, never asked for)
        }
        Map<String, Entry> lacking = new TreeMap<>();
        kept.forEach((uri, e) -> {
            if (inBase.get(uri) != e) {
                lacking.put(uri, e);
            }
        });
        long unused = inBase.keySet().stream().filter(uri -> !kept.containsKey(uri)).count();
        if (base != 0 && CacheOutput.fewChanged(lacking.size(), unused, kept.size()) && Files.isRegularFile(file)) {
            write(CacheOutput.additions(file), base, lacking);
            return;
        }
        Files.deleteIfExists(CacheOutput.additions(file));
        write(file, new java.security.SecureRandom().nextLong() | 1, new TreeMap<>(kept));
    }

    private void write(Path file, long id, Map<String, Entry> sorted) throws IOException {
        try (CacheOutput out = CacheOutput.open(file)) {
            out.writeInt(VERSION);
            out.writeLong(id);
            out.writeUTF(context);
            out.writeInt(sorted.size());
            for (Entry e : sorted.values()) {
                entry(out, e);
            }
            out.commit();
        }
    }

    private static Entry entry(CacheInput in) throws IOException {
        String uri = in.readUTF();
        String source = in.readUTF();
        String sha1 = in.readUTF();
        Stamp stamp = new Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong());
        List<String> media = new ArrayList<>();
        for (int k = in.count(); k > 0; k--) {
            media.add(in.readUTF());
        }
        Schema.Kind kind = Schema.Kind.valueOf(in.readUTF());
        int firstLine = in.readInt();
        int bodyStart = in.readInt();
        String headerKey = in.readUTF();
        Map<String, Integer> lines = new HashMap<>();
        for (int k = in.count(); k > 0; k--) {
            lines.put(in.name(), in.readInt());
        }
        if (!(value(in, 0) instanceof Map<?, ?> read)) {
            throw new IOException("damaged: a header that is not a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) read;
        return new Entry(uri, source, sha1, stamp, List.copyOf(media), kind, firstLine, Header.of(values, lines, bodyStart, headerKey));
    }

    private static void entry(CacheOutput out, Entry e) throws IOException {
        out.writeUTF(e.uri());
        out.writeUTF(e.source());
        out.writeUTF(e.sha1());
        out.writeLong(e.stamp().size());
        out.writeLong(e.stamp().modified());
        out.writeLong(e.stamp().changed());
        out.writeLong(e.stamp().inode());
        out.writeInt(e.media().size());
        for (String m : e.media()) {
            out.writeUTF(m);
        }
        out.writeUTF(e.kind().name());
        out.writeInt(e.firstLine());
        out.writeInt(e.header().bodyStart);
        out.writeUTF(e.header().key);
        Map<String, Integer> lines = new TreeMap<>(e.header().lines());
        out.writeInt(lines.size());
        for (Map.Entry<String, Integer> l : lines.entrySet()) {
            out.writeUTF(l.getKey());
            out.writeInt(l.getValue());
        }
        value(out, e.header().values());
    }

    /** A header value: the types {@link FieldType} reads into, each with a tag. */
    private static void value(CacheOutput out, Object v) throws IOException {
        if (v == null) {
            out.writeByte('n');
        } else if (v instanceof String s) {
            out.writeByte('s');
            out.string(s);
        } else if (v instanceof Integer i) {
            out.writeByte('i');
            out.writeInt(i);
        } else if (v instanceof Moment m) {
            out.writeByte('m');
            out.writeLong(m.instant().getEpochSecond());
            out.writeInt(m.instant().getNano());
            out.writeBoolean(m.timeOfDay());
        } else if (v instanceof Image img) {
            out.writeByte('g');
            value(out, img.src());
            value(out, img.alt());
            value(out, img.caption());
            value(out, img.credit());
        } else if (v instanceof List<?> list) {
            out.writeByte('l');
            out.writeInt(list.size());
            for (Object o : list) {
                value(out, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte('p');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeUTF(e.getKey().toString());
                value(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("a header value of type " + v.getClass().getName() + " cannot be cached");
        }
    }

    /** Values nest no deeper than this: a header's map, a list of entries, an entry, its values. */
    private static final int DEPTH = 4;

    private static Object value(CacheInput in, int depth) throws IOException {
        if (depth > DEPTH) {
            throw new IOException("damaged: values nested too deep");
        }
        int tag = in.readByte();
        switch (tag) {
            case 'n':
                return null;
            case 's':
                return in.string();
            case 'i':
                return in.readInt();
            case 'm':
                return new Moment(Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readBoolean());
            case 'g':
                return new Image((String) value(in, depth + 1), (String) value(in, depth + 1), (String) value(in, depth + 1),
                        (String) value(in, depth + 1));
            case 'l': {
                int n = in.count();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(value(in, depth + 1));
                }
                // One object or two (List12, ListN) instead of three; a list with no value read as null.
                return list.contains(null) ? java.util.Collections.unmodifiableList(list) : List.copyOf(list);
            }
            case 'p': {
                int n = in.count();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = in.name();
                    map.put(key, value(in, depth + 1));
                }
                return java.util.Collections.unmodifiableMap(map);
            }
            default:
                throw new IOException("unknown tag " + tag);
        }
    }
}
