package org.explainers.site;

import org.explainers.content.ContentIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sharing and search engines (unique titles and descriptions, canonical links, Open Graph,
 * NewsArticle JSON-LD), related sections, and a feed per topic.
 */
class SharingTest {

    @Test
    void everyPageHasAUniqueTitleDescriptionCanonicalLinkAndOpenGraph() {
        String host = LinksTest.host();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String page : BuiltSite.pages()) {
            Document doc = BuiltSite.page(page);
            String title = doc.title().strip();
            String description = doc.select("meta[name=description]").attr("content").strip();
            if (title.isEmpty() || titles.put(title, page) != null) {
                problems.add(page + ": title not unique: \"" + title + "\" (also " + titles.get(title) + ")");
            }
            if (description.isEmpty() || descriptions.put(description, page) != null) {
                problems.add(page + ": description not unique: \"" + description + "\"");
            }
            Element canonical = doc.selectFirst("link[rel=canonical]");
            if (canonical == null || !canonical.attr("href").startsWith(host)) {
                problems.add(page + ": no absolute canonical link");
            }
            for (String og : List.of("og:title", "og:description", "og:url", "og:type", "og:site_name")) {
                if (doc.select("meta[property=" + og + "]").attr("content").isBlank()) {
                    problems.add(page + ": no " + og);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void articleAndSectionPagesCarryNewsArticleJsonLd() {
        ContentIndex content = BuiltSite.content();
        String siteName = BuiltSite.page("index.html").select("meta[property=og:site_name]").attr("content");
        int checked = 0;
        for (ContentIndex.Article a : content.publishedArticles()) {
            List<String> articleTopics = new ArrayList<>();
            for (ContentIndex.Section s : a.publishedSections()) {
                checkJsonLd(s.uri(), s.title(), names(content, s.topics), siteName);
                s.topics.forEach(t -> {
                    if (!articleTopics.contains(t)) {
                        articleTopics.add(t);
                    }
                });
                checked++;
            }
            checkJsonLd(a.uri(), a.title(), names(content, articleTopics), siteName);
            checked++;
        }
        assertTrue(checked >= 11);
    }

    private static boolean resolves(String page, String href, String target) {
        return URI.create(page).resolve(href).getPath().equals(target);
    }

    private static List<String> names(ContentIndex content, List<String> slugs) {
        return slugs.stream().map(t -> content.vocabulary().get(t).name()).toList();
    }

    @SuppressWarnings("unchecked")
    private static void checkJsonLd(String page, String headline, List<String> topics, String siteName) {
        Document doc = BuiltSite.page(page);
        Element script = doc.selectFirst("script[type=application/ld+json]");
        assertNotNull(script, page + " has JSON-LD");
        Map<String, Object> ld = new Json().toType(script.data(), Map.class);
        assertEquals("NewsArticle", ld.get("@type"), page);
        assertEquals(headline, ld.get("headline"), page);
        assertEquals(doc.selectFirst("h1").text(), ld.get("headline"), page + ": headline is the page's h1");
        assertTrue(String.valueOf(ld.get("datePublished")).matches("\\d{4}-\\d{2}-\\d{2}T.*"), page);
        assertTrue(String.valueOf(ld.get("dateModified")).matches("\\d{4}-\\d{2}-\\d{2}T.*"), page);
        assertEquals(siteName, ((Map<String, Object>) ld.get("publisher")).get("name"), page);
        List<String> about = ((List<Map<String, Object>>) ld.get("about")).stream().map(m -> (String) m.get("name")).toList();
        assertEquals(new HashSet<>(topics), new HashSet<>(about), page + ": about lists the page's topics");
    }

    @Test
    void relatedSectionsAreRankedBySharedTopics() {
        ContentIndex content = BuiltSite.content();
        int withRelated = 0;
        for (ContentIndex.Article a : content.publishedArticles()) {
            List<ContentIndex.Section> sections = a.publishedSections();
            for (int i = 0; i < sections.size(); i++) {
                ContentIndex.Section s = sections.get(i);
                Set<String> excluded = new HashSet<>(Set.of(s.uri()));
                if (i > 0) {
                    excluded.add(sections.get(i - 1).uri());
                }
                if (i + 1 < sections.size()) {
                    excluded.add(sections.get(i + 1).uri());
                }
                // candidates and how many topics each shares with s
                Map<String, Integer> shared = new HashMap<>();
                for (ContentIndex.Section o : content.publishedSections()) {
                    int n = (int) o.topics.stream().filter(s.topics::contains).count();
                    if (n > 0 && !excluded.contains(o.uri())) {
                        shared.put(o.uri(), n);
                    }
                }
                Element block = BuiltSite.page(s.uri()).selectFirst("main .related");
                List<String> listed = new ArrayList<>();
                if (block != null) {
                    for (Element link : block.select("a[href]")) {
                        listed.add(URI.create(s.uri()).resolve(link.attr("href")).getPath());
                    }
                }
                assertEquals(Math.min(5, shared.size()), listed.size(), "related sections on " + s.uri());
                int previous = Integer.MAX_VALUE;
                for (String uri : listed) {
                    assertTrue(shared.containsKey(uri), s.uri() + " lists " + uri + " (itself, prev/next, or unrelated)");
                    int n = shared.get(uri);
                    assertTrue(n <= previous, s.uri() + ": related not ranked by shared topics");
                    previous = n;
                }
                // nothing left out shares more topics than the last one listed
                int last = previous;
                assertFalse(shared.entrySet().stream().anyMatch(e -> !listed.contains(e.getKey()) && e.getValue() > last),
                        s.uri() + " left out a section sharing more topics");
                withRelated += listed.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withRelated >= 5, "sections with related sections: " + withRelated);
    }

    @Test
    void eachTopicHasItsOwnFeedLinkedFromItsPage() {
        ContentIndex content = BuiltSite.content();
        String host = LinksTest.host();
        int feeds = 0;
        for (String slug : content.vocabulary().topics().keySet()) {
            List<String> expected = TopicsTest.expected(content, slug);
            if (expected.isEmpty()) {
                continue;
            }
            Document page = BuiltSite.page("topics/" + slug + ".html");
            String feedPath = "topics/" + slug + ".xml";
            assertTrue(page.select("link[rel=alternate][type=application/atom+xml]").stream()
                    .anyMatch(e -> resolves("topics/" + slug + ".html", e.attr("href"), feedPath)), slug + ": feed linked in <head>");
            assertTrue(page.select("main a[href]").stream()
                    .anyMatch(e -> resolves("topics/" + slug + ".html", e.attr("href"), feedPath)), slug + ": feed link shown");
            Document feed = Jsoup.parse(BuiltSite.text("topics/" + slug + ".xml"), "", Parser.xmlParser());
            assertNotNull(feed.selectFirst("feed > title"), slug + ".xml is an Atom feed");
            Set<String> entries = new LinkedHashSet<>();
            for (Element link : feed.select("entry > link[rel=alternate]")) {
                entries.add(link.attr("href").substring(host.length()));
            }
            if (expected.size() <= 50) {
                assertEquals(new HashSet<>(expected), entries, "entries of topics/" + slug + ".xml");
            } else {
                assertEquals(50, entries.size(), "topics/" + slug + ".xml carries the newest 50");
                assertTrue(expected.containsAll(entries), "topics/" + slug + ".xml lists only its sections");
            }
            feeds++;
        }
        assertTrue(feeds >= 10);
    }
}
