package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drafts and scheduled pieces reach nothing of the site (pages, lists, feeds, sitemap, search,
 * their images) until they are published or their time comes; the build says what it held
 * back; "now" is a parameter; the preview shows them, each with a banner.
 */
class PublishedStateTest {

    static final String MARKER = "Zanzibar";

    private static void nothingOf(Fixture f, String marker) throws Exception {
        try (var walk = Files.walk(f.site().toRealPath())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.toString();
                assertFalse(name.contains("draft") || name.contains("scheduled") || name.contains("unfinished"), "written: " + name);
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                assertFalse(text.contains(marker), marker + " leaks into " + name);
            }
        }
    }

    @Test
    void draftsAndScheduledPiecesAppearNowhere(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        nothingOf(f, MARKER);
        assertTrue(f.log().contains("held back until 2027-01-15 09:00 (Europe/London): content/articles/scheduled-piece/index.md"), f.log());
    }

    /** A published section made a draft leaves the site, with a warning naming its old address. */
    @Test
    void unpublishingASectionIsSaid(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String file = "content/articles/gas-storage-explained/03-what-next.md";
        f.replace(file, "status: published", "status: draft");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals(file)
                && p.message().startsWith("was published at articles/gas-storage-explained/03-what-next.html; this build takes it off the site (draft)")), f.log());
        assertTrue(f.build().problems().stream().noneMatch(p -> p.message().startsWith("was published at")), "said once: " + f.log());
    }

    @Test
    void aScheduledPieceAppearsWhenNowReachesIt(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, Instant.parse("2027-01-15T09:00:00Z"), false, false));
        assertTrue(r.ok(), f.log());
        assertTrue(Files.isRegularFile(f.site().resolve("articles/scheduled-piece/01-first.html")));
        assertTrue(f.page("index.html").contains("Zanzibar scheduled article"), "on the home page");
        assertTrue(f.page("feed.xml").contains("Zanzibar scheduled first"), "in the feed");
    }

    @Test
    void thePreviewShowsDraftsAndScheduledPiecesWithABanner(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = f.build(new Build.Options(f.dir, f.dir.resolve("target/preview"), "http://127.0.0.1:8820/", Fixture.NOW, false, true));
        assertTrue(r.ok(), f.log());
        Path preview = f.dir.resolve("target/preview");
        String draft = read(preview.resolve("articles/draft-piece/01-first.html"));
        assertTrue(Jsoup.parse(draft).selectFirst(".state-banner").text().startsWith("Draft:"), draft);
        String scheduled = read(preview.resolve("articles/scheduled-piece/index.html"));
        assertTrue(Jsoup.parse(scheduled).selectFirst(".state-banner").text().startsWith("Scheduled: held back until 15 January 2027"));
        assertTrue(Files.isRegularFile(preview.resolve("articles/draft-piece/draft-chart.png")), "with its image");
        assertFalse(Files.exists(f.site()), "the preview leaves target/site alone");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
