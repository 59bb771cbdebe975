package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drafts and scheduled pieces reach nothing of the site (pages, lists, feeds, sitemap, search,
 * their images) until they are published or their time comes; the build says what it held
 * back; "now" is a parameter; the preview shows them, each with a banner.
 */
class PublishedStateTest {

    static final String MARKER = "Zanzibar";

    private static void nothingOf(Fixture f, String marker) throws Exception {
        try (var walk = Files.walk(f.site().toRealPath())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.toString();
                assertFalse(name.contains("draft") || name.contains("scheduled") || name.contains("unfinished"), "written: " + name);
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                assertFalse(text.contains(marker), marker + " leaks into " + name);
            }
        }
    }

    @Test
    void draftsAndScheduledPiecesAppearNowhere(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        nothingOf(f, MARKER);
        assertTrue(f.log().contains("held back until 2027-01-15 09:00 (Europe/London): content/articles/scheduled-piece/index.md"), f.log());
        assertTrue(f.log().contains("held back as a draft: content/articles/draft-piece/index.md (with its 1 section)"), f.log());
        assertTrue(f.log().contains("held back as a draft: content/articles/gas-storage-explained/04-unfinished.md"), f.log());
    }

    /**
     * A build made for a later "now" (`-Dbuild.now`, to try a schedule) publishes what is only
     * scheduled today: the next build for today holds it back again without a word (a new user's
     * trial: it was refused as "published" and "more than 30 days away", until `./mvnw clean`).
     */
    @Test
    void aBuildForALaterTimeDoesNotCountAsPublishing(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result later = f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, Instant.parse("2027-01-16T00:00:00Z"), false, false));
        assertTrue(later.ok(), f.log());
        assertTrue(Files.exists(f.site().resolve("articles/scheduled-piece/01-first.html")), "published for that time");
        Build.Result today = f.build();
        assertTrue(today.ok(), f.log());
        assertTrue(today.problems().stream().noneMatch(p -> p.message().contains("was published")), f.log());
        assertFalse(Files.exists(f.site().resolve("articles/scheduled-piece/01-first.html")), "held back again");
    }

    /** A section's text updated is an update of its explainer: its page and card say so, as its data does (an editor's trial). */
    @Test
    void aSectionsUpdateIsTheExplainersToo(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("content/articles/gas-storage-explained/01-why-it-matters.md", "date: 2026-10-05\n", "date: 2026-10-05\nupdated: 2026-11-01 14:30\n");
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Document page = Jsoup.parse(f.page("articles/gas-storage-explained/index.html"));
        assertEquals("2026-11-01T14:30Z", page.selectFirst("main .meta-item:contains(Updated) time").attr("datetime"), page.select("main .meta").toString());
        assertTrue(f.page("index.html").contains("Updated <time datetime=\"2026-11-01T14:30Z\">"), "on its card, with its time");
    }

    /** Updated the day it was published, a text says at what time, or the two dates read alike (an editor's trial). */
    @Test
    void aSameDayUpdateSaysItsTime(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("content/articles/gas-storage-explained/01-why-it-matters.md", "date: 2026-10-05\n", "date: 2026-10-05\nupdated: 2026-10-05 15:00\n");
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.page("articles/gas-storage-explained/01-why-it-matters.html").contains("Updated <time datetime=\"2026-10-05T15:00+01:00\">5 October 2026,"
                + " 15:00 BST</time>"), f.page("articles/gas-storage-explained/01-why-it-matters.html"));
    }

    /** An author's page the site had goes when no published explainer carries the byline: said, as a topic's (an editor's trial). */
    @Test
    void anAuthorsPageGoingIsSaid(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        assertTrue(Files.exists(f.site().resolve("authors/ana-reyes.html")));
        f.replace("content/articles/gas-storage-explained/index.md", "authors: [ana-reyes, tom-okafor]", "authors: [tom-okafor]");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals("content/_data/authors.yml") && p.line() == 2
                && p.message().equals("no published explainer carries `ana-reyes`'s byline now, so their page authors/ana-reyes.html, published until now,"
                + " goes with this build")), f.log());
        assertTrue(f.build().problems().stream().noneMatch(p -> p.message().contains("byline now")), "said once: " + f.log());
    }

    /** An explainer made a draft is said once, with how many of its sections leave with it, not once per section. */
    @Test
    void unpublishingAnExplainerIsSaidOnce(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String index = "content/articles/gas-storage-explained/index.md";
        f.replace(index, "status: published", "status: draft");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        List<String> said = r.problems().stream().filter(p -> p.message().startsWith("was published at")).map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(1, said.size(), String.join("\n", said));
        assertTrue(said.get(0).startsWith(index + ": was published at articles/gas-storage-explained/index.html, with its 3 sections; this build takes it"
                + " off the site (draft)"), said.get(0));
    }

    /** A published section made a draft leaves the site, with a warning naming its old address. */
    @Test
    void unpublishingASectionIsSaid(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String file = "content/articles/gas-storage-explained/03-what-next.md";
        f.replace(file, "status: published", "status: draft");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals(file)
                && p.message().startsWith("was published at articles/gas-storage-explained/03-what-next.html; this build takes it off the site (draft)")), f.log());
        assertTrue(f.build().problems().stream().noneMatch(p -> p.message().startsWith("was published at")), "said once: " + f.log());
    }

    /**
     * A corrected section taken off the site would take its correction off the record: refused at
     * the correction, which stays when its `section:` line goes (an attacker's trial).
     */
    @Test
    void aCorrectedSectionTakenOffTheSiteLeavesItsCorrectionOnTheRecord(@TempDir Path tmp) throws java.io.IOException {
        Fixture f = Fixture.newsroom(tmp);
        String index = "content/articles/gas-storage-explained/index.md";
        f.replace(index, "section: 02-how-full.md", "section: 03-what-next.md"); // a section no other links to
        assertTrue(f.build().ok(), f.log());
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "status: published", "status: draft");
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(index + ":16: the correction names `03-what-next.md`, which is not"
                + " published (draft), so readers would not see it")), f.log());
        f.replace(index, "    section: 03-what-next.md\n", "");
        assertTrue(f.build().ok(), f.log());
        assertTrue(java.nio.file.Files.readString(f.site().resolve("pages/corrections.html")).contains("98 per cent"), "still on the record");
    }

    /** A published section dated years ahead (a typo in the year) would leave the site: an error at its date, the site kept. */
    @Test
    void aPublishedSectionDatedYearsAheadIsAnError(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String file = "content/articles/gas-storage-explained/03-what-next.md";
        String before = f.page("articles/gas-storage-explained/03-what-next.html");
        f.replace(file, "date: 2026-10-05", "date: 2062-10-05");
        // The content check says it too, as the build would.
        Build.Result checked = f.check();
        assertFalse(checked.ok(), f.log());
        assertTrue(Fixture.messages(checked).stream().anyMatch(m -> m.startsWith(file + ":7: the date 2062-10-05 00:00 is more than 30 days away")), f.log());
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(file + ":7: the date 2062-10-05 00:00 is more than 30 days away and takes "
                + "articles/gas-storage-explained/03-what-next.html, which was published, off the site until then")), f.log());
        assertEquals(before, f.page("articles/gas-storage-explained/03-what-next.html"), "the published site is kept");
        // Held back for a day (an embargo) is allowed, and said.
        f.replace(file, "date: 2062-10-05", "date: 2026-12-02"); // Fixture.NOW is 2026-11-30
        r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals(file) && p.line() == 7
                && p.message().equals("was published at articles/gas-storage-explained/03-what-next.html; its date holds it back until"
                + " 2026-12-02 00:00 (Europe/London), when it returns")), f.log());
    }

    /**
     * A published explainer given a date to come is said once, at its date, with its sections (not
     * once per page); a piece never published, dated more than a year ahead, is warned of.
     */
    @Test
    void aRescheduledExplainerIsSaidOnceAndAFarDateIsWarned(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String index = "content/articles/election-primer/index.md";
        // (the links other explainers have to it wait too)
        f.replace("content/articles/gas-storage-explained/01-why-it-matters.md", "../election-primer/index.md#who-votes", "https://example.org/");
        f.replace("content/articles/gas-storage-explained/03-what-next.md", "../election-primer/02-what-changes.md", "https://example.org/");
        f.replace(index, "date: \"2026-11-02 09:30\"", "date: \"2026-12-02 09:30\"");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        List<String> said = r.problems().stream().filter(p -> p.message().startsWith("was published at")).map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(1, said.size(), String.join("\n", said));
        assertTrue(said.get(0).startsWith(index + ": was published at articles/election-primer/index.html, with its 2 sections; its date holds it back"),
                said.get(0));

        String scheduled = "content/articles/scheduled-piece/index.md";
        String date = f.read(scheduled).lines().filter(l -> l.startsWith("date: ")).findFirst().orElseThrow();
        f.replace(scheduled, date, "date: 2062-12-05");
        r = f.build();
        int line = f.read(scheduled).lines().toList().indexOf("date: 2062-12-05") + 1;
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals(scheduled) && p.line() == line
                && p.message().equals("the date 2062-12-05 00:00 is more than 90 days away: the file stays off the site until then")), f.log());
        // The usual typo: next year for this one (an editor's trial: only a line among the build's progress said it).
        f.replace(scheduled, "date: 2062-12-05", "date: 2027-11-28");
        r = f.build();
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals(scheduled) && p.line() == line
                && p.message().startsWith("the date 2027-11-28 00:00 is more than 90 days away")), f.log());
    }

    /** An explainer with no published section yet has no page and no card: readers would find an empty page. */
    @Test
    void anExplainerWithoutASectionIsHeldBack(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String index = "content/articles/empty-one/index.md";
        f.write(index, f.read("content/articles/election-primer/index.md").replaceFirst("title: .*", "title: Nothing here yet"));
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals(index)
                && p.message().equals("the explainer has no published section, so it is held back (readers would find an empty page)")), f.log());
        assertFalse(Files.exists(f.site().resolve("articles/empty-one/index.html")));
        assertFalse(f.page("index.html").contains("Nothing here yet"));
        assertFalse(f.page("sitemap.xml").contains("empty-one"));
        // One whose sections are all still to come is published as before, its sections appearing on their dates.
        f.write("content/articles/empty-one/01-soon.md", f.read("content/articles/election-primer/01-who-votes.md")
                .replace("article: election-primer", "article: empty-one").replace("date: \"2026-11-02 09:30\"", "date: \"2026-12-10 09:00\""));
        r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().noneMatch(p -> p.path().equals(index) && p.message().startsWith("the explainer has no published section")), f.log());
        assertTrue(Files.exists(f.site().resolve("articles/empty-one/index.html")));
    }

    /**
     * Every section of a published explainer made a draft: the explainer goes too, and says why,
     * not "(draft)", which its own file is not (a new user's trial).
     */
    @Test
    void anExplainerLeftWithoutAPublishedSectionSaysWhyItGoes(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("content/articles/lonely/index.md", f.read("content/articles/election-primer/index.md").replaceFirst("title: .*", "title: Lonely"));
        f.write("content/articles/lonely/01-only.md", f.read("content/articles/election-primer/01-who-votes.md")
                .replace("article: election-primer", "article: lonely"));
        assertTrue(f.build().ok(), f.log());
        f.replace("content/articles/lonely/01-only.md", "status: published", "status: draft");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.path().equals("content/articles/lonely/index.md")
                && p.message().equals("was published at articles/lonely/index.html; this build takes it off the site, since none of its"
                + " sections is published now")), f.log());
    }

    /** A header mistake in one explainer's index.md is told there, not as "points to a draft" in the texts linking to it (an editor's trial). */
    @Test
    void aBrokenIndexIsToldOnlyThere(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("content/articles/election-primer/index.md", "status: published", "status: published\nsummary: one: two");
        Build.Result r = f.build();
        assertFalse(r.ok());
        List<String> messages = Fixture.messages(r);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/articles/election-primer/index.md:")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains("points to a draft")), String.join("\n", messages));
    }

    /** A correction is a change a feed reader is told of: its entry's <updated>, its place in the feed, the sitemap's lastmod. */
    @Test
    void aCorrectionUpdatesTheSectionsFeedEntryAndSitemapDate(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("content/articles/gas-storage-explained/index.md", "  - date: 2026-10-07", "  - date: 2026-10-29");
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Document feed = Jsoup.parse(f.page("feed.xml"), "", org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element entry = feed.select("entry").stream()
                .filter(e -> e.selectFirst("id").text().endsWith("/articles/gas-storage-explained/02-how-full.html")).findFirst().orElseThrow();
        assertTrue(entry.selectFirst("updated").text().startsWith("2026-10-2"), entry.selectFirst("updated").text());
        org.jsoup.nodes.Document sitemap = Jsoup.parse(f.page("sitemap.xml"), "", org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element url = sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().endsWith("/articles/gas-storage-explained/02-how-full.html")).findFirst().orElseThrow();
        assertTrue(url.selectFirst("lastmod").text().startsWith("2026-10-2"), url.toString());
        String page = f.page("articles/gas-storage-explained/02-how-full.html");
        assertTrue(page.contains("\"dateModified\":\"2026-10-2"), "the page's own data says so too");
    }

    /**
     * A correction of the whole explainer (no `section:`), or of a section no longer on the site,
     * goes with the explainer's first section in the feeds and on its page (an editor's trial: it
     * reached no feed), and on the explainer's page under its header, as a section's is under its
     * heading (an editor's trial: it was only in the list at the end), and in that list.
     */
    @Test
    void anExplainersOwnCorrectionReachesTheFeeds(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("content/articles/gas-storage-explained/index.md", "corrections:\n", "corrections:\n  - date: 2026-11-20\n"
                + "    text: An earlier version of this explainer misnamed the regulator.\n");
        assertTrue(f.build().ok(), f.log());
        String said = "misnamed the regulator";
        org.jsoup.nodes.Document feed = Jsoup.parse(f.page("feed.xml"), "", org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element entry = feed.selectFirst("entry");
        assertTrue(entry.selectFirst("id").text().endsWith("/articles/gas-storage-explained/01-why-it-matters.html"), "the newest change: " + entry);
        assertTrue(entry.selectFirst("updated").text().startsWith("2026-11-20"), entry.selectFirst("updated").text());
        assertTrue(entry.selectFirst("content").text().contains(said), entry.toString());
        assertEquals(1, feed.select("entry").stream().filter(e -> e.text().contains(said)).count(), "with one entry");
        assertTrue(f.page("topics/energy.xml").contains(said), "in its topics' feeds too");
        assertTrue(Jsoup.parse(f.page("articles/gas-storage-explained/01-why-it-matters.html")).text().contains(said), "on the section's page");
        assertFalse(Jsoup.parse(f.page("articles/gas-storage-explained/02-how-full.html")).text().contains(said), "not on the others");
        org.jsoup.nodes.Document article = Jsoup.parse(f.page("articles/gas-storage-explained/index.html"));
        org.jsoup.nodes.Element top = article.selectFirst("header.post-header + aside.correction");
        assertTrue(top != null && top.text().contains(said), "under the header: " + article.selectFirst("article"));
        assertTrue(article.selectFirst("section.corrections").text().contains(said), "and in the list at the end");
        assertEquals(2, article.select("aside.correction, section.corrections").stream().filter(e -> e.text().contains(said)).count(),
                "not at the first section too: " + article.selectFirst("article"));
    }

    @Test
    void aScheduledPieceAppearsWhenNowReachesIt(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = f.build(new Build.Options(f.dir, f.site(), Fixture.HOST, Instant.parse("2027-01-15T09:00:00Z"), false, false));
        assertTrue(r.ok(), f.log());
        assertTrue(Files.isRegularFile(f.site().resolve("articles/scheduled-piece/01-first.html")));
        assertTrue(f.page("index.html").contains("Zanzibar scheduled article"), "on the home page");
        assertTrue(f.page("feed.xml").contains("Zanzibar scheduled first"), "in the feed");
    }

    @Test
    void thePreviewShowsDraftsAndScheduledPiecesWithABanner(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = f.build(new Build.Options(f.dir, f.dir.resolve("target/preview"), "http://127.0.0.1:8820/", Fixture.NOW, false, true));
        assertTrue(r.ok(), f.log());
        Path preview = f.dir.resolve("target/preview");
        String draft = read(preview.resolve("articles/draft-piece/01-first.html"));
        assertTrue(Jsoup.parse(draft).selectFirst(".state-banner").text().startsWith("Draft:"), draft);
        String scheduled = read(preview.resolve("articles/scheduled-piece/index.html"));
        assertTrue(Jsoup.parse(scheduled).selectFirst(".state-banner").text().startsWith("Scheduled: held back until 15 January 2027, 09:00 GMT"), scheduled);
        assertTrue(Jsoup.parse(scheduled).selectFirst(".meta").text().contains("To be published 15 January 2027, 09:00 GMT"), scheduled);
        // On a published explainer's page and on the home page, its draft section is marked wherever it shows.
        org.jsoup.nodes.Document explainer = Jsoup.parse(read(preview.resolve("articles/gas-storage-explained/index.html")));
        assertEquals("Zanzibar draft section (draft)", explainer.selectFirst(".toc a[href=#unfinished]").parent().text(), "in the contents");
        assertEquals("Zanzibar draft section (draft)", explainer.selectFirst("#unfinished h2").text(), "at its heading");
        assertTrue(explainer.selectFirst("#unfinished .state-banner").text().startsWith("Draft: not published; readers cannot see this section."));
        assertTrue(explainer.selectFirst(".post-header .meta").text().contains("(1 not published)"), explainer.selectFirst(".post-header .meta").text());
        assertTrue(Jsoup.parse(read(preview.resolve("articles/draft-piece/01-first.html"))).selectFirst(".meta").text().contains("Draft, dated"));
        org.jsoup.nodes.Document home = Jsoup.parse(read(preview.resolve("index.html")));
        assertTrue(home.select(".card-parts li").stream().anyMatch(li -> li.text().equals("Zanzibar draft section (draft)")), "on the home page's card");
        assertTrue(Files.isRegularFile(preview.resolve("articles/draft-piece/draft-chart.png")), "with its image");
        assertFalse(Files.exists(f.site()), "the preview leaves target/site alone");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
