package org.explainers.build;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the class-data archive Maven's own JVM starts from, {@code target/cds/maven.jsa}.
 *
 * <p>Before the build even starts, Maven spends over a second loading and verifying the
 * classes of its container, resolver and plugins. {@code .mvn/jvm.config} names this archive
 * ({@code -XX:SharedArchiveFile}, a path from the project folder); the JVM maps it when it is
 * there and quietly goes without it when it is not. Maven's JVM cannot write it as it exits
 * without a different command line, so after the first good build this runs Maven once more,
 * as {@code bin/mvn} would but with {@code -XX:ArchiveClassesAtExit}, on the same goals with
 * only the content check in place of the bake (a few seconds, once). A stamp beside the
 * archive records the JDK, Maven and JVM options it was made for; when they change it is
 * written again. A run that fails leaves no archive, and is tried again only after such a change.
 */
final class MavenArchive {

    /** {@code -Dexplainers.mavenHome=${maven.home}}: the Maven that runs this build (the pom passes it). */
    static final String MAVEN_HOME_PROPERTY = "explainers.mavenHome";
    /** The option in {@code .mvn/jvm.config} that maps the archive. */
    static final String OPTION = "-XX:SharedArchiveFile=target/cds/maven.jsa";

    private MavenArchive() {
    }

    /** After a good build: writes the archive if it is missing or was made for another JDK, Maven or options. */
    static void refresh(Path project, PrintStream out) {
        String home = System.getProperty(MAVEN_HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            return; // not run by Maven (a test, the preview)
        }
        Path archive = project.resolve("target/cds/maven.jsa");
        Path stamp = ClassArchive.stampOf(archive);
        try {
            List<String> wanted = stamp(project, Path.of(home));
            // A matching stamp without its archive: the run for this set-up failed (see
            // maven.jsa.log); not tried again on every build, only after a change or `clean`.
            if (wanted == null || Files.exists(stamp) && Files.readAllLines(stamp).equals(wanted)) {
                return;
            }
            Files.createDirectories(archive.getParent()); // gone after `clean`
            Files.deleteIfExists(stamp);
            Files.deleteIfExists(archive);
            out.println("Writing maven.jsa, the classes Maven starts from (once, until the JDK or Maven changes) ...");
            Path partial = archive.resolveSibling("maven.jsa.partial"); // never mapped half-written
            Files.deleteIfExists(partial);
            Process maven = new ProcessBuilder(command(project, Path.of(home), partial))
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(archive.resolveSibling("maven.jsa.log").toFile())
                    .start();
            if (!maven.waitFor(3, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
            } else if (maven.exitValue() == 0 && Files.exists(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(partial);
            Files.write(stamp, wanted);
        } catch (IOException e) {
            // Only a speed-up: a build never fails for it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the archive is valid for, or null when the project's jvm.config does not use it. */
    static List<String> stamp(Path project, Path mavenHome) throws IOException {
        List<String> options = jvmConfig(project);
        if (!options.contains(OPTION)) {
            return null;
        }
        return List.of(ClassArchive.jdk(), ClassArchive.file(classworlds(mavenHome).toFile()), String.join(" ", options));
    }

    /** Maven's own start-up line ({@code bin/mvn}), writing the archive to {@code out} as it exits. */
    static List<String> command(Path project, Path mavenHome, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same options, except the archive to map: while writing one, that would be its base.
        jvmConfig(project).stream().filter(o -> !o.equals(OPTION)).forEach(cmd::add);
        cmd.add("-XX:ArchiveClassesAtExit=" + out.toAbsolutePath());
        cmd.addAll(List.of(
                "-classpath", classworlds(mavenHome).toString(),
                "-Dclassworlds.conf=" + mavenHome.resolve("bin/m2.conf"),
                "-Dmaven.home=" + mavenHome,
                "-Dlibrary.jansi.path=" + mavenHome.resolve("lib/jansi-native"),
                "-Dmaven.multiModuleProjectDirectory=" + project,
                "org.codehaus.plexus.classworlds.launcher.Launcher",
                // The goals of a build, so the plugins' classes are in it too; only the content check
                // instead of the bake (which would come back here), and without writing the bake's archive.
                "--offline", "--quiet", "package", "-Dbake.command=check", "-Dbake.cds.args=-Xshare:auto"));
        return cmd;
    }

    /** The options in .mvn/jvm.config, one per word, as bin/mvn reads them. */
    private static List<String> jvmConfig(Path project) throws IOException {
        Path config = project.resolve(".mvn/jvm.config");
        if (!Files.exists(config)) {
            return List.of();
        }
        return Arrays.stream(Files.readString(config).split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Path classworlds(Path mavenHome) throws IOException {
        try (Stream<Path> boot = Files.list(mavenHome.resolve("boot"))) {
            return boot.filter(p -> p.getFileName().toString().matches("plexus-classworlds-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no plexus-classworlds jar in " + mavenHome.resolve("boot")));
        }
    }
}
