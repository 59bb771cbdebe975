package org.explainers.site;

import org.explainers.content.ContentIndex;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first article is the manuscript published verbatim: every paragraph and list item
 * appears exactly once on the article page and once on its own section page, in order.
 */
class ManuscriptTest {

    static final String ARTICLE = "putin-peace-talks-core-demand";
    static final Path MANUSCRIPT = Path.of("src/test/resources/manuscripts/" + ARTICLE + ".txt");

    /** A paragraph or list item of the manuscript, with the section (by heading) it sits under. */
    record Item(String text, int section) {
    }

    static List<Item> manuscript(List<String> headings) throws IOException {
        List<Item> items = new ArrayList<>();
        int section = 0;
        for (String raw : Files.readAllLines(MANUSCRIPT, StandardCharsets.UTF_8)) {
            String line = normalize(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (headings.contains(line)) {
                section = headings.indexOf(line) + 1;
                continue;
            }
            items.add(new Item(line.startsWith("- ") ? line.substring(2) : line, section));
        }
        return items;
    }

    static String normalize(String s) {
        return s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    }

    /** Texts of the page's paragraphs and list items, in document order. */
    static List<String> blocks(Document doc) {
        return doc.select("p, li").stream()
                .filter(e -> e.select("p, li").size() == 1) // innermost only: an <li> holding a <p> counts once
                .map(Element::text).map(ManuscriptTest::normalize).toList();
    }

    @Test
    void everyParagraphAppearsOnceOnTheArticlePageInOrder() throws IOException {
        ContentIndex.Article article = article();
        List<ContentIndex.Section> sections = article.publishedSections();
        List<Item> items = manuscript(headings(sections));
        assertEquals(25, items.size(), "the manuscript has 25 paragraphs and list items");
        List<String> page = blocks(BuiltSite.page(article.uri()));
        assertInOrderOnce(items.stream().map(Item::text).toList(), page, article.uri());
    }

    @Test
    void everyParagraphAppearsOnceOnItsSectionPageInOrder() throws IOException {
        List<ContentIndex.Section> sections = article().publishedSections();
        List<String> headings = headings(sections);
        List<Item> items = manuscript(headings);
        for (int i = 0; i < sections.size(); i++) {
            int index = i;
            List<String> expected = items.stream().filter(it -> it.section() == index).map(Item::text).toList();
            assertFalse(expected.isEmpty(), "section " + sections.get(i).uri() + " has text in the manuscript");
            Document doc = BuiltSite.page(sections.get(i).uri());
            assertInOrderOnce(expected, blocks(doc), sections.get(i).uri());
            // and no other section's text leaks onto this page
            Set<String> others = items.stream().filter(it -> it.section() != index).map(Item::text).collect(Collectors.toSet());
            assertTrue(blocks(doc).stream().noneMatch(others::contains), sections.get(i).uri() + " shows another section's text");
        }
    }

    @Test
    void headingsBecomeSectionTitlesInTwoLevels() {
        List<ContentIndex.Section> sections = article().publishedSections();
        Document doc = BuiltSite.page(article().uri());
        for (ContentIndex.Section s : sections) {
            Element section = doc.getElementById(s.anchor);
            assertTrue(section != null, "the article page has an anchor #" + s.anchor);
            Element heading = section.selectFirst("h2, h3");
            assertTrue(heading != null, "#" + s.anchor + " has a heading");
            assertEquals(normalize(s.title()), normalize(heading.text()));
            assertEquals(s.level() == 1 ? "h2" : "h3", heading.tagName(), "heading level of " + s.title());
            Document own = BuiltSite.page(s.uri());
            assertEquals(normalize(s.title()), normalize(own.selectFirst("h1").text()), "h1 of " + s.uri());
        }
    }

    /** Headings in the manuscript: the titles of every section but the untitled opening. */
    private static List<String> headings(List<ContentIndex.Section> sections) {
        return sections.subList(1, sections.size()).stream().map(s -> normalize(s.title())).toList();
    }

    private static ContentIndex.Article article() {
        return BuiltSite.content().publishedArticles().stream().filter(a -> a.slug.equals(ARTICLE)).findFirst()
                .orElseThrow(() -> new AssertionError("the article " + ARTICLE + " is not published"));
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
