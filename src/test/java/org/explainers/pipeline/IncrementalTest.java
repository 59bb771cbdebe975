package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build after an edit reuses what did not change, and writes exactly what a clean build of
 * the same content writes, byte for byte, also when the edit changes other pages than its own:
 * a title shown in navigation, a topic added, a section moved or deleted, a template, an image.
 */
class IncrementalTest {

    static final String WHO = "content/articles/election-primer/01-who-votes.md";
    static final String WHAT = "content/articles/election-primer/02-what-changes.md";

    /** Applies the edit, builds incrementally, builds the same content from scratch, compares. */
    private static void sameAsClean(Path tmp, Fixture f, String name, Consumer<Fixture> edit) throws Exception {
        edit.accept(f);
        assertTrue(f.build().ok(), name + ", incremental:\n" + f.log());
        Map<String, String> incremental = f.fingerprint();
        Path cleanDir = tmp.resolve("clean-" + name.replaceAll("\\W+", "-"));
        Fixture clean = Fixture.of(null, cleanDir);
        Fixture.copyTree(f.dir.resolve("content"), clean.dir.resolve("content.new"));
        org.explainers.content.Trees.delete(clean.dir.resolve("content"));
        Files.move(clean.dir.resolve("content.new"), clean.dir.resolve("content"));
        org.explainers.content.Trees.delete(clean.dir.resolve("templates"));
        Fixture.copyTree(f.dir.resolve("templates"), clean.dir.resolve("templates"));
        assertTrue(clean.build().ok(), name + ", clean:\n" + clean.log());
        assertEquals(clean.fingerprint(), incremental, name + ": the incremental build differs from a clean one");
    }

    /** Files are taken on their stamp at once (not 3 s after they changed): the crawl sees only the edited ones. */
    @org.junit.jupiter.api.BeforeEach
    void trustStampsAtOnce() {
        System.setProperty("explainers.stamp.settle.ms", "0");
    }

    @org.junit.jupiter.api.AfterEach
    void trustStampsAsUsual() {
        System.clearProperty("explainers.stamp.settle.ms");
    }

    @Test
    void everyEditGivesWhatACleanBuildGives(@TempDir Path tmp) throws Exception {
        everyEdit(tmp);
    }

    /** The same with the search's lists cut to their best two sections: the words' sets (search/b/) follow each edit too. */
    @Test
    void everyEditGivesWhatACleanBuildGivesWithTheSearchsListsCut(@TempDir Path tmp) throws Exception {
        System.setProperty("explainers.search.postings", "2");
        try {
            Fixture f = everyEdit(tmp);
            try (java.util.stream.Stream<Path> sets = Files.list(f.site().resolve("search/b"))) {
                assertTrue(sets.count() > 0, "words in more than two sections have their sets");
            }
        } finally {
            System.clearProperty("explainers.search.postings");
        }
    }

