package org.explainers.bench;

import org.explainers.build.TempProject;
import org.explainers.content.ContentIndex;
import org.explainers.content.Navigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The fast related-sections ranking gives exactly what sorting every candidate gives. */
class RelatedSectionsTest {

    @Test
    void sameAsSortingEveryCandidate(@TempDir Path dir) throws Exception {
        TempProject.copyTree(Path.of("content"), dir.resolve("content"));
        SyntheticContent.generate(dir, 700, 7);
        ContentIndex index = ContentIndex.load(dir.resolve("content"));
        assertFalse(index.hasErrors(), () -> index.problems().toString());
        Navigation nav = new Navigation(index);
        int checked = 0;
        for (ContentIndex.Article a : index.publishedArticles()) {
            List<ContentIndex.Section> siblings = a.publishedSections();
            for (int i = 0; i < siblings.size(); i++) {
                ContentIndex.Section s = siblings.get(i);
                Object fast = nav.forSection(s).get("related");
                Object reference = relatedBySorting(nav, s, i > 0 ? siblings.get(i - 1) : null,
                        i + 1 < siblings.size() ? siblings.get(i + 1) : null);
                assertEquals(reference, fast, s.source);
                checked++;
            }
        }
        assertEquals(index.publishedSections().size(), checked);
    }

    /** The straightforward ranking: every section sharing a topic, sorted by (most shared, same
     * article first, reading order), the first five. */
    static List<Map<String, Object>> relatedBySorting(Navigation nav, ContentIndex.Section s,
                                                      ContentIndex.Section prev, ContentIndex.Section next) {
        Map<ContentIndex.Section, Integer> shared = new HashMap<>();
        for (String t : s.topics) {
            for (ContentIndex.Section other : nav.sectionsByTopic().getOrDefault(t, List.of())) {
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
        for (var e : ranked.subList(0, Math.min(Navigation.RELATED_LIMIT, ranked.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", e.getKey().title());
            m.put("uri", e.getKey().uri());
            m.put("article_title", e.getKey().article.title());
            m.put("shared", e.getValue());
            list.add(m);
        }
        return list;
    }
}
