package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom fixture's whole site, compared with a reviewed snapshot of it
 * (src/test/resources/snapshots/newsroom.txt): every page, feed and sitemap in full, every
 * other file by its fingerprint. A change to the templates or the build shows in the snapshot's
 * diff in the pull request; when it is intended, write the new snapshot with
 * {@code ./mvnw verify -Dit.test=SnapshotTest -Dsnapshot.update=true} and review it.
 */
class SnapshotTest {

    static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/newsroom.txt");

    @Test
    void theSiteIsTheReviewedSnapshot(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String now = snapshot(f.site());
        if (Boolean.getBoolean("snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, now, StandardCharsets.UTF_8);
        }
        Path written = Path.of("target/snapshots/newsroom.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, now, StandardCharsets.UTF_8);
        assertTrue(Files.isRegularFile(SNAPSHOT), "no snapshot yet: run with -Dsnapshot.update=true and review " + SNAPSHOT);
        String reviewed = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
        assertEquals(reviewed, now, "the site differs from the reviewed snapshot: see `diff " + SNAPSHOT + " " + written
                + "`; if the change is intended, run with -Dsnapshot.update=true and review the diff");
    }

    /** Pages, feeds, the sitemap and robots.txt in full; images, styles, scripts and the search index by fingerprint. */
    static String snapshot(Path site) throws Exception {
        Map<String, String> files = Fixture.fingerprint(site);
        StringBuilder out = new StringBuilder();
        Path root = site.toRealPath();
        for (Map.Entry<String, String> e : files.entrySet()) {
            String path = e.getKey();
            boolean text = (path.endsWith(".html") || path.endsWith(".xml") || path.endsWith(".txt")) && !path.startsWith("search/");
            if (text) {
                out.append("=== ").append(path).append('\n').append(Files.readString(root.resolve(path), StandardCharsets.UTF_8));
                if (out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            } else {
                out.append("=== ").append(path).append(" sha256:").append(e.getValue()).append('\n');
            }
        }
        return out.toString();
    }
}
