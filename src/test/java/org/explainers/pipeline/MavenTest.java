package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build as Maven users run it, from a copy of the project in a folder whose path has
 * spaces and quotes: no value becomes options (a quote in -Dsite.host or in the path adds
 * none), and a failure ends with Maven's own "Failed to execute goal" line naming the file,
 * the line and the fix, and how many problems there are.
 */
class MavenTest {

    static Path project;

    @BeforeAll
    static void copy(@TempDir Path tmp) throws IOException {
        project = tmp.resolve("My Documents").resolve("it's \"here\"");
        for (String name : List.of("content", "templates", "assets", "src/main", ".mvn")) {
            Fixture.copyTree(Fixture.project().resolve(name), project.resolve(name));
        }
        for (String name : List.of("pom.xml", "jbake.properties", "mvnw")) {
            Files.copy(Fixture.project().resolve(name), project.resolve(name));
        }
        project.resolve("mvnw").toFile().setExecutable(true);
        // The tests' own project is not part of this copy's build.
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        Files.writeString(project.resolve("pom.xml"), pom.replace("<module>src/test</module>", ""), StandardCharsets.UTF_8);
    }

    private static List<String> mvn(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-o", "-B"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        List<String> lines = new ArrayList<>(out.lines().toList());
        lines.add("exit " + p.exitValue());
        return lines;
    }

    @Test
    void aQuoteInTheSitesAddressIsRefusedAndAddsNoOption(@TempDir Path elsewhere) throws Exception {
        Path evil = elsewhere.resolve("evil");
        List<String> out = mvn("package", "-Dsite.host=https://x.org/a\" --out " + evil + " \"");
        assertEquals("exit 1", out.get(out.size() - 1), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.contains("-Dsite.host: `https://x.org/a\" --out")
                && l.contains("contains `\"`, which an address cannot hold")), String.join("\n", out));
        assertFalse(Files.exists(evil), "nothing was written outside target/");
    }

    @Test
    void theProjectBuildsInAFolderWithSpacesAndQuotes() throws Exception {
        List<String> out = mvn("-q", "package");
        assertEquals("exit 0", out.get(out.size() - 1), String.join("\n", out));
        assertTrue(Files.isRegularFile(project.resolve("target/site/index.html")));
    }

    @Test
    void aFailureEndsWithTheFirstProblemAndHowManyThereAre() throws Exception {
        Path section = project.resolve("content/articles").toFile().listFiles(File -> File.isDirectory())[0].toPath();
        Path file;
        try (var files = Files.list(section)) {
            file = files.filter(p -> p.getFileName().toString().matches("\\d+-.*\\.md")).sorted().findFirst().orElseThrow();
        }
        String before = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, before.replaceFirst("status: published", "status: publsihed"), StandardCharsets.UTF_8);
            List<String> out = mvn("package");
            String rel = project.relativize(file).toString().replace('\\', '/');
            int footer = out.indexOf("[ERROR] ");
            String failed = out.stream().filter(l -> l.startsWith("[ERROR] Failed to execute goal")).findFirst().orElse("");
            assertTrue(failed.contains("1 problem; the first: " + rel + ":"), String.join("\n", out));
            assertTrue(failed.contains("`status: publsihed` is not valid (use `published` or `draft`; did you mean `published`?)"), failed);
            assertTrue(footer > 0 && out.get(footer - 1).equals(failed), "the line before Maven's footer is the failure:\n" + String.join("\n", out));
            assertFalse(out.stream().anyMatch(l -> l.contains("Process exited with an error")));
        } finally {
            Files.writeString(file, before, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCheckOnlyCommandWorksInAFreshCopy() throws Exception {
        List<String> out = mvn("-q", "package", "-Dbake.command=check");
        assertEquals("exit 0", out.get(out.size() - 1), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("Content is fine")), String.join("\n", out));
    }
}
