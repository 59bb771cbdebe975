package org.explainers.pipeline;

import org.explainers.fixtures.Child;
import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same commit gives the same site on any machine: built with 1 CPU and with 4, in two
 * time zones and in two locales, every file has the same bytes; and a build again on the same
 * machine too, whatever the files' modification times.
 */
class DeterminismTest {

    private static Map<String, String> buildWith(Path tmp, String name, List<String> jvm, Map<String, String> env) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve(name));
        Child.Run run = Child.build(f, jvm, env);
        assertEquals(0, run.exit(), name + ":\n" + run.output());
        return f.fingerprint();
    }

    @Test
    void sameBytesWithOneOrFourCpusInAnyTimeZoneAndLocale(@TempDir Path tmp) throws Exception {
        Map<String, String> one = buildWith(tmp, "one-cpu", List.of("-XX:ActiveProcessorCount=1", "-Duser.timezone=UTC",
                "-Duser.language=en", "-Duser.country=US"), Map.of("TZ", "UTC"));
        Map<String, String> four = buildWith(tmp, "four-cpus", List.of("-XX:ActiveProcessorCount=4", "-Duser.timezone=Pacific/Kiritimati",
                "-Duser.language=tr", "-Duser.country=TR"), Map.of("TZ", "Pacific/Kiritimati", "LANG", "tr_TR.UTF-8"));
        Map<String, String> other = buildWith(tmp, "other", List.of("-XX:ActiveProcessorCount=2", "-Duser.timezone=America/Los_Angeles",
                "-Duser.language=ar", "-Duser.country=EG"), Map.of("TZ", "America/Los_Angeles"));
        assertTrue(one.size() > 100, "files compared: " + one.size());
        assertEquals(one, four, "1 CPU, UTC, en_US against 4 CPUs, Kiritimati, tr_TR");
        assertEquals(one, other, "1 CPU, UTC, en_US against 2 CPUs, Los Angeles, ar_EG");
    }

    @Test
    void twoBuildsOfTheSameContentAreByteIdentical(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        Map<String, String> first = f.fingerprint();
        try (var walk = java.nio.file.Files.walk(f.dir.resolve("content"))) {
            for (Path p : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            }
        }
        java.nio.file.Files.walk(f.dir.resolve("target/cache")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertTrue(f.build().ok(), f.log());
        assertEquals(first, f.fingerprint());
    }
}
