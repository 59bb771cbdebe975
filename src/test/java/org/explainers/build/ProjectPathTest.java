package org.explainers.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mvnw package} in a folder whose path has spaces ("My Documents"): every path the
 * pom hands to the bake JVM (the classpath, the project, both class-data archives) must reach
 * it as one argument. And the machine's own Maven, which reads the pom with older rules.
 */
class ProjectPathTest {

    @TempDir
    Path dir;

    @Test
    void theSiteBuildsInAFolderWithSpacesWithTheWrapperAndTheMachinesMaven() throws IOException, InterruptedException {
        Path project = dir.resolve("My Documents/the explainer");
        for (String name : List.of("content", "templates", "assets", "src/main", ".mvn")) {
            TempProject.copyTree(Path.of(name), project.resolve(name));
        }
        Files.createDirectories(project.resolve("src/test"));
        for (String name : List.of("pom.xml", "src/test/pom.xml", "jbake.properties", "mvnw")) {
            Files.copy(Path.of(name), project.resolve(name));
        }
        assertTrue(project.resolve("mvnw").toFile().setExecutable(true));

        // Twice: the first build writes the class-data archives, the second starts from them.
        assertTrue(build(project, "./mvnw", 1).contains("Writing bake.jsa"), "the first build did not write the bake's archive");
        assertFalse(build(project, "./mvnw", 2).contains("Writing"), "the second build wrote an archive again");
        assertTrue(Files.exists(project.resolve("target/site/index.html")));
        assertTrue(Files.exists(project.resolve("target/cds/bake.jsa.stamp")), "the bake's archive was not written");
        assertTrue(Files.exists(project.resolve("target/cds/maven.jsa")), "Maven's archive was not written");

        // The machine's own Maven, where there is one (Debian's is 3.8): it too builds the site
        // and then keeps the bake's archive (it rewrote it on every build once).
        if (onPath("mvn")) {
            build(project, "mvn", 3);
            assertFalse(build(project, "mvn", 4).contains("Writing bake.jsa"), "the machine's Maven rewrites the bake's archive on every build");
        }
    }

    /** One `package` run in the project; its console output. */
    private String build(Path project, String maven, int run) throws IOException, InterruptedException {
        Path log = dir.resolve("build" + run + ".log");
        Process mvn = new ProcessBuilder(maven, "--offline", "--quiet", "--batch-mode", "package")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(5, TimeUnit.MINUTES), "the build did not finish");
        String out = Files.readString(log);
        assertEquals(0, mvn.exitValue(), maven + " build " + run + " failed:\n" + out);
        assertTrue(out.contains("Baked "), out);
        return out;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
