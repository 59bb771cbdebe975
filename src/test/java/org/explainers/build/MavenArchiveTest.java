package org.explainers.build;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maven's own class-data archive: written after a good build, used by Maven's next start, never in the way. */
class MavenArchiveTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(MavenArchive.MAVEN_HOME_PROPERTY);
    }

    @Test
    void mavenStartsFromTheArchiveTheBuildWrote() throws Exception {
        // `./mvnw verify` built the site before these tests, so the archive is there...
        Path archive = Path.of("target/cds/maven.jsa");
        assertTrue(Files.exists(archive), "the build did not write target/cds/maven.jsa; see target/cds/maven.jsa.log");
        List<String> stamp = Files.readAllLines(Path.of("target/cds/maven.jsa.stamp"));
        Path home = Path.of(stamp.get(1).split(" ")[0]).getParent().getParent();
        assertEquals(MavenArchive.stamp(Path.of("."), home), stamp);

        // ...and Maven's JVM maps it: its classes come from the archive, not from its jars.
        Path log = dir.resolve("classes.log");
        ProcessBuilder mvn = new ProcessBuilder("./mvnw", "--offline", "--quiet", "validate")
                .redirectErrorStream(true).redirectOutput(dir.resolve("mvn.log").toFile());
        mvn.environment().put("MAVEN_OPTS", "-Xlog:class+load:file=" + log);
        Process p = mvn.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "Maven did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("mvn.log")));
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("org.apache.maven.cli.MavenCli source: shared objects file (top)"), "Maven did not start from the archive");
        assertTrue(loaded.contains("org.apache.maven.DefaultMaven source: shared objects file (top)"), "Maven's core is not in the archive");
    }

    @Test
    void theArchiveIsWrittenWithMavensOwnCommandLineAndNotMappedWhileWritten() throws IOException {
        Path home = fakeMavenHome();
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve(".mvn/jvm.config"), "-Xss2m\n-Xshare:auto " + MavenArchive.OPTION + " -Xlog:cds=off\r\n");

        List<String> cmd = MavenArchive.command(dir, home, dir.resolve("out.jsa"));
        assertFalse(cmd.contains(MavenArchive.OPTION), "the archive being written would be its own base: " + cmd);
        assertTrue(cmd.containsAll(List.of("-Xss2m", "-Xshare:auto", "-Xlog:cds=off", "-XX:ArchiveClassesAtExit=" + dir.resolve("out.jsa"))), cmd.toString());
        assertTrue(cmd.contains(home.resolve("boot/plexus-classworlds-2.11.0.jar").toString()), cmd.toString());
        assertEquals(List.of("package", "-Dbake.command=check"), cmd.subList(cmd.indexOf("package"), cmd.indexOf("package") + 2));

        // The stamp follows jvm.config: other options, another archive.
        List<String> before = MavenArchive.stamp(dir, home);
        Files.writeString(dir.resolve(".mvn/jvm.config"), "-Xss4m " + MavenArchive.OPTION);
        assertNotEquals(before, MavenArchive.stamp(dir, home));

        // A project whose jvm.config does not map the archive is left alone.
        Files.writeString(dir.resolve(".mvn/jvm.config"), "-Xss4m");
        assertNull(MavenArchive.stamp(dir, home));
    }

    @Test
    void aFailedRunLeavesNoArchiveIsNotRepeatedAndTheBuildCarriesOn() throws IOException {
        // An outdated archive, and a Maven that cannot start (its launcher jar is empty).
        Path home = fakeMavenHome();
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve(".mvn/jvm.config"), MavenArchive.OPTION);
        Path archive = dir.resolve("target/cds/maven.jsa");
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "made for another JDK");
        Files.writeString(archive.resolveSibling("maven.jsa.stamp"), "another JDK");

        System.setProperty(MavenArchive.MAVEN_HOME_PROPERTY, home.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MavenArchive.refresh(dir, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertTrue(console.toString(StandardCharsets.UTF_8).contains("Writing maven.jsa"), console.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(archive), "the outdated archive is still there");
        assertFalse(Files.exists(archive.resolveSibling("maven.jsa.partial")));
        assertTrue(Files.readString(archive.resolveSibling("maven.jsa.log")).contains("Launcher"),
                "the failed run's output is kept for whoever wonders");

        // The next build does not try again (a few seconds lost on every build) until something changes.
        console.reset();
        MavenArchive.refresh(dir, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve(".mvn/jvm.config"), "-Xss4m " + MavenArchive.OPTION);
        MavenArchive.refresh(dir, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("Writing maven.jsa"), "not tried again after jvm.config changed");
    }

    private Path fakeMavenHome() throws IOException {
        Path home = dir.resolve("maven");
        Files.createDirectories(home.resolve("boot"));
        Files.writeString(home.resolve("boot/plexus-classworlds-2.11.0.jar"), "");
        return home;
    }
}
