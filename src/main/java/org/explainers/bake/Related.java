package org.explainers.bake;

import org.explainers.content.Article;
import org.explainers.content.CacheInput;
import org.explainers.content.CacheOutput;
import org.explainers.content.Section;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the others. Each section's list is worked out once, and kept in {@code target/cache/} for the
 * next build while the sections' order, explainers and topics stay the same.
 */
final class Related {

    static final int LIMIT = 5;

    private final List<Section> sections;
    private final Map<Section, Integer> number = new IdentityHashMap<>();
    /** What the lists are worked out from: every section's address, explainer and topics, in reading order (see {@link #structure()}). */
    private String structure;
    /** Each section's list as {number, shared, number, shared, ...}, once worked out (by any bake thread); null until then. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<int[]> memo;
    private volatile boolean worked;
    /** What working a list out needs, made when the first one is (a build with the lists kept may need none). */
    private volatile Index index;

    /**
     * The sections by topic, each section's topics and explainer, and each explainer's sections
     * as a range of numbers (they follow each other in reading order).
     */
    private record Index(Map<String, int[]> byTopic, List<List<String>> topicsOf, Article[] articleOf, Map<Article, int[]> range) {
    }

    /** @param sections the listed sections in reading order */
    Related(List<Section> sections) {
        this.sections = sections;
        for (Section s : sections) {
            number.put(s, number.size());
        }
        memo = new java.util.concurrent.atomic.AtomicReferenceArray<>(sections.size());
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    Map<String, List<Integer>> lists = new HashMap<>();
                    List<List<String>> topicsOf = new ArrayList<>();
                    for (int n = 0; n < sections.size(); n++) {
                        topicsOf.add(sections.get(n).topics());
                        for (String t : sections.get(n).topics()) {
                            lists.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
                        }
                    }
                    Map<String, int[]> byTopic = new HashMap<>();
                    lists.forEach((t, list) -> byTopic.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
                    Article[] articleOf = sections.stream().map(Section::article).toArray(Article[]::new);
                    Map<Article, int[]> range = new IdentityHashMap<>();
                    for (Article a : articleOf) {
                        range.computeIfAbsent(a, k -> new int[2]);
                    }
                    for (int n = articleOf.length - 1; n >= 0; n--) {
                        range.get(articleOf[n])[0] = n;
                    }
                    for (int n = 0; n < articleOf.length; n++) {
                        range.get(articleOf[n])[1] = n + 1;
                    }
                    index = new Index(byTopic, topicsOf, articleOf, range);
                }
                i = index;
            }
        }
        return i;
    }

    /** Worked out when needed: a build of the same shape as the one that kept the lists need not. */
    private synchronized String structure() {
        if (structure == null) {
            Digest d = new Digest("related " + LIMIT + " " + org.explainers.content.Code.FINGERPRINT);
            for (Section s : sections) {
                d.add(s.uri()).add(s.article().uri()).add(s.topics());
            }
            structure = d.hex();
        }
        return structure;
    }

    private static final int VERSION = 4;

    /**
     * Takes the lists an earlier build kept, if they were worked out from the same sections and
     * topics: the site's shape ({@link Model#shape}) is the same, or else the structure.
     */
    void load(Path file, String shape) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int[][] read = new int[memo.length()][];
        try (CacheInput in = new CacheInput(file)) {
            if (in.readInt() != VERSION) {
                return;
            }
            String kept = in.readUTF();
            boolean sameShape = in.readUTF().equals(shape);
            if (!sameShape && !kept.equals(structure()) || in.count() != memo.length()) {
                return;
            }
            worked = !sameShape; // kept again under this shape
            int[] all = new int[in.count()];
            java.nio.ByteBuffer.wrap(in.bytes()).asIntBuffer().get(all);
            int at = 0;
            for (int n = 0; n < read.length; n++) {
                int size = at < all.length ? all[at++] : -1;
                if (size < 0 || size % 2 != 0 || size > 2 * LIMIT || at + size > all.length) {
                    throw new IOException("damaged: a list of " + size);
                }
                int[] list = java.util.Arrays.copyOfRange(all, at, at + size);
                at += size;
                for (int i = 0; i < list.length; i += 2) {
                    if (list[i] < 0 || list[i] >= memo.length() || list[i + 1] < 0) {
                        throw new IOException("damaged: a section number out of range");
                    }
                }
                read[n] = list;
            }
            if (!in.verified()) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            return; // a damaged cache is no cache
        }
        for (int n = 0; n < read.length; n++) {
            memo.set(n, read[n]);
        }
    }

    /** Keeps the lists for the next build, if this one worked any out (aside, then moved into place). */
    void save(Path file, String shape) throws IOException {
        if (!worked) {
            return;
        }
        for (int n = 0; n < memo.length(); n++) {
            if (memo.get(n) == null) {
                work(n);
            }
        }
        try (CacheOutput out = CacheOutput.open(file)) {
            out.writeInt(VERSION);
            out.writeUTF(structure());
            out.writeUTF(shape);
            out.writeInt(memo.length());
            int total = 0;
            for (int n = 0; n < memo.length(); n++) {
                total += 1 + memo.get(n).length;
            }
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(total * 4);
            java.nio.IntBuffer all = bytes.asIntBuffer();
            for (int n = 0; n < memo.length(); n++) {
                all.put(memo.get(n).length).put(memo.get(n));
            }
            out.writeInt(total);
            out.bytes(bytes.array());
            out.commit();
        }
    }

    /** The related sections of {@code s} with the number of topics each shares, best first. */
    List<Map.Entry<Section, Integer>> of(Section s) {
        Integer n = number.get(s);
        if (n == null) {
            return List.of();
        }
        int[] list = memo.get(n);
        if (list == null) {
            list = work(n);
        }
        List<Map.Entry<Section, Integer>> out = new ArrayList<>(list.length / 2);
        for (int i = 0; i < list.length; i += 2) {
            out.add(Map.entry(sections.get(list[i]), list[i + 1]));
        }
        return out;
    }

    /**
     * Works out the related sections of section {@code self}, as {number, shared, ...}: never
     * itself or its neighbours in its explainer (the sections just before and after it).
     */
    private int[] work(int self) {
        Index x = index();
        Map<String, int[]> byTopic = x.byTopic();
        List<List<String>> topicsOf = x.topicsOf();
        Article[] articleOf = x.articleOf();
        Section s = sections.get(self);
        int[] own = x.range().get(s.article());
        int skipPrev = self - 1 >= own[0] ? self - 1 : -1;
        int skipNext = self + 1 < own[1] ? self + 1 : -1;
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
        for (int o = own[0]; o < own[1]; o++) {
            if (o == self || o == skipPrev || o == skipNext) {
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
        candidates.sort((p, q) -> before(p, q, s, articleOf) ? -1 : before(q, p, s, articleOf) ? 1 : 0);
        int[] list = new int[2 * Math.min(LIMIT, candidates.size())];
        for (int k = 0; k < list.length / 2; k++) {
            list[2 * k] = candidates.get(k)[0];
            list[2 * k + 1] = candidates.get(k)[1];
        }
        memo.set(self, list);
        worked = true;
        return list;
    }

    /** Whether candidate {@code a} ranks before {@code b} among the sections related to {@code s}. */
    private static boolean before(int[] a, int[] b, Section s, Article[] articleOf) {
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
