package org.explainers.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    public Navigation(ContentIndex index) {
        this.index = index;
        for (ContentIndex.Section s : index.publishedSections()) {
            for (String t : s.topics) {
                byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
            }
        }
    }

    /** Published sections carrying each topic, in reading order. */
    public Map<String, List<ContentIndex.Section>> sectionsByTopic() {
        return byTopic;
    }

    /** Fields added to a section's page model. */
    public Map<String, Object> forSection(ContentIndex.Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        ContentIndex.Article a = s.article;
        List<ContentIndex.Section> siblings = a.publishedSections();
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

    /** Sections sharing the most topics with {@code s}, then nearest in reading order. */
    private List<Map<String, Object>> related(ContentIndex.Section s, ContentIndex.Section prev, ContentIndex.Section next) {
        Map<ContentIndex.Section, Integer> shared = new HashMap<>();
        for (String t : s.topics) {
            for (ContentIndex.Section other : byTopic.getOrDefault(t, List.of())) {
                if (other != s && other != prev && other != next) {
                    shared.merge(other, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<ContentIndex.Section, Integer>> ranked = new ArrayList<>(shared.entrySet());
        ranked.sort(Comparator.<Map.Entry<ContentIndex.Section, Integer>>comparingInt(e -> -e.getValue())
                .thenComparing(e -> e.getKey().article == s.article ? 0 : 1)
                .thenComparing(e -> e.getKey().sortKey()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (var e : ranked.subList(0, Math.min(RELATED_LIMIT, ranked.size()))) {
            Map<String, Object> m = link(e.getKey());
            m.put("article_title", e.getKey().article.title());
            m.put("shared", e.getValue());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> link(ContentIndex.Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("uri", s.uri());
        return m;
    }
}
