package org.explainers.bake;

import org.explainers.content.Article;
import org.explainers.content.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * "More on these topics" for each section: the sections sharing the most topics with it, then
 * those of its own article, then in reading order; never itself or its neighbours, at most
 * {@link #LIMIT}. Worked out for every section at once: counting in an array and keeping the
 * best few, instead of sorting every candidate, which made a large site's bake quadratic.
 */
final class Related {

    static final int LIMIT = 5;

    private final List<Section> sections;
    private final Map<Section, Integer> number = new IdentityHashMap<>();
    private final Map<String, int[]> byTopic = new HashMap<>();
    private final Article[] articleOf;
    /** Per thread: how many topics each section shares with the one asked about (sections are asked about on every core). */
    private final ThreadLocal<int[]> counts;

    /** @param sections the listed sections in reading order */
    Related(List<Section> sections) {
        this.sections = sections;
        Map<String, List<Integer>> lists = new HashMap<>();
        for (Section s : sections) {
            int n = number.size();
            number.put(s, n);
            for (String t : s.topics()) {
                lists.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
            }
        }
        lists.forEach((t, list) -> byTopic.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
        articleOf = sections.stream().map(Section::article).toArray(Article[]::new);
        int size = sections.size();
        counts = ThreadLocal.withInitial(() -> new int[size]);
    }

    /** The related sections of {@code s} with the number of topics each shares, best first. */
    List<Map.Entry<Section, Integer>> of(Section s, Section prev, Section next) {
        int[] shared = counts.get();
        Integer selfNumber = number.get(s);
        if (selfNumber == null) {
            return List.of();
        }
        int self = selfNumber;
        int skipPrev = prev == null ? -1 : number.getOrDefault(prev, -1);
        int skipNext = next == null ? -1 : number.getOrDefault(next, -1);
        int[] touched = new int[16];
        int touchedCount = 0;
        for (String t : s.topics()) {
            for (int o : byTopic.getOrDefault(t, new int[0])) {
                if (o == self || o == skipPrev || o == skipNext) {
                    continue;
                }
                if (shared[o]++ == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = o;
                }
            }
        }
        int[] best = new int[LIMIT];
        int bestCount = 0;
        for (int k = 0; k < touchedCount; k++) {
            int o = touched[k];
            if (bestCount == LIMIT && shared[o] < shared[best[LIMIT - 1]]) {
                continue; // fewer topics in common than the last of the best: most candidates of a large site
            }
            int at = bestCount;
            while (at > 0 && before(o, best[at - 1], s, shared)) {
                at--;
            }
            if (at < LIMIT) {
                int end = Math.min(bestCount, LIMIT - 1);
                System.arraycopy(best, at, best, at + 1, end - at);
                best[at] = o;
                bestCount = Math.min(bestCount + 1, LIMIT);
            }
        }
        List<Map.Entry<Section, Integer>> list = new ArrayList<>();
        for (int k = 0; k < bestCount; k++) {
            list.add(Map.entry(sections.get(best[k]), shared[best[k]]));
        }
        for (int k = 0; k < touchedCount; k++) {
            shared[touched[k]] = 0;
        }
        return list;
    }

    /** Whether {@code a} ranks before {@code b} among the sections related to {@code s}. */
    private boolean before(int a, int b, Section s, int[] shared) {
        if (shared[a] != shared[b]) {
            return shared[a] > shared[b];
        }
        int sameA = articleOf[a] == s.article() ? 0 : 1;
        int sameB = articleOf[b] == s.article() ? 0 : 1;
        if (sameA != sameB) {
            return sameA < sameB;
        }
        return a < b;
    }
}
