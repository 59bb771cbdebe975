package org.explainers.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A body left in the cache's file is read when asked for, whatever happened to the threads before; a text saved mid-build is not published. */
class BodyTest {

    /**
     * A file whose text is read again for its body (its header and SHA-1 came from the cache)
     * and is no longer what the crawl recorded: saved during the build. Its body would be
     * published under the old SHA-1, and a later build, back at those bytes, would keep it.
     */
    @Test
    void aFileSavedWhileTheBuildReadsItStopsTheBuild(@TempDir Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = ContentChecksTest.validTree(tmp);
        Problems problems = new Problems();
        Project project = Project.open(f.dir, f.site(), org.explainers.fixtures.Fixture.HOST, problems);
        Path content = tmp.resolve("text");
        Path file = Files.createDirectories(content.resolve("articles/a")).resolve("01-one.md");
        Files.writeString(file, "The text as the crawl read it.\n");
        Section s = new Section("one", "articles/a/01-one.md", content, Header.of(java.util.Map.of(), java.util.Map.of(), 0, "k"), null, 1);
        s.sha1 = Crawl.sha1(Files.readAllBytes(file));
        s.release();
        Files.writeString(file, "The text as saved a moment later.\n");
        new org.explainers.check.Bodies(Markdown.of(project.jbake), new org.explainers.check.HtmlPolicy(java.util.Set.of()),
                Images.read(project.content, List.of(), problems), org.explainers.check.BodyCache.empty(), "/nowhere/templates/", problems).run(List.of(s));
        assertEquals(List.of("content/articles/a/01-one.md: the file changed while the build was reading it (build again)"),
                problems.list().stream().map(Problem::toString).toList());
        assertEquals(null, s.body(), "no body from the newer text");

        // Removed since the crawl (a branch switched during the preview's build): no empty text either.
        Problems again = new Problems();
        Section gone = new Section("one", "articles/a/01-one.md", content, Header.of(java.util.Map.of(), java.util.Map.of(), 0, "k"), null, 1);
        gone.sha1 = s.sha1;
        Files.delete(file);
        new org.explainers.check.Bodies(Markdown.of(project.jbake), new org.explainers.check.HtmlPolicy(java.util.Set.of()),
                Images.read(project.content, List.of(), again), org.explainers.check.BodyCache.empty(), "/nowhere/templates/", again).run(List.of(gone));
        assertEquals(List.of("content/articles/a/01-one.md: the file changed while the build was reading it (build again)"),
                again.list().stream().map(Problem::toString).toList());
    }

    @Test
    void aStoredBodyIsReadAfterAnInterruptAndAfterTheFileIsReplaced(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bodies.bin");
        Files.write(file, "....<p>Hello “world”</p>....".getBytes(StandardCharsets.UTF_8));
        byte[] html = "<p>Hello “world”</p>".getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "r")) {
            Body body = new Body("key", new Body.Stored(open, 4, html.length), Body.held(new byte[0]), Body.held(new byte[0]), List.of(), false, 0, 0);
            // A failed bake stops its pool's threads: a read in an interrupted thread must not close the file for the next ones.
            Thread.currentThread().interrupt();
            try {
                assertEquals("<p>Hello “world”</p>", body.html());
            } finally {
                Thread.interrupted();
            }
            assertEquals("<p>Hello “world”</p>", body.html(), "read again after the interrupt");
            // The next cache is moved into place over it: the open file still reads what was checked.
            Path next = tmp.resolve("bodies.bin.tmp");
            Files.write(next, "something else entirely, and longer".getBytes(StandardCharsets.UTF_8));
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals("<p>Hello “world”</p>", body.html(), "read from the file that was open");
        }
    }
}
