package org.explainers.bake;

import org.explainers.content.Section;
import org.explainers.content.Text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The search index, split so that a query loads only what it needs, whatever the size of the
 * site. It is written as scripts, not JSON, because pages opened from disk (file://) may load
 * a script but not fetch a file.
 * <ul>
 *   <li>{@code search/t/<abc>.js}: every word starting with those three letters, each with the
 *       sections it occurs in (the best {@link #POSTINGS}: title before summary before text,
 *       then reading order);</li>
 *   <li>{@code search/p/<ab>.js}: for two letters typed, the best sections of all words starting
 *       with them;</li>
 *   <li>{@code search/d/<n>.js}: one section's title, address, article, summary and text, for
 *       its result and snippet;</li>
 *   <li>{@code search/index.js}: which word files exist.</li>
 * </ul>
 * Words are folded (lower case, accents removed) as search.js folds the query.
 */
final class Search {

    /** The most sections a word lists: a common word's full list would be most of a large index. */
    static final int POSTINGS = 1000;
    static final int TITLE = 4;
    static final int SUMMARY = 2;
    static final int TEXT = 1;

    private Search() {
    }

    /** One file of the index: its bytes, and the key it is written with (see {@link Output}). */
    record File(byte[] bytes, String key) {
        /** A word file, keyed by its own bytes: one edit changes a few of them, not all. */
        static File of(String js) {
            byte[] bytes = js.getBytes(StandardCharsets.UTF_8);
            return new File(bytes, "words:" + org.explainers.content.Images.sha256(bytes));
        }
    }

    /**
     * Everything the index is made from, for {@link Output#reuseFolder}: each section's number,
     * address, title, summary, explainer and text (by its fingerprint).
     */
    static String key(List<Section> sections) {
        Digest d = new Digest("search " + POSTINGS + " " + org.explainers.content.Code.FINGERPRINT);
        for (Section s : sections) {
            d.add(s.uri()).add(s.title()).add(s.summary()).add(s.article().title()).add(s.body() == null ? "" : s.body().key());
        }
        return d.hex();
    }

    /**
     * Writes the index's files into {@code out}: a section's file when the section changed since
     * the published build (its key says what it is made from), a word file when its lists did
     * (it is keyed by its bytes). Sections' files are made on every core; the words are merged
     * in reading order.
     */
    static void write(String folder, List<Section> sections, String indexKey, Output out) {
        // Each section's file, on every core; only those whose section changed are written.
        java.util.stream.IntStream.range(0, sections.size()).parallel().forEach(id -> {
            Section s = sections.get(id);
            String docKey = new Digest("search doc " + org.explainers.content.Code.FINGERPRINT).add(s.uri()).add(s.title()).add(s.summary())
                    .add(s.article().title()).add(s.body() == null ? "" : s.body().key()).add(id).hex();
            String path = folder + "d/" + id + ".js";
            if (!out.reuse(path, docKey)) {
                String text = s.body() == null ? "" : s.body().text();
                StringBuilder doc = new StringBuilder(text.length() + 512);
                doc.append("SEARCH.doc(").append(id).append(",{\"t\":").append(Json.string(s.title()))
                        .append(",\"u\":").append(Json.string(s.uri()))
                        .append(",\"a\":").append(Json.string(s.article().title()))
                        .append(",\"s\":").append(Json.string(s.summary()))
                        .append(",\"x\":").append(Json.string(text)).append("});\n");
                out.write(path, doc.toString().getBytes(StandardCharsets.UTF_8), docKey);
            }
        });
        // Every word's sections, in reading order: the text's words come with the body (worked
        // out once, when it was made), the title's and summary's are few.
        Map<String, int[]> postings = new HashMap<>();
        for (int id = 0; id < sections.size(); id++) {
            Section s = sections.get(id);
            Map<String, Integer> head = new HashMap<>();
            words(s.title(), TITLE, head);
            words(s.summary(), SUMMARY, head);
            if (s.body() != null) {
                for (String w : s.body().words()) {
                    Integer f = head.remove(w);
                    post(postings, w, id, TEXT | (f == null ? 0 : f));
                }
            }
            for (Map.Entry<String, Integer> f : head.entrySet()) {
                post(postings, f.getKey(), id, f.getValue());
            }
        }
        Map<String, File> files = new TreeMap<>();
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        Map<String, List<int[]>> byPrefix = new TreeMap<>();
        for (Map.Entry<String, int[]> e : new TreeMap<>(postings).entrySet()) {
            String word = e.getKey();
            List<int[]> list = unpack(e.getValue());
            if (word.length() >= 3) {
                byKey.computeIfAbsent(word.substring(0, 3), k -> new TreeMap<>()).put(word, encode(best(list)));
            }
            byPrefix.computeIfAbsent(word.substring(0, 2), k -> new ArrayList<>()).addAll(list);
        }
        String shardKey = "index:" + indexKey;
        Map<String, StringBuilder> manifest = new TreeMap<>();
        byKey.forEach((key, words) -> {
            StringBuilder js = new StringBuilder("SEARCH.words(").append(Json.string(key)).append(",{");
            boolean first = true;
            for (Map.Entry<String, String> w : words.entrySet()) {
                js.append(first ? "" : ",").append(Json.string(w.getKey())).append(':').append(Json.string(w.getValue()));
                first = false;
            }
            js.append("});\n");
            files.put(folder + "t/" + fileName(key) + ".js", File.of(js.toString()));
            manifest.computeIfAbsent(key.substring(0, 2), k -> new StringBuilder()).append(key.charAt(2));
        });
        byPrefix.forEach((prefix, list) -> {
            Map<Integer, Integer> merged = new HashMap<>();
            for (int[] p : list) {
                merged.merge(p[0], p[1], (a, b) -> a | b);
            }
            List<int[]> all = new ArrayList<>();
            merged.forEach((id, f) -> all.add(new int[]{id, f}));
            String js = "SEARCH.prefix(" + Json.string(prefix) + "," + Json.string(encode(best(all))) + ");\n";
            files.put(folder + "p/" + fileName(prefix) + ".js", File.of(js));
            manifest.computeIfAbsent(prefix, k -> new StringBuilder());
        });
        StringBuilder index = new StringBuilder("SEARCH.index({\"docs\":").append(sections.size()).append(",\"words\":{");
        boolean first = true;
        for (Map.Entry<String, StringBuilder> e : manifest.entrySet()) {
            index.append(first ? "" : ",").append(Json.string(e.getKey())).append(':').append(Json.string(e.getValue().toString()));
            first = false;
        }
        index.append("}});\n");
        files.put(folder + INDEX, new File(index.toString().getBytes(StandardCharsets.UTF_8), shardKey));
        // A word file whose words' lists did not change is the published one, linked.
        files.forEach((path, file) -> {
            if (!out.reuse(path, file.key())) {
                out.write(path, file.bytes(), file.key());
            }
        });
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

    /** The best postings of a word: by field (title, summary, text), then reading order; in reading order. */
    private static List<int[]> best(List<int[]> postings) {
        List<int[]> list = new ArrayList<>(postings);
        if (list.size() > POSTINGS) {
            list.sort((a, b) -> rank(a[1]) != rank(b[1]) ? Integer.compare(rank(b[1]), rank(a[1])) : Integer.compare(a[0], b[0]));
            list = new ArrayList<>(list.subList(0, POSTINGS));
        }
        list.sort((a, b) -> Integer.compare(a[0], b[0]));
        return list;
    }

    private static int rank(int flags) {
        return (flags & TITLE) != 0 ? 3 : (flags & SUMMARY) != 0 ? 2 : 1;
    }

    /** Postings as text: each the gap from the previous section's number in base 36, then its fields (1-7). */
    private static String encode(List<int[]> postings) {
        StringBuilder out = new StringBuilder(postings.size() * 4);
        int last = 0;
        for (int[] p : postings) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Integer.toString(p[0] - last, 36)).append(p[1]);
            last = p[0];
        }
        return out.toString();
    }

    /** A file name for a word's first letters: ASCII letters and digits as they are, others as code points. */
    static String fileName(String key) {
        StringBuilder out = new StringBuilder();
        key.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return out.toString();
    }
}
