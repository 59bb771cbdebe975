package org.explainers.bake;

import org.explainers.content.Article;
import org.explainers.content.Section;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * "More on these topics" for each section: the sections sharing the most topics with it, then
 * those of its own article, then in reading order; never itself or its neighbours, at most
 * {@link #LIMIT}. The topics' lists are walked side by side in reading order and the walk stops
 * as soon as nothing later can rank higher: a large site's sections do not each look at all
 * the others.
 */
final class Related {

    static final int LIMIT = 5;

    private final List<Section> sections;
    private final Map<Section, Integer> number = new IdentityHashMap<>();
    private final Map<String, int[]> byTopic = new HashMap<>();
    /** Each section's topics, as the keys of {@link #byTopic} (looked up once, not once per comparison). */
    private final List<List<String>> topicsOf = new ArrayList<>();
    private final Article[] articleOf;
    /** Each explainer's sections, as a range of numbers (they follow each other in reading order). */
    private final Map<Article, int[]> range = new IdentityHashMap<>();

    /** @param sections the listed sections in reading order */
    Related(List<Section> sections) {
        this.sections = sections;
        Map<String, List<Integer>> lists = new HashMap<>();
        for (Section s : sections) {
            int n = number.size();
            number.put(s, n);
            topicsOf.add(s.topics());
            for (String t : s.topics()) {
                lists.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
            }
        }
        lists.forEach((t, list) -> byTopic.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
        articleOf = sections.stream().map(Section::article).toArray(Article[]::new);
        for (int n = 0; n < articleOf.length; n++) {
            range.computeIfAbsent(articleOf[n], a -> new int[]{0, 0});
        }
        for (int n = articleOf.length - 1; n >= 0; n--) {
            range.get(articleOf[n])[0] = n;
        }
        for (int n = 0; n < articleOf.length; n++) {
            range.get(articleOf[n])[1] = n + 1;
        }
    }

    /** The related sections of {@code s} with the number of topics each shares, best first. */
    List<Map.Entry<Section, Integer>> of(Section s, Section prev, Section next) {
        Integer selfNumber = number.get(s);
        if (selfNumber == null || s.topics().isEmpty()) {
            return List.of();
        }
        int self = selfNumber;
        int skipPrev = prev == null ? -1 : number.getOrDefault(prev, -1);
        int skipNext = next == null ? -1 : number.getOrDefault(next, -1);
        List<int[]> lists = new ArrayList<>();
        for (String t : s.topics()) {
            int[] l = byTopic.get(t);
            if (l != null) {
                lists.add(l);
            }
        }
        int most = lists.size();
        // The best few of the other explainers' sections, as {number, shared}: the topics' lists
        // are walked side by side in reading order (each is in reading order), until LIMIT of
        // them share every topic: none after them can rank higher.
        int[][] best = new int[LIMIT][];
        int count = 0;
        int[] at = new int[most];
        while (count < LIMIT || best[LIMIT - 1][1] < most) {
            int lowest = Integer.MAX_VALUE;
            for (int k = 0; k < most; k++) {
                if (at[k] < lists.get(k).length) {
                    lowest = Math.min(lowest, lists.get(k)[at[k]]);
                }
            }
            if (lowest == Integer.MAX_VALUE) {
                break;
            }
            int shared = 0;
            for (int k = 0; k < most; k++) {
                if (at[k] < lists.get(k).length && lists.get(k)[at[k]] == lowest) {
                    shared++;
                    at[k]++;
                }
            }
            if (articleOf[lowest] == s.article() || count == LIMIT && shared <= best[LIMIT - 1][1]) {
                continue; // its own explainer's sections are counted below; a later one with no more in common ranks lower
            }
            int i = Math.min(count, LIMIT - 1);
            while (i > 0 && best[i - 1][1] < shared) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = new int[]{lowest, shared};
            count = Math.min(count + 1, LIMIT);
        }
        List<int[]> candidates = new ArrayList<>(java.util.Arrays.asList(best).subList(0, count));
        int[] own = range.get(s.article());
        for (int o = own[0]; o < own[1]; o++) {
            if (o == self || o == skipPrev || o == skipNext || articleOf[o] != s.article()) {
                continue;
            }
            int shared = 0;
            for (String t : topicsOf.get(o)) {
                shared += topicsOf.get(self).contains(t) ? 1 : 0;
            }
            if (shared > 0) {
                candidates.add(new int[]{o, shared});
            }
        }
        candidates.sort((x, y) -> before(x, y, s) ? -1 : before(y, x, s) ? 1 : 0);
        List<Map.Entry<Section, Integer>> list = new ArrayList<>();
        for (int[] c : candidates.subList(0, Math.min(LIMIT, candidates.size()))) {
            list.add(Map.entry(sections.get(c[0]), c[1]));
        }
        return list;
    }

    /** Whether candidate {@code a} ranks before {@code b} among the sections related to {@code s}. */
    private boolean before(int[] a, int[] b, Section s) {
        if (a[1] != b[1]) {
            return a[1] > b[1];
        }
        int sameA = articleOf[a[0]] == s.article() ? 0 : 1;
        int sameB = articleOf[b[0]] == s.article() ? 0 : 1;
        if (sameA != sameB) {
            return sameA < sameB;
        }
        return a[0] < b[0];
    }
}
