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
        while (true) {
            pages++;
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
}
