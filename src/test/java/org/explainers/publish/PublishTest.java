package org.explainers.publish;

import org.explainers.fixtures.Child;
import org.explainers.fixtures.Fixture;
import org.explainers.pipeline.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At every instant target/site is a complete site, the old one or the new one: a build stopped
 * dead at each point of publishing (a JVM halted, as by kill -9) leaves the old site, or the new
 * one, whole; and the next build recovers from whatever it left.
 */
class PublishTest {

    /**
     * A pull request can add files under the ignored target/ ({@code git add -f}): a link there
     * must not lead the build's writes and removals (old builds are removed) into another folder,
     * nor become the published site (an attacker's trial: a link at target/site.builds emptied the
     * folder it named).
     */
    @ParameterizedTest(name = "a link at target/{0}")
    @ValueSource(strings = {"site.builds", "site", "cache", "preview.builds", "site.builds/900000", "site.builds/000001/articles", "cache/images"})
    void aLinkAddedUnderTargetIsRefusedAndNothingIsWrittenThroughIt(String name, @TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("notes.txt"), "kept");
        Files.createDirectories(f.dir.resolve("target").resolve(name).getParent());
        Files.createSymbolicLink(f.dir.resolve("target").resolve(name), victim);
        if (name.startsWith("site.builds/")) {
            // Taken for a complete build: a manifest beside it (a link one folder down: inside a build that looks complete).
            String build = name.substring(0, name.indexOf('/', "site.builds/".length()) < 0 ? name.length() : name.indexOf('/', "site.builds/".length()));
            Files.writeString(f.dir.resolve("target").resolve(build + ".manifest"), "a manifest naming notes.txt");
        }
        Build.Result r = name.startsWith("preview")
                ? f.build(new Build.Options(f.dir, f.dir.resolve("target/preview"), Fixture.HOST, Fixture.NOW, false, true)) : f.build();
        assertFalse(r.ok(), f.log());
        String told = "target/" + name + ": is a link or not a folder of yours, which the build does not make";
        assertTrue(Files.isSymbolicLink(f.dir.resolve("target").resolve(name)), "the link is left for the user to look at");
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(told)), f.log());
        try (var files = Files.list(victim)) {
            assertEquals(List.of(victim.resolve("notes.txt")), files.toList(), "nothing is written or removed through the link");
        }
        assertEquals("kept", Files.readString(victim.resolve("notes.txt")));
    }

    /**
     * A link planted among the cached image copies is not published: the copy is made again
     * (an attacker's trial: the file it led to was published under an image's name).
     */
    @Test
    void aLinkAmongTheCachedImageCopiesIsNotPublished(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-KEY");
        Path images = f.dir.resolve("target/cache/images");
        List<Path> copies;
        try (var list = Files.list(images)) {
            copies = list.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertFalse(copies.isEmpty(), "the fixture's images have copies");
        for (Path copy : copies) {
            Files.delete(copy);
            Files.createSymbolicLink(copy, secret);
        }
        org.explainers.content.Trees.delete(f.dir.resolve("target/site"));
        org.explainers.content.Trees.delete(Publish.builds(f.site()));
        assertTrue(f.build().ok(), f.log());
        try (var files = Files.walk(f.site().toRealPath())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains("TOP-SECRET"), p.toString());
            }
        }
        assertTrue(Files.isRegularFile(copies.get(0), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the copy made again, in the link's place");
    }

    @ParameterizedTest(name = "stopped {0}")
    @ValueSource(strings = {"taking-over", "before-swap", "before-rename", "after-swap"})
    void aBuildStoppedAtTheSwapLeavesACompleteSite(String point, @TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        // A second build: the next one is made in the first one's folder, whose files are
        // mostly the published build's own (linked); none of them may change under the reader.
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "A cold winter could drain", "A very cold winter could drain");
        assertTrue(f.build().ok(), f.log());
        Map<String, String> old = f.fingerprint();
        f.replace("content/articles/election-primer/01-who-votes.md", "Every citizen over 18", "Every citizen over 16");

        Child.Run stopped = Child.run(List.of("-Dexplainers.publish.halt=" + point), Map.of(),
                List.of("build", "--project", f.dir.toString(), "--now", Fixture.NOW.toString(), "--site-host", Fixture.HOST));
        assertEquals(3, stopped.exit(), "the build was halted at " + point + ":\n" + stopped.output());

        Map<String, String> after = f.fingerprint();
        assertTrue(Files.isRegularFile(f.site().resolve("index.html")), "target/site is there");
        if (point.equals("after-swap")) {
            assertNotEquals(old, after, "the new site is published");
            assertTrue(f.page("articles/election-primer/01-who-votes.html").contains("over 16"));
        } else {
            assertEquals(old, after, "the old site is published, whole");
        }

        assertTrue(f.build().ok(), "the next build recovers:\n" + f.log());
        assertTrue(f.page("articles/election-primer/01-who-votes.html").contains("over 16"));
        try (var builds = Files.list(Publish.builds(f.site()))) {
            List<String> left = builds.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(left.size() <= 4, "older builds are removed: " + left);
        }
    }

    @Test
    void aSiteLinkDeletedByHandIsRestoredFromTheLastCompleteBuild(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        Map<String, String> good = f.fingerprint();
        Files.delete(f.site());
        f.write("content/articles/election-primer/01-who-votes.md", "broken");
        assertTrue(!f.build().ok());
        assertEquals(good, f.fingerprint(), "a failed build still leaves the last good site in place");
    }

    @Test
    void aSiteThatIsAFolderFromAnOlderBuildIsTakenOver(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        Files.createDirectories(f.site());
        Files.writeString(f.site().resolve("index.html"), "old");
        assertTrue(f.build().ok(), f.log());
        assertTrue(Files.isSymbolicLink(f.site()));
        assertTrue(f.page("index.html").contains("<!DOCTYPE html>"));
    }

    @Test
    void renamesAreRetriedWhileAFileIsHeldOpen() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        org.explainers.content.Trees.retrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new AccessDeniedException("site");
            }
        });
        assertEquals(3, attempts.get());
        AtomicInteger always = new AtomicInteger();
        assertThrows(AccessDeniedException.class, () -> org.explainers.content.Trees.retrying(() -> {
            always.incrementAndGet();
            throw new AccessDeniedException("site");
        }));
        assertEquals(10, always.get());
    }
}
