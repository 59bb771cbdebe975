package org.explainers.reader;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Manuscripts are published faithfully: every paragraph and list item of a manuscript appears
 * once, in order, on the explainer page that carries it, and each part under its heading on its
 * own section page. The site's first explainer, as it was split from its manuscript, is kept
 * as a fixture (src/test/resources/fixtures/seed/: its files and vocabularies, the manuscript
 * beside them) and built with the project's templates: a template or a build change that drops
 * or reorders its text fails here, while editors stay free to edit content/ (a test pinned to
 * the live text failed every typo fix). An explainer is found by its text, not its address.
 */
class ManuscriptTest {

    @Test
    void theSeedManuscriptIsPublishedFaithfully(@TempDir Path tmp) throws Throwable {
        org.explainers.fixtures.Fixture seed = org.explainers.fixtures.Fixture.of("seed", tmp);
        assertTrue(seed.build().ok(), seed.log());
        List<DynamicTest> tests = checks(seed.site(), Path.of("src/test/resources/fixtures/seed/manuscripts")).toList();
        assertEquals(1, tests.size(), "the seed's explainer is found by its text");
        tests.get(0).getExecutable().execute();
    }

    @Test
    void theCheckFindsTheFixturesManuscriptAndCatchesAChange(@TempDir Path tmp) throws Throwable {
        Path manuscripts = Path.of("src/test/resources/fixtures/newsroom/manuscripts");
        List<DynamicTest> tests = checks(Sites.fixture(), manuscripts).toList();
        assertEquals(1, tests.size(), "the fixture's explainer is found by its text");
        tests.get(0).getExecutable().execute();
        Path changed = tmp.resolve("election-primer.txt");
        Files.writeString(changed, Files.readString(manuscripts.resolve("election-primer.txt"), StandardCharsets.UTF_8)
                .replace("Back to who votes.", "Back to who may vote."), StandardCharsets.UTF_8);
        List<DynamicTest> broken = checks(Sites.fixture(), tmp).toList();
        assertThrows(AssertionError.class, () -> broken.get(0).getExecutable().execute());
    }

    /** A check per manuscript whose first paragraph some explainer page of the site carries. */
    static Stream<DynamicTest> checks(Path site, Path manuscripts) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(manuscripts)) {
            for (Path m : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8).stream().map(ManuscriptTest::normalize)
                        .filter(l -> !l.isEmpty()).toList();
                for (String page : Sites.files(site, "/index.html")) {
                    if (page.startsWith("articles/") && blocks(Sites.page(site, page)).contains(lines.get(0))) {
                        tests.add(DynamicTest.dynamicTest(m.getFileName() + " on " + page, () -> faithful(site, page, lines)));
                    }
                }
            }
        }
        return tests.stream();
    }

    /** The manuscript's lines are headings (a section title on the page) or paragraphs under them. */
    static void faithful(Path site, String articlePage, List<String> lines) {
        Document article = Sites.page(site, articlePage);
        List<Element> sections = article.select("section.article-section");
        List<String> headings = sections.stream().map(s -> normalize(s.selectFirst("h2, h3").text())).toList();
        List<String> texts = new ArrayList<>();
        List<List<String>> bySection = new ArrayList<>();
        bySection.add(new ArrayList<>());
        for (String line : lines) {
            int h = headings.indexOf(line);
            if (h > 0) {
                while (bySection.size() <= h) {
                    bySection.add(new ArrayList<>());
                }
                continue;
            }
            String text = line.startsWith("- ") ? line.substring(2) : line;
            texts.add(text);
            bySection.get(bySection.size() - 1).add(text);
        }
        assertInOrderOnce(texts, blocks(article), articlePage);
        String folder = articlePage.substring(0, articlePage.lastIndexOf('/') + 1);
        for (int i = 0; i < sections.size() && i < bySection.size(); i++) {
            String own = folder + sections.get(i).selectFirst("h2 a, h3 a").attr("href");
            Document page = Sites.page(site, own);
            assertEquals(headings.get(i), normalize(page.selectFirst("h1").text()), own);
            assertInOrderOnce(bySection.get(i), blocks(page), own);
        }
    }

    static String normalize(String s) {
        return s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    }

    /** Texts of the page's paragraphs and list items in its text (not its header or lists of links), in order. */
    static List<String> blocks(Document doc) {
        return doc.select(".prose p, .prose li").stream().filter(e -> e.select("p, li").size() == 1)
                .map(Element::text).map(ManuscriptTest::normalize).toList();
    }

    static void assertInOrderOnce(List<String> expected, List<String> blocks, String page) {
        int last = -1;
        for (String text : expected) {
            int first = blocks.indexOf(text);
            assertTrue(first >= 0, page + " lacks: " + text);
            assertEquals(first, blocks.lastIndexOf(text), page + " shows more than once: " + text);
            assertTrue(first > last, page + " shows out of order: " + text);
            last = first;
        }
    }
}
