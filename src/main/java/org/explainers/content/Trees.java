package org.explainers.content;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what the build made under target/ (old builds, scratch copies), on any system. */
public final class Trees {

    private Trees() {
    }

    public interface FileOperation {
        void run() throws IOException;
    }

    /**
     * On Windows a folder cannot be renamed or removed while any file in it is open, and a
     * virus scanner or the search indexer opens fresh files for a moment: try again for about
     * a second before giving up.
     */
    public static void retrying(FileOperation operation) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                operation.run();
                return;
            } catch (AccessDeniedException | DirectoryNotEmptyException e) {
                if (attempt == 10) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Removes a folder and everything in it (or a file); nothing if it is not there. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                retrying(() -> Files.delete(p));
            }
        }
    }
}
