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

    /** The index's files, by path from the site root. */
    static Map<String, byte[]> files(String folder, List<Section> sections) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, List<int[]>> postings = new HashMap<>();
        for (int id = 0; id < sections.size(); id++) {
            Section s = sections.get(id);
            Map<String, Integer> flags = new HashMap<>();
            words(s.title(), TITLE, flags);
            words(s.summary(), SUMMARY, flags);
            String text = s.body() == null ? "" : s.body().text();
            words(text, TEXT, flags);
            for (Map.Entry<String, Integer> f : flags.entrySet()) {
                postings.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(new int[]{id, f.getValue()});
            }
            StringBuilder doc = new StringBuilder(text.length() + 512);
            doc.append("SEARCH.doc(").append(id).append(",{\"t\":").append(Json.string(s.title()))
                    .append(",\"u\":").append(Json.string(s.uri()))
                    .append(",\"a\":").append(Json.string(s.article().title()))
                    .append(",\"s\":").append(Json.string(s.summary()))
                    .append(",\"x\":").append(Json.string(text)).append("});\n");
            files.put(folder + "d/" + id + ".js", doc.toString().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        Map<String, List<int[]>> byPrefix = new TreeMap<>();
        for (Map.Entry<String, List<int[]>> e : new TreeMap<>(postings).entrySet()) {
            String word = e.getKey();
            List<int[]> list = best(e.getValue());
            if (word.length() >= 3) {
                byKey.computeIfAbsent(word.substring(0, 3), k -> new TreeMap<>()).put(word, encode(list));
            }
            byPrefix.computeIfAbsent(word.substring(0, 2), k -> new ArrayList<>()).addAll(e.getValue());
        }
        Map<String, StringBuilder> manifest = new TreeMap<>();
        byKey.forEach((key, words) -> {
            StringBuilder js = new StringBuilder("SEARCH.words(").append(Json.string(key)).append(",{");
            boolean first = true;
            for (Map.Entry<String, String> w : words.entrySet()) {
                js.append(first ? "" : ",").append(Json.string(w.getKey())).append(':').append(Json.string(w.getValue()));
                first = false;
            }
            js.append("});\n");
            files.put(folder + "t/" + fileName(key) + ".js", js.toString().getBytes(StandardCharsets.UTF_8));
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
            files.put(folder + "p/" + fileName(prefix) + ".js", js.getBytes(StandardCharsets.UTF_8));
            manifest.computeIfAbsent(prefix, k -> new StringBuilder());
        });
        StringBuilder index = new StringBuilder("SEARCH.index({\"docs\":").append(sections.size()).append(",\"words\":{");
        boolean first = true;
        for (Map.Entry<String, StringBuilder> e : manifest.entrySet()) {
            index.append(first ? "" : ",").append(Json.string(e.getKey())).append(':').append(Json.string(e.getValue().toString()));
            first = false;
        }
        index.append("}});\n");
        files.put(folder + "index.js", index.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Folded words of at least two letters or digits, each with the fields it occurs in. */
    static void words(String text, int flag, Map<String, Integer> flags) {
        String folded = Text.fold(text);
        int n = folded.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (i - start >= 2 && i - start <= 40) {
                flags.merge(folded.substring(start, i), flag, (a, b) -> a | b);
            }
        }
    }

    /** The best postings of a word: by field (title, summary, text), then reading order; in reading order. */
    private static List<int[]> best(List<int[]> postings) {
        List<int[]> list = new ArrayList<>(postings);
        if (list.size() > POSTINGS) {
            list.sort((a, b) -> a[1] != b[1] ? Integer.compare(rank(b[1]), rank(a[1])) : Integer.compare(a[0], b[0]));
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
