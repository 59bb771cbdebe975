package org.explainers.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar the bake runs from: rewritten exactly when the compiled classes changed. */
class ClassesJarTest {

    @TempDir
    Path dir;

    @Test
    void theJarIsRewrittenOnlyWhenAClassIsAddedChangedOrRemoved() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("org/x"));
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("org/x/A.class"), "a");
        Files.writeString(classes.resolve("META-INF/services/S"), "s");
        Path jar = dir.resolve("build.jar");

        ClassesJar.main(new String[]{classes.toString(), jar.toString()});
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("a", new String(j.getInputStream(j.getEntry("org/x/A.class")).readAllBytes()));
            assertTrue(j.getManifest() != null);
        }
        FileTime written = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 1000);
        Files.setLastModifiedTime(jar, written);
        older(classes, written);
        ClassesJar.main(new String[]{classes.toString(), jar.toString()});
        assertEquals(written, Files.getLastModifiedTime(jar), "nothing changed: the jar must stay as it was");

        // Recompiled: newer than the jar.
        Files.writeString(classes.resolve("org/x/A.class"), "a2");
        assertFalse(ClassesJar.upToDate(classes, ClassesJar.files(classes), jar));
        ClassesJar.main(new String[]{classes.toString(), jar.toString()});
        assertTrue(ClassesJar.upToDate(classes, ClassesJar.files(classes), jar));

        // Removed (a deleted source): the jar must not keep the class.
        Files.delete(classes.resolve("org/x/A.class"));
        older(classes, Files.getLastModifiedTime(jar));
        assertFalse(ClassesJar.upToDate(classes, ClassesJar.files(classes), jar));

        // Added with an old time (copied in): still a change.
        Files.writeString(classes.resolve("org/x/B.class"), "b");
        older(classes, Files.getLastModifiedTime(jar));
        assertFalse(ClassesJar.upToDate(classes, ClassesJar.files(classes), jar));
    }

    @Test
    void theSameClassesGiveTheSameJar() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("org"));
        Files.writeString(classes.resolve("org/A.class"), "a");
        Path one = dir.resolve("one.jar");
        Path two = dir.resolve("two.jar");
        ClassesJar.write(classes, ClassesJar.files(classes), one);
        Files.setLastModifiedTime(classes.resolve("org/A.class"), FileTime.fromMillis(0));
        ClassesJar.write(classes, ClassesJar.files(classes), two);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    }

    private static void older(Path classes, FileTime than) throws IOException {
        for (Path f : ClassesJar.files(classes)) {
            Files.setLastModifiedTime(f, FileTime.fromMillis(than.toMillis() - 5000));
        }
    }
}
