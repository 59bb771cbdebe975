package org.explainers.site;

import org.explainers.content.ContentIndex;
import org.explainers.content.Vocabulary;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topic index lists every topic with the number of sections that carry it, and each
 * topic page lists exactly those sections, in article order.
 */
class TopicsTest {

    private static final Pattern COUNT = Pattern.compile("\\b(\\d+) sections?\\b");

    /** Section pages that carry each topic, in reading order, from the content itself. */
    static List<String> expected(ContentIndex content, String slug) {
        List<String> uris = new ArrayList<>();
        for (ContentIndex.Section s : content.publishedSections()) {
            if (s.topics.contains(slug)) {
                uris.add(s.uri());
            }
        }
        return uris;
    }

    @Test
    void topicIndexCountsEqualTheSectionsCarryingEachTopic() {
        ContentIndex content = BuiltSite.content();
        Document index = BuiltSite.page("topics/index.html");
        Element main = index.selectFirst("main");
        assertNotNull(main, "topics/index.html has a <main>");
        assertTrue(content.vocabulary().topics().size() >= 10, "the vocabulary has at least 10 topics");
        for (Vocabulary.Topic topic : content.vocabulary().topics().values()) {
            Element entry = entry(main, topic);
            Matcher m = COUNT.matcher(entry.text());
            assertTrue(m.find(), "the entry for " + topic.slug() + " shows a count: " + entry.text());
            int expected = expected(content, topic.slug()).size();
            assertEquals(expected, Integer.parseInt(m.group(1)), "count for " + topic.slug());
            boolean linked = entry.select("a[href]").stream().anyMatch(a ->
                    URI.create("topics/index.html").resolve(a.attr("href")).getPath().equals("topics/" + topic.slug() + ".html"));
            assertEquals(expected > 0, linked, "link from the index to " + topic.slug() + ".html");
        }
    }

    @Test
    void everyTopicPageListsExactlyItsSectionsInArticleOrder() {
        ContentIndex content = BuiltSite.content();
        int pages = 0;
        for (Vocabulary.Topic topic : content.vocabulary().topics().values()) {
            List<String> expected = expected(content, topic.slug());
            if (expected.isEmpty()) {
                continue;
            }
            pages++;
            String page = "topics/" + topic.slug() + ".html";
            Document doc = BuiltSite.page(page);
            assertEquals(topic.name(), doc.selectFirst("h1").text().strip(), "h1 of " + page);
            LinkedHashSet<String> listed = new LinkedHashSet<>();
            for (Element a : doc.select("main a[href]")) {
                String target = URI.create(page).resolve(a.attr("href").replaceFirst("#.*", "")).getPath();
                if (target.matches("articles/[^/]+/(?!index\\.html)[^/]+\\.html")) {
                    listed.add(target);
                }
            }
            assertEquals(expected, new ArrayList<>(listed), "sections listed on " + page);
        }
        assertTrue(pages >= 10, "topic pages checked: " + pages);
    }

    @Test
    void homePageShowsTheArticlesAndTheTopics() {
        ContentIndex content = BuiltSite.content();
        Document home = BuiltSite.page("index.html");
        String text = home.selectFirst("main").text();
        for (ContentIndex.Article a : content.publishedArticles()) {
            assertTrue(text.contains(a.title()), "home shows the headline " + a.title());
            assertTrue(text.contains(a.header.get("summary")), "home shows the standfirst of " + a.slug);
            assertNotNull(home.selectFirst("main a[href=" + a.uri() + "]"), "home links " + a.uri());
        }
        for (Map.Entry<String, Vocabulary.Topic> t : content.vocabulary().topics().entrySet()) {
            assertTrue(text.contains(t.getValue().name()), "home shows the topic " + t.getKey());
        }
    }

    /** The smallest element of the topic index that shows this topic's name and description. */
    private static Element entry(Element main, Vocabulary.Topic topic) {
        Element best = null;
        for (Element e : main.getAllElements()) {
            String text = e.text();
            if (text.contains(topic.name()) && text.contains(topic.description())
                    && (best == null || e.getAllElements().size() < best.getAllElements().size())) {
                best = e;
            }
        }
        assertNotNull(best, "topics/index.html shows " + topic.name() + " with its description");
        return best;
    }
}
