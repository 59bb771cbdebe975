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
        ChromeDriver driver = Browser.start(1280, 900, false);
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

    /** Past the first ten results, a button lists ten more at a time, from disk too; the keyboard goes on at the first new one. */
    @Test
    void moreResultsAreListedOnRequest() {
        ChromeDriver driver = Browser.start(1280, 900, false);
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
