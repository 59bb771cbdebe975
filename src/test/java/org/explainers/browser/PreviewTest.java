package org.explainers.browser;

import org.explainers.fixtures.Fixture;
import org.explainers.preview.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview in a browser, under the pages' own security policy: a save that breaks the build
 * shows its problems over the open page, without a reload, announced to screen readers; fixing
 * it clears them; a save that changes the page reloads it.
 */
class PreviewTest {

    static final String WHO = "content/articles/election-primer/01-who-votes.md";

    /** Waits up to 30 s; a live reload replaces the document between finding an element and reading it: it tries again. */
    private static WebDriverWait waiting(ChromeDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @Test
    void aBadSaveShowsItsProblemsAndAFixClearsThem(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        PreviewServer preview = new PreviewServer(f.dir, "127.0.0.1", 0);
        preview.start();
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(preview.address() + "articles/election-primer/01-who-votes.html");
            WebDriverWait wait = waiting(driver);
            driver.executeScript("window.__sameDocument = true");
            Thread.sleep(500); // the event stream connects

            f.replace(WHO, "topics: [elections]", "topics: [electoins]");
            WebElement panel = wait.until(d -> d.findElement(By.id("preview-problems")));
            assertEquals("alert", panel.getAttribute("role"), "announced to screen readers");
            assertTrue(panel.getText().contains(WHO + ":9: unknown topic `electoins` (did you mean `elections`?"), panel.getText());
            assertEquals(Boolean.TRUE, driver.executeScript("return window.__sameDocument === true"), "shown without a reload");

            f.replace(WHO, "topics: [electoins]", "topics: [elections]");
            wait.until(d -> d.findElements(By.id("preview-problems")).isEmpty());

            f.replace(WHO, "Every citizen over 18", "Every citizen over 16");
            wait.until(d -> d.findElement(By.cssSelector(".prose")).getText().contains("over 16"));
            assertEquals(Boolean.FALSE, driver.executeScript("return window.__sameDocument === true"), "the changed page was reloaded");
            List<?> blocked = (List<?>) driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.includes('preview.js'))");
            assertEquals(1, blocked.size(), "the preview's script is a file, which the policy lets in");

            // A stylesheet every page uses, saved: the open tab reloads too, though its own page did not change (an editor's trial).
            driver.executeScript("window.__sameDocument = true");
            f.write("assets/css/site.css", f.read("assets/css/site.css") + "\nbody { background: rgb(221, 255, 221); }\n");
            wait.until(d -> "rgb(221, 255, 221)".equals(driver.executeScript("return getComputedStyle(document.body).backgroundColor")));
            assertEquals(Boolean.FALSE, driver.executeScript("return window.__sameDocument === true"), "reloaded for the stylesheet");
        } finally {
            driver.quit();
            preview.close();
        }
    }

    @Test
    void aNewExplainerWithAProblemShowsTheProblemNotAMissingPage(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        f.write("content/articles/new-one/index.md", "---\ntitle: New\ntype: article\ndate: 2026-11-29\nstatus: published\n"
                + "authors: [ana-reyes]\nsummary: New.\n---\n");
        f.write("content/articles/new-one/01-first.md", "---\ntitle: First\ntype: section\narticle: new-one\norder: 1\n"
                + "date: 2026-11-29\nstatus: published\ntopics: [enrgy]\nsummary: First.\n---\n\nNew text.\n");
        PreviewServer preview = new PreviewServer(f.dir, "127.0.0.1", 0);
        preview.start();
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(preview.address() + "articles/new-one/01-first.html");
            WebDriverWait wait = waiting(driver);
            WebElement panel = wait.until(d -> d.findElement(By.id("preview-problems")));
            assertTrue(panel.getText().contains("unknown topic `enrgy`"), panel.getText());
            f.replace("content/articles/new-one/01-first.md", "[enrgy]", "[energy]");
            wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("First"));
        } finally {
            driver.quit();
            preview.close();
        }
    }

    /**
     * A link to a draft works in the preview, which shows drafts; the site's build refuses it. The
     * open page says so, in a status panel, and the link's removal clears it.
     */
    @Test
    void whatTheSitesBuildWouldRefuseIsShownOverThePage(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        PreviewServer preview = new PreviewServer(f.dir, "127.0.0.1", 0);
        preview.start();
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(preview.address() + "articles/election-primer/01-who-votes.html");
            WebDriverWait wait = waiting(driver);
            Thread.sleep(500); // the event stream connects
            f.write("content/articles/election-primer/09-later.md", "---\ntitle: Later\ntype: section\narticle: election-primer\norder: 9\n"
                    + "date: 2026-11-29\nstatus: draft\ntopics: [elections]\nsummary: Later.\n---\n\nNot yet.\n");
            f.replace(WHO, "in person. Écoles", "in person ([more](09-later.md)). Écoles"); // the text, not the summary
            WebElement panel = wait.until(d -> d.findElement(By.id("preview-problems")));
            assertEquals("status", panel.getAttribute("role"));
            assertTrue(panel.getText().contains("The site's build would refuse 1 thing the preview shows"), panel.getText());
            assertTrue(panel.getText().contains(WHO + ":") && panel.getText().contains("link `09-later.md` points to a draft"), panel.getText());
            f.replace(WHO, "in person ([more](09-later.md)). Écoles", "in person. Écoles");
            wait.until(d -> d.findElements(By.id("preview-problems")).isEmpty());
        } finally {
            driver.quit();
            preview.close();
        }
    }
}