    private static Fixture everyEdit(Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        sameAsClean(tmp, f, "a title shown in navigation", x -> x.replace(WHO, "title: Who votes", "title: Who may vote"));
        sameAsClean(tmp, f, "a topic added", x -> x.replace(WHO, "topics: [elections]", "topics: [elections, climate]"));
        // What a section's page shows of other files: its explainer's card, its neighbours' levels, the vocabularies, a correction.
        sameAsClean(tmp, f, "an explainer's title", x -> x.replace("content/articles/election-primer/index.md",
                "title: The election primer", "title: The election guide"));
        sameAsClean(tmp, f, "a section's level", x -> x.replace(WHAT, "level: 1", "level: 2"));
        sameAsClean(tmp, f, "a topic's name", x -> x.replace("content/_data/topics.yml", "name: Sanctions", "name: Sanctions and embargoes"));
        sameAsClean(tmp, f, "a topic renamed, its old addresses kept", x -> {
            x.replace("content/_data/topics.yml", "- slug: climate\n", "- slug: climate-change\n  moved_from: [climate]\n");
            x.replace("content/articles/gas-storage-explained/03-what-next.md", "[energy, climate]", "[energy, climate-change]");
            x.replace("content/articles/scheduled-piece/01-first.md", "[climate]", "[climate-change]");
            x.replace(WHO, "topics: [elections, climate]", "topics: [elections, climate-change]"); // as "a topic added" left it
        });
        sameAsClean(tmp, f, "an author's name", x -> x.replace("content/_data/authors.yml", "name: Tom Okafor", "name: Tom A. Okafor"));
        sameAsClean(tmp, f, "a correction", x -> x.replace("content/articles/election-primer/index.md", "summary: Who votes,",
                "corrections:\n  - date: 2026-11-03\n    section: 01-who-votes.md\n    text: An earlier version gave the wrong voting age.\nsummary: Who votes,"));
        sameAsClean(tmp, f, "a section moved", x -> {
            x.replace(WHO, "order: 1", "order: 3");
            x.replace(WHAT, "level: 2", "level: 1"); // now the first section
            x.replace(WHAT, "Back to [who votes](01-who-votes.md).", "");
        });
        sameAsClean(tmp, f, "a section deleted", x -> {
            x.delete(WHAT);
            x.replace("content/articles/gas-storage-explained/03-what-next.md", " Read the [sanctions chapter](../election-primer/02-what-changes.md).", "");
        });
        sameAsClean(tmp, f, "a text edited", x -> x.replace("content/articles/gas-storage-explained/03-what-next.md",
                "A cold winter could drain", "A very cold winter could drain"));
        // Its explainer's reading time, which the lists show, goes from one minute to three (a review).
        sameAsClean(tmp, f, "a text made longer", x -> x.write("content/articles/gas-storage-explained/03-what-next.md",
                x.read("content/articles/gas-storage-explained/03-what-next.md") + "\n" + "Storage matters for the winter ahead. ".repeat(100) + "\n"));
        // The search's lists: words gone from a text, one added, the rest of its words as they were.
        sameAsClean(tmp, f, "words taken out of a text", x -> x.replace("content/articles/gas-storage-explained/03-what-next.md",
                "A very cold winter could drain", "A cold winter might drain"));
        sameAsClean(tmp, f, "a template changed", x -> x.replace("templates/section.ftlh", "<h2>Topics</h2>", "<h2>Topics of this section</h2>"));
        // Bytes moved from the end of one template to a new one: the templates' fingerprint must see where each ends.
        sameAsClean(tmp, f, "a template's end", x -> x.write("templates/topics.ftlh", x.read("templates/topics.ftlh") + "zz.ftlh<!--moved-->"));
        sameAsClean(tmp, f, "the same bytes as a template of their own", x -> {
            x.write("templates/topics.ftlh", x.read("templates/topics.ftlh").replace("zz.ftlh<!--moved-->", ""));
            x.write("templates/zz.ftlh", "<!--moved-->");
        });
        sameAsClean(tmp, f, "an image replaced", x -> {
            try {
                Files.copy(Path.of("src/test/resources/fixtures/newsroom/content/articles/draft-piece/draft-chart.png"),
                        x.dir.resolve("content/articles/gas-storage-explained/storage.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        sameAsClean(tmp, f, "an explainer added", x -> {
            x.write("content/articles/new-one/index.md", "---\ntitle: A new one\ntype: article\ndate: 2026-11-29\nstatus: published\n"
                    + "authors: [ana-reyes]\nsummary: The newest.\n---\n");
            x.write("content/articles/new-one/01-first.md", "---\ntitle: First\ntype: section\narticle: new-one\norder: 1\n"
                    + "date: 2026-11-29\nstatus: published\ntopics: [energy]\nsummary: First of the newest.\n---\n\nNew text.\n");
        });
        sameAsClean(tmp, f, "a section made a draft", x -> x.replace("content/articles/gas-storage-explained/03-what-next.md",
                "status: published", "status: draft"));
        return f;
    }

    /**
     * target/site is the build's, but a hand that empties it or changes a file in it must not
     * make a later build publish less or other than a clean one: builds share their files, and
     * take over the folder of the build before the published one.
     */
    @Test
    void filesChangedByHandInThePublishedSiteAreMadeAgain(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.build().ok(), f.log());
        sameAsClean(tmp, f, "the published site emptied", x -> {
            try (java.util.stream.Stream<Path> files = Files.list(x.site().toRealPath())) {
                for (Path p : files.toList()) {
                    org.explainers.content.Trees.delete(p);
                }
                assertTrue(x.build().ok(), x.log()); // made from the build before, whose files are there
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        sameAsClean(tmp, f, "a published file changed in place", x -> {
            try {
                Files.writeString(x.site().toRealPath().resolve("index.html"), "<!-- changed by hand -->", java.nio.file.StandardOpenOption.APPEND);
                assertTrue(x.build().ok(), x.log());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Headers read by an earlier build are taken from its cache only while everything they were
     * read against holds: the file's bytes (whatever its size and time say), the images beside
     * it, the vocabularies.
     */
    @Test
    void aCachedHeaderIsReadAgainWhenWhatItWasReadAgainstChanges(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String lead = "content/articles/gas-storage-explained/storage.png";
        byte[] image = Files.readAllBytes(f.dir.resolve(lead));
        f.delete(lead);
        Build.Result r = f.build();
        assertFalse(r.ok(), "the lead image is gone: " + f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("content/articles/gas-storage-explained/index.md:9: there is no image `storage.png`")),
                f.log());
        f.writeBytes(lead, image);
        assertTrue(f.build().ok(), f.log());

        f.replace("content/_data/topics.yml", "- slug: sanctions\n  name: Sanctions\n  description: Measures that states take against other states.\n", "");
        r = f.build();
        assertFalse(r.ok(), "a topic in use is gone: " + f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("content/articles/gas-storage-explained/02-how-full.md:10: unknown topic `sanctions`")),
                f.log());
        f.replace("content/_data/topics.yml", "- slug: elections", "- slug: sanctions\n  name: Sanctions\n  description: Measures that states take against other states.\n- slug: elections");
        assertTrue(f.build().ok(), f.log());

        // Same size, same time: JBake's SHA-1 still sees the new text.
        Path who = f.dir.resolve(WHO);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(who);
        f.replace(WHO, "title: Who votes", "title: Who voted");
        Files.setLastModifiedTime(who, time);
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.page("articles/election-primer/01-who-votes.html").contains("<h1 dir=\"ltr\">Who voted</h1>"), "the new title is on the page");
    }

    /**
     * A file whose stamp (size, times, inode) is the one the last build read it with is not read
     * again; any write changes the stamp's change time, even one that keeps the file's size and
     * sets its modification time back.
     */
    @Test
    void aFileIsReadAgainWhenItsStampChanges(@TempDir Path tmp) throws Exception {
        System.clearProperty("explainers.stamp.settle.ms"); // as in a real build
        Fixture f = Fixture.newsroom(tmp);
        Thread.sleep(3_100); // a file changed in the last 3 s is never taken on its stamp
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.build().ok(), f.log());
        assertTrue(java.util.regex.Pattern.compile("\\n +0 of \\d+ Markdown files read").matcher(f.log()).find(),
                "nothing changed, nothing read:\n" + f.log());
        Path who = f.dir.resolve(WHO);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(who);
        f.replace(WHO, "title: Who votes", "title: Who voted");
        Files.setLastModifiedTime(who, time);
        assertTrue(f.build().ok(), f.log());
        assertTrue(java.util.regex.Pattern.compile("\\n +1 of \\d+ Markdown files read").matcher(f.log()).find(),
                "the edited file is read:\n" + f.log());
        assertTrue(f.page("articles/election-primer/01-who-votes.html").contains("<h1 dir=\"ltr\">Who voted</h1>"), "the new title is on the page");
        sameAsClean(tmp, f, "an edit that kept the file's size and time", x -> {
        });
    }

    /**
     * The preview keeps the bodies of a failed build for the next one: a text that shows an
     * image not there yet must be made again when the image arrives (with its size and smaller
     * copies), not taken as it was.
     */
    @Test
    void aTextIsMadeAgainWhenTheImageItShowsArrives(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        f.replace(WHO, "Écoles serve as polling stations.", "Écoles serve as polling stations.\n\n![Turnout by region](turnout.png)");
        Build.Options options = new Build.Options(f.dir, f.site(), Fixture.HOST, Fixture.NOW, false, false);
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        Build failing = new Build(options, quiet);
        assertFalse(failing.run().ok(), "the image is missing");
        Files.copy(f.dir.resolve("content/articles/gas-storage-explained/storage.png"), f.dir.resolve("content/articles/election-primer/turnout.png"));
        Build.Result next = new Build(options, quiet).reuse(failing.bodies()).run();
        assertTrue(next.ok(), next.summary());
        assertTrue(f.page("articles/election-primer/01-who-votes.html").contains("srcset=\"turnout.480w.png 480w"), "the image's copies are in the page");
        sameAsClean(tmp, f, "the image arrived", x -> {
        });
    }

    /**
     * A large image's copies are reduced step by step (a box filter to twice each width, then
     * Lanczos): a copy is the same whichever of the others the cache held, and an image of one
     * bit a pixel is reduced to greys.
     */
    @Test
    void aLargeImagesCopiesAreTheSameWhicheverTheCacheHeld(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        java.awt.image.BufferedImage drawing = new java.awt.image.BufferedImage(4000, 2500, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        java.util.Random noise = new java.util.Random(7); // dots that do not compress: the copies weigh less than the file
        for (int y = 0; y < 2500; y++) {
            for (int x = 0; x < 4000; x++) {
                drawing.getRaster().setSample(x, y, 0, noise.nextInt(2));
            }
        }
        Path file = f.dir.resolve("content/articles/election-primer/dots.png");
        assertTrue(javax.imageio.ImageIO.write(drawing, "png", file.toFile()));
        f.replace(WHO, "Écoles serve as polling stations.", "Écoles serve as polling stations.\n\n![Dots scattered across a field](dots.png)");
        assertTrue(f.build().ok(), f.log());
        Path small = f.site().resolve("articles/election-primer/dots.480w.png");
        byte[] made = Files.readAllBytes(small);
        java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(small.toFile());
        assertEquals(480, copy.getWidth());
        assertEquals(300, copy.getHeight());
        // Each pixel of the copy averages some seventy dots: an even grey. A reduction kept at one bit a pixel
        // would have thresholded them on the way, and its copy would be black and white patches.
        double sum = 0;
        double squares = 0;
        for (int y = 0; y < copy.getHeight(); y++) {
            for (int x = 0; x < copy.getWidth(); x++) {
                int v = copy.getRGB(x, y) & 0xFF;
                sum += v;
                squares += (double) v * v;
            }
        }
        int n = copy.getWidth() * copy.getHeight();
        double deviation = Math.sqrt(squares / n - (sum / n) * (sum / n));
        assertTrue(Math.abs(sum / n - 144) < 48 && deviation < 30, "an even grey: mean " + sum / n + ", deviation " + deviation);
        try (var cached = Files.list(f.dir.resolve("target/cache/images"))) {
            for (Path c : cached.filter(c -> c.getFileName().toString().contains("-480-")).toList()) {
                Files.delete(c);
            }
        }
        sameAsClean(tmp, f, "a copy made again", x -> {
        });
        assertArrayEquals(made, Files.readAllBytes(small), "made again alone, the copy is the one made with the others");
    }

    /**
     * A warning is told in every build, not only in the one that reads its file (a new user's
     * trial: the second build was silent, its header and body taken from the cache).
     */
    @Test
    void aWarningIsToldInEveryBuild(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        String moved = "content/articles/election-primer/who-else-votes.md";
        f.write(moved, f.read(WHO).replace("title: Who votes", "title: Who **really** votes").replace("order: 1", "order: 9")
                + "\nVoting is effi\u200Bcient.\n");
        int last = f.read(moved).split("\n", -1).length - 1;
        List<String> warnings = List.of(moved + ":2: warning: `title` has Markdown, `**really**`", moved + ": warning: the section's file name has no number in front",
                moved + ":" + last + ": warning: an invisible zero-width space or word joiner (U+200B, U+2060) is inside the word `effi…cient` (retype the word");
        for (int build = 1; build <= 2; build++) {
            Build.Result r = f.build();
            assertTrue(r.ok(), f.log());
            for (String w : warnings) {
                assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(w)), "build " + build + ": " + w + "\n" + f.log());
            }
        }
    }

    /**
     * A folder JBake's crawl ignores is reported as a clean build reports it, though the other
     * files are not crawled: once, at the ignore file (it was told at each text, as if misplaced).
     */
    @Test
    void aFolderTheCrawlIgnoresIsReported(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        f.write("content/articles/election-primer/.jbakeignore", "");
        Build.Result r = f.build();
        assertFalse(r.ok(), "the crawl skips the folder: " + f.log());
        assertEquals(List.of("content/articles/election-primer/.jbakeignore: JBake's crawl skips the texts in this folder and below it because of"
                + " this file, so they are not published (delete it; a text that is not ready is kept back with `status: draft` in its header)"),
                Fixture.messages(r).stream().filter(m -> m.contains("crawl")).toList(), f.log());
        assertTrue(Fixture.messages(r).stream().noneMatch(m -> m.startsWith(WHO)), f.log());
    }

    /**
     * A file the crawl reads from its copy of the changed files (the others vouched for by their
     * stamps) is read again from content/ for the line of a link it breaks, not from the copy,
     * which is gone by then: the problem names the file's own line and the link as written. The
     * edit keeps the file's size and time (a tool that restores them), so that JBake's crawl, not
     * the read-ahead, reads it.
     */
    @Test
    void aLinkAnEditBreaksIsReportedAtItsLine(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        Path file = f.dir.resolve(WHO);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        String text = f.read(WHO);
        String sentence = "Every citizen over 18 may vote";
        String link = "[Every](nowhere.md) over 18 ab";
        assertEquals(sentence.length(), link.length());
        f.write(WHO, text.substring(0, text.lastIndexOf(sentence)) + link + text.substring(text.lastIndexOf(sentence) + sentence.length()));
        Files.setLastModifiedTime(file, time);
        int line = f.read(WHO).lines().toList().indexOf(f.read(WHO).lines().filter(l -> l.contains(link)).findFirst().orElseThrow()) + 1;
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(WHO + ":" + line + ": link `nowhere.md` points to")), f.log());
    }

    /**
     * Links a template makes are checked in the baked site: on the pages made now, and on the
     * pages kept as the published build had them once a file they lead to is gone.
     */
    @Test
    void aLinkToAFileThatIsGoneIsReported(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        f.write("content/pages/extra.md", "---\ntitle: Extra\ntype: page\nstatus: published\nsummary: More.\n---\n\nExtra text.\n");
        f.replace("templates/section.ftlh", "<h2>Topics</h2>", "<a href=\"${page.root}pages/extra.html\">Extra</a>\n<h2>Topics</h2>");
        assertTrue(f.build().ok(), f.log());
        f.delete("content/pages/extra.md");
        Build.Result r = f.build();
        assertFalse(r.ok(), "the section pages, kept as they were, lead to the page removed: " + f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.contains("links to pages/extra.html, which the site does not have")), f.log());

        f.replace("templates/section.ftlh", "pages/extra.html", "pages/nowhere.html");
        r = f.build();
        assertFalse(r.ok(), "the pages made now lead nowhere: " + f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.contains("links to pages/nowhere.html, which the site does not have")), f.log());
    }

