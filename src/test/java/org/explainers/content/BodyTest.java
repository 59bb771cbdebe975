package org.explainers.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A body left in the cache's file is read when asked for, whatever happened to the threads before. */
class BodyTest {

    @Test
    void aStoredBodyIsReadAfterAnInterruptAndAfterTheFileIsReplaced(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bodies.bin");
        Files.write(file, "....<p>Hello “world”</p>....".getBytes(StandardCharsets.UTF_8));
        byte[] html = "<p>Hello “world”</p>".getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "r")) {
            Body body = new Body("key", new Body.Stored(open, 4, html.length), Body.held(new byte[0]), Body.held(new byte[0]), List.of(), false);
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
