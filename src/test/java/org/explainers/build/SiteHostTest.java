package org.explainers.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site's address goes into every canonical link, feed and sitemap: a half-written one fails the build. */
class SiteHostTest {

    @TempDir
    Path tmp;

    @Test
    void anAddressWithoutItsSchemeFailsTheBuildAndLeavesTheSite() {
        TempProject p = new TempProject(tmp);
        assertTrue(p.build().ok(), p.log());
        Map<String, String> before = p.fingerprint();

        for (String host : new String[]{"example.org/explainers/", "https://example.org/a b/", "ftp://example.org/"}) {
            String log = build(p, host);
            assertTrue(log.contains("-Dsite.host=" + host + " is not an absolute address"), log);
            assertEquals(before, p.fingerprint(), "the site changed after a refused address");
        }
        // A full address, with or without its trailing slash, is fine.
        assertTrue(build(p, "https://example.org/explainers").contains("Baked "));

        // The same check for the address in jbake.properties.
        p.write("jbake.properties", p.read("jbake.properties").replace("site.host=https://explainers.example.org/", "site.host=explainers.example.org"));
        String log = build(p, null);
        assertTrue(log.contains("jbake.properties: site.host=explainers.example.org is not an absolute address"), log);
    }

    private static String build(TempProject p, String host) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok = new SiteBuild(p.dir, p.site(), host, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run().ok();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(log.contains("Baked "), ok, log);
        assertFalse(!ok && !log.contains("was not changed"), log);
        return log;
    }
}
