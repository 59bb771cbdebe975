package org.explainers.browser;

import org.explainers.bench.SyntheticContent;
import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A newsroom's archive, sized to keep CI reasonable: the fixture with 3,000 generated sections
 * (60 explainers). List pages stay small, and their pages can be walked from the newest to the
 * oldest, from disk and under a sub-path; search finds sections by their words there too.
 */
class ScaleTest {

    static final int SECTIONS = 3_000;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        Path dir = Path.of("target/fixture-sites/scale").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Fixture f = Fixture.newsroom(dir);
        SyntheticContent.generate(f.dir, SECTIONS, 7);
        // The oldest explainer, so its section comes last in reading order: outside every cut list's best, for a word only in its text.
        f.write("content/articles/old-ledger/index.md", "---\ntitle: The old ledger\ntype: article\ndate: 2020-01-06\nstatus: published\n"
                + "authors: [ana-reyes]\nsummary: An old ledger.\n---\n");
        f.write("content/articles/old-ledger/01-ledger.md", "---\ntitle: The zanzibarite ledger\ntype: section\narticle: old-ledger\norder: 1\n"
                + "level: 1\ndate: 2020-01-06\nstatus: published\ntopics: [energy]\nsummary: A ledger.\n---\n\n"
                + "Storage is the buffer between what a country burns in winter and what it can import, and the price of gas.\n");
        assertTrue(f.build().ok(), f.log());
        site = f.site().toRealPath();
    }

    @AfterAll
    static void done() {
        site = null;
    }

    @Test
    void listPagesStayUnderFortyKilobytes() throws Exception {
        int lists = 0;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = site.relativize(p).toString();
                boolean list = rel.equals("index.html") || rel.startsWith("archive") || rel.startsWith("topics/") || rel.startsWith("authors/");
                if (list && rel.endsWith(".html")) {
                    lists++;
                    assertTrue(Files.size(p) <= 40 * 1024, rel + " is " + Files.size(p) + " bytes");
                }
            }
        }
        assertTrue(lists > 50, "list pages: " + lists);
    }

    /**
     * A pager's "…" stands for two pages or more (one page's number takes its room); the main menu
     * marks the page it leads to with aria-current="page" and the pages under it with "true", so
     * that a page has one "current page" in the menu at most (a reader's trial: every topic page
     * was "Topics, current page").
     */
    @Test
    void pagersAndTheMenuSayWhereTheReaderIs() throws Exception {
        int gaps = 0;
        int numbered = 0;
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path p : pages) {
            String rel = site.relativize(p).toString().replace('\\', '/');
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(p.toFile(), "UTF-8");
            for (org.jsoup.nodes.Element gap : doc.select("nav.pager .pager-gap")) {
                int before = Integer.parseInt(gap.previousElementSibling().text().replaceAll("\\D", ""));
                int after = Integer.parseInt(gap.nextElementSibling().text().replaceAll("\\D", ""));
                assertTrue(Math.abs(before - after) >= 3, rel + ": the gap between " + before + " and " + after + " hides one page");
                gaps++;
            }
            // An older page says its number in its h1 as in its title (a reader's trial: only the title said it).
            String number = doc.title().replaceAll(".*?(\\(page \\d+ of \\d+\\))?( · .*)?$", "$1");
            if (doc.selectFirst("nav.pager") != null) {
                assertEquals(number, doc.selectFirst("h1").text().replaceAll(".*?(\\(page \\d+ of \\d+\\))?$", "$1"), rel + ": " + doc.title());
                numbered += number.isEmpty() ? 0 : 1;
            }
            org.jsoup.select.Elements marked = doc.select(".site-nav a[aria-current]");
            assertTrue(marked.size() <= 1, rel + ": " + marked);
            if (rel.equals("topics/index.html") || rel.equals("archive.html")) {
                assertEquals("page", marked.attr("aria-current"), rel);
            } else if (rel.startsWith("topics/") || rel.startsWith("archive/")) {
                assertEquals("true", marked.attr("aria-current"), rel);
            }
        }
        assertTrue(gaps > 10, "pagers with gaps: " + gaps);
        assertTrue(numbered > 50, "older pages: " + numbered);
    }

    /** Walks a topic from its newest page to its oldest by the pager, in a browser, counting sections. */
    private static void walkTopic(ChromeDriver driver, String start) {
        driver.get(start);
        String count = driver.findElement(By.cssSelector(".page-intro .meta")).getText();
        int expected = Integer.parseInt(count.replaceAll(".*?(\\d+) sections.*", "$1"));
        Set<String> seen = new HashSet<>();
        int pages = 0;
        String name = driver.getTitle();
        assertFalse(name.contains("(page"), "the topic's own address, its newest page, is titled by its name alone: " + name);
        while (true) {
            pages++;
            if (pages > 1) {
                assertTrue(driver.getTitle().matches(".*\\(page \\d+ of \\d+\\).*"), "an older page says its number: " + driver.getTitle());
            }
            driver.findElements(By.cssSelector(".topic-group .entry-title a")).forEach(a -> seen.add(a.getAttribute("href")));
            List<WebElement> older = driver.findElements(By.cssSelector(".pager-older a"));
            if (older.isEmpty()) {
                break;
            }
            older.get(0).click();
        }
        assertTrue(pages > 3, "a topic of " + expected + " sections has several pages: " + pages);
        assertEquals(expected, seen.size(), "every section of the topic, once, across its pages");
    }

    @Test
    void paginationWorksFromDiskAndUnderASubPath() throws Exception {
        ChromeDriver driver = Browser.start(1280, 900);
        try (StaticServer server = new StaticServer(site, "/news/explainers/")) {
            walkTopic(driver, site.resolve("topics/sanctions.html").toUri().toString());
            walkTopic(driver, server.url() + "topics/sanctions.html");
            driver.get(server.url() + "archive.html");
            List<WebElement> months = driver.findElements(By.cssSelector(".archive-months a"));
            assertTrue(months.size() > 1, "months: " + months.size());
            months.get(months.size() - 1).click();
            assertTrue(driver.getCurrentUrl().startsWith(server.url() + "archive/"), driver.getCurrentUrl());
            assertTrue(!driver.findElements(By.cssSelector(".cards .card")).isEmpty(), "the month lists its explainers");
        } finally {
            driver.quit();
        }
    }

    /** A word of a generated section's title, searched on the home page from disk and under a sub-path. */
    @Test
    void searchFindsSectionsFromDiskAndUnderASubPathAndLoadsLittle() throws Exception {
        String title = org.jsoup.Jsoup.parse(site.resolve("topics/sanctions.html").toFile(), "UTF-8")
                .selectFirst(".topic-group .entry-title a[href*=bench-]").text();
        String word = java.util.Arrays.stream(title.split("\\W+")).filter(w -> w.length() >= 5).findFirst().orElseThrow();
        ChromeDriver driver = Browser.start(1280, 900);
        try (StaticServer server = new StaticServer(site, "/news/explainers/")) {
            for (String home : new String[]{site.resolve("index.html").toUri().toString(), server.url() + "index.html"}) {
                List<WebElement> results = SearchTest.search(driver, home, word);
                String status = driver.findElement(By.id("search-status")).getText();
                int total = Integer.parseInt(status.replaceAll("^(?:10 of )?(?:about )?([0-9,]+) match.*", "$1").replace(",", ""));
                assertTrue(total >= 1 && results.size() == Math.min(10, total), home + ": '" + word + "': " + status + ", " + results.size() + " shown");
                for (WebElement r : results) {
                    assertTrue(r.getText().toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT)),
                            "a result without '" + word + "': " + r.getText());
                }
                if (home.startsWith("http")) {
                    Number bytes = (Number) driver.executeScript("return performance.getEntriesByType('navigation')[0].encodedBodySize"
                            + " + performance.getEntriesByType('resource').reduce(function (n, e) { return n + e.encodedBodySize; }, 0);");
                    assertTrue(bytes.longValue() > 0 && bytes.longValue() <= 300 * 1024, "the page and its search loaded " + bytes + " bytes");
                }
                String first = results.get(0).findElement(By.tagName("a")).getText();
                results.get(0).findElement(By.tagName("a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.tagName("h1")).getText().equals(first)); // the page may change under the lookup
            }
        } finally {
            driver.quit();
        }
    }

    /** The object a search file's call hands over ({@code SEARCH.words("abc",{...},"stamp");}), as names and strings. */
    static java.util.Map<String, String> handed(Path file) throws java.io.IOException {
        String js = Files.readString(file);
        java.util.Map<String, String> map = new java.util.TreeMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(js.substring(js.indexOf('{'), js.lastIndexOf('}') + 1))) {
            p.nextToken();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                map.put(name, p.getText());
            }
        }
        return map;
    }

    /** A word's listed sections: gaps in base 36, each with a field digit; `~` the count of a cut list. */
    private static Set<Integer> listed(String postings) {
        Set<Integer> ids = new HashSet<>();
        int n = 0;
        for (String e : postings.split(",")) {
            if (!e.startsWith("~")) {
                n += Integer.parseInt(e.substring(0, e.length() - 1), 36);
                ids.add(n);
            }
        }
        return ids;
    }

    /** The sections of every word of the index starting with {@code word}: each list, or a cut list's whole set (b/). */
    private static Set<Integer> sectionsOf(String word) throws java.io.IOException {
        Set<Integer> all = new HashSet<>();
        Path search = site.resolve("search");
        java.util.Map<String, String> words = handed(search.resolve("t/" + word.substring(0, 3) + ".js"));
        for (java.util.Map.Entry<String, String> w : words.entrySet()) {
            if (!w.getKey().startsWith(word)) {
                continue;
            }
            if (w.getValue().contains("~")) {
                byte[] bits = java.util.Base64.getDecoder().decode(handed(search.resolve("b/" + word.substring(0, 3) + ".js")).get(w.getKey()));
                for (int i = 0; i < bits.length * 8; i++) {
                    if ((bits[i >> 3] >> (i & 7) & 1) != 0) {
                        all.add(i);
                    }
                }
            } else {
                all.addAll(listed(w.getValue()));
            }
        }
        return all;
    }

    /**
     * A common word, whose list is cut to its best 1,000 sections, beside a rarer word finds every
     * section with both, one with the common word only in its text too, and counts them exactly (a
     * reader's trial: "ukraine geopolitics" found nothing, as the one section with both had
     * "Ukraine" only in its text).
     */
    @Test
    void aCommonWordBesideARareOneFindsEverySectionWithBoth() throws Exception {
        Path search = site.resolve("search");
        int docs;
        try (Stream<Path> files = Files.list(search.resolve("d"))) {
            docs = (int) files.count();
        }
        int ledger = docs - 1; // the oldest explainer's one section
        java.util.Map<String, String> doc = handed(search.resolve("d/" + ledger + ".js"));
        assertEquals("The zanzibarite ledger", doc.get("t"));
        String rare = "zanzibarite";
        Set<Integer> expected = Set.of(ledger);
        // A word of its text whose list is cut to the best, which it is not among.
        String common = null;
        for (String w : doc.get("x").toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (common == null && w.length() >= 3 && !w.startsWith("zan")) {
                String list = handed(search.resolve("t/" + w.substring(0, 3) + ".js")).get(w);
                if (list != null && list.contains("~") && !listed(list).contains(ledger) && sectionsOf(w).contains(ledger)) {
                    common = w;
                }
            }
        }
        assertTrue(common != null, "a word of the text with a cut list: " + doc.get("x"));
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            List<WebElement> results = SearchTest.search(driver, site.resolve("index.html").toUri().toString(), common + " " + rare);
            String status = driver.findElement(By.id("search-status")).getText();
            assertEquals(expected.size() + (expected.size() == 1 ? " matching section:" : " matching sections:"), status, common + " " + rare);
            String href = site.resolve(doc.get("u")).toUri().toString();
            assertTrue(results.stream().anyMatch(r -> r.findElement(By.tagName("a")).getAttribute("href").equals(href)),
                    common + " " + rare + ": section " + href + ") is found");
            // One word alone: its exact count, from its list's end.
            SearchTest.search(driver, site.resolve("index.html").toUri().toString(), common);
            String one = driver.findElement(By.id("search-status")).getText();
            assertEquals("10 of " + String.format(java.util.Locale.ROOT, "%,d", sectionsOf(common).size()) + " matching sections:", one, common);
        } finally {
            driver.quit();
        }
    }

    /** Past the first ten results, a button lists ten more at a time, from disk too; the keyboard goes on at the first new one. */
    @Test
    void moreResultsAreListedOnRequest() {
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            List<WebElement> results = SearchTest.search(driver, site.resolve("index.html").toUri().toString(), "storage");
            String status = driver.findElement(By.id("search-status")).getText();
            assertTrue(status.startsWith("10 of "), status);
            WebElement more = driver.findElement(By.cssSelector("button.search-more"));
            assertEquals("Show 10 more", more.getText());
            more.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#search-results li")).size() == 20);
            assertTrue(driver.findElement(By.id("search-status")).getText().startsWith("20 of "), driver.findElement(By.id("search-status")).getText());
            List<WebElement> now = driver.findElements(By.cssSelector("#search-results li a"));
            assertEquals(20, now.stream().map(a -> a.getAttribute("href")).distinct().count(), "twenty different sections");
            assertEquals(now.get(10), driver.switchTo().activeElement(), "focus on the first new result");
            assertEquals(results.get(0).findElement(By.tagName("a")).getAttribute("href"), now.get(0).getAttribute("href"), "the first ten stay");
        } finally {
            driver.quit();
        }
    }
}
