package org.explainers.browser;

import org.explainers.site.BuiltSite;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No page needs more than 50 KB of HTML, CSS and JavaScript together (uncompressed), no web
 * fonts, and the browser requests nothing from any other host.
 */
class WeightTest {

    static final long BUDGET = 50 * 1024;

    @Test
    void everyPageStaysWithinTheBudgetAndRequestsNothingElsewhere() throws Exception {
        List<String> problems = new ArrayList<>();
        long heaviest = 0;
        try (StaticServer server = new StaticServer(BuiltSite.root(), "/")) {
            String origin = server.url().substring(0, server.url().length() - 1);
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                for (String page : BuiltSite.pages()) {
                    driver.get(server.url() + page);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> r = (Map<String, Object>) driver.executeScript(
                            "const nav = performance.getEntriesByType('navigation')[0];"
                                    + "const res = performance.getEntriesByType('resource');"
                                    + "return {html: nav.decodedBodySize,"
                                    + " assets: res.reduce((n, e) => n + e.decodedBodySize, 0),"
                                    + " urls: res.map(e => e.name),"
                                    + " fonts: document.fonts.size};");
                    long total = ((Number) r.get("html")).longValue() + ((Number) r.get("assets")).longValue();
                    heaviest = Math.max(heaviest, total);
                    if (total > BUDGET) {
                        problems.add(page + ": " + total + " bytes of HTML, CSS and JS (budget " + BUDGET + ")");
                    }
                    if (((Number) r.get("fonts")).longValue() > 0) {
                        problems.add(page + ": uses web fonts");
                    }
                    for (Object url : (List<?>) r.get("urls")) {
                        if (!String.valueOf(url).startsWith(origin + "/")) {
                            problems.add(page + ": requests " + url);
                        }
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertTrue(heaviest > 5_000, "pages were measured (heaviest " + heaviest + " bytes)");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
