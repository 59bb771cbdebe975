package org.explainers.reader;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built sites as a reader, a search engine and a feed reader see them: names of pages,
 * sharing data, bylines, corrections, feeds, the topic index and the weight of list pages.
 * Nothing here names a file of the content: the same checks hold for any content.
 */
class ReaderTest {

    static List<Path> sites() {
        return Sites.both().toList();
    }

    /** A smaller copy of an image is never heavier than the image: a phone that picks it never pays more. */
    @ParameterizedTest
    @MethodSource("sites")
    void noSmallerCopyOfAnImageWeighsMoreThanTheImage(Path site) throws Exception {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String page : Sites.files(site, ".html")) {
            for (Element img : Sites.page(site, page).select("img[srcset]")) {
                String folder = page.substring(0, page.lastIndexOf('/') + 1);
                long full = java.nio.file.Files.size(site.resolve(folder + img.attr("src")));
                for (String candidate : img.attr("srcset").split(",")) {
                    String file = folder + candidate.strip().split(" ")[0];
                    seen++;
                    if (java.nio.file.Files.size(site.resolve(file)) > full) {
                        problems.add(page + ": " + file + " weighs more than " + img.attr("src"));
                    }
                }
            }
        }
        assertTrue(seen > 0, "the site shows images with smaller copies");
        assertTrue(problems.isEmpty(), String.join("\n", new java.util.TreeSet<>(problems)));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void everyPageHasItsOwnTitleDescriptionCanonicalLinkSharingDataPolicyAndIcon(Path site) {
        String host = Sites.host(site);
        Map<String, String> titles = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String policy = null;
        for (String page : Sites.files(site, ".html")) {
            Document doc = Sites.page(site, page);
            if (doc.selectFirst("meta[http-equiv=refresh]") != null) {
                continue; // a moved page's pointer
            }
            String title = doc.title().strip();
            if (title.isEmpty() || titles.put(title, page) != null) {
                problems.add(page + ": title not unique: \"" + title + "\" (also " + titles.get(title) + ")");
            }
            if (doc.select("meta[name=description]").attr("content").isBlank()) {
                problems.add(page + ": no description");
            }
            Element canonical = doc.selectFirst("link[rel=canonical]");
            boolean noindex = doc.selectFirst("meta[name=robots][content=noindex]") != null;
            if (noindex ? canonical != null : canonical == null || !canonical.attr("href").startsWith(host)) {
                problems.add(page + (noindex ? ": a canonical link on a page served at any address (404)" : ": no absolute canonical link"));
            }
            for (String og : noindex ? List.of("og:title", "og:description", "og:type", "og:site_name")
                    : List.of("og:title", "og:description", "og:url", "og:type", "og:site_name")) {
                if (doc.select("meta[property=" + og + "]").attr("content").isBlank()) {
                    problems.add(page + ": no " + og);
                }
            }
            String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
            if (!csp.contains("script-src 'self'") || !csp.contains("object-src 'none'") || !csp.contains("base-uri 'none'")) {
                problems.add(page + ": policy " + csp);
            }
            policy = policy == null ? csp : policy;
            if (!csp.equals(policy)) {
                problems.add(page + ": another policy than the other pages'");
            }
            if (doc.selectFirst("link[rel=icon]") == null || doc.selectFirst("link[rel=apple-touch-icon]") == null) {
                problems.add(page + ": no icon declared");
            }
        }
        assertTrue(titles.size() >= 10, "pages read: " + titles.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(Files.isRegularFile(site.resolve("favicon.ico")), "browsers ask for /favicon.ico");
    }

    @ParameterizedTest
    @MethodSource("sites")
    @SuppressWarnings("unchecked")
    void explainersAndSectionsCarryNewsArticleDataMatchingThePage(Path site) {
        int checked = 0;
        for (String page : Sites.files(site, ".html")) {
            if (!page.startsWith("articles/")) {
                continue;
            }
            Document doc = Sites.page(site, page);
            Element script = doc.selectFirst("script[type=application/ld+json]");
            assertNotNull(script, page + " has JSON-LD");
            Map<String, Object> ld = new Json().toType(script.data(), Map.class);
            assertEquals("NewsArticle", ld.get("@type"), page);
            assertEquals(doc.selectFirst("h1").text(), ld.get("headline"), page + ": the headline is the page's h1");
            Instant.parse((String) ld.get("datePublished"));
            Instant.parse((String) ld.get("dateModified"));
            List<String> about = ((List<Map<String, Object>>) ld.get("about")).stream().map(m -> (String) m.get("name")).toList();
            List<String> chips = doc.select(".post-footer .chip").eachText();
            assertEquals(new HashSet<>(chips), new HashSet<>(about), page + ": about lists the page's topics");
            List<String> byline = doc.select(".byline a").eachText();
            assertFalse(byline.isEmpty(), page + " has a byline");
            List<String> people = ((List<Map<String, Object>>) ld.get("author")).stream()
                    .peek(a -> assertEquals("Person", a.get("@type"), page)).map(a -> (String) a.get("name")).toList();
            assertEquals(byline, people, page + ": the byline's authors are the data's");
            Element lead = doc.selectFirst("meta[property=og:image]");
            if (lead != null) {
                assertEquals(lead.attr("content"), ((Map<String, Object>) ld.get("image")).get("url"), page);
                assertEquals("summary_large_image", doc.select("meta[name=twitter:card]").attr("content"), page);
            }
            int notices = doc.select(".correction p, .corrections li").size();
            if (notices > 0) {
                assertNotNull(ld.get("correction"), page + " shows a correction: its data has one too");
            }
            checked++;
        }
        assertTrue(checked >= 5, "pages checked: " + checked);
    }

    @ParameterizedTest
    @MethodSource("sites")
    void feedsAreAtomWithTheLatestFiftyEntriesNewestChangeFirst(Path site) {
        List<String> feeds = Sites.files(site, ".xml").stream().filter(p -> !p.startsWith("sitemap")).toList();
        assertTrue(feeds.contains("feed.xml"), feeds.toString());
        for (String feed : feeds) {
            Document xml = Jsoup.parse(Sites.text(site, feed), "", Parser.xmlParser());
            assertEquals("http://www.w3.org/2005/Atom", xml.selectFirst("feed").attr("xmlns"), feed);
            List<Element> entries = xml.select("entry");
            assertFalse(entries.isEmpty(), feed);
            assertTrue(entries.size() <= 50, feed + ": " + entries.size() + " entries");
            Instant previous = Instant.MAX;
            for (Element e : entries) {
                Instant updated = Instant.parse(e.selectFirst("updated").text());
                assertFalse(updated.isAfter(previous), feed + ": entries newest change first");
                previous = updated;
                assertFalse(e.select("author name").isEmpty(), feed + ": every entry names its author");
                assertTrue(e.selectFirst("title").text().contains(": "), feed + ": the title names the explainer and the section");
                assertFalse(e.selectFirst("published").text().compareTo(e.selectFirst("updated").text()) > 0, feed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sites")
    void theTopicIndexIsByNameWithCountsThatMatchTheTopicPages(Path site) {
        Document index = Sites.page(site, "topics/index.html");
        List<String> names = index.select(".topic-index-item h2").eachText();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> fold(a).compareTo(fold(b)));
        assertEquals(sorted, names, "topics by name");
        for (Element item : index.select(".topic-index-item")) {
            Element link = item.selectFirst("h2 a");
            String meta = item.selectFirst(".meta").text();
            int sections = Integer.parseInt(meta.replaceAll(".*?(\\d+) sections?.*", "$1"));
            int articles = Integer.parseInt(meta.replaceAll("^(\\d+) explainers?.*", "$1"));
            if (link == null) {
                assertEquals(0, sections, item.text());
                continue;
            }
            Set<String> seenSections = new HashSet<>();
            Set<String> seenArticles = new HashSet<>();
            String page = "topics/" + link.attr("href");
            while (page != null) {
                Document topic = Sites.page(site, page);
                String folder = page.substring(0, page.lastIndexOf('/') + 1);
                topic.select(".topic-group .entry-title a").forEach(a -> seenSections.add(Path.of(folder).resolve(a.attr("href")).normalize().toString()));
                topic.select(".topic-group > h2 a").forEach(a -> seenArticles.add(Path.of(folder).resolve(a.attr("href")).normalize().toString()));
                for (Element group : topic.select(".topic-group")) {
                    // Each explainer says when it was published, as on the other lists (a reader's trial: no date on topic pages).
                    assertTrue(group.select("> h2 + .meta time[datetime]").text().matches("\\d{1,2} [A-Z][a-z]+ \\d{4}.*"), page + ": " + group.text());
                }
                Element older = topic.selectFirst(".pager-older a");
                page = older == null ? null : Path.of(folder).resolve(older.attr("href")).normalize().toString();
            }
            assertEquals(sections, seenSections.size(), link.text() + ": sections counted and listed");
            assertEquals(articles, seenArticles.size(), link.text() + ": explainers counted and listed");
            assertTrue(item.selectFirst("a[href*=articles/]") != null, link.text() + " names its latest explainer");
        }
    }

    /**
     * A section's page lists its explainer's parts, at most nine around its own, which is marked
     * (the page itself, or the part it is a sub-section of); a list cut short links to them all.
     */
    @ParameterizedTest
    @MethodSource("sites")
    void aSectionsPageShowsWhereItStandsInItsExplainer(Path site) throws Exception {
        int seen = 0;
        for (String page : Sites.files(site, ".html")) {
            Document doc = Sites.page(site, page);
            Element parts = doc.selectFirst("nav.post-parts");
            if (!page.startsWith("articles/") || page.endsWith("/index.html") || doc.selectFirst("article.post") == null || parts == null) {
                continue;
            }
            seen++;
            assertTrue(parts.select("li").size() <= 9, page);
            assertEquals(1, parts.select("li.is-current").size(), page + ": " + parts);
            String current = parts.selectFirst("li.is-current a").attr("aria-current");
            String own = page.substring(page.lastIndexOf('/') + 1);
            assertEquals(parts.selectFirst("li.is-current a").attr("href").equals(own) ? "page" : "true", current, page);
            String meta = doc.selectFirst(".post-header .meta").text();
            String part = meta.replaceAll(".*Part (\\d+)[a-z]? of (\\d+).*", "$1");
            int start = parts.selectFirst("ol").hasAttr("start") ? Integer.parseInt(parts.selectFirst("ol").attr("start")) : 1;
            assertEquals(Integer.parseInt(part), start + parts.select("li").indexOf(parts.selectFirst("li.is-current")), page + ": " + meta);
        }
        assertTrue(seen > 0, "section pages with their explainer's parts");
    }

    /** Every table of a text scrolls in a box the keyboard reaches and a screen reader names, and stays a table (the sites have some). */
    @Test
    void aTableScrollsInANamedBoxOfItsOwn() throws Exception {
        int tables = 0;
        for (Path site : sites()) {
            for (String page : Sites.files(site, ".html")) {
                for (Element table : Sites.page(site, page).select(".prose table")) {
                    Element box = table.parent();
                    assertTrue(box.is("div.table-scroll[role=region][tabindex=0][aria-label]"), page + ": " + box.tagName() + " " + box.attributes());
                    tables++;
                }
            }
        }
        assertTrue(tables > 0, "the sites' tables");
    }

    @ParameterizedTest
    @MethodSource("sites")
    void listPagesWeighAtMostFortyKilobytes(Path site) throws Exception {
        for (String page : Sites.files(site, ".html")) {
            boolean list = page.equals("index.html") || page.startsWith("archive") || page.startsWith("topics/") || page.startsWith("authors/");
            if (list) {
                long size = Files.size(site.resolve(page));
                assertTrue(size <= 40 * 1024, page + " is " + size + " bytes");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sites")
    void theSitemapListsEveryPageButTheMissingOne(Path site) {
        String host = Sites.host(site);
        Set<String> listed = new HashSet<>(Jsoup.parse(Sites.text(site, "sitemap.xml"), "", Parser.xmlParser()).select("loc").eachText());
        for (String page : Sites.files(site, ".html")) {
            String address = host + (page.endsWith("index.html") ? page.substring(0, page.length() - 10) : page);
            boolean pointer = Sites.page(site, page).selectFirst("meta[http-equiv=refresh]") != null;
            assertEquals(!page.equals("404.html") && !pointer, listed.contains(address), page);
        }
    }

    /** A card's image, as a lead image, offers its smaller copies: a phone does not load the 1,200-pixel original (an editor's trial). */
    @Test
    void cardImagesOfferTheirSmallerCopies() {
        int cards = 0;
        for (Path site : sites()) {
            for (Element img : Sites.page(site, "index.html").select("img.card-image[width]")) {
                List<String> candidates = List.of(img.attr("srcset").split(", "));
                assertTrue(candidates.size() > 1, img.outerHtml());
                for (String candidate : candidates) {
                    assertTrue(Files.isRegularFile(site.resolve(candidate.substring(0, candidate.indexOf(' ')))), candidate);
                }
                assertEquals("(max-width: 39.99rem) 100vw, 18rem", img.attr("sizes"));
                cards++;
            }
        }
        assertTrue(cards > 0, "no home page shows a card's image");
    }

    /** A corrected explainer says so under its headline, on its page and its card (a reader's trial: only "Published", the correction far below). */
    @Test
    void aCorrectedExplainerSaysSoUnderItsHeadline() {
        for (String page : List.of("articles/gas-storage-explained/index.html", "index.html")) {
            Document doc = Sites.page(Sites.fixture(), page);
            Element meta = doc.select(".meta").stream().filter(m -> m.text().contains("Corrected")).findFirst().orElse(null);
            assertNotNull(meta, page + ": " + doc.select(".meta"));
            assertEquals("2026-10-07", meta.selectFirst(".meta-item:contains(Corrected) time").attr("datetime"), page);
        }
        assertTrue(Sites.page(Sites.fixture(), "articles/election-primer/index.html").select(".meta-item:contains(Corrected)").isEmpty(),
                "an explainer without a correction says none");
    }

    /**
     * An explainer's end offers the next one on the home page, the oldest's the newest (a
     * reader's trial: its last section led nowhere): its page and its last section's page; a
     * section before the last leads to the next section only.
     */
    @Test
    void anExplainersEndLeadsToTheNextExplainer() {
        Path site = Sites.fixture();
        List<String> home = Sites.page(site, "index.html").select(".card-title a").eachAttr("abs:href");
        assertTrue(home.size() >= 2, "the fixture lists several explainers: " + home);
        for (int i = 0; i < home.size(); i++) {
            String next = home.get((i + 1) % home.size());
            Document explainer = page(home.get(i));
            Element end = explainer.selectFirst("nav[aria-label=Next explainer] a");
            assertNotNull(end, home.get(i));
            assertEquals(next, end.absUrl("href"), home.get(i));
            assertTrue(end.text().startsWith("Next explainer " + page(next).selectFirst("h1").text()), end.text());
            List<String> sections = explainer.select(".article-section > h2 a, .article-section > h3 a").eachAttr("abs:href");
            Element last = page(sections.get(sections.size() - 1)).selectFirst(".post-nav-next a");
            assertNotNull(last, sections.get(sections.size() - 1));
            assertEquals(next, last.absUrl("href"));
            assertTrue(last.text().startsWith("Next explainer "), last.text());
            if (sections.size() > 1) {
                Element before = page(sections.get(sections.size() - 2)).selectFirst(".post-nav-next a");
                assertEquals(sections.get(sections.size() - 1), before.absUrl("href"));
                assertTrue(before.text().startsWith("Next "), before.text());
                assertFalse(before.text().startsWith("Next explainer"), before.text());
            }
        }
    }

    /**
     * An explainer says how long it takes to read, on its page and its card alike (a reader's
     * trial: nothing said whether it was two minutes or twenty), from its words at 230 a minute.
     */
    @ParameterizedTest
    @MethodSource("sites")
    void anExplainerSaysHowLongItTakesToRead(Path site) {
        Element card = Sites.page(site, "index.html").selectFirst(".card");
        Document explainer = page(card.selectFirst(".card-title a").absUrl("href"));
        String said = explainer.selectFirst(".post-header .meta").select(".meta-item").stream().map(Element::text)
                .filter(t -> t.endsWith(" min read")).findFirst().orElse(null);
        assertNotNull(said, explainer.selectFirst(".post-header .meta").text());
        assertTrue(card.select(".meta-item").eachText().contains(said), card.text());
        int words = 0;
        for (Element prose : explainer.select("main .prose")) {
            words += org.explainers.content.Text.readingWords(prose.text());
        }
        assertEquals(Math.max(1, Math.round(words / 230f)) + " min read", said, words + " words");
        if (site.equals(Sites.real())) {
            assertTrue(words > 1000, "the manuscript is an explainer of some length: " + words);
        }
    }

    /** An author can be followed as a topic can (a reader's trial): their page names their feed, which holds sections of their explainers only. */
    @Test
    void anAuthorHasAFeedOfTheirExplainers() {
        Path site = Sites.fixture();
        List<String> authors = Sites.files(site, ".html").stream().filter(p -> p.startsWith("authors/") && !p.endsWith("index.html")).toList();
        assertFalse(authors.isEmpty());
        for (String page : authors) {
            Document doc = Sites.page(site, page);
            String name = doc.selectFirst("main h1").text();
            Element link = doc.selectFirst("link[rel=alternate][href$=.xml]:not([href$=feed.xml])");
            assertNotNull(link, page);
            String feed = page.substring(0, page.lastIndexOf('/') + 1) + link.attr("href");
            assertEquals(feed, page.replace(".html", ".xml"));
            Document xml = Jsoup.parse(Sites.text(site, feed), "", Parser.xmlParser());
            assertFalse(xml.select("entry").isEmpty(), feed);
            for (Element entry : xml.select("entry")) {
                assertTrue(entry.select("author > name").eachText().contains(name), feed + ": " + entry.selectFirst("title").text());
            }
        }
    }

    /**
     * An explainer's page and a section's can be passed on (a reader's trial: there was no way):
     * each way sends the page's own canonical address, and its title where there is room.
     */
    @ParameterizedTest
    @MethodSource("sites")
    void aPageCanBePassedOnWithItsOwnAddress(Path site) {
        Document home = Sites.page(site, "index.html");
        Document explainer = page(home.selectFirst(".card-title a").absUrl("href"));
        Document section = page(explainer.selectFirst(".article-section > h2 a").absUrl("href"));
        for (Document doc : List.of(explainer, section)) {
            String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
            List<String> links = doc.select("nav.share a").eachAttr("href");
            assertEquals(6, links.size(), doc.location());
            for (String link : links) {
                String query = link.substring(link.indexOf('?') + 1);
                String decoded = java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(decoded.contains(canonical), link + " sends " + canonical);
            }
            assertTrue(java.net.URLDecoder.decode(links.get(0), java.nio.charset.StandardCharsets.UTF_8).contains(doc.selectFirst("main h1").text()),
                    "the e-mail's subject is the page's title");
        }
    }

    private static Document page(String fileUrl) {
        try {
            Path file = Path.of(java.net.URI.create(fileUrl));
            return org.jsoup.Jsoup.parse(file.toFile(), "UTF-8", fileUrl);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFixturesFigureHasItsCaptionCreditAndSize() {
        Document page = Sites.page(Sites.fixture(), "articles/gas-storage-explained/02-how-full.html");
        Element figure = page.selectFirst(".prose figure");
        assertNotNull(figure);
        Element img = figure.selectFirst("img");
        assertEquals("1200", img.attr("width"));
        assertEquals("675", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("storage.480w.png 480w, storage.960w.png 960w, storage.png 1200w", img.attr("srcset"));
        assertTrue(Files.isRegularFile(Sites.fixture().resolve("articles/gas-storage-explained/storage.480w.png")));
        assertEquals("Storage reached 90 per cent in November. Chart: Tom Okafor", figure.selectFirst("figcaption").text());
        assertEquals("Chart: Tom Okafor", figure.selectFirst("figcaption .credit").text());
        assertEquals("By Ana Reyes and Tom Okafor", page.selectFirst(".byline").text());
        assertTrue(page.selectFirst(".correction").text().startsWith("Correction, 7 October 2026:"));
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
