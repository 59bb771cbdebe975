package org.explainers.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mvnw package} in a folder whose path has spaces ("My Documents"): every path the
 * pom hands to the bake JVM (the classpath, the project, both class-data archives) must reach
 * it as one argument.
 */
class ProjectPathTest {

    @TempDir
    Path dir;

    @Test
    void theSiteBuildsInAFolderWithSpacesInItsPath() throws IOException, InterruptedException {
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
        for (int run = 1; run <= 2; run++) {
            Path log = dir.resolve("build" + run + ".log");
            Process mvn = new ProcessBuilder("./mvnw", "--offline", "--quiet", "package")
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(mvn.waitFor(5, TimeUnit.MINUTES), "the build did not finish");
            assertEquals(0, mvn.exitValue(), "build " + run + " failed:\n" + Files.readString(log));
            assertTrue(Files.readString(log).contains("Baked "), Files.readString(log));
        }
        assertTrue(Files.exists(project.resolve("target/site/index.html")));
        assertTrue(Files.exists(project.resolve("target/cds/bake.jsa.stamp")), "the bake's archive was not written");
        assertTrue(Files.exists(project.resolve("target/cds/maven.jsa")), "Maven's archive was not written");
    }
}
