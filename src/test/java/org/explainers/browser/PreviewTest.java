package org.explainers.browser;

import org.explainers.build.SiteBuild;
import org.explainers.build.TempProject;
import org.explainers.preview.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local preview as an author uses it: two tabs open on the preview, a section saved with
 * a new title and a new paragraph, and both tabs show the change by themselves (live reload,
 * no refresh): the section's own tab and the previous section's tab, whose "Next" link names
 * the new title. The preview's folder then equals a fresh build of the same sources.
 */
class PreviewTest {

    private static final String ARTICLE = "content/articles/putin-peace-talks-core-demand/";
    private static final String SECTION = ARTICLE + "02-glimmer-of-hope.md";

    @TempDir
    Path tmp;

    @Test
    void aSavedSectionShowsInTheOpenTabsWithoutARefresh() throws Exception {
        TempProject project = new TempProject(tmp);
        Path served = project.dir.resolve("target/preview");
        PreviewServer preview = new PreviewServer(project.dir, served, 0);
        preview.start();
        ChromeDriver browser = Browser.start(1280, 900);
        String[] lastGood = new String[1];
        try {
            String base = preview.address() + "articles/putin-peace-talks-core-demand/";
            browser.get(base + "02-glimmer-of-hope.html");
            String sectionTab = browser.getWindowHandle();
            browser.executeScript("window.notReloaded = true");
            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(base + "01-introduction.html");
            String previousTab = browser.getWindowHandle();
            browser.executeScript("window.notReloaded = true");
            assertTrue(browser.findElement(By.cssSelector("a[rel=next]")).getText().contains("A Glimmer of Hope"));

            String text = project.read(SECTION);
            project.write(SECTION, text.replaceFirst("(?m)^title: .*$", "title: Hope, Revised in Preview")
                    + "\nA paragraph written while previewing, zebracrossing.\n");

            // The page may reload between finding an element and reading it: look again then.
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
            browser.switchTo().window(sectionTab);
            wait.until(d -> browser.findElement(By.tagName("h1")).getText().equals("Hope, Revised in Preview")
                    && browser.findElement(By.tagName("main")).getText().contains("zebracrossing"));
            assertNull(browser.executeScript("return window.notReloaded"), "the tab reloaded itself");

            browser.switchTo().window(previousTab);
            wait.until(d -> browser.findElement(By.cssSelector("a[rel=next]")).getText().contains("Hope, Revised in Preview"));
            assertNull(browser.executeScript("return window.notReloaded"), "the other tab reloaded itself");

            // A save the build rejects (a topic not in the vocabulary) leaves the last good page.
            Path page = served.resolve("articles/putin-peace-talks-core-demand/02-glimmer-of-hope.html");
            byte[] good = Files.readAllBytes(page);
            int before = preview.rebuilds();
            lastGood[0] = project.read(SECTION);
            project.write(SECTION, lastGood[0].replaceFirst("(?m)^title: .*$", "title: Rejected Title")
                    .replaceFirst("(?m)^topics: .*$", "topics: [no-such-topic]"));
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> preview.rebuilds() > before);
            assertArrayEquals(good, Files.readAllBytes(page), "the page of a rejected save was taken back");
            browser.switchTo().window(sectionTab);
            wait.until(d -> browser.findElement(By.tagName("h1")).getText().equals("Hope, Revised in Preview"));
        } finally {
            browser.quit();
            preview.stop();
        }

        // What the preview serves after a save is what a build of the same sources writes.
        project.write(SECTION, lastGood[0]);
        Path fresh = project.dir.resolve("target/fresh");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SiteBuild.Result r = new SiteBuild(project.dir, fresh, preview.address(),
                new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertTrue(r.ok(), log.toString(StandardCharsets.UTF_8));
        assertEquals(TempProject.fingerprint(fresh), TempProject.fingerprint(served));
    }
}
