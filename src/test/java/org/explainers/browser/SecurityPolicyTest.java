package org.explainers.browser;

import org.explainers.fixtures.Fixture;
import org.explainers.reader.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defence in depth: even if script got into a page (a template, a bug), the page's own policy
 * stops it. A copy of a built page with an inline script, an event handler and a script from
 * another host runs none of them, from disk and from a server, while the site's own script runs.
 */
class SecurityPolicyTest {

    static final String INJECTED = "<script>window.__pwned = 'inline';</script>"
            + "<img src=\"data:,x\" onerror=\"window.__pwned = 'handler'\" alt=\"\">"
            + "<script src=\"https://evil.example/x.js\"></script>";

    @Test
    void anInjectedScriptDoesNotRunFromDiskOrAServer(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        Fixture.copyTree(Sites.fixture().toRealPath(), site);
        Path page = site.resolve("articles/election-primer/01-who-votes.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Files.writeString(page, html.replace("</main>", INJECTED + "</main>"), StandardCharsets.UTF_8);
        ChromeDriver driver = Browser.start(1280, 900);
        try (StaticServer server = new StaticServer(site, "/")) {
            for (String url : new String[]{page.toUri().toString(), server.url() + "articles/election-primer/01-who-votes.html"}) {
                driver.get(url);
                Thread.sleep(500);
                assertNull(driver.executeScript("return window.__pwned || null"), url + ": the injected script ran");
                assertEquals(Boolean.FALSE, driver.executeScript("return document.querySelector('form.search').hidden"),
                        url + ": the site's own script runs (it shows the search form)");
            }
        } finally {
            driver.quit();
        }
        assertTrue(html.contains("http-equiv=\"Content-Security-Policy\""));
    }

    /**
     * The tests' browser reads pages from disk as a reader's does: a pull request's script on a
     * page opened from disk cannot read another file of the machine (then send it out).
     */
    @Test
    void aPageFromDiskCannotReadTheMachinesFiles(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "token", StandardCharsets.UTF_8);
        ChromeDriver driver = Browser.start(1280, 900);
        try {
            driver.get(Sites.fixture().toRealPath().resolve("index.html").toUri().toString());
            Object read = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done, function () { done('refused'); });",
                    secret.toUri().toString());
            assertEquals("refused", read);
        } finally {
            driver.quit();
        }
    }
}
