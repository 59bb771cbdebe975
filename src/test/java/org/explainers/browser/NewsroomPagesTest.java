package org.explainers.browser;

import org.explainers.reader.Sites;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newsroom's pages show a reader, in a browser, on the fixture's site under a sub-path:
 * a figure with its caption, credit and size (the phone gets a smaller copy, the layout does not
 * shift), the byline leading to the author's page, and the correction above the section's text;
 * printed, a section names its explainer and no heading stands over nothing.
 */
class NewsroomPagesTest {

    static final String SECTION = "articles/gas-storage-explained/02-how-full.html";

    @Test
    void aFigureHasItsCaptionCreditAndSizeAndThePhoneGetsASmallerCopy() throws Exception {
        for (int width : new int[]{390, 1280}) {
            ChromeDriver driver = Browser.start(width, 900);
            try (StaticServer server = new StaticServer(Sites.fixture().toRealPath(), "/news/explainers/")) {
                driver.get(server.url() + SECTION);
                WebElement figure = driver.findElement(By.cssSelector("main .prose figure"));
                WebElement img = figure.findElement(By.tagName("img"));
                driver.executeScript("arguments[0].scrollIntoView()", img);
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) driver.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
                assertEquals("1200", img.getDomAttribute("width"), "the file's own width, so the layout does not shift");
                assertEquals("675", img.getDomAttribute("height"));
                assertEquals("lazy", img.getDomAttribute("loading"));
                assertEquals("Bar chart of gas storage by month, June to November", img.getAttribute("alt"));
                Number shown = (Number) driver.executeScript("var r = arguments[0].getBoundingClientRect(); return r.width / r.height;", img);
                assertEquals(1200.0 / 675, shown.doubleValue(), 0.02, "shown at its own proportions");
                String chosen = (String) driver.executeScript("return arguments[0].currentSrc", img);
                if (width < 500) {
                    assertTrue(chosen.endsWith("/storage.480w.png"), "a phone loads the 480-pixel copy: " + chosen);
                } else {
                    assertTrue(chosen.endsWith("/storage.960w.png") || chosen.endsWith("/storage.png"), chosen);
                }
                WebElement caption = figure.findElement(By.tagName("figcaption"));
                assertTrue(caption.getText().startsWith("Storage reached 90 per cent in November."), caption.getText());
                assertEquals("Chart: Tom Okafor", caption.findElement(By.className("credit")).getText());
            } finally {
                driver.quit();
            }
        }
    }

    /**
     * "Copy link" among the share links copies the page's canonical address and says so, from
     * disk as through a server (a reader's trial: there was no way to copy it); the button is
     * hidden in the HTML, so a reader without JavaScript never sees one that cannot work.
     */
    @Test
    void copyLinkCopiesThePagesAddress() throws Exception {
        assertTrue(Sites.page(Sites.fixture(), SECTION).selectFirst(".share-copy").hasAttr("hidden"), "hidden without JavaScript");
        ChromeDriver driver = Browser.start(390, 900);
        try (StaticServer server = new StaticServer(Sites.fixture().toRealPath(), "/news/explainers/")) {
            driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            for (String url : List.of(Sites.fixture().toRealPath().resolve(SECTION).toUri().toString(), server.url() + SECTION)) {
                driver.get(url);
                String canonical = driver.findElement(By.cssSelector("link[rel=canonical]")).getDomAttribute("href");
                WebElement button = driver.findElement(By.cssSelector(".share-copy button"));
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
                assertTrue(button.isDisplayed(), url);
                button.click();
                WebElement status = driver.findElement(By.cssSelector(".share-copy [role=status]"));
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !status.getText().isEmpty());
                assertEquals("Link copied", status.getText(), url);
                Object copied = driver.executeAsyncScript("var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });");
                assertEquals(canonical, copied, url);
                assertTrue(canonical.startsWith("https://") && canonical.endsWith(SECTION), canonical);
            }
        } finally {
            driver.quit();
        }
    }

    /**
     * A phone's screenshot in a text, as a figure and on its own, is no taller than most of a
     * laptop's window, at its own proportions (at the column's width it was two screens high);
     * a wide chart still takes the column's width.
     */
    @Test
    void aTallPictureIsNoTallerThanMostOfTheWindow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String dir = "content/articles/gas-storage-explained/";
        java.awt.image.BufferedImage shot = new java.awt.image.BufferedImage(1170, 2532, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(shot, "png", png));
        f.writeBytes(dir + "app.png", png.toByteArray());
        java.io.ByteArrayOutputStream narrow = new java.io.ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(600, 300, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", narrow));
        f.writeBytes(dir + "narrow.png", narrow.toByteArray());
        f.write(dir + "02-how-full.md", f.read(dir + "02-how-full.md")
                + "\n![The app's storage screen, showing 90 per cent](app.png \"Screenshot: Tom Okafor\")\n*The operator's app on 1 November.*\n"
                + "\nThe same screen on its own: ![The app's storage screen again](app.png)\n"
                + "\n![A chart narrower than the column](narrow.png)\n");
        assertTrue(f.build().ok(), f.log());
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(f.site().resolve(SECTION).toUri().toString());
            @SuppressWarnings("unchecked")
            List<List<Number>> boxes = (List<List<Number>>) driver.executeScript("""
                    return Array.from(document.querySelectorAll('main .prose img')).map(function (i) {
                      var r = i.getBoundingClientRect(); return [r.width, r.height, i.naturalWidth || i.width, i.naturalHeight || i.height,
                        i.closest('.prose').getBoundingClientRect().width, window.innerHeight]; });""");
            assertEquals(4, boxes.size(), "the chart, the screenshot twice and a narrow chart: " + boxes);
            // A picture narrower than the column (it has a smaller copy, so a srcset) at its own width, not stretched (a review).
            assertEquals(600, boxes.get(3).get(0).doubleValue(), 1, "at its own width: " + boxes.get(3));
            List<Number> chart = boxes.get(0);
            assertEquals(chart.get(4).doubleValue(), chart.get(0).doubleValue(), 1, "a wide chart takes the column's width: " + chart);
            for (List<Number> b : boxes.subList(1, 3)) {
                double window = b.get(5).doubleValue();
                assertTrue(b.get(1).doubleValue() <= 0.75 * window + 1, "no taller than three quarters of the window: " + b);
                assertTrue(b.get(1).doubleValue() > 0.7 * window, "not shrunk further: " + b);
                assertEquals(1170.0 / 2532, b.get(0).doubleValue() / b.get(1).doubleValue(), 0.01, "at its own proportions: " + b);
            }
        } finally {
            driver.quit();
        }
    }

    /** Opened from disk, as a reader's browser opens it (no reads across files), every image of the pages that show images loads, at its own proportions. */
    @Test
    void everyImageShowsFromDisk() throws Exception {
        java.nio.file.Path site = Sites.fixture().toRealPath();
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            for (String page : new String[]{"index.html", "articles/gas-storage-explained/index.html", SECTION, "topics/energy.html", "authors/tom-okafor.html"}) {
                driver.get(site.resolve(page).toUri().toString());
                Browser.imagesShown(driver, page + " from disk");
                Number count = (Number) driver.executeScript("return document.images.length");
                if (page.equals("index.html") || page.equals(SECTION)) {
                    assertTrue(count.intValue() > 0, page + " shows images in the fixture");
                }
            }
        } finally {
            driver.quit();
        }
    }

    /** A title and a paragraph in Arabic read right to left: aligned right, the full stop at their left end; English stays left to right. */
    @Test
    void rightToLeftTextTakesItsOwnDirection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String file = "content/articles/gas-storage-explained/02-how-full.md";
        f.replace(file, "title: \"How full is full?\"", "title: \"\u0645\u062E\u0632\u0648\u0646 \u0627\u0644\u063A\u0627\u0632 (gas).\"");
        // A standfirst in English opening with an Arabic name: left to right, by the count of its letters (a browser's first-letter rule,
        // `unicode-bidi: plaintext` on it, laid it out right to left: a reviewer).
        f.write(file, f.read(file).replaceFirst("(?m)^summary: .*$", "summary: \"\u062D\u0645\u0627\u0633 said little about the field.\""));
        f.write(file, f.read(file) + "\n\u0627\u0644\u0645\u062E\u0632\u0648\u0646 \u0645\u0645\u062A\u0644\u0626.\n"
                + "\n\u00AB\u062D\u0645\u0627\u0633\u00BB is the name used here, and this paragraph is in English.\n"
                + "\nA name in Arabic: <bdi lang=\"ar\">\u0627\u0644\u0634\u0631\u0643\u0629 \u0627\u0644\u0648\u0637\u0646\u064A\u0629 \u0644\u0644\u063A\u0627\u0632</bdi>,"
                + " then <q lang=\"he\" dir=\"rtl\">\u05D4\u05D0\u05D7\u05E1\u05D5\u05DF \u05DE\u05DC\u05D0 \u05DB\u05DE\u05E2\u05D8</q>.\n");
        assertTrue(f.build().ok(), f.log());
        // Letters the editor isolated (`<bdi>`, an element with its own `dir`) keep their own direction and do not set the paragraph's
        // (a reader's trial: more Arabic and Hebrew letters than English ones turned the English sentence right to left).
        org.jsoup.nodes.Element quoting = org.jsoup.Jsoup.parse(f.page(SECTION)).selectFirst("main p:contains(A name in Arabic)");
        assertEquals("", quoting.attr("dir"), quoting.outerHtml());
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(f.site().resolve(SECTION).toUri().toString());
            @SuppressWarnings("unchecked")
            List<Number> gaps = (List<Number>) driver.executeScript("""
                    var p = Array.prototype.find.call(document.querySelectorAll('main p'), function (e) { return e.textContent.indexOf('\u0645\u0645\u062A\u0644\u0626') >= 0; });
                    var h = document.querySelector('main h1');
                    function gaps(e) { var r = document.createRange(); r.selectNodeContents(e); var t = r.getBoundingClientRect(), b = e.getBoundingClientRect();
                      return [b.right - t.right, t.left - b.left]; }
                    var en = Array.prototype.find.call(document.querySelectorAll('main p'), function (e) { return e.textContent.indexOf('in English') >= 0; });
                    var sf = document.querySelector('main .standfirst');
                    return gaps(p).concat(gaps(h)).concat(gaps(en)).concat(gaps(sf));""");
            assertTrue(gaps.get(0).doubleValue() < 2 && gaps.get(1).doubleValue() > 100, "the paragraph is aligned right: " + gaps);
            assertTrue(gaps.get(2).doubleValue() < 2 && gaps.get(3).doubleValue() > 100, "the title is aligned right: " + gaps);
            assertTrue(gaps.get(5).doubleValue() < 2, "an English paragraph opening with an Arabic name stays left to right: " + gaps);
            assertTrue(gaps.get(7).doubleValue() < 2 && gaps.get(6).doubleValue() > 100, "so does such a standfirst: " + gaps);
        } finally {
            driver.quit();
        }
    }

    /**
     * Printed, no heading stands over nothing: the topic chips are left out, and so is their
     * heading (a reader's trial: "Topics" over a blank); on screen both are there.
     */
    @Test
    void printedNoHeadingStandsOverNothing() throws Exception {
        java.nio.file.Path site = Sites.fixture().toRealPath();
        String bare = "return Array.from(document.querySelectorAll('main h1, main h2, main h3')).filter(function (h) {"
                + " var next = h.nextElementSibling; return h.getClientRects().length && !(next && next.getClientRects().length); })"
                + ".map(function (h) { return h.textContent.trim(); });";
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            for (String page : List.of(SECTION, "articles/gas-storage-explained/index.html", "index.html")) {
                driver.get(site.resolve(page).toUri().toString());
                assertEquals(List.of(), driver.executeScript(bare), page + " on screen");
                assertTrue(driver.findElements(By.cssSelector("main h2 + .chips")).stream().allMatch(WebElement::isDisplayed), page + ": chips on screen");
                Browser.media(driver, "print");
                assertEquals(List.of(), driver.executeScript(bare), page + " printed");
                Browser.media(driver, "");
            }
        } finally {
            driver.quit();
        }
    }

    /**
     * Printed, a section (a sub-section too) names its explainer above its headline: its trail and
     * "Read the whole explainer" are not printed, and "Part 2 of 2" named nothing (a reader's
     * trial). On screen the trail is whole.
     */
    @Test
    void aPrintedSectionNamesItsExplainer() throws Exception {
        java.nio.file.Path site = Sites.fixture().toRealPath();
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(site.resolve("articles/gas-storage-explained/index.html").toUri().toString());
            String explainer = driver.findElement(By.tagName("h1")).getText();
            for (String page : List.of(SECTION, "articles/gas-storage-explained/03-what-next.html")) {
                driver.get(site.resolve(page).toUri().toString());
                String headline = driver.findElement(By.tagName("h1")).getText();
                assertEquals(List.of("Home", explainer), driver.findElements(By.cssSelector(".breadcrumbs a")).stream().limit(2).map(WebElement::getText).toList(),
                        page + ": the trail on screen");
                Browser.media(driver, "print");
                String printed = driver.findElement(By.tagName("main")).getText();
                assertTrue(printed.startsWith(explainer + "\n" + headline + "\n"), page + " printed:\n" + printed);
                Browser.media(driver, "");
            }
        } finally {
            driver.quit();
        }
    }

    /**
     * Printed at an A4 page's width, a wide table and a long line of code fit the page: on paper
     * nothing scrolls (a reader's trial: columns and the ends of lines were cut at the margin).
     */
    @Test
    void aPrintedWideTableAndCodeFitThePage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.fixtures.Fixture.newsroom(tmp);
        String file = "content/articles/gas-storage-explained/02-how-full.md";
        String header = "| Country | Storage capacity | Days of cover at peak | Operator | Notes on the winter | Injection rate | Withdrawal rate | Share of"
                + " imports | Largest site | Regulator |\n";
        f.write(file, f.read(file) + "\n" + header + "|---|---|---|---|---|---|---|---|---|---|\n" + "| Deutschland | Speicherkapazit\u00E4t | Reichweitenberechnung | Uniper-Gruppe"
                + " | Winterbevorratung | Einspeicherleistung | Ausspeicherleistung | Importabh\u00E4ngigkeit | Untertagespeicher | Bundesnetzagentur |\n\n"
                + "```\ncurl --silent --show-error https://agsi.gie.eu/api?country=de&from=2026-06-01&to=2026-11-30&size=300 | jq '.data[] | {date: .gasDayStart, full: .full}'\n```\n");
        assertTrue(f.build().ok(), f.log());
        ChromeDriver driver = Browser.start(794, 1123);
        try {
            driver.get(f.site().resolve(SECTION).toUri().toString());
            Browser.media(driver, "print");
            @SuppressWarnings("unchecked")
            List<Number> widths = (List<Number>) driver.executeScript("""
                    var page = document.documentElement.clientWidth;
                    var boxes = document.querySelectorAll('main .table-scroll'), box = boxes[boxes.length - 1], table = box.querySelector('table');
                    var pre = document.querySelector('main pre');
                    return [page, table.getBoundingClientRect().right, box.scrollWidth - box.clientWidth, pre.getBoundingClientRect().right,
                      pre.scrollWidth - pre.clientWidth];""");
            assertTrue(widths.get(1).doubleValue() <= widths.get(0).doubleValue() + 1, "the table fits the page: " + widths);
            assertTrue(widths.get(2).doubleValue() <= 1, "its box holds it whole, nothing cut: " + widths);
            assertTrue(widths.get(3).doubleValue() <= widths.get(0).doubleValue() + 1, "so does the code: " + widths);
            assertTrue(widths.get(4).doubleValue() <= 1, "its lines wrap, none cut: " + widths);
        } finally {
            driver.quit();
        }
    }

    @Test
    void theBylineLeadsToTheAuthorAndTheCorrectionComesFirst() throws Exception {
        ChromeDriver driver = Browser.start(1280, 900);
        try (StaticServer server = new StaticServer(Sites.fixture().toRealPath(), "/news/explainers/")) {
            driver.get(server.url() + SECTION);
            WebElement byline = driver.findElement(By.cssSelector(".page-intro .byline, header .byline, .byline"));
            assertEquals("By Ana Reyes and Tom Okafor", byline.getText());
            WebElement correction = driver.findElement(By.cssSelector(".corrections, .correction"));
            WebElement text = driver.findElement(By.cssSelector("main .prose"));
            assertTrue(correction.getText().contains("Correction, 7 October 2026"), correction.getText());
            assertTrue(correction.getLocation().getY() < text.findElement(By.tagName("figure")).getLocation().getY(),
                    "the correction is read before the text it corrects");
            byline.findElement(By.linkText("Tom Okafor")).click();
            assertEquals(server.url() + "authors/tom-okafor.html", driver.getCurrentUrl());
            List<String> explainers = driver.findElements(By.cssSelector(".cards .card-title a")).stream().map(WebElement::getText).toList();
            assertTrue(explainers.contains("Gas storage, explained: why a full tank is not the whole story"), "the author's page lists: " + explainers);
        } finally {
            driver.quit();
        }
    }
}
