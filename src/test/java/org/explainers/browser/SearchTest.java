package org.explainers.browser;

import org.explainers.reader.Sites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site's search as a reader uses it, on the fixture's site: opened from disk in a browser
 * that refuses file:// reads (as readers' browsers do) and served under a sub-path. Words are
 * found by their beginning and without their accents, titles rank before summaries before text,
 * results are reached by keyboard and announced, and drafts are not found.
 */
class SearchTest {

    static Path site;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        site = Sites.fixture().toRealPath();
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Types the query into the search box of the page at {@code url} and waits for the status to say how it went. */
    static List<WebElement> search(ChromeDriver driver, String url, String query) {
        driver.get(url);
        WebElement input = driver.findElement(By.id("search-q"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> input.isDisplayed());
        input.click();
        input.sendKeys(query);
        input.sendKeys(Keys.ENTER); // Enter lists every result at once
        WebElement status = driver.findElement(By.id("search-status"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> status.getText().contains("match"));
        // The first results list at once, the others as their files load: wait for as many as the status says.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#search-results li")).size() == stated(status.getText()));
        return driver.findElements(By.cssSelector("#search-results li"));
    }

    /** How many results a status says are listed: "10 of about 1,000 matching sections:" is 10, "No sections match" 0. */
    static int stated(String status) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9][0-9,]*").matcher(status);
        return status.startsWith("No ") || !m.find() ? 0 : Integer.parseInt(m.group().replace(",", ""));
    }

    static String title(WebElement result) {
        return result.findElement(By.tagName("a")).getText();
    }