    /**
     * An edit that changes no search word (punctuation) changes its section's key: the kept lists
     * must carry the new keys, or the next build finds them stale and works every list out again.
     */
    @Test
    void theSearchListsFollowAnEditThatChangesNoWord(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        f.replace(WHAT, "whether the sanctions stay. Back", "whether the sanctions stay! Back");
        assertTrue(f.build().ok(), f.log());
        String published = org.explainers.bake.Output.readManifest(org.explainers.bake.Output.manifestOf(f.site().toRealPath()))
                .get("search/index.js").key();
        try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(f.dir.resolve("target/cache/search.bin")))) {
            in.readInt(); // version
            in.readUTF(); // the build's code
            assertEquals(published, "index:" + in.readUTF(), "the kept lists are those of the published index");
        }
    }

    /**
     * The search lists are decoded only when an edit needs them: lists that are out of order
     * though the file's checksum holds (a bug of an earlier build) are found then, and every
     * list is worked out anew, as a clean build makes them.
     */
    @Test
    void searchListsOutOfOrderAreWorkedOutAnew(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        Path file = f.dir.resolve("target/cache/search.bin");
        int reversed = 0;
        try (org.explainers.content.CacheInput in = new org.explainers.content.CacheInput(file);
             org.explainers.content.CacheOutput out = org.explainers.content.CacheOutput.open(file)) {
            out.writeInt(in.readInt());
            out.writeUTF(in.readUTF()); // the build's code
            out.writeUTF(in.readUTF()); // the index's key
            int keys = in.count();
            out.writeInt(keys);
            for (int i = 0; i < keys; i++) {
                out.writeUTF(in.readUTF());
            }
            int words = in.count();
            out.writeInt(words);
            for (int i = 0; i < words; i++) {
                out.writeUTF(in.readUTF());
                byte[] packed = in.bytes();
                byte[] backwards = new byte[packed.length];
                for (int k = 0; k < packed.length; k += 4) {
                    System.arraycopy(packed, k, backwards, packed.length - 4 - k, 4);
                }
                reversed += packed.length > 4 ? 1 : 0;
                out.bytes(backwards);
            }
            assertTrue(in.verified());
            out.commit();
        }
        assertTrue(reversed > 10, "lists of several sections were put out of order");
        sameAsClean(tmp, f, "a text edited over lists out of order", x -> x.replace(WHAT, "sanctions stay. Back to", "sanctions stay. Go back to"));
        try (org.explainers.content.CacheInput in = new org.explainers.content.CacheInput(file)) {
            in.readInt();
            in.readUTF();
            in.readUTF();
            for (int i = in.count(); i > 0; i--) {
                in.readUTF();
            }
            for (int i = in.count(); i > 0; i--) {
                String word = in.readUTF();
                java.nio.IntBuffer list = java.nio.ByteBuffer.wrap(in.bytes()).asIntBuffer();
                for (int k = 1; k < list.limit(); k++) {
                    assertTrue(list.get(k - 1) >>> 3 < list.get(k) >>> 3, "the lists kept are in order again: " + word);
                }
            }
            assertTrue(in.verified());
        }
    }

    /**
     * After a text edit, the headers' cache gets the edited file's header beside it, not every
     * header again; the next build takes every file on its stamp, and the same site comes out.
     */
    @Test
    void aTextEditAddsItsHeaderBesideTheHeadersCache(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        Path main = f.dir.resolve("target/cache/docs.bin");
        Path added = f.dir.resolve("target/cache/docs.new.bin");
        byte[] before = Files.readAllBytes(main);
        assertFalse(Files.exists(added), "a first build writes every header in one file");
        f.replace(WHAT, "sanctions stay. Back to", "sanctions stay. Go back to");
        assertTrue(f.build().ok(), f.log());
        assertArrayEquals(before, Files.readAllBytes(main), "the main file is as it was");
        assertTrue(Files.size(added) < before.length / 4, "only the edited file's header is added");
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.log().contains(" 0 of "), "every file taken on its stamp, the added header too: " + f.log());
        sameAsClean(tmp, f, "a second edit over the added header", x -> x.replace(WHAT, "sanctions stay. Go back to", "sanctions stay. Back to"));
    }

    /** A damaged cache is a cache miss: counts beyond the file's size do not take the build down. */
    @Test
    void aDamagedCacheIsACacheMiss(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        Map<String, String> before = f.fingerprint();
        for (String name : new String[]{"docs.bin", "bodies.bin"}) {
            Path file = f.dir.resolve("target/cache/" + name);
            try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(file))) {
                int version = in.readInt();
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
                out.writeInt(version);
                out.writeLong(in.readLong()); // the file's identity
                if (name.equals("docs.bin")) {
                    out.writeUTF(in.readUTF()); // the context, as written
                }
                out.writeInt(Integer.MAX_VALUE); // a count no file of this size can hold
                out.writeInt(Integer.MAX_VALUE);
                in.close();
                Files.write(file, bytes.toByteArray());
            }
        }
        f.replace(WHO, "title: Who votes", "title: Who may vote");
        f.replace(WHO, "title: Who may vote", "title: Who votes");
        assertTrue(f.build().ok(), f.log());
        assertEquals(before, f.fingerprint(), "the same site, read and made again");

        // Damage that keeps every number in range (a letter of a title, a posting): the checksum tells.
        for (String name : new String[]{"docs.bin", "bodies.bin", "related.bin", "search.bin"}) {
            Path file = f.dir.resolve("target/cache/" + name);
            assertTrue(Files.isRegularFile(file), name + " is kept");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(file, bytes);
        }
        // And the published build's manifest (every file's key, every page's links): nothing is taken from it.
        Path manifest = org.explainers.bake.Output.manifestOf(f.site().toRealPath());
        byte[] listed = Files.readAllBytes(manifest);
        listed[listed.length / 2] ^= 0x01;
        Files.write(manifest, listed);
        f.replace(WHAT, "The new government decides", "The next government decides");
        assertTrue(f.build().ok(), f.log());
        f.replace(WHAT, "The next government decides", "The new government decides");
        assertTrue(f.build().ok(), f.log());
        assertEquals(before, f.fingerprint(), "the same site, the damaged caches not used");
    }

    /**
     * While the site's shape (every header, state, setting, template) is the published build's,
     * only the pages showing a changed text are looked at again; a header edit is a new shape.
     */
    @Test
    void aTextEditLooksAtOnlyThePagesShowingIt(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.build().ok(), f.log());
        assertFalse(f.log().contains("looked at again"), "nothing changed, nothing looked at: " + f.log());
        f.replace(WHAT, "sanctions stay. Back to", "sanctions stay. Go back to"); // the text, not the summary above it
        assertTrue(f.build().ok(), f.log());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("only texts changed: (\\d+) of (\\d+) pages and feeds").matcher(f.log());
        assertTrue(m.find(), f.log());
        int looked = Integer.parseInt(m.group(1));
        // its page, its explainer's, and the feeds that carry it
        assertTrue(looked >= 2 && looked * 4 < Integer.parseInt(m.group(2)), f.log());
        f.replace(WHAT, "title: What changes", "title: What changes now");
        assertTrue(f.build().ok(), f.log());
        assertFalse(f.log().contains("only texts changed"), "a title is part of the shape: " + f.log());
    }

    /**
     * The template a kind of page is made with, chosen in the settings, is part of the shape
     * (custom.properties, which JBake would read first, is refused: see HostileInputTest).
     */
    @Test
    void aTemplateChosenInTheSettingsIsANewShape(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        f.write("templates/section-b.ftlh", f.read("templates/section.ftlh").replace("<h2>Topics</h2>", "<h2>Topics (b)</h2>"));
        assertTrue(f.build().ok(), f.log()); // the template is there already: only the choice changes
        f.replace("jbake.properties", "template.section.file=section.ftlh", "template.section.file=section-b.ftlh");
        f.replace(WHAT, "sanctions stay. Back to", "sanctions stay. Go back to");
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.page("articles/election-primer/01-who-votes.html").contains("Topics (b)"),
                "a section whose text did not change is made with the template now chosen");
    }

    /** A scheduled piece whose time has come changes the shape (its state), without a file changing. */
    @Test
    void theTimeOfAScheduledPieceIsANewShape(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp.resolve("incremental"));
        assertTrue(f.build().ok(), f.log());
        java.time.Instant later = java.time.Instant.parse("2027-02-01T12:00:00Z");
        assertTrue(f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, later, false, false)).ok(), f.log());
        assertFalse(f.log().contains("only texts changed"), f.log());
        assertTrue(Files.exists(f.site().resolve("articles/scheduled-piece/index.html")), "published once its time came");
        Fixture clean = Fixture.newsroom(tmp.resolve("clean"));
        assertTrue(clean.build(new Build.Options(clean.dir, clean.site(), Fixture.HOST, later, false, false)).ok(), clean.log());
        assertEquals(clean.fingerprint(), f.fingerprint());
    }

    @Test
    void anUnchangedBuildRendersNoPageAgain(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        Path first = f.site().toRealPath();
        assertTrue(f.build().ok(), f.log());
        Path second = f.site().toRealPath();
        Path page = Path.of("articles/election-primer/01-who-votes.html");
        assertEquals(Files.getAttribute(first.resolve(page), "unix:ino"), Files.getAttribute(second.resolve(page), "unix:ino"),
                "the page is the same file (linked), not rendered again");
    }
}
