package org.explainers.build;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the bake JVM's class-data archive in step with its classpath.
 *
 * <p>Most of a small bake is the JVM reading, parsing and verifying the classes of JBake,
 * Flexmark and Freemarker. The pom starts the bake with {@code -XX:SharedArchiveFile} when
 * {@code target/cds/bake.jsa} exists, so those classes are mapped ready-made, and with
 * {@code -XX:ArchiveClassesAtExit} when it does not, so that build writes it. The JVM quietly
 * ignores an archive made for other jars or another JDK; this notices that case from a stamp
 * written beside the archive, and removes both, so the next build writes a fresh archive.
 */
final class ClassArchive {

    /** {@code -Dexplainers.classArchive=PATH}: the archive the JVM was started with, if any. */
    static final String PATH_PROPERTY = "explainers.classArchive";
    /** {@code -Dexplainers.classArchive.write=true}: this JVM writes the archive when it exits. */
    static final String WRITE_PROPERTY = "explainers.classArchive.write";

    private ClassArchive() {
    }

    /** Before a build: drops an archive that does not match this JVM and classpath. */
    static void checkBefore() {
        Path archive = archive();
        if (archive == null) {
            return;
        }
        try {
            if (writing()) {
                Files.createDirectories(archive.getParent()); // the JVM writes into it as it exits
                return;
            }
            Path stamp = stampOf(archive);
            if (!Files.exists(stamp) || !Files.readAllLines(stamp).equals(stamp())) {
                Files.deleteIfExists(stamp);
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            // Only a speed-up: a build never fails for it.
        }
    }

    /** After a successful build in a JVM that writes the archive at exit: says so, and stamps it. */
    static void afterSuccess(PrintStream out) {
        Path archive = archive();
        if (archive == null || !writing()) {
            return;
        }
        try {
            Files.write(stampOf(archive), stamp());
            out.println("Writing " + archive.getFileName() + ", the classes later builds start from (once, until the code or a library changes) ...");
        } catch (IOException e) {
            // Only a speed-up.
        }
    }

    private static Path archive() {
        String path = System.getProperty(PATH_PROPERTY);
        return path == null || path.isBlank() ? null : Path.of(path);
    }

    private static boolean writing() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    static Path stampOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".stamp");
    }

    /** The JDK, and every classpath entry with its size and time: what the archive is valid for. */
    static List<String> stamp() {
        List<String> lines = new ArrayList<>();
        lines.add(jdk());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            lines.add(file(new File(entry)));
        }
        return lines;
    }

    /** A stamp's line for the JDK an archive was written by. */
    static String jdk() {
        return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    }

    /** A stamp's line for a jar an archive holds classes of: its path, size and time. */
    static String file(File f) {
        return f + " " + f.length() + " " + f.lastModified();
    }
}
