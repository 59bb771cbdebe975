package org.explainers.content;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/** The build's folders under target/: whether they are its own, and removing what it made (old builds, scratch copies), on any system. */
public final class Trees {

    private Trees() {
    }

    /**
     * A folder that is absent, or a folder (not a link) of this JVM's user. target/ is ignored by
     * Git, but a pull request can still add files there ({@code git add -f}): a link there would
     * lead the build's writes and removals somewhere else.
     */
    public static boolean ours(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory()) {
                return false;
            }
            try {
                // Windows names the owner by its domain, a backslash, then the user.
                String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
                String user = System.getProperty("user.name");
                return owner.equals(user) || owner.endsWith("\\" + user);
            } catch (UnsupportedOperationException e) {
                return true;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
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

    /** The first entry of a folder's tree, in the walk's order, that is neither a folder nor a file (a link), or null; links are not followed. */
    public static Path firstLink(Path dir) throws IOException {
        Path[] found = {null};
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (a.isRegularFile() || a.isDirectory()) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                found[0] = file;
                return java.nio.file.FileVisitResult.TERMINATE;
            }
        });
        return found[0];
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
