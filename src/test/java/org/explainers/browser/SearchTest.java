package org.explainers.browser;

import org.explainers.content.ContentIndex;
import org.explainers.site.BuiltSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search finds a section by a word of its text, from the site opened from disk, served at a
 * domain root and served under a sub-path; without JavaScript the search box is not shown.
 */
class SearchTest {

    /** A word of at least 8 letters that occurs in exactly one section's text, and that section. */
    static Map.Entry<String, ContentIndex.Section> rareWord() {
        Map<String, ContentIndex.Section> only = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ContentIndex.Section s : BuiltSite.content().publishedSections()) {
            Element main = BuiltSite.page(s.uri()).selectFirst("main");
            String body = String.join(" ", main.select("p, li").eachText());
            for (String w : body.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (w.length() >= 8 && seen.merge(w + "@" + s.uri(), 1, Integer::sum) == 1) {
                    seen.merge(w, 1, Integer::sum);
                    only.put(w, s);
                }
            }
        }
        return only.entrySet().stream().filter(e -> seen.get(e.getKey()) == 1)
                .min(Map.Entry.comparingByKey()).orElseThrow();
    }

    @Test
    void withoutJavaScriptTheSearchBoxIsNotShown() {
        for (String page : BuiltSite.pages()) {
            Document doc = BuiltSite.page(page);
            Element form = doc.selectFirst("form.search");
            assertNotNull(form, page + " has the search form");
            assertTrue(form.hasAttr("hidden"), page + ": the search form must be hidden until the script shows it");
        }
    }

    @Test
    void findsASectionFromDisk() {
        search("file://" + BuiltSite.root().resolve("index.html"));
    }

    @Test
    void findsASectionAtADomainRoot() throws Exception {
        try (StaticServer server = new StaticServer(BuiltSite.root(), "/")) {
            search(server.url() + "index.html");
            search(server.url() + "topics/territory.html");
            // The 404 page, as a server shows it at a missing address deep in the site: its
            // script, search index and result links must still be found.
            search(server.url() + "articles/putin-peace-talks-core-demand/no-such-page.html");
        }
    }

    @Test
    void findsASectionUnderASubPath() throws Exception {
        try (StaticServer server = new StaticServer(BuiltSite.root(), "/news/explainers/")) {
            search(server.url());
            search(server.url() + "articles/putin-peace-talks-core-demand/index.html");
        }
    }

    private static void search(String start) {
        Map.Entry<String, ContentIndex.Section> target = rareWord();
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(start);
            WebElement input = driver.findElement(By.cssSelector("form.search input[type=search]"));
            assertTrue(input.isDisplayed(), "with JavaScript the search box is shown on " + start);
            input.sendKeys(target.getKey());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            List<WebElement> links = wait.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#search-results a"));
                return found.isEmpty() ? null : found;
            });
            assertEquals(1, links.size(), "one result for \"" + target.getKey() + "\" on " + start);
            assertTrue(links.get(0).getAttribute("href").endsWith(target.getValue().uri()), links.get(0).getAttribute("href"));
            assertTrue(links.get(0).getText().contains(target.getValue().title()), links.get(0).getText());
            links.get(0).click();
            wait.until(d -> d.getCurrentUrl().endsWith(target.getValue().uri()));
            assertEquals(target.getValue().title(), driver.findElement(By.tagName("h1")).getText().strip());
        } finally {
            driver.quit();
        }
    }
}
