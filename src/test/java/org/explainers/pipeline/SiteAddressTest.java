package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site's address is normalised once: with or without its final slash, the same site. */
class SiteAddressTest {

    private static Build.Result build(Fixture f, String host) {
        return f.build(new Build.Options(f.dir, f.site(), host, Fixture.NOW, false, false));
    }

    @Test
    void withOrWithoutItsTrailingSlashTheSameSite(@TempDir Path tmp) {
        Fixture with = Fixture.newsroom(tmp.resolve("with"));
        Fixture without = Fixture.newsroom(tmp.resolve("without"));
        assertTrue(build(with, "https://news.example.org/explainers/").ok(), with.log());
        assertTrue(build(without, "https://news.example.org/explainers").ok(), without.log());
        assertEquals(with.fingerprint(), without.fingerprint());
        String canonical = Jsoup.parse(with.page("articles/election-primer/index.html")).selectFirst("link[rel=canonical]").attr("href");
        assertEquals("https://news.example.org/explainers/articles/election-primer/", canonical);
        String notFound = Jsoup.parse(with.page("404.html")).selectFirst("link[rel=stylesheet]").attr("href");
        assertEquals("/explainers/css/site.css", notFound, "the 404 page links from the site's path on its host");
    }

    /** The scheme's own port is left out, as browsers show the address; another is kept. */
    @Test
    void theSchemesOwnPortIsLeftOut() {
        assertEquals("https://news.acme-daily.com/explainers/", org.explainers.content.SiteAddress.parse("HTTPS://News.Acme-Daily.COM:443/explainers").base());
        assertEquals("http://example.org/x/", org.explainers.content.SiteAddress.parse("http://example.org:80/x").base());
        assertEquals("https://example.org:8443/", org.explainers.content.SiteAddress.parse("https://example.org:8443").base());
        assertEquals("http://[::1]:8000/", org.explainers.content.SiteAddress.parse("http://[::1]:8000/").base());
    }

    /** An empty -Dsite.host= (a variable not set) is refused, not built for jbake.properties' example address. */
    @Test
    void anEmptyAddressOnTheCommandLineIsRefused(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = build(f, "");
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains("-Dsite.host: is empty (was a variable not set?) (write the site's full address, e.g."
                + " -Dsite.host=https://example.org/explainers/, or leave -Dsite.host out for site.host in jbake.properties)"), f.log());
        assertEquals("", Main.Command.parse(java.util.List.of("build", "--site-host", "")).options().get("site-host"));
        assertFalse(Main.Command.parse(java.util.List.of("build", "--site-host", Main.SITE_HOST_DEFAULT)).options().containsKey("site-host"));
    }

    /**
     * A build for an address kept for examples, or for this machine's own, says so after it, since
     * its feeds and canonical links would lead nowhere; a real one does not.
     */
    @ParameterizedTest
    @CsvSource({"https://explainers.example.org/, an address kept for examples", "https://EXAMPLE.com/x/, an address kept for examples",
            "http://localhost:8000/, this machine's own address", "http://127.0.0.1:8000/, this machine's own address",
            "http://[::1]:8000/, this machine's own address", "https://news.test/, an address kept for examples",
            "https://www.bbc.co.uk/news/,", "https://example.org.uk/,", "https://myexample.org/,", "https://127.example.org.uk/,"})
    void anAddressNoReaderReachesIsToldAfterTheBuild(String host, String said, @TempDir Path tmp) {
        assertEquals(said, org.explainers.content.SiteAddress.parse(host).unreachable(), host);
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(build(f, host).ok(), f.log());
        assertEquals(said != null, f.log().contains(": to publish, give the site's own"), f.log());
        if (said != null) {
            assertTrue(f.log().contains(", " + said + ": to publish"), f.log());
        }
        // Built for a real address, the template's repository in "Edit this page" is told (a new user's trial); once set, it is not.
        assertEquals(said == null, f.log().contains("site.repository in jbake.properties is still the template's"), f.log());
        if (said == null) {
            f.replace("jbake.properties", "site.repository=" + Build.TEMPLATE_REPOSITORY, "site.repository=https://github.com/gazette/explainers/blob/main");
            assertTrue(build(f, host).ok(), f.log());
            assertFalse(f.log().contains("site.repository in jbake.properties is still"), f.log());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "news.example.org/explainers | `news.example.org/explainers` is not an absolute address starting with https:// or http://",
            "https://news.example.org/my explainers/ | contains a space, which an address cannot hold: write a space as %20 (write the site's full address",
            "https://news.example.org/x\" --out /tmp/evil | contains `\"`, which an address cannot hold",
            "https://nachrichten.example/actualités/ | contains `é`, which an address cannot hold: write it `https://nachrichten.example/actualit%C3%A9s/`",
            "https://bücher.example:8080/neu/ | contains `ü`, which an address cannot hold: write it `https://xn--bcher-kva.example:8080/neu/`",
            "https://nachrichten.example/actualités/?seite=1 | contains `é`, which an address cannot hold (write the site's full address",
            "javascript:alert(1)// | is not an absolute address starting with https:// or http://",
            "https://news.example.org/?page=1 | has a query or a #fragment",
            "https://example.org/news/index.html | ends in a page's name (index.html); the site's address is its folder's, https://example.org/news/"})
    void anAddressThatIsNotOneIsRefusedWithTheOptionToFix(String host, String message, @TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = build(f, host);
        assertFalse(r.ok());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("-Dsite.host: ") && m.contains(message)),
                String.join("\n", Fixture.messages(r)));
    }

    @Test
    void anAddressInJbakePropertiesIsCheckedWithItsLine(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("jbake.properties", "site.host=https://explainers.example.org/", "site.host=explainers.example.org");
        Build.Result r = build(f, null);
        int line = f.read("jbake.properties").lines().toList().indexOf("site.host=explainers.example.org") + 1;
        assertTrue(Fixture.messages(r).contains("jbake.properties:" + line + ": site.host=explainers.example.org is not an absolute address "
                + "starting with https:// or http:// (write the site's full address, e.g. site.host=https://example.org/explainers/)"), String.join("\n", Fixture.messages(r)));
    }
}
