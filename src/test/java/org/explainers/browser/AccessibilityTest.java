package org.explainers.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.explainers.reader.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core with the WCAG 2.0/2.1/2.2 A and AA rules reports no violation on any page of the
 * real site and of the fixture's (which has every kind of page: authors, months, paged topics,
 * figures, corrections, standalone pages), in the light and the dark scheme, at a phone width
 * and a desktop width; the keyboard works; nothing is wider than a phone's screen, with text
 * enlarged to 200% too.
 */
class AccessibilityTest {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    static final int[] WIDTHS = {390, 1280};

    static List<Path> sites() {
        return Sites.both().toList();
    }

    @ParameterizedTest
    @MethodSource("sites")
    void noWcagViolationOnAnyPageInEitherSchemeAtEitherWidth(Path site) throws Exception {
        List<String> pages = Sites.files(site, ".html");
        List<String> violations = new ArrayList<>();
        int runs = 0;
        // Served at the path of the site's own address, as published (the 404 page links from it).
        try (StaticServer server = new StaticServer(site.toRealPath(), java.net.URI.create(Sites.host(site)).getPath())) {
            for (int width : WIDTHS) {
                ChromeDriver driver = Browser.start(width, 900);
                try {
                    for (String scheme : List.of("light", "dark")) {
                        Browser.colorScheme(driver, scheme);
                        for (String page : pages) {
                            driver.get(server.url() + page);
                            runs++;
                            for (Rule rule : new AxeBuilder().withTags(TAGS).analyze(driver).getViolations()) {
                                StringBuilder where = new StringBuilder();
                                for (CheckedNode node : rule.getNodes()) {
                                    where.append(" ").append(node.getTarget());
                                }
                                violations.add(page + " [" + scheme + ", " + width + "px] " + rule.getId() + ": " + rule.getHelp() + " at" + where);
                            }
                            if (width < 500 && scheme.equals("light")) {
                                Object wide = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
                                if (Boolean.TRUE.equals(wide)) {
                                    violations.add(page + ": wider than a " + width + "px screen");
                                }
                                // Text enlarged to 200% (WCAG 1.4.4) still fits (a reader's trial: the search form and a section's previous/next did not).
                                Object enlarged = driver.executeScript("var root = document.documentElement; root.style.fontSize = '200%';"
                                        + " var wide = root.scrollWidth > window.innerWidth + 1; root.style.fontSize = ''; return wide;");
                                if (Boolean.TRUE.equals(enlarged)) {
                                    violations.add(page + ": wider than a " + width + "px screen with text at 200%");
                                }
                            }
                        }
                    }
                } finally {
                    driver.quit();
                }
            }
        }
        assertEquals(pages.size() * 4, runs);
        assertTrue(violations.isEmpty(), violations.size() + " violation(s):\n" + String.join("\n", violations));
    }

    /** The audit can fail: on a page with known faults axe reports them. */
    @Test
    void axeReportsViolationsOnABrokenPage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<!doctype html><html><head><title>x</title></head><body>"
                + "<img src=x.png><p style=\"color:#bbb;background:#fff\">faint text</p><a href=#></a></body></html>");
        try (StaticServer broken = new StaticServer(dir, "/")) {
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                driver.get(broken.url() + "index.html");
                List<String> ids = new AxeBuilder().withTags(TAGS).analyze(driver).getViolations().stream().map(Rule::getId).toList();
                assertTrue(ids.containsAll(List.of("image-alt", "color-contrast", "html-has-lang", "link-name")), ids.toString());
            } finally {
                driver.quit();
            }
        }
    }

    @Test
    void skipLinkComesFirstAndMovesFocusToTheMainContent() throws Exception {
        try (StaticServer server = new StaticServer(Sites.fixture().toRealPath(), "/")) {
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                driver.get(server.url() + "articles/gas-storage-explained/02-how-full.html");
                driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
                WebElement first = driver.switchTo().activeElement();
                assertEquals("#main", first.getDomAttribute("href"), "the first focusable element is the skip link");
                assertTrue(first.isDisplayed() && first.getRect().getHeight() > 0, "the focused skip link is visible");
                first.sendKeys(Keys.ENTER);
                assertEquals("main", driver.switchTo().activeElement().getAttribute("id"), "focus moved to <main id=main>");
            } finally {
                driver.quit();
            }
        }
    }

    @Test
    void focusIsAlwaysVisible() throws Exception {
        try (StaticServer server = new StaticServer(Sites.fixture().toRealPath(), "/")) {
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                for (String scheme : List.of("light", "dark")) {
                    Browser.colorScheme(driver, scheme);
                    driver.get(server.url() + "articles/gas-storage-explained/02-how-full.html");
                    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
                    List<String> invisible = new ArrayList<>();
                    int count = 0;
                    for (int i = 0; i < 60; i++) {
                        Object style = ((JavascriptExecutor) driver).executeScript(
                                "const e = document.activeElement; if (!e || e === document.body) return null;"
                                        + "const s = getComputedStyle(e);"
                                        + "const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;"
                                        + "return (outline || s.boxShadow !== 'none') ? 'ok' : e.outerHTML.slice(0, 120);");
                        if (style == null) {
                            break;
                        }
                        count++;
                        if (!"ok".equals(style)) {
                            invisible.add(scheme + ": " + style);
                        }
                        driver.switchTo().activeElement().sendKeys(Keys.TAB);
                    }
                    assertTrue(count >= 10, "tabbed through " + count + " elements");
                    assertTrue(invisible.isEmpty(), "focus not visible on:\n" + String.join("\n", invisible));
                }
            } finally {
                driver.quit();
            }
        }
    }

    /**
     * Screenshots of each kind of page at both widths (for review, and for the README), each
     * checked: every image loaded and shown at its own proportions, nothing overflows.
     */
    @Test
    void screenshotsOfEveryKindOfPage() throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        String[][] shots = {{"home", "index.html"}, {"article", "articles/gas-storage-explained/index.html"},
                {"section", "articles/gas-storage-explained/02-how-full.html"}, {"topics", "topics/index.html"},
                {"topic", "topics/energy.html"}, {"author", "authors/tom-okafor.html"}, {"corrections", "pages/corrections.html"}};
        try (StaticServer server = new StaticServer(Sites.fixture().toRealPath(), "/")) {
            for (int width : WIDTHS) {
                ChromeDriver driver = Browser.start(width, width < 500 ? 844 : 1000);
                try {
                    for (String[] shot : shots) {
                        driver.get(server.url() + shot[1]);
                        Browser.imagesShown(driver, shot[1]);
                        Path file = dir.resolve(shot[0] + "-" + (width < 500 ? "phone" : "desktop") + ".png");
                        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
                    }
                    Browser.colorScheme(driver, "dark");
                    driver.get(server.url() + shots[2][1]);
                    Files.write(dir.resolve("section-" + (width < 500 ? "phone" : "desktop") + "-dark.png"), driver.getScreenshotAs(OutputType.BYTES));
                } finally {
                    driver.quit();
                }
            }
        }
    }
}
