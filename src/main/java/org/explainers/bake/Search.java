package org.explainers.bake;

import org.explainers.content.Section;
import org.explainers.content.Text;

import org.explainers.content.CacheInput;
import org.explainers.content.CacheOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The search index, split so that a query loads only what it needs, whatever the size of the
 * site. It is written as scripts, not JSON, because pages opened from disk (file://) may load
 * a script but not fetch a file.
 * <ul>
 *   <li>{@code search/t/<abc>.js}: every word starting with those three letters, each with the
 *       sections it occurs in (the best {@link #postings()}: title before summary before text,
 *       then reading order);</li>
 *   <li>{@code search/b/<abc>.js}: for the words of {@code t/<abc>.js} whose lists are cut to the
 *       best, every section they occur in, as a set of bits: a query of several words loads it,
 *       so that a section with a common word only in its text is found with a rarer word;</li>
 *   <li>{@code search/p/<ab>.js}: for two letters typed, the best sections of all words starting
 *       with them;</li>
 *   <li>{@code search/d/<n>.js}: one section's title, address, article, summary and text, for
 *       its result and snippet;</li>
 *   <li>{@code search/index.js}: which word files exist.</li>
 * </ul>
 * Words are folded (lower case, accents removed) as search.js folds the query.
 */
final class Search {

    /** The most sections a word lists: a common word's full list would be most of a large index (its sections are in b/). */
    static int postings() {
        return Integer.getInteger("explainers.search.postings", 1000); // tests lower it
    }

    static final int TITLE = 4;
    static final int SUMMARY = 2;
    static final int TEXT = 1;

    private Search() {
    }

    /**
     * Bakes the index into {@code folder}. Each section's key says what its entry is made from
     * (number, address, title, summary, explainer, text); the keys together stand for the whole
     * index, which is the published build's, linked, when they are the same. With {@code changed}
     * (the site's shape is the published build's, and these sections' texts changed), the other
     * sections' keys are those the published index was made with.
     */
    static void bake(String folder, List<Section> sections, Function<Section, Around> around, Set<? extends org.explainers.content.Doc> changed,
                     Output out, Path cache, org.explainers.content.Problems problems) {
        String before = out.previousKey(folder + INDEX);
        if (changed != null && before != null && sections.stream().noneMatch(changed::contains) && out.reuseFolder(folder, folder + INDEX, before)) {
            bounded(cache, problems); // no text changed, nor anything else the index is made from
            return;
        }
        Postings published = changed == null ? null : Postings.read(cache, sections.size(), before);
        String[] keys = new String[sections.size()];
        String stamp = stamp(sections);
        java.util.stream.IntStream.range(0, sections.size()).parallel().forEach(id -> {
            Section s = sections.get(id);
            keys[id] = changed != null && published != null && !changed.contains(s) ? published.keys[id]
                    : key(s, around.apply(s), id, stamp);
        });
        Digest d = new Digest("search " + postings() + " " + maxFiles() + " " + org.explainers.content.Code.FINGERPRINT);
        for (String k : keys) {
            d.add(k);
        }
        String indexKey = stamp + "-" + d.hex(); // the stamp first: whether the numbers moved since the lists kept
        if (!out.reuseFolder(folder, folder + INDEX, "index:" + indexKey)) {
            write(folder, sections, around, keys, stamp, indexKey, published != null ? published : Postings.read(cache, sections.size(), before), out,
                    cache, problems);
        } else {
            bounded(cache, problems);
        }
    }

    /**
     * What a reader may remember of a section besides its own title, summary and text: the
     * names of its topics, and for an explainer's first section the explainer's headline,
     * standfirst and byline. They are searched as the section's title, summary and text, and
     * {@code line} says them ("Topics: Energy · By Ada Okafor"): a result found through them
     * shows it, with the match highlighted, when its own words do not have the match.
     */
    record Around(String title, String summary, String text, String line) {
    }

    /** What a section's entry and postings are made from. */
    private static String key(Section s, Around around, int id, String stamp) {
        return new Digest("search doc " + org.explainers.content.Code.FINGERPRINT).add(s.uri()).add(s.title()).add(s.summary())
                .add(s.article().title()).add(s.body() == null ? "" : s.body().key()).add(around.title()).add(around.summary())
                .add(around.text()).add(around.line()).add(id).add(stamp).hex();
    }

    /**
     * What the sections' numbers stand for: every file of the index carries it, and search.js
     * takes no file whose stamp is not its index's. A reader's search that spans a new deploy
     * (or a cache holding older files) mixed numbers of two builds: results led to the wrong
     * sections (a publisher's trial). Changes only when sections come, go or move.
     */
    private static String stamp(List<Section> sections) {
        Digest d = new Digest("search numbering");
        for (Section s : sections) {
            d.add(s.uri());
        }
        return d.hex().substring(0, 12);
    }

    /**
     * Writes the index's files into {@code out}: a section's file when the section changed since
     * the published build (its key says what it is made from), a word file when its lists did.
     * The words' lists are kept in {@code cache} for the next build: when they are those the
     * published build's files were made from, only the lists of the changed sections' words are
     * worked out again, and only their files made; the others are the published ones, linked.
     */
    private static void write(String folder, List<Section> sections, Function<Section, Around> around, String[] keys, String stamp,
                              String indexKey, Postings postings, Output out, Path cache, org.explainers.content.Problems problems) {
        try {
            files(folder, sections, around, keys, stamp, indexKey, postings, out, cache, problems);
        } catch (Postings.Damaged e) {
            files(folder, sections, around, keys, stamp, indexKey, null, out, cache, problems); // the lists worked out anew, every file made again
        }
    }

    private static void files(String folder, List<Section> sections, Function<Section, Around> around, String[] keys, String stamp,
                              String indexKey, Postings postings, Output out, Path cache, org.explainers.content.Problems problems) {
        docs(folder, sections, around, keys, stamp, out);
        Set<String> changed = null; // the words whose lists changed; null: all of them
        List<Integer> ids = new ArrayList<>(); // the sections whose entries changed
        if (postings != null && (postings.index == null || !postings.index.startsWith(stamp + "-"))) {
            postings = null; // the sections' numbers moved: every file is made again, with the new stamp
        }
        if (postings != null) {
            for (int id = 0; id < keys.length; id++) {
                if (!keys[id].equals(postings.keys[id])) {
                    ids.add(id);
                }
            }
            // Many changed sections: the lists are worked out anew (replacing them one by one would take longer).
            changed = ids.size() > Math.max(16, keys.length / 10) ? null : postings.replace(ids, sections, around);
        }
        if (changed == null) {
            postings = Postings.of(sections, around);
        }
        postings.keys = keys;
        postings.index = indexKey;
        Postings lists = postings;
        // The word files, by the first three letters of their words, and the two-letter prefix files.
        Set<String> shards = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String word : lists.words.navigableKeySet()) {
            if (word.length() >= 3) {
                shards.add(word.substring(0, 3));
            }
            prefixes.add(word.substring(0, 2));
        }
        bound(lists, shards, prefixes, cache, problems);
        // The files of the changed words; all of them when the lists were worked out anew.
        Set<String> touched = new java.util.HashSet<>();
        if (changed != null) {
            for (String w : changed) {
                touched.add(w.substring(0, 2));
                if (w.length() >= 3) {
                    touched.add(w.substring(0, 3));
                }
            }
        }
        boolean anew = changed == null;
        // A list found out of order is reported once every file job has ended: the whole index
        // is then made again, and no job of this pass may still be writing.
        java.util.concurrent.atomic.AtomicBoolean damaged = new java.util.concurrent.atomic.AtomicBoolean();
        shards.parallelStream().forEach(key -> orDamaged(damaged, () -> {
            String path = folder + "t/" + fileName(key) + ".js";
            if (!anew && !touched.contains(key) && out.keep(path)) {
                out.keep(folder + "b/" + fileName(key) + ".js"); // there when a word of the file has its list cut
                return;
            }
            Map<String, int[]> words = lists.startingWith(key);
            Map<String, String> entries = new TreeMap<>();
            Map<String, Integer> sizes = new java.util.HashMap<>(); // each entry's bytes and its comma, as the reader loads them
            long size = 0;
            for (Map.Entry<String, int[]> w : words.entrySet()) {
                String entry = Json.string(w.getKey()) + ':' + Json.string(encode(unpack(w.getValue())));
                entries.put(w.getKey(), entry);
                sizes.put(w.getKey(), entry.getBytes(StandardCharsets.UTF_8).length + 1);
                size += sizes.get(w.getKey());
            }
            if (size > MAX_WORD_FILE) {
                // The words in the most sections first (then in their order), up to the bound: the others are not found.
                List<String> most = words.keySet().stream().sorted(java.util.Comparator.comparing((String w) -> -words.get(w)[0])
                        .thenComparing(java.util.Comparator.naturalOrder())).toList();
                long kept = 0;
                int left = 0;
                for (String w : most) {
                    int bytes = sizes.get(w);
                    if (kept + bytes > MAX_WORD_FILE) {
                        entries.remove(w);
                        left++;
                    } else {
                        kept += bytes;
                    }
                }
                problems.warning("content/", 0, "the search's file of words beginning `" + key + "` would pass " + MAX_WORD_FILE / 1000 + " KB, which"
                        + " every reader typing them loads: its " + left + " words in the fewest sections are left out, and are not found",
                        "this happens when texts hold thousands of different words beginning so: look for a text of made-up or run-together words");
            }
            StringBuilder js = new StringBuilder("SEARCH.words(").append(Json.string(key)).append(",{");
            js.append(String.join(",", entries.values()));
            js.append("},").append(Json.string(stamp)).append(");\n");
            out.writeFile(path, js.toString().getBytes(StandardCharsets.UTF_8)); // keyed by its bytes: one edit changes a few
            bits(folder + "b/" + fileName(key) + ".js", key, words, entries.keySet(), stamp, out);
        }));
        prefixes.parallelStream().forEach(prefix -> orDamaged(damaged, () -> {
            String path = folder + "p/" + fileName(prefix) + ".js";
            if (!anew && !touched.contains(prefix) && out.keep(path)) {
                return;
            }
            int[] fields = new int[sections.size()];
            for (int[] list : lists.startingWith(prefix).values()) {
                for (int i = 1; i <= list[0]; i++) {
                    fields[list[i] >>> 3] |= list[i] & 7;
                }
            }
            List<int[]> sectionsOf = new ArrayList<>();
            for (int id = 0; id < fields.length; id++) {
                if (fields[id] != 0) {
                    sectionsOf.add(new int[]{id, fields[id]});
                }
            }
            out.writeFile(path, ("SEARCH.prefix(" + Json.string(prefix) + "," + Json.string(encode(sectionsOf)) + "," + Json.string(stamp) + ");\n")
                    .getBytes(StandardCharsets.UTF_8));
        }));
        if (damaged.get()) {
            throw new Postings.Damaged();
        }
        Map<String, StringBuilder> manifest = new TreeMap<>();
        prefixes.forEach(prefix -> manifest.put(prefix, new StringBuilder()));
        shards.forEach(key -> manifest.get(key.substring(0, 2)).append(key.charAt(2)));
        StringBuilder index = new StringBuilder("SEARCH.index({\"docs\":").append(sections.size()).append(",\"v\":").append(Json.string(stamp))
                .append(",\"words\":{");
        boolean first = true;
        for (Map.Entry<String, StringBuilder> e : manifest.entrySet()) {
            index.append(first ? "" : ",").append(Json.string(e.getKey())).append(':').append(Json.string(e.getValue().toString()));
            first = false;
        }
        index.append("}});\n");
        out.write(folder + INDEX, index.toString().getBytes(StandardCharsets.UTF_8), "index:" + indexKey);
        // Written now, whether or not this build is published: the lists are used only when the
        // published index's key is theirs (see Postings.read).
        // Also when no list changed: the sections' keys did, and the next build compares with them.
        if (changed == null || !ids.isEmpty()) {
            lists.write(cache);
        }
    }

    /**
     * Writes the sections of each listed word whose list is cut to the best, when there is one:
     * bit n of the base64 bytes (the low bit first) says whether section n has the word. At 10,000
     * sections a word's set is 1.7 KB, against ~30 KB as a list.
     */
    private static void bits(String path, String key, Map<String, int[]> words, Set<String> listed, String stamp, Output out) {
        StringBuilder js = new StringBuilder();
        for (Map.Entry<String, int[]> w : words.entrySet()) {
            int[] list = w.getValue();
            if (list[0] <= postings() || !listed.contains(w.getKey())) {
                continue;
            }
            int highest = 0;
            for (int i = 1; i <= list[0]; i++) {
                highest = Math.max(highest, list[i] >>> 3);
            }
            byte[] set = new byte[(highest >>> 3) + 1];
            for (int i = 1; i <= list[0]; i++) {
                int id = list[i] >>> 3;
                set[id >>> 3] |= (byte) (1 << (id & 7));
            }
            js.append(js.length() == 0 ? "" : ",").append(Json.string(w.getKey())).append(':')
                    .append(Json.string(java.util.Base64.getEncoder().encodeToString(set)));
        }
        if (js.length() > 0) {
            out.writeFile(path, ("SEARCH.bits(" + Json.string(key) + ",{" + js + "}," + Json.string(stamp) + ");\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The most word files and the most prefix files the index has. A word file per three letters
     * beginning a word is a few hundred files in a Latin, Greek or Cyrillic script at any size,
     * but a text in a script written without spaces (Chinese, Japanese) makes a word of each
     * phrase: a megabyte of it made 200,000 files, 800 MB.
     */
    static int maxFiles() {
        return Integer.getInteger("explainers.search.maxFiles", 20_000); // tests lower it
    }

    /**
     * Keeps the {@link #maxFiles} word files (and prefix files) whose words are in the most
     * sections, with the prefixes they need; the words of the others are not found, and a warning
     * says so.
     */
    private static void bound(Postings lists, Set<String> shards, Set<String> prefixes, Path cache, org.explainers.content.Problems problems) {
        int max = maxFiles();
        Path said = cache.resolveSibling(BOUNDED);
        if (shards.size() <= max && prefixes.size() <= max) {
            try {
                Files.deleteIfExists(said);
            } catch (IOException e) {
                // a build that reuses this index would then warn once more: no harm
            }
            return;
        }
        Map<String, Long> weight = new java.util.HashMap<>();
        for (Map.Entry<String, Object> e : lists.words.entrySet()) {
            long n = lists.list(e.getValue())[0];
            weight.merge(e.getKey().substring(0, 2), n, Long::sum);
            if (e.getKey().length() >= 3) {
                weight.merge(e.getKey().substring(0, 3), n, Long::sum);
            }
        }
        java.util.Comparator<String> most = java.util.Comparator.comparing((String k) -> -weight.get(k)).thenComparing(java.util.Comparator.naturalOrder());
        int words = shards.size();
        List<String> kept = shards.stream().sorted(most).limit(max).toList();
        shards.retainAll(kept);
        Set<String> needed = new TreeSet<>();
        shards.forEach(k -> needed.add(k.substring(0, 2)));
        prefixes.stream().filter(p -> !needed.contains(p)).sorted(most).limit(Math.max(0, max - needed.size())).forEach(needed::add);
        prefixes.retainAll(needed);
        String message = "the search makes a file for each three letters that begin a word, and the texts' words begin with "
                + words + " different ones: it keeps the " + shards.size() + " most used, and the words of the others are not found";
        try {
            Files.createDirectories(said.getParent());
            Files.writeString(said, message, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // said now; a build that reuses this index then does not say it again
        }
        bounded(message, problems);
    }

    /** Beside the search's lists in target/cache/: what {@link #bound} said of the index, said again by builds that reuse it. */
    private static final String BOUNDED = "search-bounded.txt";

    private static void bounded(Path cache, org.explainers.content.Problems problems) {
        try {
            Path said = cache.resolveSibling(BOUNDED);
            if (Files.isRegularFile(said)) {
                bounded(Files.readString(said, StandardCharsets.UTF_8), problems);
            }
        } catch (IOException e) {
            // not said again
        }
    }

    private static void bounded(String message, org.explainers.content.Problems problems) {
        problems.warning("content/", 0, message, "a text in a script written without spaces between words (Chinese, Japanese) makes a word of"
                + " each phrase: the site's search does not read such texts yet");
    }

    /** Runs a file's job; a list out of order is noted, not thrown across the other jobs. */
    private static void orDamaged(java.util.concurrent.atomic.AtomicBoolean damaged, Runnable job) {
        try {
            job.run();
        } catch (Postings.Damaged e) {
            damaged.set(true);
        }
    }

    /** Each section's file, on every core; only those whose section changed are written. */
    private static void docs(String folder, List<Section> sections, Function<Section, Around> around, String[] keys, String stamp, Output out) {
        java.util.stream.IntStream.range(0, sections.size()).parallel().forEach(id -> {
            Section s = sections.get(id);
            String docKey = keys[id];
            String path = folder + "d/" + id + ".js";
            if (!out.reuse(path, docKey)) {
                String text = s.body() == null ? "" : s.body().text();
                StringBuilder doc = new StringBuilder(text.length() + 512);
                doc.append("SEARCH.doc(").append(id).append(",{\"t\":").append(Json.string(s.title()))
                        .append(",\"u\":").append(Json.string(s.uri()))
                        .append(",\"a\":").append(Json.string(s.article().title()))
                        .append(",\"s\":").append(Json.string(s.summary()))
                        .append(",\"x\":").append(Json.string(text))
                        .append(",\"m\":").append(Json.string(around.apply(s).line())).append("},").append(Json.string(stamp)).append(");\n");
                out.write(path, doc.toString().getBytes(StandardCharsets.UTF_8), docKey);
            }
        });
    }

    /**
     * Every word's sections, as packed postings (see {@link #post}), with what they were made
     * from: each section's key, and the whole index's. Kept in {@code target/cache/search.bin}.
     */
    static final class Postings {
        private static final int VERSION = 3;
        /**
         * Each word's postings: an {@code int[]} (list[0] counts them), or, for a word a build
         * read from the cache and has not needed since, the bytes as the cache has them. After
         * an edit, a few words' lists change: decoding and checking the millions of postings of
         * a large site's others, then encoding them again, was most of the search's time.
         */
        final NavigableMap<String, Object> words;
        String[] keys;
        String index;
        /** The number of sections the postings may name. */
        private final int sections;

        private Postings(NavigableMap<String, Object> words, String[] keys, String index, int sections) {
            this.words = words;
            this.keys = keys;
            this.index = index;
            this.sections = sections;
        }

        /** A word's list as read from the cache is not what was written: the lists are worked out anew. */
        static final class Damaged extends RuntimeException {
            Damaged() {
                super("damaged: postings out of order", null, false, false);
            }
        }

        /** A word's postings; those still as read are decoded and checked. */
        private int[] list(Object value) {
            if (value instanceof int[] list) {
                return list;
            }
            byte[] packed = (byte[]) value;
            int[] list = new int[packed.length / 4 + 1];
            list[0] = list.length - 1;
            java.nio.ByteBuffer.wrap(packed).asIntBuffer().get(list, 1, list[0]);
            for (int i = 1; i < list.length; i++) {
                if (list[i] >>> 3 >= sections || i > 1 && list[i] >>> 3 <= list[i - 1] >>> 3) {
                    throw new Damaged();
                }
            }
            return list;
        }

        /** Whether packed postings (ascending by section) name one of these sections (ascending). */
        private static boolean names(byte[] packed, List<Integer> ids) {
            // Read in place: two buffer objects for each of a large site's words was most of what an edit's search allocated.
            for (int id : ids) {
                int low = 0;
                int high = packed.length / 4 - 1;
                while (low <= high) {
                    int mid = (low + high) >>> 1;
                    int at = intAt(packed, mid) >>> 3;
                    if (at == id) {
                        return true;
                    }
                    if (at < id) {
                        low = mid + 1;
                    } else {
                        high = mid - 1;
                    }
                }
            }
            return false;
        }

        /** The {@code i}th big-endian int of packed postings. */
        private static int intAt(byte[] packed, int i) {
            int p = 4 * i;
            return (packed[p] & 0xFF) << 24 | (packed[p + 1] & 0xFF) << 16 | (packed[p + 2] & 0xFF) << 8 | packed[p + 3] & 0xFF;
        }

        /** Every word's sections, in reading order: the text's words come with the body, the title's and summary's are few. */
        static Postings of(List<Section> sections, Function<Section, Around> around) {
            Map<String, int[]> postings = new HashMap<>();
            for (int id = 0; id < sections.size(); id++) {
                for (Map.Entry<String, Integer> w : words(sections.get(id), around).entrySet()) {
                    post(postings, w.getKey(), id, w.getValue());
                }
            }
            return new Postings(new TreeMap<>(postings), null, null, sections.size());
        }

        /** A section's words, each with the fields it is in, in the order of its text; then what is around it. */
        private static Map<String, Integer> words(Section s, Function<Section, Around> around) {
            Map<String, Integer> head = new HashMap<>();
            Around a = around.apply(s);
            Search.words(s.title(), TITLE, head);
            Search.words(a.title(), TITLE, head);
            Search.words(s.summary(), SUMMARY, head);
            Search.words(a.summary(), SUMMARY, head);
            Search.words(a.text(), TEXT, head);
            Map<String, Integer> all = new java.util.LinkedHashMap<>();
            if (s.body() != null) {
                for (String w : s.body().words()) {
                    Integer f = head.remove(w);
                    all.put(w, TEXT | (f == null ? 0 : f));
                }
            }
            all.putAll(head);
            return all;
        }

        /**
         * Takes the changed sections' postings out and puts their new ones in; returns the words
         * whose lists changed: those where the changed sections' postings are not what they were
         * (a sentence added to a section changes the lists of its new words, not of all its words).
         */
        Set<String> replace(List<Integer> ids, List<Section> sections, Function<Section, Around> around) {
            Set<String> changed = new TreeSet<>();
            if (ids.isEmpty()) {
                return changed;
            }
            boolean[] gone = new boolean[sections.size()];
            ids.forEach(id -> gone[id] = true);
            // Each word's postings of the changed sections, before and after, in the order of the sections (ids ascend).
            Map<String, List<Integer>> before = new HashMap<>();
            Map<String, List<Integer>> after = new HashMap<>();
            for (java.util.Iterator<Map.Entry<String, Object>> it = words.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Object> e = it.next();
                if (e.getValue() instanceof byte[] packed && !names(packed, ids)) {
                    continue; // none of the changed sections: left as read
                }
                int[] list = list(e.getValue());
                e.setValue(list);
                int kept = 0;
                for (int i = 1; i <= list[0]; i++) {
                    if (gone[list[i] >>> 3]) {
                        before.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(list[i]);
                    } else {
                        list[++kept] = list[i];
                    }
                }
                if (kept != list[0]) {
                    list[0] = kept;
                    if (kept == 0) {
                        it.remove();
                    }
                }
            }
            for (int id : ids) {
                for (Map.Entry<String, Integer> w : words(sections.get(id), around).entrySet()) {
                    Object known = words.get(w.getKey());
                    int[] list = known == null ? null : list(known);
                    int[] grown = new int[(list == null ? 0 : list[0]) + 2];
                    int at = 1;
                    int posting = id << 3 | w.getValue();
                    after.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(posting);
                    boolean placed = false;
                    for (int i = 1; list != null && i <= list[0]; i++) {
                        if (!placed && list[i] >>> 3 > id) {
                            grown[at++] = posting;
                            placed = true;
                        }
                        grown[at++] = list[i];
                    }
                    if (!placed) {
                        grown[at++] = posting;
                    }
                    grown[0] = at - 1;
                    words.put(w.getKey(), grown);
                }
            }
            before.forEach((w, postings) -> {
                if (!postings.equals(after.get(w))) {
                    changed.add(w);
                }
            });
            after.forEach((w, postings) -> {
                if (!before.containsKey(w)) {
                    changed.add(w);
                }
            });
            return changed;
        }

        /** The words starting with a prefix, in order, with their postings. */
        NavigableMap<String, int[]> startingWith(String prefix) {
            NavigableMap<String, int[]> lists = new TreeMap<>();
            for (Map.Entry<String, Object> e : words.subMap(prefix, true, prefix + Character.MAX_VALUE, false).entrySet()) {
                lists.put(e.getKey(), list(e.getValue())); // on several threads: the map is not changed
            }
            return lists;
        }

        /**
         * The postings an earlier build kept, if they are those the published index was made
         * from ({@code published} is its index file's key) and cover as many sections; else null.
         */
        static Postings read(Path file, int sections, String published) {
            if (published == null || !Files.isRegularFile(file)) {
                return null;
            }
            try (CacheInput in = new CacheInput(file)) {
                if (in.readInt() != VERSION || !in.readUTF().equals(org.explainers.content.Code.FINGERPRINT)) {
                    return null;
                }
                String index = in.readUTF();
                if (!published.equals("index:" + index) || in.count() != sections) {
                    return null;
                }
                String[] keys = new String[sections];
                for (int i = 0; i < sections; i++) {
                    keys[i] = in.readUTF();
                }
                NavigableMap<String, Object> words = new TreeMap<>();
                for (int n = in.count(); n > 0; n--) {
                    String word = in.readUTF();
                    byte[] packed = in.bytes();
                    if (packed.length == 0 || packed.length % 4 != 0) {
                        throw new IOException("damaged: a word without postings");
                    }
                    words.put(word, packed); // decoded and checked when needed (see list)
                }
                return in.verified() ? new Postings(words, keys, index, sections) : null;
            } catch (IOException | RuntimeException e) {
                return null; // a damaged cache is no cache
            }
        }

        /** Writes the postings (aside, then moved into place). */
        void write(Path file) {
            try {
                try (CacheOutput out = CacheOutput.open(file)) {
                    out.writeInt(VERSION);
                    out.writeUTF(org.explainers.content.Code.FINGERPRINT);
                    out.writeUTF(index);
                    out.writeInt(keys.length);
                    for (String k : keys) {
                        out.writeUTF(k);
                    }
                    out.writeInt(words.size());
                    for (Map.Entry<String, Object> e : words.entrySet()) {
                        out.writeUTF(e.getKey());
                        if (e.getValue() instanceof byte[] packed) {
                            out.bytes(packed); // as read
                            continue;
                        }
                        int[] list = (int[]) e.getValue();
                        java.nio.ByteBuffer packed = java.nio.ByteBuffer.allocate(list[0] * 4);
                        packed.asIntBuffer().put(list, 1, list[0]);
                        out.bytes(packed.array());
                    }
                    out.commit();
                }
            } catch (IOException e) {
                // the next build works the postings out again
            }
        }
    }

    /** Adds a posting: the section's number and the fields the word is in (list[0] counts the postings). */
    private static void post(Map<String, int[]> postings, String word, int id, int fields) {
        int[] list = postings.get(word);
        if (list == null || list[0] + 1 == list.length) {
            int[] grown = new int[list == null ? 8 : list.length * 2];
            if (list != null) {
                System.arraycopy(list, 0, grown, 0, list.length);
            }
            postings.put(word, list = grown);
        }
        list[++list[0]] = id << 3 | fields;
    }

    /** The index's table of word files; its key says what the whole index was made from. */
    static final String INDEX = "index.js";

    private static List<int[]> unpack(int[] packed) {
        List<int[]> list = new ArrayList<>(packed[0]);
        for (int i = 1; i <= packed[0]; i++) {
            list.add(new int[]{packed[i] >>> 3, packed[i] & 7});
        }
        return list;
    }

    /** Folded words of a title or summary, each with the field it occurs in. */
    static void words(String text, int flag, Map<String, Integer> flags) {
        Text.words(text, w -> flags.merge(w, flag, (x, y) -> x | y));
    }

    /** The best postings of a word: by weight ({@link #rank}), then reading order; in reading order. */
    private static List<int[]> best(List<int[]> postings) {
        List<int[]> list = new ArrayList<>(postings);
        if (list.size() > postings()) {
            list.sort((a, b) -> rank(a[1]) != rank(b[1]) ? Integer.compare(rank(b[1]), rank(a[1])) : Integer.compare(a[0], b[0]));
            list = new ArrayList<>(list.subList(0, postings()));
        }
        list.sort((a, b) -> Integer.compare(a[0], b[0]));
        return list;
    }

    /**
     * A posting's weight, as search.js ranks it: its fields' weights summed (a title outweighs a
     * summary and text together; a word in a section's summary and text outweighs one only in an
     * explainer's standfirst, which its first section also carries: an editor's trial).
     */
    private static int rank(int flags) {
        return flags & (TITLE | SUMMARY | TEXT);
    }

    /**
     * A word's {@link #best} postings as text: each the gap from the previous section's number in
     * base 36, then its fields (1-7); a list cut to the best ends with {@code ~} and how many
     * sections have the word, in base 36 (the search marks no word most sections have).
     */
    private static String encode(List<int[]> all) {
        List<int[]> postings = best(all);
        StringBuilder out = new StringBuilder(postings.size() * 4);
        int last = 0;
        for (int[] p : postings) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Integer.toString(p[0] - last, 36)).append(p[1]);
            last = p[0];
        }
        if (postings.size() < all.size()) {
            out.append(",~").append(Integer.toString(all.size(), 36));
        }
        return out.toString();
    }

    /**
     * A file name for a word's first letters: ASCII letters and digits as they are, others as code
     * points; a name Windows keeps for a device (con, aux, nul, prn: `con.js` cannot be written
     * there) gets a final `_`, which no escape ends in alone.
     */
    static String fileName(String key) {
        StringBuilder out = new StringBuilder();
        key.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return WINDOWS_DEVICES.contains(out.toString().toLowerCase(java.util.Locale.ROOT)) ? out + "_" : out.toString();
    }

    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "aux", "nul", "prn");

    /** The most bytes a word file's words may take: every reader typing its three letters loads it (an attacker's trial: 440 KB). */
    static final int MAX_WORD_FILE = 150_000;
}
