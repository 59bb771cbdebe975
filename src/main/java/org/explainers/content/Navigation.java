package org.explainers.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page needs to know about its neighbours, worked out once from the {@link ContentIndex}
 * so that no template has to scan the whole site for each page (which made stock JBake quadratic).
 * Values are plain maps, lists, strings and numbers so that JBake can store them with the page.
 */
public final class Navigation {

    /** How many related sections a section page lists. */
    public static final int RELATED_LIMIT = 5;

    private final ContentIndex index;
    /** Published sections by topic, in reading order. */
    private final Map<String, List<ContentIndex.Section>> byTopic = new HashMap<>();
    /** For {@link #related}: published sections numbered in reading order, and their topics'
     * lists by number. */
    private final List<ContentIndex.Section> published;
    private final Map<ContentIndex.Section, Integer> number = new IdentityHashMap<>();
    private final Map<String, int[]> byTopicNumbers = new HashMap<>();
    /** Each published section's article, by number (compared for every candidate, so an array). */
    private final ContentIndex.Article[] articleOf;
    private final int[] shared;
    /** Each article's published sections (every section page asks for its siblings). */
    private final Map<ContentIndex.Article, List<ContentIndex.Section>> siblingsOf = new IdentityHashMap<>();

    public Navigation(ContentIndex index) {
        this.index = index;
        published = index.publishedSections();
        for (ContentIndex.Section s : published) {
            number.put(s, number.size());
            for (String t : s.topics) {
                byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
            }
        }
        byTopic.forEach((t, list) -> byTopicNumbers.put(t, list.stream().mapToInt(number::get).toArray()));
        shared = new int[published.size()];
        for (ContentIndex.Section s : published) {
            siblingsOf.computeIfAbsent(s.article, ContentIndex.Article::publishedSections);
        }
        articleOf = published.stream().map(p -> p.article).toArray(ContentIndex.Article[]::new);
    }

    /** Published sections carrying each topic, in reading order. */
    public Map<String, List<ContentIndex.Section>> sectionsByTopic() {
        return byTopic;
    }

    /** Fields added to a section's page model. */
    public Map<String, Object> forSection(ContentIndex.Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        ContentIndex.Article a = s.article;
        List<ContentIndex.Section> siblings = siblingsOf.getOrDefault(a, List.of());
        int i = siblings.indexOf(s);
        m.put("article_title", a.title());
        m.put("article_uri", a.uri());
        m.put("anchor", s.anchor);
        m.put("order", s.order());
        m.put("level", s.level());
        m.put("position", i + 1);
        m.put("section_count", siblings.size());
        m.put("sort_key", s.sortKey());
        m.put("source_path", "content/" + s.source);
        if (i > 0) {
            m.put("prev", link(siblings.get(i - 1)));
        }
        if (i + 1 < siblings.size()) {
            m.put("next", link(siblings.get(i + 1)));
        }
        if (s.level() > 1) {
            for (int j = i - 1; j >= 0; j--) {
                if (siblings.get(j).level() < s.level()) {
                    m.put("parent", link(siblings.get(j)));
                    break;
                }
            }
        }
        m.put("topic_list", topicList(s.topics));
        m.put("related", related(s, i > 0 ? siblings.get(i - 1) : null, i + 1 < siblings.size() ? siblings.get(i + 1) : null));
        return m;
    }

    /** Fields added to an article's page model (its sections' bodies are added by the engine). */
    public Map<String, Object> forArticle(ContentIndex.Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_path", "content/" + a.source);
        m.put("section_count", a.publishedSections().size());
        List<String> topics = new ArrayList<>();
        for (ContentIndex.Section s : a.publishedSections()) {
            for (String t : s.topics) {
                if (!topics.contains(t)) {
                    topics.add(t);
                }
            }
        }
        m.put("topic_list", topicList(topics));
        return m;
    }

    /** A section as its page model lists it on the article page. */
    public Map<String, Object> tocEntry(ContentIndex.Section s) {
        Map<String, Object> m = link(s);
        m.put("anchor", s.anchor);
        m.put("level", s.level());
        m.put("summary", s.summary());
        m.put("topic_list", topicList(s.topics));
        return m;
    }

    private List<Map<String, Object>> topicList(List<String> slugs) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String slug : slugs) {
            Vocabulary.Topic t = index.vocabulary().get(slug);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", slug);
            m.put("name", t == null ? slug : t.name());
            list.add(m);
        }
        return list;
    }

    /**
     * Sections sharing the most topics with {@code s}, then those of its own article, then in
     * reading order. Counts in an array and keeps only the best {@link #RELATED_LIMIT} instead of
     * sorting every section that shares a topic (that sort, with a formatted key per comparison,
     * was most of the bake at 10,000 sections). Numbers follow reading order, so the lower
     * number comes first among equals.
     */
    private synchronized List<Map<String, Object>> related(ContentIndex.Section s, ContentIndex.Section prev,
                                                           ContentIndex.Section next) {
        int self = number.get(s);
        int skipPrev = prev == null ? -1 : number.getOrDefault(prev, -1);
        int skipNext = next == null ? -1 : number.getOrDefault(next, -1);
        int[] touched = new int[16];
        int touchedCount = 0;
        for (String t : s.topics) {
            for (int o : byTopicNumbers.getOrDefault(t, new int[0])) {
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
        // The best RELATED_LIMIT by (most shared, same article first, reading order).
        int[] best = new int[RELATED_LIMIT];
        int bestCount = 0;
        for (int k = 0; k < touchedCount; k++) {
            int o = touched[k];
            if (bestCount == RELATED_LIMIT && shared[o] < shared[best[RELATED_LIMIT - 1]]) {
                continue; // fewer topics in common than the fifth best: most candidates of a large site
            }
            int at = bestCount;
            while (at > 0 && before(o, best[at - 1], s)) {
                at--;
            }
            if (at < RELATED_LIMIT) {
                int end = Math.min(bestCount, RELATED_LIMIT - 1);
                System.arraycopy(best, at, best, at + 1, end - at);
                best[at] = o;
                bestCount = Math.min(bestCount + 1, RELATED_LIMIT);
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (int k = 0; k < bestCount; k++) {
            ContentIndex.Section other = published.get(best[k]);
            Map<String, Object> m = link(other);
            m.put("article_title", other.article.title());
            m.put("shared", shared[best[k]]);
            list.add(m);
        }
        for (int k = 0; k < touchedCount; k++) {
            shared[touched[k]] = 0;
        }
        return list;
    }

    /** Whether {@code a} ranks strictly before {@code b} among the sections related to {@code s}. */
    private boolean before(int a, int b, ContentIndex.Section s) {
        if (shared[a] != shared[b]) {
            return shared[a] > shared[b];
        }
        int sameA = articleOf[a] == s.article ? 0 : 1;
        int sameB = articleOf[b] == s.article ? 0 : 1;
        if (sameA != sameB) {
            return sameA < sameB;
        }
        return a < b;
    }

    private static Map<String, Object> link(ContentIndex.Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("uri", s.uri());
        return m;
    }
}
