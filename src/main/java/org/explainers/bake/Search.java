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
    }

    /**
     * Everything the index is made from, for {@link Output#reuseFolder}: each section's number,
     * address, title, summary, explainer and text (by its fingerprint).
     */
    static String key(List<Section> sections) {
        Digest d = new Digest("search " + POSTINGS, java.util.Map.of());
        for (Section s : sections) {
            d.add(s.uri()).add(s.title()).add(s.summary()).add(s.article().title()).add(s.body() == null ? "" : s.body().key());
        }
        return d.hex();
    }

    /**
     * Writes the index's files into {@code out}: a section's file only when it changed since the
     * published build (its key says what it is made from), the word files always (one changed
     * text changes many of them). Sections are read on every core; their words are merged in
     * reading order.
     */
    static void write(String folder, List<Section> sections, String indexKey, Output out) {
        Map<String, int[]> postings = new HashMap<>();
        List<Map<String, Integer>> bySection = java.util.stream.IntStream.range(0, sections.size()).parallel().mapToObj(id -> {
            Section s = sections.get(id);
            String text = s.body() == null ? "" : s.body().text();
            String docKey = new Digest("search doc", Map.of()).add(s.uri()).add(s.title()).add(s.summary())
                    .add(s.article().title()).add(s.body() == null ? "" : s.body().key()).add(id).hex();
            String path = folder + "d/" + id + ".js";
            if (!out.reuse(path, docKey)) {
                StringBuilder doc = new StringBuilder(text.length() + 512);
                doc.append("SEARCH.doc(").append(id).append(",{\"t\":").append(Json.string(s.title()))
                        .append(",\"u\":").append(Json.string(s.uri()))
                        .append(",\"a\":").append(Json.string(s.article().title()))
                        .append(",\"s\":").append(Json.string(s.summary()))
                        .append(",\"x\":").append(Json.string(text)).append("});\n");
                out.write(path, doc.toString().getBytes(StandardCharsets.UTF_8), docKey);
            }
            Map<String, Integer> flags = new HashMap<>();
            words(s.title(), TITLE, flags);
            words(s.summary(), SUMMARY, flags);
            words(text, TEXT, flags);
            return flags;
        }).toList();
        for (int id = 0; id < bySection.size(); id++) {
            for (Map.Entry<String, Integer> f : bySection.get(id).entrySet()) {
                int[] list = postings.get(f.getKey());
                if (list == null || list[0] + 1 == list.length) {
                    int[] grown = new int[list == null ? 8 : list.length * 2];
                    if (list != null) {
                        System.arraycopy(list, 0, grown, 0, list.length);
                    }
                    postings.put(f.getKey(), list = grown);
                }
                list[++list[0]] = id << 3 | f.getValue(); // list[0] counts; each posting: number and fields
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
            files.put(folder + "t/" + fileName(key) + ".js", new File(js.toString().getBytes(StandardCharsets.UTF_8), shardKey));
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
            files.put(folder + "p/" + fileName(prefix) + ".js", new File(js.getBytes(StandardCharsets.UTF_8), shardKey));
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
        files.forEach((path, file) -> out.write(path, file.bytes(), file.key()));
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

    /**
     * Folded words of at least two letters or digits, each with the fields it occurs in: a word
     * is a run of letters and digits (accents included), folded as search.js folds a query.
     */
    static void words(String text, int flag, Map<String, Integer> flags) {
        char[] chars = text.toCharArray();
        int n = chars.length;
        int i = 0;
        while (i < n) {
            while (i < n && !wordChar(chars[i])) {
                i++;
            }
            int start = i;
            boolean ascii = true;
            while (i < n && wordChar(chars[i])) {
                ascii &= chars[i] < 0x80;
                i++;
            }
            if (i - start < 2) {
                continue;
            }
            if (ascii) {
                char[] word = new char[i - start];
                for (int k = start; k < i; k++) {
                    char c = chars[k];
                    word[k - start] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                }
                add(new String(word), flag, flags);
            } else {
                // Beyond ASCII, the folded word may hold other separators (NFKD of "½" is "1⁄2").
                String folded = Text.fold(new String(chars, start, i - start));
                int from = 0;
                for (int k = 0; k <= folded.length(); k++) {
                    if (k == folded.length() || !Character.isLetterOrDigit(folded.charAt(k))) {
                        if (k - from >= 2) {
                            add(folded.substring(from, k), flag, flags);
                        }
                        from = k + 1;
                    }
                }
            }
        }
    }

    private static void add(String word, int flag, Map<String, Integer> flags) {
        if (word.length() <= 40) {
            flags.merge(word, flag, (a, b) -> a | b);
        }
    }

    private static boolean wordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
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
