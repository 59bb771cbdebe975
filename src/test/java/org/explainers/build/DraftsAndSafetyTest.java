package org.explainers.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds variations of the project in a temporary folder: drafts never reach the site, a
 * failed build leaves the last good site untouched, and two builds are byte-identical.
 */
class DraftsAndSafetyTest {

    private static final String ARTICLE = "content/articles/putin-peace-talks-core-demand/";
    private static final String MARKER = "Zanzibar-draft-marker";

    private static String section(String article, int order, String title, String status, String text) {
        return "---\ntitle: " + title + "\ntype: section\narticle: " + article + "\norder: " + order
                + "\nlevel: 1\ndate: 2026-11-21\nstatus: " + status + "\ntopics: [sanctions]\nsummary: " + title
                + " summary.\n---\n\n" + text + "\n";
    }

    @Test
    void draftsAppearNowhereInTheSite(@TempDir Path tmp) throws IOException {
        TempProject p = new TempProject(tmp);
        // a draft section in a published article
        p.write(ARTICLE + "11-unfinished.md", section("putin-peace-talks-core-demand", 11, MARKER + " section", "draft", MARKER + " text."));
        // a published section inside a draft article: still a draft
        p.write("content/articles/draft-article/index.md", "---\ntitle: " + MARKER + " article\ntype: article\n"
                + "date: 2026-11-22\nstatus: draft\nsummary: Not yet.\n---\n");
        p.write("content/articles/draft-article/01-first.md", section("draft-article", 1, MARKER + " first", "published", MARKER + " body."));

        SiteBuild.Result r = p.build();
        assertTrue(r.ok(), p.log());
        try (Stream<Path> walk = Files.walk(p.site())) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = p.site().relativize(f).toString();
                assertFalse(name.contains("draft") || name.contains("unfinished"), "a draft was written: " + name);
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                assertFalse(text.contains(MARKER), "a draft leaks into " + name);
            }
        }
        assertTrue(Files.exists(p.site().resolve("articles/putin-peace-talks-core-demand/10-implications-for-global-geopolitics.html")));
    }

    @Test
    void aFailedBuildLeavesTheLastGoodSiteUntouched(@TempDir Path tmp) {
        TempProject p = new TempProject(tmp);
        assertTrue(p.build().ok(), p.log());
        Map<String, String> good = p.fingerprint();

        // bad content: stopped by the checker before JBake runs
        String file = ARTICLE + "05-neutrality-and-security-guarantees.md";
        String original = p.read(file);
        p.write(file, original.replace("topics: [nato-neutrality", "topics: [nato-neutraility"));
        SiteBuild.Result bad = p.build();
        assertFalse(bad.ok());
        assertTrue(p.log().contains(file + ":9: unknown topic `nato-neutraility` (did you mean `nato-neutrality`?"), p.log());
        assertEquals(good, p.fingerprint(), "the site changed after a failed build");

        // a broken template: JBake fails half-way through the bake
        p.write(file, original);
        p.write("templates/section.ftlh", p.read("templates/section.ftlh") + "\n${content.no_such_field}\n");
        assertFalse(p.build().ok());
        assertTrue(p.log().contains("no_such_field"), p.log());
        assertEquals(good, p.fingerprint(), "the site changed after a failed bake");
        assertFalse(Files.exists(p.site().resolveSibling(".site.staging")), "the half-baked site was left behind");
    }

    @Test
    void twoBuildsAreByteIdentical(@TempDir Path tmp) throws IOException {
        TempProject p = new TempProject(tmp);
        assertTrue(p.build().ok(), p.log());
        Map<String, String> first = p.fingerprint();
        // touch every source: modification times must not leak into the output
        try (Stream<Path> walk = Files.walk(p.dir.resolve("content"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            }
        }
        assertTrue(p.build().ok(), p.log());
        assertEquals(first, p.fingerprint());
        assertTrue(first.size() > 30, "files compared: " + first.size());
    }
}
