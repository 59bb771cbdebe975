package org.explainers.build;

import org.explainers.bench.SyntheticContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default bake (JBake's Oven with an in-memory content store) writes exactly the bytes
 * stock JBake 2.7 (its default utensils, OrientDB store) writes for the same project.
 */
class FastBakeIdentityTest {

    static {
        // The stock path starts OrientDB, which prints its banner unless told not to (as Main does).
        System.setProperty("log.console.level", "OFF");
        System.setProperty("log.file.level", "OFF");
    }

    @Test
    void realSiteIsByteIdentical(@TempDir Path dir) throws Exception {
        Path project = new TempProject(dir).dir;
        compare(project, dir, 20);
    }

    @Test
    void syntheticSiteIsByteIdentical(@TempDir Path dir) throws Exception {
        Path project = new TempProject(dir).dir;
        SyntheticContent.generate(project, 300, 11);
        compare(project, dir, 300);
    }

    private static void compare(Path project, Path dir, int minPages) throws Exception {
        TreeMap<String, byte[]> fast = bake(project, dir.resolve("fast"), false);
        TreeMap<String, byte[]> stock = bake(project, dir.resolve("stock"), true);
        assertEquals(new ArrayList<>(stock.keySet()), new ArrayList<>(fast.keySet()), "the same files");
        for (String file : stock.keySet()) {
            assertArrayEquals(stock.get(file), fast.get(file), file);
        }
        long pages = fast.keySet().stream().filter(f -> f.endsWith(".html")).count();
        assertTrue(pages >= minPages, "only " + pages + " pages");
    }

    private static TreeMap<String, byte[]> bake(Path project, Path out, boolean stock) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SiteBuild.Result r = new SiteBuild(project, out, null, new PrintStream(log, true, StandardCharsets.UTF_8), stock).run();
        assertTrue(r.ok(), () -> (stock ? "stock" : "fast") + " bake failed:\n" + log.toString(StandardCharsets.UTF_8));
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
