package org.explainers.check;

import org.explainers.content.Problem;
import org.explainers.fixtures.Fixture;
import org.explainers.pipeline.Build;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renamed files keep their addresses: a rename that would leave a published address dead is
 * refused (the Git history says what was published), and `moved_from` leaves a page at the old
 * address that leads to the new one.
 */
class MovesTest {

    static final String OLD = "content/articles/election-primer/02-what-changes.md";
    static final String NEW = "content/articles/election-primer/02-what-changes-after.md";

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", args) + ": " + out);
    }

    private static Fixture committed(Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        git(f.dir, "init", "-q");
        git(f.dir, "add", "-A");
        git(f.dir, "commit", "-q", "-m", "first");
        return f;
    }

    /**
     * Of two sections with one `order`, the one the change touched is told, not the other (an
     * editor's trial: after two sections were swapped on purpose, a third given a taken order
     * made the untouched one be told to renumber).
     */
    @Test
    void ofTwoSectionsWithOneOrderTheOneChangedIsTold(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String dir = "content/articles/gas-storage-explained/";
        f.replace(dir + "02-how-full.md", "order: 2", "order: 3");
        f.replace(dir + "03-what-next.md", "order: 3", "order: 2");
        git(f.dir, "commit", "-q", "-am", "swapped");
        f.replace(dir + "01-why-it-matters.md", "order: 1", "order: 2");
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(dir + "01-why-it-matters.md:5: `order: 2` is also used by")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.startsWith(dir + "03-what-next.md")), String.join("\n", messages));
        // Changed back the other way: the changed file is told, though its number now agrees with its order.
        f.replace(dir + "01-why-it-matters.md", "order: 2", "order: 1");
        f.replace(dir + "02-how-full.md", "order: 3", "order: 2");
        messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(dir + "02-how-full.md:5: `order: 2` is also used by")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.startsWith(dir + "03-what-next.md")), String.join("\n", messages));
    }

    /**
     * The preview shows a published piece dated years ahead (a typo in the year) with a scheduled
     * banner; the site's build refuses it. The preview says so, as what the site's build would
     * refuse (an editor's trial: it said nothing, and the pull request failed).
     */
    @Test
    void aPublishedPieceDatedYearsAheadIsToldInThePreview(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String file = "content/articles/gas-storage-explained/03-what-next.md";
        f.replace(file, "date: 2026-10-05", "date: 2062-10-05");
        Build.Result r = f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, Fixture.NOW, false, true));
        assertTrue(r.ok(), f.log());
        assertTrue(r.asPublished().stream().anyMatch(p -> p.toString().startsWith(file + ":7: the date 2062-10-05 00:00 is more than 30 days away and takes "
                + "articles/gas-storage-explained/03-what-next.html, which was published, off the site until then")), f.log());
    }

    @Test
    void aRenameThatLeavesAPublishedAddressDeadIsRefused(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "02-what-changes-after.md");
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        // The file of the same number in its folder is named as the likely new name.
        assertTrue(Fixture.messages(r).contains(OLD + ": was published at articles/election-primer/02-what-changes.html and is gone, "
                + "so every link to that address would die (add `moved_from: [02-what-changes.md]` to " + NEW + " if it took its place; "
                + "if another file did, add the old name to its `moved_from` (or `moved_from: [02-what-changes.md]` to "
                + "content/articles/election-primer/index.md if none did))"), String.join("\n", Fixture.messages(r)));

        f.replace(NEW, "status: published", "status: published\nmoved_from: [02-what-changes.md]");
        assertTrue(f.build().ok(), f.log());
        Document moved = Jsoup.parse(f.page("articles/election-primer/02-what-changes.html"));
        assertEquals("0; url=02-what-changes-after.html", moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals(Fixture.HOST + "articles/election-primer/02-what-changes-after.html", moved.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", moved.selectFirst("meta[name=robots]").attr("content"));
        assertFalse(f.page("sitemap.xml").contains("02-what-changes.html<"), "the old address is not in the sitemap");
        Document explainer = Jsoup.parse(f.page("articles/election-primer/index.html"));
        assertEquals("what-changes-after", explainer.getElementById("what-changes").parent().id(), "the old #anchor lands on the section");
        // Its feed entry keeps its id, the first address: subscribers do not get it again as new (an editor's trial).
        Document feed = Jsoup.parse(f.page("topics/sanctions.xml"), "", org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element entry = feed.select("entry").stream().filter(e -> e.selectFirst("link").attr("href").endsWith("/02-what-changes-after.html"))
                .findFirst().orElseThrow();
        assertEquals(Fixture.HOST + "articles/election-primer/02-what-changes.html", entry.selectFirst("id").text());
    }

    /**
     * A section moved to another explainer (an editor's trial): the gone file's fix gives the old
     * name as written from another folder, and a `moved_from` that kept the bare name, which now
     * means the new folder, is told the name to write.
     */
    @Test
    void aSectionMovedToAnotherExplainerIsToldTheOldNameFromThere(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String moved = "content/articles/gas-storage-explained/05-what-changes.md";
        f.write(moved, f.read(OLD).replace("article: election-primer", "article: gas-storage-explained").replace("order: 2", "order: 5")
                .replace("(01-who-votes.md", "(../election-primer/01-who-votes.md"));
        Files.delete(f.dir.resolve(OLD));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "../election-primer/02-what-changes.md", "05-what-changes.md");
        Build.Result r = f.build();
        assertTrue(Fixture.messages(r).contains(OLD + ": was published at articles/election-primer/02-what-changes.html and is gone, so every link"
                + " to that address would die (add its old name to the `moved_from` of the file that took its place: `02-what-changes.md` from this"
                + " explainer's folder, `../election-primer/02-what-changes.md` from another's; if nothing did, `moved_from: [02-what-changes.md]` to"
                + " content/articles/election-primer/index.md)"), String.join("\n", Fixture.messages(r)));
        f.replace(moved, "status: published", "status: published\nmoved_from: [02-what-changes.md]");
        r = f.build();
        int line = f.read(moved).substring(0, f.read(moved).indexOf("moved_from")).split("\n", -1).length;
        assertTrue(Fixture.messages(r).contains(moved + ":" + line + ": warning: `02-what-changes.md` in `moved_from` is close to content/"
                + "articles/election-primer/02-what-changes.md, which is gone (if it is meant for that file, write `../election-primer/02-what-changes.md`)"),
                String.join("\n", Fixture.messages(r)));
        f.replace(moved, "moved_from: [02-what-changes.md]", "moved_from: [../election-primer/02-what-changes.md]");
        assertTrue(f.build().ok(), f.log());
    }

    /**
     * A file that was there all along is not named as the one a gone file became (an editor's
     * trial: another explainer's own 01-who-votes.md was named, and the fix, followed, sent the
     * renamed section's readers there): the file new in its folder with its number is.
     */
    @Test
    void aFileThatWasThereAllAlongIsNotTakenForTheRenamedOne(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        String other = "content/articles/other-primer/";
        f.write(other + "index.md", f.read("content/articles/election-primer/index.md").replace("The election primer", "Another primer"));
        f.write(other + "01-who-votes.md", f.read("content/articles/election-primer/01-who-votes.md").replace("article: election-primer", "article: other-primer"));
        git(f.dir, "init", "-q");
        git(f.dir, "add", "-A");
        git(f.dir, "commit", "-q", "-m", "first");
        String old = "content/articles/election-primer/01-who-votes.md";
        String renamed = "content/articles/election-primer/01-voters.md";
        Files.move(f.dir.resolve(old), f.dir.resolve(renamed));
        f.replace(OLD, "01-who-votes.md", "01-voters.md");
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(old + ": was published") && m.contains("add `moved_from: [01-who-votes.md]` to "
                + renamed + " if it took its place")), String.join("\n", Fixture.messages(r)));
        assertTrue(Fixture.messages(r).stream().noneMatch(m -> m.contains(other + "01-who-votes.md if")), String.join("\n", Fixture.messages(r)));
    }

    /**
     * An explainer moved to a new folder (an editor's trial: index.md's fix named the gone file
     * itself): index.md is told the new folder's index.md and the name to write there, and a
     * second `moved_from:` line is told to list both names in one.
     */
    @Test
    void aMovedExplainersIndexIsToldItsNewPlace(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve("content/articles/election-primer"), f.dir.resolve("content/articles/election-guide"));
        for (Path p : Files.list(f.dir.resolve("content/articles/election-guide")).toList()) {
            if (p.toString().endsWith(".md")) {
                Files.writeString(p, Files.readString(p).replace("article: election-primer", "article: election-guide"));
            }
        }
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        String expected = "content/articles/election-primer/index.md: was published at articles/election-primer/index.html and is gone, so every"
                + " link to that address would die (add `moved_from: [../election-primer/index.md]` to content/articles/election-guide/index.md if"
                + " it took its place";
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(expected)), expected + "\ngot:\n" + String.join("\n", Fixture.messages(r)));
        f.replace("content/articles/election-guide/index.md", "status: published", "status: published\nmoved_from: [a.md]\nmoved_from: [b.md]");
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.contains("duplicate key `moved_from`")
                && m.endsWith("(keep one `moved_from:` line and list every value in it: `moved_from: [first, second]`)")), f.log());
    }

    /**
     * An explainer withdrawn with nothing in its place, as CONTRIBUTING says (an editor's trial:
     * deleting it was refused and no message said how to withdraw): deleted at once, the message
     * says how; its files made drafts pass, and a later commit deleting them passes too.
     */
    @Test
    void anExplainerIsWithdrawnAsTheGuideSays(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String folder = "content/articles/election-primer/";
        List<String> files = List.of("index.md", "01-who-votes.md", "02-what-changes.md");
        String linking = "content/articles/gas-storage-explained/03-what-next.md";
        f.replace(linking, " Read the [sanctions chapter](../election-primer/02-what-changes.md).", "");
        f.replace("content/articles/gas-storage-explained/01-why-it-matters.md", " and the [election primer](../election-primer/index.md#who-votes)", "");
        git(f.dir, "rm", "-q", "-r", folder);
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(folder + "index.md: was published at articles/election-primer/index.html and is gone")
                && m.contains("to withdraw it with nothing in its place, restore its files and make them `status: draft`")), f.log());
        git(f.dir, "checkout", "-q", "HEAD", "--", folder);
        for (String file : files) {
            f.replace(folder + file, "status: published", "status: draft");
        }
        assertTrue(f.build().ok(), f.log());
        assertFalse(Files.exists(f.site().resolve("articles/election-primer/index.html")), "off the site");
        git(f.dir, "commit", "-q", "-a", "-m", "withdraw the election primer");
        git(f.dir, "rm", "-q", "-r", folder);
        git(f.dir, "commit", "-q", "-m", "delete it");
        assertTrue(f.build().ok(), f.log());
    }

    /** A former name inside a folder named as a file of the site (an image) would make the build write a page inside that file: refused at its line. */
    @ParameterizedTest
    @ValueSource(strings = {"storage.png/old.md", "03-what-next.html/old.md", "../../index.md", "../../search/index.md", "a/b/c/d.md"})
    void aFormerNameIsWhereFilesWere(String name, @TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        String file = "content/articles/gas-storage-explained/02-how-full.md";
        f.replace(file, "status: published", "status: published\nmoved_from: [" + name + "]");
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(file + ":") && m.contains("`" + name + "` in `moved_from` is not where a file"
                + " of the site was")), f.log());
        assertFalse(Files.exists(f.site()), "nothing published");
    }

    /**
     * A `moved_from` close to a gone file's name is warned of at its line, with the name to write
     * (it may also be an older rename): the gone file's own error stays.
     */
    @Test
    void aTypoInMovedFromIsToldAtItsLine(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "02-what-changes-after.md");
        f.replace(NEW, "status: published", "status: published\nmoved_from: [02-what-change.md]");
        Build.Result r = f.build();
        assertFalse(r.ok());
        int line = f.read(NEW).lines().toList().indexOf("moved_from: [02-what-change.md]") + 1;
        assertTrue(Fixture.messages(r).contains(NEW + ":" + line + ": warning: `02-what-change.md` in `moved_from` is close to " + OLD
                + ", which is gone (if it is meant for that file, write `02-what-changes.md`)"), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(OLD + ": was published at")), f.log());
    }

    /** A link to a file renamed in the working tree, before any `moved_from`, is told the file it most likely became. */
    @Test
    void aLinkToAFileJustRenamedNamesItsNewName(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        Build.Result r = f.build();
        assertTrue(Fixture.messages(r).contains("content/articles/gas-storage-explained/03-what-next.md:19: link `../election-primer/02-what-changes.md`"
                + " points to content/articles/election-primer/02-what-changes.md, which the site does not have"
                + " (that file seems to have become `../election-primer/02-what-changes-after.md`: link to it)"), f.log());
    }

    /**
     * A correction naming a section just renamed is told the new name and the `moved_from` it needs
     * (an editor's trial: told to remove the `section:` line, the correction went to the first section).
     */
    @Test
    void aCorrectionOfAFileJustRenamedNamesItsNewName(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String index = "content/articles/election-primer/index.md";
        f.replace(index, "summary: Who", "corrections:\n  - date: 2026-11-03\n    text: An earlier version gave the wrong day.\n"
                + "    section: 02-what-changes.md\nsummary: Who");
        git(f.dir, "commit", "-qam", "a correction");
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        Build.Result r = f.build();
        assertTrue(Fixture.messages(r).contains(index + ":10: the correction names `02-what-changes.md`, which seems to have become"
                + " `02-what-changes-after.md` (write its new name, `section: 02-what-changes-after.md`, and give that file"
                + " `moved_from: [02-what-changes.md]`, so that the published address leads to it)"), f.log());
        f.replace(index, "section: 02-what-changes.md", "section: 02-what-changes-after.md");
        f.replace(NEW, "status: published", "status: published\nmoved_from: [02-what-changes.md]");
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "02-what-changes-after.md");
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.page("articles/election-primer/02-what-changes-after.html").contains("An earlier version gave the wrong day."));
    }

    /** A section moved to another explainer is named with the old name as seen from there; one simply deleted gets the general advice. */
    @Test
    void aGoneFileNamesWhereItLikelyWent(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String moved = "content/articles/gas-storage-explained/02-what-changes.md";
        Files.move(f.dir.resolve(OLD), f.dir.resolve(moved));
        f.replace(moved, "article: election-primer\norder: 2", "article: gas-storage-explained\norder: 9");
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "../election-primer/02-what-changes.md", "02-what-changes.md");
        Build.Result r = f.build();
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(OLD + ": was published") && m.contains(
                "(add `moved_from: [../election-primer/02-what-changes.md]` to " + moved + " if it took its place;")), f.log());

        Files.delete(f.dir.resolve(moved));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "../election-primer/index.md");
        r = f.build();
        assertTrue(Fixture.messages(r).contains(OLD + ": was published at articles/election-primer/02-what-changes.html and is gone, "
                + "so every link to that address would die (add its old name to the `moved_from` of the file that took its place:"
                + " `02-what-changes.md` from this explainer's folder, `../election-primer/02-what-changes.md` from another's; if nothing did,"
                + " `moved_from: [02-what-changes.md]` to content/articles/election-primer/index.md)"), f.log());
    }

    /** A section saved as .MD is told to rename it back, not also that its address is gone. */
    @Test
    void aTextRenamedInCapitalsIsNotGone(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve(OLD), f.dir.resolve(OLD.replace(".md", ".MD")));
        List<String> messages = Fixture.messages(f.build());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(OLD.replace(".md", ".MD") + ": the extension is `.MD`")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains("is gone") || m.contains("does not have")), String.join("\n", messages));
    }

    /** Two sections whose numbers were swapped are each named by the file with their name, not the one with their old number. */
    @Test
    void swappedNumbersNameTheFileOfTheSameName(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String one = "content/articles/election-primer/01-who-votes.md";
        Files.move(f.dir.resolve(one), f.dir.resolve("content/articles/election-primer/03-who-votes.md"));
        Files.move(f.dir.resolve(OLD), f.dir.resolve("content/articles/election-primer/01-what-changes.md"));
        Files.move(f.dir.resolve("content/articles/election-primer/03-who-votes.md"), f.dir.resolve("content/articles/election-primer/02-who-votes.md"));
        List<String> messages = Fixture.messages(f.build());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(OLD + ": was published") && m.contains("to content/articles/election-primer/01-what-changes.md if")),
                String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(one + ": was published") && m.contains("to content/articles/election-primer/02-who-votes.md if")),
                String.join("\n", messages));
    }

    /**
     * Git's history says a file was published once its date and time had come, to the minute: a
     * piece embargoed until 09:00 renamed at 08:59 was never out (an editor's trial: the day alone
     * was compared, and the rename was refused from midnight on).
     */
    @Test
    void aPieceWasPublishedFromItsTimeOfDayOn(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        git(f.dir, "mv", "content/articles/scheduled-piece/01-first.md", "content/articles/scheduled-piece/01-the-first.md");
        for (String at : List.of("2027-01-15T08:59:00Z", "2027-01-15T00:00:00Z")) { // London is at UTC in January
            Build.Result r = f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, java.time.Instant.parse(at), true, false));
            assertTrue(r.ok(), at + ": " + f.log());
            assertTrue(r.problems().stream().noneMatch(p -> p.message().contains("was published")), at + ": " + f.log());
        }
        Build.Result r = f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, java.time.Instant.parse("2027-01-15T09:00:00Z"), true, false));
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("content/articles/scheduled-piece/01-first.md: was published at"
                + " articles/scheduled-piece/01-first.html and is gone")), f.log());
    }

    /**
     * A pull request's build has no earlier site to compare with: Git says the file was published
     * before the change (in the last commit while the edit is not committed, else in the one
     * before). Sections of an explainer that was never published are not said.
     */
    @Test
    void unpublishingIsSaidFromGitHistory(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String file = "content/articles/gas-storage-explained/03-what-next.md";
        f.replace(file, "status: published", "status: draft");
        String said = "was published at articles/gas-storage-explained/03-what-next.html; this build takes it off the site (draft)";
        for (String when : List.of("not committed", "committed")) {
            if (when.equals("committed")) {
                git(f.dir, "commit", "-q", "-a", "-m", "unpublish");
            }
            Build.Result r = f.build();
            assertTrue(r.ok(), f.log());
            List<Problem> warnings = r.problems().stream().filter(p -> p.warning() && p.message().startsWith("was published at")).toList();
            assertEquals(1, warnings.size(), when + ": " + warnings);
            assertEquals(file, warnings.get(0).path(), when);
            assertTrue(warnings.get(0).message().startsWith(said), when + ": " + warnings);
        }
    }

    /**
     * A correction a published explainer had is on the record: one deleted is said, from Git's
     * history (an editor's trial: it went from every page and feed without a word). A warning.
     */
    @Test
    void aDeletedCorrectionIsSaid(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String file = "content/articles/gas-storage-explained/index.md";
        f.replace(file, "corrections:\n  - date: 2026-10-07\n    text: An earlier version gave the storage level in October as 98 per cent; it was 89 per"
                + " cent.\n    section: 02-how-full.md\n", "");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        String said = file + ": warning: a published correction is gone: \u201CAn earlier version gave the storage level in"
                + " October as 98 per cent; it was 89 p\u2026\u201D (a correction stays on the record: put it back, and if it was itself wrong,"
                + " say so in a new entry)";
        assertTrue(Fixture.messages(r).contains(said), f.log());
        // Said in every build of the change, not once: the next build takes the file from its cache (an editor's trial).
        assertTrue(Fixture.messages(f.build()).contains(said), "said again: " + f.log());
        git(f.dir, "checkout", "-q", "--", file);
        Build.Result kept = f.build();
        assertTrue(kept.problems().stream().noneMatch(p -> p.message().startsWith("a published correction is gone")), f.log());
        // A header that cannot be read says so, not that its corrections are gone (an editor's trial: "put it back" would double them).
        f.replace(file, "  - date: 2026-10-07", "  - date: 7 Oct 2026");
        Build.Result typo = f.build();
        assertFalse(typo.ok());
        assertTrue(typo.problems().stream().noneMatch(p -> p.message().startsWith("a published correction is gone")), f.log());
    }

    /** An explainer merged into another takes its corrections along, or is told to (an editor's trial: they left without a word). */
    @Test
    void aMergedExplainersCorrectionsAreSaid(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String old = "content/articles/gas-storage-explained/";
        for (String section : List.of("01-why-it-matters.md", "02-how-full.md", "03-what-next.md", "04-unfinished.md", "index.md")) {
            git(f.dir, "rm", "-q", old + section);
        }
        git(f.dir, "rm", "-q", old + "storage.png");
        f.replace("content/articles/election-primer/index.md", "status: published", "status: published\nmoved_from: [../gas-storage-explained/index.md,"
                + " ../gas-storage-explained/01-why-it-matters.md, ../gas-storage-explained/02-how-full.md, ../gas-storage-explained/03-what-next.md]");
        Build.Result r = f.build();
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("content/articles/election-primer/index.md: warning: a published correction of"
                + " content/articles/gas-storage-explained/index.md, which is gone, is on no page now: \u201CAn earlier version gave the storage level")),
                f.log());
    }

    /**
     * The history comes with the pull request: a text larger than any the build reads is never
     * read from it (it was never published), and reading the history has a time limit.
     */
    @Test
    void aPullRequestsHistoryIsReadWithinBounds(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String big = "---\ntitle: Big\ntype: page\ndate: 2026-01-01\nstatus: published\nsummary: Big.\n---\n" + "a".repeat(1 << 20) + "\n";
        for (int i = 0; i < 3; i++) {
            f.write("content/pages/big" + i + ".md", big);
        }
        git(f.dir, "add", "-A");
        git(f.dir, "commit", "-q", "-m", "big pages");
        for (int i = 0; i < 3; i++) {
            Files.delete(f.dir.resolve("content/pages/big" + i + ".md"));
        }
        git(f.dir, "commit", "-q", "-a", "-m", "gone");
        assertTrue(f.build().ok(), "a text over 256 KB was never published: " + f.log());
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "02-what-changes-after.md");
        assertTrue(f.buildWith("explainers.historySeconds", "0").ok(), "out of time, the history is not read: " + f.log());
        assertTrue(f.log().contains("(no Git history here, or not read within its time"), f.log());
    }

    /** The project may sit in a folder of its repository: its history is still read (Git's paths are the repository's). */
    @Test
    void aProjectInAFolderOfItsRepositoryIsChecked(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp); // tmp/project, and the repository is tmp
        git(tmp, "init", "-q");
        git(tmp, "add", "-A");
        git(tmp, "commit", "-q", "-m", "first");
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "02-what-changes-after.md");
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(OLD + ": was published at articles/election-primer/02-what-changes.html")),
                String.join("\n", Fixture.messages(r)));
    }

    @Test
    void aDeletedDraftNeedsNothing(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.delete(f.dir.resolve("content/articles/gas-storage-explained/04-unfinished.md"));
        assertTrue(f.build().ok(), f.log());
    }

    @Test
    void movedFromDifferingOnlyInCapitalsIsAnError(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        f.replace(OLD, "status: published", "status: published\nmoved_from: [01-Who-Votes.md, ../../pages/About.md, 07-old.md, 07-OLD.md, 01-who-vote\u017F.md]");
        Build.Result r = f.build();
        List<String> messages = Fixture.messages(r);
        int line = f.read(OLD).lines().toList().indexOf("moved_from: [01-Who-Votes.md, ../../pages/About.md, 07-old.md, 07-OLD.md, 01-who-vote\u017F.md]") + 1;
        for (String m : List.of(
                "`01-Who-Votes.md` in `moved_from` would write the same file as content/articles/election-primer/01-who-votes.md on a disk or host that ignores capitals",
                "`../../pages/About.md` in `moved_from` would write the same file as content/pages/about.md on a disk or host that ignores capitals",
                "`07-OLD.md` in `moved_from` differs from content/articles/election-primer/07-old.md, also in a `moved_from`, only in capitals",
                // ſ (long s) is s to a disk that folds capitals.
                "`01-who-vote\u017F.md` in `moved_from` would write the same file as content/articles/election-primer/01-who-votes.md")) {
            assertTrue(messages.stream().anyMatch(x -> x.startsWith(OLD + ":" + line + ": " + m)), m + "\n" + String.join("\n", messages));
        }
        assertFalse(r.ok());
    }

    /** An explainer's folder renamed: each gone file is told the name to write in the new folder (an editor's trial: the gone folder's index.md was suggested). */
    @Test
    void aRenamedFolderIsToldItsFilesNewPlaces(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve("content/articles/election-primer"), f.dir.resolve("content/articles/election-guide"));
        for (String file : List.of("01-who-votes.md", "02-what-changes.md")) {
            f.replace("content/articles/election-guide/" + file, "article: election-primer", "article: election-guide");
        }
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "election-primer", "election-guide");
        List<String> messages = Fixture.messages(f.build());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/articles/election-primer/01-who-votes.md: was published")
                && m.contains("`moved_from: [../election-primer/01-who-votes.md]` to content/articles/election-guide/01-who-votes.md")
                && !m.contains("content/articles/election-primer/index.md if")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/articles/election-primer/index.md: was published")
                && m.contains("`moved_from: [../election-primer/index.md]`")), String.join("\n", messages));
    }

    /** A header YAML cannot read may hold the `moved_from` of a gone file: only its own problem is told (an editor's trial). */
    @Test
    void aGoneFileIsNotToldWhileAHeaderIsUnread(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        Files.move(f.dir.resolve(OLD), f.dir.resolve(NEW));
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "02-what-changes.md", "02-what-changes-after.md");
        f.replace(NEW, "status: published", "status: published\nmoved_from: [02-what-changes.md]\n\tcolour: blue");
        Build.Result r = f.build();
        assertFalse(r.ok());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(NEW + ":") && m.contains("tab")), String.join("\n", Fixture.messages(r)));
        assertTrue(Fixture.messages(r).stream().noneMatch(m -> m.contains("is gone")), String.join("\n", Fixture.messages(r)));
    }

    @Test
    void movedFromNamingAFileThatIsStillThereIsAnError(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        f.replace(OLD, "status: published", "status: published\nmoved_from: [01-who-votes.md]");
        Build.Result r = f.build();
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(OLD + ":") && m.contains("`01-who-votes.md` in `moved_from` is still there")),
                String.join("\n", Fixture.messages(r)));
    }

    static final String TOPICS = "content/_data/topics.yml";

    /**
     * A topic renamed in topics.yml keeps its addresses (an editor's trial: the page and feed of a
     * renamed topic vanished without a word). Without `moved_from` the build says what goes; with
     * it, the old pages lead to the new ones and the old feed stays, naming its new address.
     */
    @Test
    void aRenamedTopicKeepsItsAddresses(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        assertTrue(f.build().ok(), f.log()); // the site built here has the topic's page: the warning says it for sure
        f.replace(TOPICS, "- slug: sanctions\n", "- slug: economic-sanctions\n");
        f.replace("content/articles/gas-storage-explained/02-how-full.md", "[energy, sanctions]", "[energy, economic-sanctions]");
        f.replace(OLD, "[elections, sanctions]", "[elections, economic-sanctions]");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        // Told at the one topic new in the change, which most likely took its place.
        int line = f.read(TOPICS).substring(0, f.read(TOPICS).indexOf("- slug: economic-sanctions")).split("\n", -1).length;
        assertTrue(Fixture.messages(r).contains(TOPICS + ":" + line + ": warning: `sanctions` was a topic before this change and is gone: its page"
                + " topics/sanctions.html and its feed topics/sanctions.xml, published until now, go with it, and links to them find nothing (if"
                + " `economic-sanctions` is its new name, add `moved_from: [sanctions]` to it, so that its addresses lead there)"),
                String.join("\n", Fixture.messages(r)));
        assertFalse(Files.exists(f.site().resolve("topics/sanctions.html")));

        f.replace(TOPICS, "  name: Sanctions\n", "  name: Sanctions\n  moved_from: [sanctions]\n");
        r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().noneMatch(m -> m.contains("was a topic")), String.join("\n", Fixture.messages(r)));
        Document moved = Jsoup.parse(f.page("topics/sanctions.html"));
        assertEquals("0; url=economic-sanctions.html", moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals(Fixture.HOST + "topics/economic-sanctions.html", moved.selectFirst("link[rel=canonical]").attr("href"));
        assertFalse(f.page("sitemap.xml").contains("topics/sanctions.html"), "the old address is not in the sitemap");
        Document feed = Jsoup.parse(f.page("topics/sanctions.xml"), "", org.jsoup.parser.Parser.xmlParser());
        Document now = Jsoup.parse(f.page("topics/economic-sanctions.xml"), "", org.jsoup.parser.Parser.xmlParser());
        assertEquals(Fixture.HOST + "topics/economic-sanctions.xml", feed.selectFirst("feed > link[rel=self]").attr("href"),
                "the old feed names its new address, which readers may follow");
        assertEquals(now.select("entry > id").eachText(), feed.select("entry > id").eachText(), "the old feed has the feed's entries now");
        assertEquals(now.select("entry > summary").eachText(), feed.select("entry > summary").eachText());
        assertFalse(now.select("entry > content").isEmpty());
        // Without their texts (each old slug would be another copy of them): an entry's content is its corrections, if any.
        assertTrue(feed.select("entry > content").stream().allMatch(c -> c.text().startsWith("<p><strong>Correction")), feed.outerHtml());
        assertTrue(f.page("topics/sanctions.xml").length() < f.page("topics/economic-sanctions.xml").length());

        // Renamed again, the first old address is kept too (an editor's trial: topics/sanctions.html vanished without a word).
        git(f.dir, "add", "-A");
        git(f.dir, "commit", "-q", "-m", "renamed");
        f.replace(TOPICS, "- slug: economic-sanctions\n", "- slug: embargoes\n");
        f.replace(TOPICS, "moved_from: [sanctions]", "moved_from: [economic-sanctions]");
        f.replace("content/articles/gas-storage-explained/02-how-full.md", "[energy, economic-sanctions]", "[energy, embargoes]");
        f.replace(OLD, "[elections, economic-sanctions]", "[elections, embargoes]");
        r = f.build();
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(TOPICS + ": warning: `sanctions` was an old address of topic"
                + " `economic-sanctions` (its `moved_from`) before this change and is gone")), String.join("\n", Fixture.messages(r)));
        f.replace(TOPICS, "moved_from: [economic-sanctions]", "moved_from: [economic-sanctions, sanctions]");
        r = f.build();
        assertTrue(r.ok() && Fixture.messages(r).stream().noneMatch(m -> m.contains("before this change")), String.join("\n", Fixture.messages(r)));
        assertEquals("0; url=embargoes.html", Jsoup.parse(f.page("topics/sanctions.html")).selectFirst("meta[http-equiv=refresh]").attr("content"));

        // A link to the old address is told the new one.
        f.write(OLD, f.read(OLD) + "\nSee [the topic](../../topics/sanctions.html).\n");
        r = f.build();
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(OLD + ":") && m.endsWith("link `../../topics/sanctions.html` points to"
                + " topics/sanctions.html, which the site does not have (it is an old address of `../../topics/embargoes.html`, which its"
                + " `moved_from` leads to: link to that)")), String.join("\n", Fixture.messages(r)));
        f.replace(OLD, "\nSee [the topic](../../topics/sanctions.html).\n", "");

        f.replace(OLD, "[elections, embargoes]", "[elections, sanctions]");
        r = f.build();
        assertFalse(r.ok());
        assertTrue(Fixture.messages(r).contains(OLD + ":9: topic `sanctions` is now `embargoes` (its `moved_from` in "
                + TOPICS + ") (write `embargoes`)"), String.join("\n", Fixture.messages(r)));
        // Merged into one the section lists already: remove the old one, or it is listed twice (an editor's trial).
        f.replace(OLD, "[elections, sanctions]", "[elections, sanctions, embargoes]");
        r = f.build();
        assertTrue(Fixture.messages(r).contains(OLD + ":9: topic `sanctions` is now `embargoes` (its `moved_from` in "
                + TOPICS + ") (remove `sanctions`: `embargoes` is listed already)"), String.join("\n", Fixture.messages(r)));
    }

    /** An author renamed keeps the byline's page address; a former slug is one entry's, and no entry's slug now. */
    @Test
    void aRenamedAuthorKeepsTheAddressAndFormerSlugsAreChecked(@TempDir Path tmp) throws Exception {
        Fixture f = committed(tmp);
        String authors = "content/_data/authors.yml";
        f.replace(authors, "- slug: ana-reyes\n", "- slug: ana-reyes-diaz\n  moved_from: [ana-reyes]\n");
        for (String index : List.of("scheduled-piece", "gas-storage-explained", "draft-piece")) {
            f.replace("content/articles/" + index + "/index.md", "ana-reyes", "ana-reyes-diaz");
        }
        assertTrue(f.build().ok(), f.log());
        Document moved = Jsoup.parse(f.page("authors/ana-reyes.html"));
        assertEquals("0; url=ana-reyes-diaz.html", moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertTrue(moved.text().contains("Ana Reyes"), moved.text());

        f.replace(TOPICS, "  name: Climate\n", "  name: Climate\n  moved_from: [energy, sanctions, energy]\n");
        Build.Result r = f.build();
        assertFalse(r.ok());
        assertTrue(Fixture.messages(r).contains(TOPICS + ":13: `energy` is listed twice in `moved_from` (list each once)"),
                String.join("\n", Fixture.messages(r)));
        f.replace(TOPICS, "moved_from: [energy, sanctions, energy]", "moved_from: [sanctions]");
        r = f.build();
        assertTrue(Fixture.messages(r).contains(TOPICS + ":13: `sanctions` in the `moved_from` of topic `climate` is still a topic here (line 5)"
                + " (remove one of them: the old slug's pages would be both)"), String.join("\n", Fixture.messages(r)));
        // Old slugs are bounded in all, as files' old names are (each is pages and a feed).
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            int topic = i;
            many.append("- slug: t").append(i).append("\n  name: T").append(i).append("\n  description: T.\n  moved_from: [")
                    .append(String.join(", ", java.util.stream.IntStream.range(0, 20).mapToObj(j -> "old-" + topic + "-" + j).toList())).append("]\n");
        }
        String topics = f.read(TOPICS);
        f.write(TOPICS, topics + many);
        r = f.build();
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(TOPICS + ": the entries' `moved_from` list") && m.contains("at most 200")),
                String.join("\n", Fixture.messages(r)));
        f.write(TOPICS, topics);
        f.replace(TOPICS, "moved_from: [sanctions]", "moved_from: [acid-rain]");
        f.replace(TOPICS, "  name: Energy\n", "  name: Energy\n  moved_from: [acid-rain]\n");
        r = f.build();
        assertTrue(Fixture.messages(r).contains(TOPICS + ":14: `acid-rain` is in the `moved_from` of both `energy` and `climate`"
                + " (an old address leads to one page: keep it in one)"), String.join("\n", Fixture.messages(r)));
    }
}
