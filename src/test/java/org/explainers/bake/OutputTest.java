package org.explainers.bake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest a build leaves beside its folder, over a series of builds: each build takes its
 * files over from the one before (as {@code Publish} hands them on), and what the manifest
 * says of a page's links must stay what the output check found in it.
 */
class OutputTest {

    private static final byte[] PAGE = "<p>a page</p>".getBytes(StandardCharsets.UTF_8);

    /** One build: writes each page (its links as given) or takes it over when its key is the published one's. */
    private static Output build(Path builds, int number, Path previous, Map<String, List<String>> pages) throws Exception {
        Output out = new Output(builds.resolve("b" + number), previous, null);
        for (Map.Entry<String, List<String>> p : pages.entrySet()) {
            String key = "k:" + p.getKey() + ":" + p.getValue();
            if (!out.reuse(p.getKey(), key)) {
                out.write(p.getKey(), PAGE, key);
                out.links(p.getKey(), p.getValue());
            }
        }
        return out;
    }

    /** No path, wherever it came from (a setting, the plan, a manifest), writes or removes a file outside the build's folder. */
    @Test
    void everyPathStaysInsideTheBuildsFolder(@TempDir Path tmp) throws Exception {
        Path build = tmp.resolve("b1");
        for (String bad : List.of("../victim.xml", "a/../../victim.xml", "/etc/passwd", "a\\..\\..\\x", "", "a//b.html", "./a.html", "a/..", "..")) {
            assertThrows(IllegalArgumentException.class, () -> Output.file(build, bad), bad);
        }
        assertEquals(build.resolve("topics/a.html"), Output.file(build, "topics/a.html"));
        Output out = new Output(build, null, null);
        assertThrows(RuntimeException.class, () -> out.write("../victim.xml", PAGE, "k"));
        assertFalse(Files.exists(tmp.resolve("victim.xml")));

        // A manifest naming a file outside its folder (whole, its checksum right) is not trusted: nothing it names is removed.
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep");
        out.write("abcdefghi.txt", PAGE, "k");
        out.writeManifest();
        Path manifest = Output.manifestOf(build);
        byte[] bytes = Files.readAllBytes(manifest);
        byte[] from = "abcdefghi.txt".getBytes(StandardCharsets.US_ASCII);
        byte[] to = "../victim.txt".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, from);
        System.arraycopy(to, 0, bytes, at, to.length);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
        Files.write(manifest, bytes);
        assertEquals(Map.of(), Output.readManifest(manifest), "a manifest naming a path outside is damaged");
        Output next = new Output(build, null, manifest); // takes the folder over: it empties what it cannot trust
        next.writeManifest();
        assertEquals("keep", Files.readString(victim));
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void linksSurviveBuildsThatTakePagesOver(@TempDir Path tmp) throws Exception {
        Map<String, List<String>> pages = new java.util.TreeMap<>();
        for (int i = 0; i < 50; i++) {
            pages.put("p" + i + ".html", List.of("p" + (i + 1) % 50 + ".html", "index.html", "p" + (i + 7) % 50 + ".html"));
        }
        pages.put("index.html", List.of("p0.html"));
        Output first = build(tmp, 1, null, pages);
        first.writeManifest();
        assertEquals(pages.keySet(), first.fresh(), "a first build makes every page");
        Path previous = first.dir;
        for (int n = 2; n < 6; n++) {
            int number = n;
            // Each build changes one page's links, adding a link no page had.
            pages.put("p" + n + ".html", List.of("new" + n + ".html", "index.html"));
            Output out = build(tmp, n, previous, pages);
            assertEquals(Set.of("p" + n + ".html"), out.fresh());
            out.writeManifest();
            Map<String, Output.Entry> read = Output.readManifest(Output.manifestOf(out.dir));
            assertEquals(pages.keySet(), read.keySet());
            pages.forEach((path, links) -> assertEquals(links, read.get(path).links(), path + " in build " + number));
            previous = out.dir;
        }
    }

    @Test
    void aTableOfManyUnusedLinksIsMadeAnew(@TempDir Path tmp) throws Exception {
        Map<String, List<String>> pages = new java.util.TreeMap<>();
        pages.put("a.html", List.of("b.html"));
        pages.put("b.html", List.of("a.html"));
        Output out = build(tmp, 1, null, pages);
        out.writeManifest();
        long small = Files.size(Output.manifestOf(out.dir));
        // Page c links to 3,000 places, each build to other ones: the table grows, then is made anew.
        long largest = 0;
        for (int n = 2; n < 8; n++) {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                many.add("n" + n + "-" + i + ".html");
            }
            pages.put("c.html", many);
            out = build(tmp, n, out.dir, pages);
            out.writeManifest();
            largest = Math.max(largest, Files.size(Output.manifestOf(out.dir)));
            assertEquals(many, Output.readManifest(Output.manifestOf(out.dir)).get("c.html").links());
        }
        long last = Files.size(Output.manifestOf(out.dir));
        assertTrue(last < largest, "the table was made anew at some point (" + last + " >= " + largest + ")");
        // At most twice as many unused links as used ones (and 1,024), so about three tables' worth.
        assertTrue(largest < small + 4 * 3000 * 20, "unused links are not kept without bound: " + largest);
    }

    @Test
    void aPageTakenOverIsCheckedOnceAFileItMayLinkToIsGone(@TempDir Path tmp) throws Exception {
        Map<String, List<String>> pages = new java.util.TreeMap<>();
        pages.put("a.html", List.of("b.html"));
        pages.put("b.html", List.of());
        pages.put("c.html", List.of());
        Output first = build(tmp, 1, null, pages);
        first.writeManifest();

        pages.put("c.html", List.of("a.html"));
        Output same = build(tmp, 2, first.dir, pages);
        assertEquals(Set.of("c.html"), same.linksToCheck().keySet(), "only the page made now, while every file is still there");
        same.writeManifest();

        pages.remove("b.html");
        Output gone = build(tmp, 3, same.dir, pages);
        assertEquals(Set.of("a.html", "c.html"), gone.linksToCheck().keySet(), "every page taken over, once a file is gone");
        assertEquals(List.of("b.html"), gone.linksToCheck().get("a.html").links());
    }

    @Test
    void aDamagedManifestTakesNothingOver(@TempDir Path tmp) throws Exception {
        Map<String, List<String>> pages = Map.of("a.html", List.of("a.html"));
        Output first = build(tmp, 1, null, pages);
        first.writeManifest();
        Path manifest = Output.manifestOf(first.dir);
        byte[] bytes = Files.readAllBytes(manifest);
        for (int at : new int[]{4, 12, bytes.length / 2, bytes.length - 12}) {
            byte[] bad = bytes.clone();
            bad[at] ^= (byte) 0xC3;
            Files.write(manifest, bad);
            assertEquals(Map.of(), Output.readManifest(manifest), "damaged at " + at);
        }
    }
}
