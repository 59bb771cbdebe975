package org.explainers.build;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bake JVM's class-data archive: kept while it matches, dropped when a jar or the JDK changed. */
class ClassArchiveTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(ClassArchive.PATH_PROPERTY);
        System.clearProperty(ClassArchive.WRITE_PROPERTY);
    }

    @Test
    void aStampedArchiveIsKeptAndAChangedJarDropsIt() throws IOException {
        Path archive = dir.resolve("cds/bake.jsa");
        System.setProperty(ClassArchive.PATH_PROPERTY, archive.toString());

        // The build that writes it: creates the folder first, stamps it after a good bake.
        System.setProperty(ClassArchive.WRITE_PROPERTY, "true");
        ClassArchive.checkBefore();
        assertTrue(Files.isDirectory(archive.getParent()));
        Files.writeString(archive, "archive"); // what the JVM writes as it exits
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ClassArchive.afterSuccess(new PrintStream(console, true, StandardCharsets.UTF_8));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("bake.jsa"), console.toString(StandardCharsets.UTF_8));
        System.clearProperty(ClassArchive.WRITE_PROPERTY);

        // Later builds on the same JDK and jars keep it.
        ClassArchive.checkBefore();
        assertTrue(Files.exists(archive));

        // A jar of another size (a new version of the code or of a library): dropped, stamp too.
        Path stamp = archive.resolveSibling("bake.jsa.stamp");
        List<String> lines = new ArrayList<>(Files.readAllLines(stamp));
        String entry = System.getProperty("java.class.path").split(File.pathSeparator)[0];
        assertTrue(lines.get(1).startsWith(entry + " "), lines.get(1));
        lines.set(1, entry + " 1 1");
        Files.write(stamp, lines);
        ClassArchive.checkBefore();
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(stamp));
    }

    @Test
    void anArchiveWithoutAStampIsDropped() throws IOException {
        // A build that failed while writing the archive never stamps it.
        Path archive = dir.resolve("bake.jsa");
        Files.writeString(archive, "partial");
        System.setProperty(ClassArchive.PATH_PROPERTY, archive.toString());
        ClassArchive.checkBefore();
        assertFalse(Files.exists(archive));
    }

    @Test
    void theBuildLeftAnArchiveStampedForItsOwnClasspathOrNone() throws IOException {
        // `./mvnw verify` built the site before these tests. Either the archive the bake JVM
        // maps is there, stamped with the build's jar as it is now, or (the first build after
        // a library or the code changed) the outdated one is gone, stamp and all, and the next
        // build writes it.
        Path archive = Path.of("target/cds/bake.jsa");
        Path stamp = Path.of("target/cds/bake.jsa.stamp");
        assertTrue(Files.isDirectory(archive.getParent()), "the bake never wrote target/cds/");
        if (!Files.exists(archive)) {
            assertFalse(Files.exists(stamp), "a stamp without its archive");
            return;
        }
        List<String> lines = Files.readAllLines(stamp);
        assertEquals(System.getProperty("java.home") + " " + System.getProperty("java.vm.version"), lines.get(0));
        boolean buildJar = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            File jar = new File(f[0]);
            assertEquals(line, f[0] + " " + jar.length() + " " + jar.lastModified(), "changed since the archive was written");
            buildJar |= jar.getName().endsWith("-build.jar");
        }
        assertTrue(buildJar, "the build's own jar is not on the bake's classpath: " + lines);
    }
}
