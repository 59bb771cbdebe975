package org.explainers.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Publishing survives a file held open for a moment (Windows: a virus scanner, the indexer). */
class PublishRetryTest {

    @Test
    void aFolderHeldForAMomentIsMovedOnALaterTry() throws IOException {
        AtomicInteger tries = new AtomicInteger();
        SiteBuild.retrying(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new AccessDeniedException("target/site");
            }
        });
        assertEquals(3, tries.get());
    }

    @Test
    void aFolderHeldForGoodFailsAfterASecondAndOtherErrorsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(AccessDeniedException.class, () -> SiteBuild.retrying(() -> {
            tries.incrementAndGet();
            throw new AccessDeniedException("target/site");
        }));
        assertEquals(10, tries.get());

        tries.set(0);
        assertThrows(NoSuchFileException.class, () -> SiteBuild.retrying(() -> {
            tries.incrementAndGet();
            throw new NoSuchFileException("target/.site.staging");
        }));
        assertEquals(1, tries.get());
    }
}
