package org.explainers.bench;

import org.explainers.build.TempProject;
import org.explainers.content.ContentIndex;
import org.explainers.content.Navigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
                Object reference = nav.relatedBySorting(s, i > 0 ? siblings.get(i - 1) : null,
                        i + 1 < siblings.size() ? siblings.get(i + 1) : null);
                assertEquals(reference, fast, s.source);
                checked++;
            }
        }
        assertEquals(index.publishedSections().size(), checked);
    }
}