    /**
     * A word in more sections than its list keeps (cut to the best 2 here, 1,000 on a site) says
     * how many have it, exactly, and "Show more" lists the others, from the word's set (search/b/).
     */
    @Test
    void pastACutListsBestTheOtherSectionsComeFromTheWordsSet(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        assertTrue(f.buildWith("explainers.search.postings", "2").ok(), f.log());
        // A word whose list is cut and which begins no other word of its file (a query of it is that one list).
        String word = null;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(f.site().resolve("search/t"))) {
            for (Path file : files.sorted().toList()) {
                java.util.Map<String, String> words = ScaleTest.handed(file);
                for (java.util.Map.Entry<String, String> w : words.entrySet()) {
                    if (word == null && w.getValue().contains("~") && w.getKey().matches("[a-z]{4,}")
                            && words.keySet().stream().noneMatch(o -> !o.equals(w.getKey()) && o.startsWith(w.getKey()))) {
                        word = w.getKey();
                    }
                }
            }
        }
        assertTrue(word != null, "a word in more than two sections");
        List<WebElement> results = search(driver, f.site().resolve("index.html").toUri().toString(), word);
        String status = driver.findElement(By.id("search-status")).getText();
        assertTrue(status.matches("2 of [3-9] matching sections:"), status);
        int all = Integer.parseInt(status.replaceAll("2 of ([0-9]+) .*", "$1"));
        assertEquals(2, results.size());
        WebElement more = driver.findElement(By.cssSelector("button.search-more"));
        assertEquals("Show " + (all - 2) + " more", more.getText());
        more.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#search-results li")).size() == all);
        assertEquals(all + " matching sections:", driver.findElement(By.id("search-status")).getText());
        assertEquals(all, driver.findElements(By.cssSelector("#search-results li a")).stream().map(a -> a.getAttribute("href")).distinct().count());
        assertFalse(driver.findElement(By.cssSelector("button.search-more")).isDisplayed(), "nothing more to show");
    }

    @Test
    void findsTextFromDiskInABrowserThatRefusesFileReads() {
        List<WebElement> results = search(driver, site.resolve("index.html").toUri().toString(), "pipelines");
        assertEquals(1, results.size(), driver.findElement(By.id("search-status")).getText());
        WebElement result = results.get(0);
        assertEquals("Why storage matters", title(result));
        assertTrue(result.getText().contains("Gas storage, explained"), "the result names its explainer: " + result.getText());
        assertEquals("pipelines", result.findElement(By.cssSelector(".search-result-snippet mark")).getText(), "the match is highlighted");
        result.findElement(By.tagName("a")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/articles/gas-storage-explained/01-why-it-matters.html"), driver.getCurrentUrl());
        assertEquals("Why storage matters", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void underASubPathEverythingLoadsFromTheSiteAndTitlesRankFirst() throws Exception {
        try (StaticServer server = new StaticServer(site, "/news/explainers/")) {
            List<WebElement> results = search(driver, server.url() + "topics/index.html", "storage");
            assertTrue(results.size() >= 3, "sections with storage: " + results.size());
            assertEquals("Why storage matters", title(results.get(0)), "the one with the word in its title comes first");
            for (WebElement r : results) {
                String href = r.findElement(By.tagName("a")).getAttribute("href");
                assertTrue(href.startsWith(server.url() + "articles/"), href);
            }
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) driver.executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
            assertTrue(loaded.stream().anyMatch(u -> u.contains("/search/")), "the index was loaded: " + loaded);
            for (String u : loaded) {
                assertTrue(u.startsWith(server.url()), "loaded from outside the site's path: " + u);
            }
        }
    }

    /** A search can be linked (?q= on any page, from disk too), and Back from a result comes back to its results. */
    @Test
    void aSearchCanBeLinkedAndBackFromAResultShowsItsResults() throws Exception {
        driver.get(site.resolve("index.html").toUri() + "?q=pipelines");
        WebElement status = driver.findElement(By.id("search-status"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> status.getText().contains("match"));
        assertEquals("1 matching section:", status.getText());
        assertEquals("pipelines", driver.findElement(By.id("search-q")).getAttribute("value"));
        assertEquals("Why storage matters", title(driver.findElement(By.cssSelector("#search-results li"))));

        try (StaticServer server = new StaticServer(site, "/news/explainers/")) {
            List<WebElement> results = search(driver, server.url() + "topics/index.html", "storage");
            assertEquals(server.url() + "topics/index.html?q=storage", driver.getCurrentUrl(), "the address carries the query");
            int listed = results.size();
            results.get(0).findElement(By.tagName("a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/articles/"));
            driver.navigate().back();
            WebElement again = driver.findElement(By.id("search-status"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#search-results li")).size() == listed);
            assertTrue(again.getText().contains("match"), again.getText());
            assertEquals("storage", driver.findElement(By.id("search-q")).getAttribute("value"));
            // Closed (focus elsewhere), the page has its own address again; back in the box, the query's.
            driver.executeScript("document.activeElement.blur(); document.querySelector('h1').setAttribute('tabindex', '-1'); document.querySelector('h1').focus();");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(server.url() + "topics/index.html"));
            driver.findElement(By.id("search-q")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(server.url() + "topics/index.html?q=storage"));
            // Cleared with Escape, the query leaves the address.
            driver.findElement(By.id("search-q")).sendKeys(Keys.ESCAPE);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(server.url() + "topics/index.html"));
        }
    }

    /**
     * A linked search with a #place lands there and opens its results, as without one (a reader's
     * trial: the browser's landing took focus once the page had loaded, which closed the search and
     * dropped ?q=).
     */
    @Test
    void aLinkedSearchWithAPlaceLandsThereWithItsResults() {
        String explainer = site.resolve("articles/gas-storage-explained/index.html").toUri().toString();
        driver.get(explainer);
        String place = (String) driver.executeScript("var s = document.querySelectorAll('section.article-section'); return s[s.length - 1].id;");
        for (String url : List.of(site.resolve("index.html").toUri() + "?q=pipelines#main", explainer + "?q=pipelines#" + place)) {
            driver.get(url);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
            WebElement status = driver.findElement(By.id("search-status"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> status.getText().contains("match"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> driver.switchTo().activeElement().getAttribute("id").equals("search-q"));
            assertEquals(url, driver.getCurrentUrl(), "the address keeps the query and the place");
            assertFalse(driver.findElement(By.cssSelector("form.search")).getAttribute("class").contains("is-closed"), url);
            assertTrue(driver.findElement(By.cssSelector("#search-results li")).isDisplayed(), url);
            assertEquals("1 matching section:", status.getText());
            String id = url.substring(url.indexOf('#') + 1);
            assertTrue((Boolean) driver.executeScript("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + " return scrollY > 0 && r.top > -1 && r.top < innerHeight;", id), url + ": landed at the place");
        }
    }

    /** A reader remembers an explainer's headline, its byline or a topic more often than a section's words. */
    @Test
    void anExplainerIsFoundByItsHeadlineBylineAndTopics() {
        String home = site.resolve("index.html").toUri().toString();
        List<WebElement> results = search(driver, home, "full tank");
        assertEquals("Why storage matters", title(results.get(0)), "the headline's words find the explainer's first section");
        assertEquals(List.of("full", "tank"), results.get(0).findElements(By.cssSelector(".search-result-article mark")).stream()
                .map(WebElement::getText).map(String::toLowerCase).toList(), "the headline's words are highlighted");
        WebElement byline = search(driver, home, "okafor").stream().filter(r -> title(r).equals("Why storage matters")).findFirst().orElseThrow();
        // Found through what is around it, the result says so, with the match highlighted.
        WebElement snippet = byline.findElement(By.cssSelector(".search-result-snippet"));
        assertTrue(snippet.getText().startsWith("By ") && !snippet.getText().contains(" · ")
                        && snippet.findElement(By.tagName("mark")).getText().equalsIgnoreCase("okafor"),
                "the byline is shown, alone: " + snippet.getText());
        List<WebElement> climate = search(driver, home, "climate");
        WebElement next = climate.stream().filter(r -> title(r).equals("What comes next")).findFirst()
                .orElseThrow(() -> new AssertionError("a topic's name finds its sections: " + climate.stream().map(SearchTest::title).toList()));
        assertTrue(next.findElement(By.cssSelector(".search-result-snippet mark")).getText().toLowerCase().startsWith("climate"),
                "the match is shown: " + next.getText());
        assertTrue(next.findElement(By.cssSelector(".search-result-snippet")).getText().startsWith("Topics: "),
                "with its label: " + next.getText());
    }

    @Test
    void wordsAreFoundByTheirBeginningAndWithoutAccents() {
        String home = site.resolve("index.html").toUri().toString();
        for (String query : new String[]{"ecoles", "Écol", "ÉCOLES"}) {
            List<WebElement> results = search(driver, home, query);
            assertEquals(1, results.size(), query);
            assertEquals("Who votes", title(results.get(0)), query);
            assertEquals("Écoles", results.get(0).findElement(By.cssSelector(".search-result-snippet mark")).getText(), query);
        }
        assertTrue(search(driver, home, "stor").stream().anyMatch(r -> title(r).equals("Why storage matters")), "a prefix finds the word");
        assertTrue(search(driver, home, "storage buffer").stream().allMatch(r -> r.getText().toLowerCase().contains("buffer")),
                "two words: sections with both");
        // A word most sections have is found but not marked: "the" would mark half of every snippet.
        List<WebElement> withThe = search(driver, home, "the pipelines");
        assertFalse(withThe.isEmpty());
        List<String> marked = withThe.stream().flatMap(r -> r.findElements(By.tagName("mark")).stream()).map(m -> m.getText().toLowerCase()).toList();
        assertTrue(marked.contains("pipelines") && !marked.contains("the"), "marked: " + marked);
        marked = search(driver, home, "the").stream().flatMap(r -> r.findElements(By.tagName("mark")).stream()).map(m -> m.getText().toLowerCase()).toList();
        assertTrue(marked.contains("the"), "alone, it is marked: " + marked);
    }

    /** Letters without a decomposition are folded as readers type them, by the index and the query alike. */
    @Test
    void lettersWithoutAccentsToDropAreFoundAsTyped(@org.junit.jupiter.api.io.TempDir Path tmp) {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String file = "content/articles/gas-storage-explained/02-how-full.md";
        f.write(file, f.read(file) + "\nThe pipes run from \u0141\u00F3d\u017A to \u00C6r\u00F8sk\u00F8bing and the Stra\u00DFe, past \u01FCsirvik.\n"
                + "\nA constructor built them, a glim\u200Bmer of hope.\n");
        assertTrue(f.build().ok(), f.log());
        String home = f.site().resolve("index.html").toUri().toString();
        for (String[] q : new String[][]{{"lodz", "\u0141\u00F3d\u017A"}, {"aeroskobing", "\u00C6r\u00F8sk\u00F8bing"}, {"strasse", "Stra\u00DFe"},
                {"\u0141\u00F3d\u017A", "\u0141\u00F3d\u017A"}, {"aesirvik", "\u01FCsirvik"}, {"\u01FDsirvik", "\u01FCsirvik"},
                {"constructor", "constructor"}}) { // a name every JavaScript object has (an attacker's trial: it found nothing)
            List<WebElement> results = search(driver, home, q[0]);
            assertEquals(1, results.size(), q[0]);
            assertEquals(q[1], results.get(0).findElement(By.cssSelector(".search-result-snippet mark")).getText(), q[0]);
        }
        // A zero-width space pasted inside a word does not split it, in the index or the query.
        assertEquals(1, search(driver, home, "glimmer").size());
        assertEquals(1, search(driver, home, "glim\u200Bmer").size());
    }

    /**
     * A search that spans a new deploy takes no file of the other build: it says the site was
     * updated instead of listing wrong sections (a publisher's trial: the sections' numbers moved
     * with a new explainer, and an open tab listed the section after each match).
     */
    @Test
    void aSearchSpanningANewDeploySaysSoInsteadOfListingWrongSections(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        Path deployed = tmp.resolve("deployed");
        deploy(f.site().toRealPath(), deployed);
        driver.get(deployed.resolve("index.html").toUri().toString());
        WebElement input = driver.findElement(By.id("search-q"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> input.isDisplayed());
        org.openqa.selenium.JavascriptExecutor js = driver;
        js.executeScript("var index = SEARCH.index; SEARCH.index = function (v) { index(v); window.indexLoaded = true; };");
        input.click(); // loads this build's index.js
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript("return window.indexLoaded === true;")));
        // A new explainer is published (newest first: every section's number moves), and deployed over the open tab's files.
        f.write("content/articles/aa-new/index.md", "---\ntitle: New\ntype: article\ndate: 2026-11-29\nstatus: published\nauthors: [ana-reyes]\n"
                + "summary: New.\n---\n");
        f.write("content/articles/aa-new/01-first.md", "---\ntitle: First\ntype: section\narticle: aa-new\norder: 1\ndate: 2026-11-29\n"
                + "status: published\ntopics: [energy]\nsummary: About pipelines.\n---\n\nPipelines again.\n");
        assertTrue(f.build().ok(), f.log());
        deploy(f.site().toRealPath().resolve("search"), deployed.resolve("search"));
        input.sendKeys("pipelines");
        input.sendKeys(Keys.ENTER);
        WebElement status = driver.findElement(By.id("search-status"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !status.getText().isEmpty());
        assertEquals("The site has been updated since this page was opened: reload the page to search it.", status.getText());
        assertTrue(driver.findElements(By.cssSelector("#search-results li")).isEmpty());
        assertEquals(2, search(driver, deployed.resolve("index.html").toUri().toString(), "pipelines").size(), "reloaded, it finds them");
    }

    /** Copies a built site over a folder, as `cp -rL target/site/. dest/` does. */
    private static void deploy(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Words joined by a hyphen and numbers grouped by commas are found written either way, and
     * marked whole (a known leftover: "cooperation" did not find "co-operation", nor "2000" "2,000").
     */
    @Test
    void hyphenatedWordsAndGroupedNumbersAreFoundWrittenEitherWay(@org.junit.jupiter.api.io.TempDir Path tmp) {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String file = "content/articles/gas-storage-explained/02-how-full.md";
        f.write(file, f.read(file) + "\nThe co-operation of 12,500 households, zanzi-bar, and a well-kept secret.\n");
        assertTrue(f.build().ok(), f.log());
        String home = f.site().resolve("index.html").toUri().toString();
        for (String[] q : new String[][]{{"cooperation", "co-operation"}, {"co-operation", "co-operation"}, {"co-op", "co-operation"},
                {"operation", "co-operation"}, {"12500", "12,500"}, {"12,500", "12,500"}, {"zanzibar", "zanzi-bar"}, {"wellkept", "well-kept"}}) {
            List<WebElement> results = search(driver, home, q[0]);
            assertEquals(1, results.size(), q[0]);
            assertEquals(q[1], results.get(0).findElement(By.cssSelector(".search-result-snippet mark")).getText(), q[0]);
        }
    }

    /**
     * Words whose first letters Windows keeps as a device's name (con, aux, nul, prn: `con.js`
     * cannot be written there) are in files named otherwise, and found; a word file holds at most
     * 150 KB, its words in the fewest sections left out past that, with a warning (an attacker's
     * trial: a text of made-up words beginning `the` made a 440 KB file every reader typing it loads).
     */
    @Test
    void wordFilesAvoidDeviceNamesAndStayBounded(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String file = "content/articles/gas-storage-explained/02-how-full.md";
        StringBuilder made = new StringBuilder();
        for (int i = 0; i < 14_000; i++) {
            made.append(i % 100 == 0 ? "\n" : " ").append("thez").append(Integer.toString(i, 36)).append("q");
        }
        f.write(file, f.read(file) + "\nThe console shows the auxiliary pumps.\n\n" + made + "\n");
        org.explainers.pipeline.Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(java.nio.file.Files.isRegularFile(f.site().resolve("search/t/con_.js")) && !java.nio.file.Files.exists(f.site().resolve("search/t/con.js")));
        assertTrue(java.nio.file.Files.size(f.site().resolve("search/t/the.js")) <= 150_100, "bounded: " + java.nio.file.Files.size(f.site().resolve("search/t/the.js")));
        assertTrue(org.explainers.fixtures.Fixture.messages(r).stream().anyMatch(m -> m.startsWith("content/: warning: the search's file of words beginning `the`"
                + " would pass 150 KB")), f.log());
        String home = f.site().resolve("index.html").toUri().toString();
        for (String q : new String[]{"console", "auxiliary", "the"}) {
            assertEquals(1, search(driver, home, q).stream().filter(res -> title(res).contains("How full")).count(), q);
        }
    }

    /**
     * A section with the word in its summary and its text ranks above an explainer's first section,
     * which has it only through the explainer's standfirst (an editor's trial: the first section
     * came first); the fields a word is in add up, a title still outweighing the other two.
     */
    @Test
    void theFieldsAWordIsInAddUp(@org.junit.jupiter.api.io.TempDir Path tmp) {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        f.replace("content/articles/election-primer/index.md", "summary: Who votes, when,", "summary: Turnout, who votes, when,");
        String second = "content/articles/election-primer/02-what-changes.md";
        f.replace(second, "summary: The new government", "summary: Turnout decides whether the new government");
        f.write(second, f.read(second) + "\nTurnout was high.\n");
        assertTrue(f.build().ok(), f.log());
        List<WebElement> results = search(driver, f.site().resolve("index.html").toUri().toString(), "turnout");
        assertEquals(2, results.size());
        assertTrue(title(results.get(0)).startsWith("What changes"), title(results.get(0)) + ", then " + title(results.get(1)));
    }

    /**
     * A word longer than the 40 letters the index keeps (a German compound) is found by the whole
     * word and by its start (a reader's trial: it was left out of the index).
     */
    @Test
    void aVeryLongWordIsFoundByItselfAndItsStart(@org.junit.jupiter.api.io.TempDir Path tmp) {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String word = "Rindfleischetikettierungs\u00FCberwachungsaufgaben\u00FCbertragungsgesetz";
        String second = "content/articles/election-primer/02-what-changes.md";
        f.write(second, f.read(second) + "\nThe " + word + " was repealed.\n");
        assertTrue(f.build().ok(), f.log());
        for (String query : List.of(word, "rindfleischetikett", "Rindfleischetikettierungsuberwachungsaufgabenubertragungsgesetz")) {
            List<WebElement> results = search(driver, f.site().resolve("index.html").toUri().toString(), query);
            assertEquals(1, results.size(), query);
            assertTrue(title(results.get(0)).startsWith("What changes"), query + ": " + title(results.get(0)));
        }
    }

    @Test
    void resultsAreReachedByKeyboardAndAnnounced() {
        List<WebElement> results = search(driver, site.resolve("index.html").toUri().toString(), "storage");
        WebElement input = driver.findElement(By.id("search-q"));
        WebElement status = driver.findElement(By.id("search-status"));
        assertEquals("status", status.getAttribute("role"));
        assertEquals("polite", status.getAttribute("aria-live"));
        assertTrue(status.getText().matches("\\d+ matching sections:"), status.getText());
        assertEquals("search-results", input.getAttribute("aria-controls"));
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(results.get(0).findElement(By.tagName("a")), driver.switchTo().activeElement(), "down: the first result");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertEquals(results.get(1).findElement(By.tagName("a")), driver.switchTo().activeElement(), "down again: the second");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertEquals(input, driver.switchTo().activeElement(), "up from the first: back in the box");
        // Escape in the results goes back to the box with the query and its results (a reader's trial: it wiped them); in the box, it clears.
        input.sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertEquals(input, driver.switchTo().activeElement(), "Escape in the results: back in the box");
        assertEquals("storage", input.getAttribute("value"));
        assertEquals(results.size(), driver.findElements(By.cssSelector("#search-results li")).size(), "the results kept");
        input.sendKeys(Keys.ESCAPE);
        assertEquals("", input.getAttribute("value"));
        assertTrue(driver.findElements(By.cssSelector("#search-results li")).isEmpty(), "Escape clears the results");
        search(driver, site.resolve("index.html").toUri().toString(), "storage");
        driver.findElement(By.id("search-q")).sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertFalse(driver.getCurrentUrl().endsWith("/index.html"), "Enter on a result opens it: " + driver.getCurrentUrl());
    }

    @Test
    void draftsAndScheduledPiecesAreNotFound() {
        List<WebElement> results = search(driver, site.resolve("index.html").toUri().toString(), "zanzibar");
        assertTrue(results.isEmpty(), "drafts found: " + results.size());
        assertEquals("No sections match “zanzibar”.", driver.findElement(By.id("search-status")).getText());
    }
}
