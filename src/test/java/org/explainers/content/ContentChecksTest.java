package org.explainers.content;

import org.explainers.fixtures.Fixture;
import org.explainers.pipeline.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What an editor's mistake in a header or a vocabulary gets: a table of broken files, each
 * with the exact `file:line: what (fix)` it must produce, over a small valid tree that
 * produces no message at all.
 */
public class ContentChecksTest {

    static final String DIR = "content/articles/a/";
    static final String ONE = DIR + "01-one.md";
    public static final String TOPICS = """
            - slug: sanctions
              name: Sanctions
              description: Measures against a state.
            - slug: territory
              name: Territory
              description: Land and borders.
            """;
    public static final String AUTHORS = """
            - slug: jo-doe
              name: Jo Doe
              role: Reporter
              bio: Jo writes about borders.
            """;
    public static final String ARTICLE = """
            ---
            title: An article
            type: article
            date: 2026-11-20
            status: published
            authors: [jo-doe]
            summary: What it is about.
            ---
            """;

    public static String section(int order, String extraHeader, String body) {
        return "---\ntitle: Section " + order + "\ntype: section\narticle: a\norder: " + order + "\nlevel: 1\n"
                + "date: 2026-11-20\nstatus: published\ntopics: [sanctions, territory]\nsummary: Section " + order + ".\n"
                + extraHeader + "---\n\nSome text.\n" + body;
    }

    /** A valid project: one article with two sections, both topics used, one author. */
    public static Fixture validTree(Path tmp) {
        Fixture f = Fixture.of(null, tmp);
        f.write("content/_data/topics.yml", TOPICS);
        f.write("content/_data/authors.yml", AUTHORS);
        f.write(DIR + "index.md", ARTICLE);
        f.write(ONE, section(1, "", ""));
        f.write(DIR + "02-two.md", section(2, "", "See [the first section](01-one.md#main) and [the article](index.md#one).\n"));
        return f;
    }

    /** A link to a renamed file's old name is pointed at its new one; a bare name of another explainer's file, at that file. */
    @Test
    void aLinkToAFileThatMovedNamesWhereItWent(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "02-two.md", section(2, "moved_from: [02-old.md]\n", ""));
        f.write("content/articles/b/index.md", ARTICLE);
        f.write("content/articles/b/01-five.md", section(1, "", "").replace("article: a", "article: b"));
        f.write(ONE, section(1, "", "See [the old one](02-old.md) and [five](01-five.md).\n"));
        Build.Result r = f.check();
        assertTrue(Fixture.messages(r).contains(ONE + ":14: link `02-old.md` points to content/articles/a/02-old.md, which the site does not have"
                + " (it is an old address of `02-two.md`, which its `moved_from` leads to: link to that)"), f.log());
        assertTrue(Fixture.messages(r).contains(ONE + ":14: link `01-five.md` points to content/articles/a/01-five.md, which the site does not have"
                + " (did you mean `../b/01-five.md`?)"), f.log());
    }

    /**
     * A topic's page is made once a published section has the topic, an author's once a published
     * explainer names them: a link to one not made yet is told at its line, in the check too (an
     * editor's trial: the check passed, then the baked site's check blamed the page, with no line).
     */
    @Test
    void aLinkToATopicOrAuthorWithoutAPageYetIsTold(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/_data/topics.yml", TOPICS + "- slug: energy\n  name: Energy\n  description: Power and fuel.\n");
        f.write("content/_data/authors.yml", AUTHORS + "- slug: tom-okafor\n  name: Tom Okafor\n  role: Editor\n  bio: Tom edits.\n");
        f.write(ONE, section(1, "", "See [energy](../../topics/energy.html).\n\nBy [Tom](../../authors/tom-okafor.html).\n"));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains(ONE + ":14: link `../../topics/energy.html` points to topics/energy.html, but the topic `energy` has no published"
                + " section yet, so its page is not made (link to it once it has one, or leave the link out for now)"), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":16: link `../../authors/tom-okafor.html` points to authors/tom-okafor.html, but"
                + " `tom-okafor` has no published explainer yet")), String.join("\n", messages));
        f.write(ONE, section(1, "", "See [sanctions](../../topics/sanctions.html).\n"));
        assertTrue(f.build().ok(), "a topic with a published section has its page: " + f.log());
    }

    /** The same broken link twice is told at each of its lines (a new user's trial: only the first was). */
    @Test
    void aBrokenLinkTwiceIsToldAtEachLine(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "See [a](nope.md).\n\nAnd [a again](nope.md), and [b](02-two.md).\n"));
        List<String> messages = Fixture.messages(f.check());
        for (int line : List.of(14, 16)) {
            String told = ONE + ":" + line + ": link `nope.md` points to content/articles/a/nope.md, which the site does not have";
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(told)), line + ": " + messages);
        }
    }

    /**
     * An image's name may hold a comma: its srcset is read as a browser reads it, each address up
     * to white space (an attacker's trial: the output check split it at the comma and blamed a
     * template for four missing pages). A space no text can write is refused at once.
     */
    @Test
    void anImageNamedWithACommaIsPublishedAndOneWithASpaceRefused(@TempDir Path tmp) throws Exception {
        Fixture f = validTree(tmp);
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1000, 400, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                f.dir.resolve(DIR + "time,line.png").toFile());
        f.write(ONE, section(1, "", "\n![A timeline](time,line.png)\n"));
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Element img = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("img[alt=A timeline]");
        assertTrue(img.attr("srcset").endsWith("time,line.png 1000w"), img.outerHtml());
        assertEquals(List.of("time,line.480w.png", "time,line.960w.png", "time,line.png"), Urls.srcset(img.attr("srcset")).stream().map(Urls.Candidate::url).toList());

        Files.move(f.dir.resolve(DIR + "time,line.png"), f.dir.resolve(DIR + "time line.png"));
        assertTrue(Fixture.messages(f.check()).contains(DIR + "time line.png: the name holds a space, which a link or an image in a text cannot"
                + " write (rename it with hyphens: `time-line.png`)"), f.log());
    }

    /** A heavy image is published, and its weight said: phones on slow networks wait for it. */
    @Test
    void aHeavyImageIsAWarning(@TempDir Path tmp) throws Exception {
        Fixture f = validTree(tmp);
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(1000, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1000; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        javax.imageio.ImageIO.write(noise, "png", f.dir.resolve(DIR + "noise.png").toFile());
        f.write(ONE, section(1, "", "\n![Noise](noise.png)\n"));
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(DIR + "noise.png: warning: the image is 2.9 MB; readers on large screens"
                + " download all of it (export it at most 2,000 pixels wide")), f.log());
    }

    @Test
    void aValidTreeProducesNoMessageAtAll(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertEquals(List.of(), Fixture.messages(r));
    }

    /** A link to a held-back section's heading on its article page: the page does not show it yet, so the anchor is not there. */
    @Test
    void aLinkToAHeldBackSectionsAnchorIsRefused(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "02-two.md", section(2, "", "").replace("status: published", "status: draft"));
        f.write(ONE, section(1, "", "See [what comes next](index.md#two).\n"));
        Build.Result r = f.check();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.equals(ONE + ":14: anchor `#two` is the place of " + DIR + "02-two.md, which is a draft:"
                + " the explainer's page does not show it (publish that section first, or remove the #anchor)")), f.log());
    }

    /** A sub-section first among the published, the drafts before it named (an editor's trial: it was not said why it was first). */
    @Test
    void aSubSectionFirstIsToldWithTheDraftsBeforeIt(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("status: published", "status: draft"));
        f.write(DIR + "02-two.md", section(2, "", "").replace("level: 1", "level: 2"));
        assertTrue(Fixture.messages(f.check()).contains(DIR + "02-two.md:6: the first section of an article is a sub-section (`level: 2`): 01-one.md,"
                + " before it, is a draft (make it `level: 1`, or publish a section before it)"), f.log());
    }

    /** A correction of a section dated before that section appeared would show its text first (an editor's trial). */
    @Test
    void aCorrectionBeforeItsSectionAppearedIsRefused(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "02-two.md", section(2, "", "").replace("date: 2026-11-20", "date: 2026-11-25"));
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                "summary: What it is about.\ncorrections:\n  - date: 2026-11-22\n    text: A figure was wrong.\n    section: 02-two.md"));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "index.md:") && m.contains("the correction is dated before its section's `date`"
                + " (" + DIR + "02-two.md)")), String.join("\n", messages));
    }

    /** A correction copied with an explainer's folder to start another is warned of at the copy (an editor's trial: it went on the Corrections page). */
    @Test
    void aCorrectionCopiedWithAFolderIsWarnedOfAtTheCopy(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        String corrected = ARTICLE.replace("summary: What it is about.", "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n"
                + "    text: An earlier version said storage was at 59%.");
        f.write(DIR + "index.md", corrected);
        f.write("content/articles/b/index.md", corrected.replace("title: An article", "title: Another article"));
        f.write("content/articles/b/01-one.md", section(1, "", "").replace("article: a", "article: b"));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains("content/articles/b/index.md:10: warning: the correction says word for word what one of " + DIR + "index.md says:"
                + " copied with its folder? (if so, remove it: a correction belongs to the explainer it corrects)"), String.join("\n", messages));
        assertEquals(1, messages.size(), String.join("\n", messages));
    }

    /**
     * A link to an address kept for examples is warned of when the site is built for its own
     * address, not for an example's (a publisher's trial: the template's contact addresses stayed).
     */
    @Test
    void anExampleAddressIsWarnedOfOnARealSite(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/pages/about.md", "---\ntitle: About\ntype: page\nstatus: published\nsummary: Us.\n---\n\nWrite to"
                + " <newsroom@explainers.example.org> or see [our data](https://data.example.com/gas).\n");
        Build.Result real = f.build(new org.explainers.pipeline.Build.Options(f.dir, f.site(), "https://news.mypaper.co.uk/explainers/", Fixture.NOW, true, false));
        List<String> messages = Fixture.messages(real);
        assertTrue(messages.contains("content/pages/about.md:8: warning: `mailto:newsroom@explainers.example.org` is an address kept for examples, not a"
                + " newsroom's (write your newsroom's own)"), String.join("\n", messages));
        assertTrue(messages.contains("content/pages/about.md:8: warning: `https://data.example.com/gas` is an address kept for examples, not a"
                + " newsroom's (write your newsroom's own)"), String.join("\n", messages));
        assertEquals(List.of(), Fixture.messages(f.check()), "built for an example's address, examples are expected");
    }

    /**
     * Lines a word processor's list or table would look like, but written so (a trial of the
     * pasted-list check for false alarms): dialogue with dashes in a quote, verse with a tab and
     * hard line breaks, prose wrapped before a spaced dash, a clause wrapped before `a)`, a tab in code.
     */
    @Test
    void linesMeantAsTheyAreAreNotTakenForAPastedList(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "> – Did the water come?  \n> – At three in the morning, for two hours.\n\nThe first half\tand the second,  \n"
                + "the third half\tand the fourth.\n\nThe treaty was signed by Yitzhak Rabin and Abdelsalam al-Majali\n– the two prime ministers –"
                + " at the Arava crossing, on 26 October 1994\n– a date Jordanians still mark.\n\nArticle I says that Israel may pump\na) 12 million"
                + " cubic metres in summer and 13 in winter from the Yarmouk, and that Jordan gets\nb) the rest of the Yarmouk's flow.\n\nA line such as"
                + " `Amman\t4007526`\nand `Irbid\t2050300` gives a governorate.\n"));
        assertTrue(f.build().ok(), f.log());
    }

    /** A link to a published section of a draft explainer names the draft: the explainer's index.md (an editor's trial). */
    @Test
    void aLinkIntoADraftExplainerNamesItsIndex(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/pages/about.md", "---\ntitle: About\ntype: page\nstatus: published\nsummary: Us.\n---\n\nSee [the second](../articles/a/02-two.md).\n");
        f.replace(DIR + "index.md", "status: published", "status: draft");
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains("content/pages/about.md:8: link `../articles/a/02-two.md` points to a section of a draft explainer"
                + " (content/articles/a/index.md says `status: draft`) (publish that page first, or remove the link)"), String.join("\n", messages));
    }

    /**
     * A topic no section carries is in the topic index with its zeros (every topic is), but not among
     * the home page's topics, where it showed as a greyed chip that looked broken (an editor's trial).
     * One that only a held-back section carries (a draft, or one scheduled) is on neither until that
     * section is out: its name would tell readers what is coming (an editor's trial); the preview lists it.
     */
    @Test
    void aTopicWithoutSectionsIsOnTheIndexButNotTheHomePage(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/_data/topics.yml", TOPICS + "- slug: nuclear\n  name: Nuclear power\n  description: Reactors.\n"
                + "- slug: merger\n  name: The Acme merger\n  description: Embargoed.\n"
                + "- slug: budget\n  name: Budget leak\n  description: Drafted.\n");
        f.write(DIR + "03-three.md", section(3, "", "").replace("date: 2026-11-20", "date: 2099-01-01 07:00")
                .replace("topics: [sanctions, territory]", "topics: [merger]"));
        f.write(DIR + "04-four.md", section(4, "", "").replace("status: published", "status: draft")
                .replace("topics: [sanctions, territory]", "topics: [budget]"));
        assertTrue(f.build().ok(), f.log());
        assertFalse(org.jsoup.Jsoup.parse(f.page("index.html")).text().contains("Nuclear power"), f.page("index.html"));
        String index = org.jsoup.Jsoup.parse(f.page("topics/index.html")).text();
        assertTrue(index.contains("Nuclear power Reactors. 0 explainers 0 sections"), index);
        assertFalse(index.contains("Acme"), index);
        assertFalse(index.contains("Budget leak"), index);
        assertTrue(index.contains("Sanctions"), index);
    }

    /** A correction naming a section's former name (its `moved_from`) is told to write the new name (an editor's trial: "a typo?"). */
    @Test
    void aCorrectionNamingARenamedSectionGetsItsNewName(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "moved_from: [01-old.md]\n", ""));
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: A figure was wrong.\n    section: 01-old.md"));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains(DIR + "index.md:11: the correction names `01-old.md`, the former name of `01-one.md` (its `moved_from`)"
                + " (write its new name: `section: 01-one.md`)"), String.join("\n", messages));
    }

    /**
     * The topic index comes in pages of 60 by name, each with numbered navigation to the others and
     * its own title (its later pages were linked from nowhere).
     */
    @Test
    void theTopicIndexPagesAreLinkedToEachOther(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        StringBuilder more = new StringBuilder(TOPICS);
        for (int i = 0; i < 60; i++) {
            more.append(String.format(java.util.Locale.ROOT, "- slug: zone-%02d\n  name: Zone %02d\n  description: A zone.\n", i, i));
        }
        f.write("content/_data/topics.yml", more.toString());
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Document first = org.jsoup.Jsoup.parse(f.page("topics/index.html"));
        org.jsoup.nodes.Document second = org.jsoup.Jsoup.parse(f.page("topics/index/2.html"));
        assertEquals("Topics (page 1 of 2)", first.selectFirst("h1").text());
        assertEquals("index/2.html", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        assertEquals("Next", first.selectFirst("nav.pager a[rel=next]").text());
        assertEquals("Topics (page 2 of 2)", second.selectFirst("h1").text());
        assertEquals("../../topics/index.html", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals(60, first.select(".topic-index-item").size());
        assertEquals(org.jsoup.Jsoup.parse(f.page("topics/index.html")).select(".topic-index-item").size() + second.select(".topic-index-item").size(),
                TOPICS.split("- slug:").length - 1 + 60, "every topic on one page or the other");
        assertTrue(f.page("sitemap.xml").contains("topics/index/2.html"), "in the sitemap");
    }

    /**
     * An explainer's index.md YAML cannot read is told at its line, and only there: its sections'
     * #anchors are not "drafts" elsewhere (an editor's trial: a colon in a headline sent the editor
     * to two files that were fine).
     */
    @Test
    void aBrokenIndexIsToldThereNotAsDraftAnchorsElsewhere(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/pages/about.md", "---\ntitle: About\ntype: page\nstatus: published\nsummary: Us.\n---\n\nSee [what comes next](../articles/a/index.md#two).\n");
        f.replace(DIR + "index.md", "title: ", "title: Gas: ");
        Build.Result r = f.check();
        assertFalse(r.ok(), f.log());
        List<String> messages = Fixture.messages(r);
        assertTrue(messages.stream().allMatch(m -> m.startsWith(DIR + "index.md:")), String.join("\n", messages));
        assertFalse(messages.isEmpty());
    }

    /**
     * A topic whose last section goes takes its published page and feed with it: the warning says
     * so (an editor's trial: it said only that the topic had no page).
     */
    @Test
    void aTopicsLastSectionGoneSaysItsPublishedPageGoes(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        assertTrue(f.build().ok(), f.log());
        assertTrue(Files.isRegularFile(f.site().resolve("topics/territory.html")));
        f.write(ONE, section(1, "", "").replace("[sanctions, territory]", "[sanctions]"));
        f.write(DIR + "02-two.md", section(2, "", "").replace("[sanctions, territory]", "[sanctions]"));
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("content/_data/topics.yml:") && m.contains("no section uses topic `territory`,"
                + " so it has no page and no feed; its page topics/territory.html and feed topics/territory.xml, published until now, go with this"
                + " build, and readers' links and subscriptions to them find nothing")), f.log());
    }

    /** A title a word processor curled quotes around (an editor's trial) is warned of: YAML keeps the quotes, and the page shows them. */
    @Test
    void aTitleInCurlyQuotesIsWarnedOf(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("title: Section 1", "title: \u201CThe Outlook\u201D"));
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(ONE + ":2: warning: `title` is in curly quotes, \u201C\u2026\u201D, which YAML keeps as part of the text:"
                + " the page shows them (write straight double quotes \"\u2026\" around it, or none, unless the quotes are meant)"), f.log());
    }

    /** A section dated before its explainer (a year's typo), and two sections or explainers titled alike, are warned of (an editor's trial). */
    @Test
    void datesBeforeTheExplainerAndTitlesAlikeAreWarnedOf(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("date: 2026-11-20", "date: 2025-11-20"));
        f.write(DIR + "02-two.md", section(2, "", "").replace("title: Section 2", "title: section 1"));
        f.write("content/articles/b/index.md", ARTICLE);
        f.write("content/articles/b/01-one.md", section(1, "", "").replace("article: a", "article: b"));
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        List<String> m = Fixture.messages(r);
        assertTrue(m.contains(ONE + ":7: warning: `date` is before its explainer's, in " + DIR + "index.md: the page and the feeds show it as older"
                + " (check the year and the month; a section is dated when it is published)"), String.join("\n", m));
        assertTrue(m.contains(DIR + "02-two.md:2: warning: the title is also " + ONE + "'s: the explainer's contents list shows two alike (give each"
                + " section a title of its own)"), String.join("\n", m));
        assertTrue(m.contains(ONE + ":2: warning: the title is also " + DIR + "02-two.md's: the explainer's contents list shows two alike (give each"
                + " section a title of its own)"), String.join("\n", m));
        // At the newer explainer (dated alike here: the one first by name).
        assertTrue(m.contains(DIR + "index.md:2: warning: the headline is also content/articles/b/index.md's: lists and search show two alike"
                + " (give each explainer a headline of its own)"), String.join("\n", m));
    }

    /**
     * What the review of the editor's checks found legitimate passes: a conflict's markers shown in
     * a block of code, a draft linking to the topic page its publication makes, a section dated its
     * explainer's day without a time, a section whose text is a frame, a frame titled for a player
     * in its story, and the same empty link told at its own line after a full one.
     */
    @Test
    void theEditorsChecksLeaveLegitimateTextsAlone(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.replace("jbake.properties", "embed.hosts=", "embed.hosts=www.youtube-nocookie.com");
        f.write("content/_data/topics.yml", TOPICS + "- slug: energy\n  name: Energy\n  description: Power and fuel.\n");
        f.write(ONE, section(1, "", "```\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> feature\n```\n"));
        f.write(DIR + "02-two.md", section(2, "", "See [energy](../../topics/energy.html).\n").replace("status: published", "status: draft")
                .replace("topics: [sanctions, territory]", "topics: [energy]"));
        f.write(DIR + "03-three.md", "---\ntitle: Three\ntype: section\narticle: a\norder: 3\nlevel: 1\ndate: 2026-11-20\nstatus: published\n"
                + "topics: [sanctions]\nsummary: Three.\n---\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video: the club's new"
                + " player\"></iframe>\n");
        f.replace(DIR + "index.md", "date: 2026-11-20", "date: 2026-11-20 07:00");
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertEquals(List.of(), Fixture.messages(r).stream().filter(m -> m.contains("warning: `date` is before") || m.contains("has no text")).toList());
        f.write(DIR + "04-four.md", section(4, "", "Read [the second](02-two.md).\n\nAnd [](02-two.md) again.\n\n![](map.png)\n\n![](map.png)\n"));
        List<String> m = Fixture.messages(f.check());
        assertTrue(m.contains(DIR + "04-four.md:16: the link to `02-two.md` has no text (write what it leads to between the brackets: [the text readers"
                + " click](02-two.md))"), String.join("\n", m));
        for (int line : List.of(18, 20)) {
            assertTrue(m.stream().anyMatch(x -> x.startsWith(DIR + "04-four.md:" + line + ": the image `map.png` has no description")), line + ": " + m);
        }
    }

    /** An explainer published while all its sections are still to come is an empty page until the first: said (an editor's trial). */
    @Test
    void anExplainerWhoseSectionsAreAllToComeIsSaid(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("date: 2026-11-20", "date: \"2030-01-10 09:00\""));
        f.write(DIR + "02-two.md", section(2, "", "").replace("date: 2026-11-20", "date: \"2030-01-11 09:00\""));
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(DIR + "index.md:4: warning: the explainer is published, but none of its sections is yet: readers find an"
                + " empty page until " + ONE + " appears (give index.md the date of that section)"), String.join("\n", Fixture.messages(r)));
        // Not while the published ones cannot be read (an editor's trial: saved as UTF-16, they were told, and so was this advice,
        // which would have taken the explainer off the site).
        f.write(ONE, section(1, "", "").replace("date: 2026-11-20", "date: \"2030-01-10 09:00\""));
        f.writeBytes(DIR + "02-two.md", section(2, "", "").getBytes(java.nio.charset.StandardCharsets.UTF_16));
        r = f.check();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().noneMatch(m -> m.contains("none of its sections is yet")), String.join("\n", Fixture.messages(r)));
    }

    /** A draft may hold a placeholder: it is being written. */
    @Test
    void aDraftMayHoldAPlaceholder(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "02-two.md", section(2, "", "Turnout was [TK] per cent.\n").replace("status: published", "status: draft"));
        assertTrue(f.check().ok(), f.log());
    }

    /**
     * An author or a topic whose name readers cannot tell from another's (a no-break space, a
     * zero-width space, Cyrillic letters that look Latin, capitals) is refused at its line (an
     * attacker's trial: a second "The Explainer desk" signed as the newsroom).
     */
    @Test
    void aNameReadersCannotTellFromAnothersIsRefused(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/_data/authors.yml", AUTHORS + """
                - slug: jo-doe-2
                  name: "Jo\u00A0Doe\u200B"
                  role: Reporter
                  bio: Another.
                - slug: jo-doe-3
                  name: "JO D\u043Ee"
                  role: Reporter
                  bio: Another.
                - slug: jo-doe-4
                  name: Jo Doe-Smith
                  role: Reporter
                  bio: Another.
                - slug: jo-doe-5
                  name: "\u0408o Doe"
                  role: Reporter
                  bio: Another.
                - slug: jo-doe-6
                  name: "Jo Doe\u2800"
                  role: Reporter
                  bio: Another.
                - slug: jo-doe-7
                  name: Jo DoeI
                  role: Reporter
                  bio: Another.
                - slug: jo-doel
                  name: Jo Doel
                  role: Reporter
                  bio: Another.
                """);
        f.write("content/_data/topics.yml", TOPICS + """
                - slug: sanctions-2
                  name: "sanctions "
                  description: The same again.
                """);
        List<String> messages = Fixture.messages(f.check());
        // The message shows the invisible character as its code.
        assertTrue(messages.contains("content/_data/authors.yml:5: author `jo-doe-2` is named `Jo\u00A0Doe\\u200B`, which readers cannot tell from the name"
                + " of `jo-doe` (line 1) (give each author a name of its own (two people: a middle initial tells them apart); for a renamed author, keep one entry and put the other slug in its"
                + " `moved_from`)"), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/_data/authors.yml:9: author `jo-doe-3` is named")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/_data/topics.yml:7: topic `sanctions-2` is named")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains("jo-doe-4")), String.join("\n", messages));
        // A Cyrillic capital Ј, and a braille blank, which the skeleton makes a space.
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/_data/authors.yml:17: author `jo-doe-5` is named")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/_data/authors.yml:21: author `jo-doe-6` is named")), String.join("\n", messages));
        // A capital I for a small l (the skeleton of the name as written).
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/_data/authors.yml:29: author `jo-doel` is named")), String.join("\n", messages));
    }

    /** An update with its time of day shows the time, whatever day it is (a reader's trial: only a same-day update did). */
    @Test
    void anUpdateWithItsTimeShowsIt(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "updated: 2026-11-25 14:30\n", ""));
        assertTrue(f.build().ok(), f.log());
        String meta = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("main .meta").text();
        assertTrue(meta.contains("Updated 25 November 2026, 14:30 GMT"), meta);
    }

    /**
     * A TK that is meant is published: in a text with its flight number, in code or spelled out in
     * <abbr>; in a title or an image's description as it is (there it cannot be marked; an editor's
     * trial and a reviewer's).
     */
    @Test
    void aTkThatIsMeantIsPublished(@TempDir Path tmp) throws java.io.IOException {
        Fixture f = validTree(tmp);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        f.writeBytes(DIR + "plane.png", png.toByteArray());
        f.write(ONE, section(1, "title: Turkish Airlines (TK) cuts flights\n", "Delegates flew flight TK 2412 from Istanbul, code `TK`, on"
                + " <abbr title=\"Turkish Airlines\">TK</abbr>.\n\n![A TK aircraft at Antalya](plane.png)\n").replace("title: Section 1\n", ""));
        assertTrue(f.build().ok(), f.log());
    }

    /** Every entry of a list of corrections is read in one build, each problem told (an editor's trial: five took three builds). */
    @Test
    void everyCorrectionsProblemIsToldInOneBuild(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.", "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n"
                + "    text: A figure was wrong.\n    section: 01-one\n  - date: 03/12/2026\n    text: A name was misspelled.\n  - text: No date."));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "index.md:11: `section: 01-one` is not a section's file name")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "index.md:12: `date: 03/12/2026` is not a date")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "index.md:14: an entry of `corrections` has no `date`")), String.join("\n", messages));
    }

    /** A lead image too small for the cards and share previews that show it is refused (an editor's trial: an 8 × 8 PNG went out). */
    @Test
    void aLeadImageTooSmallForItsCardIsRefused(@TempDir Path tmp) throws java.io.IOException {
        Fixture f = validTree(tmp);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        f.writeBytes(DIR + "lead.png", png.toByteArray());
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.", "summary: What it is about.\nimage:\n  src: lead.png\n  alt: A map of the front"));
        assertEquals(List.of(DIR + "index.md:8: the lead image is 8 × 8 pixels: cards and share previews show it at least 400 pixels wide, blurred (use one"
                + " at least 1,200 pixels wide (a figure in the text may be smaller))"), Fixture.messages(f.check()));
        png.reset();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        f.writeBytes(DIR + "lead.png", png.toByteArray());
        assertTrue(f.build().ok(), f.log());
    }

    /** An address in angle brackets written with `\<`, or as references, is meant as text, and published so. */
    @Test
    void anAddressInAngleBracketsMayBeMeantAsText(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "Type \\<www.example.org> or &lt;www.example.net&gt; in the box, shown as `<www.example.org>`.\n\n"
                + "```\n<www.example.org>\n```\n\nThe [<www.example.org>](https://www.example.org/) page.\n"));
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.page("articles/a/01-one.html").contains("Type &lt;www.example.org&gt; or &lt;www.example.net&gt; in the box"), f.page("articles/a/01-one.html"));
    }

    /** A zero-width space or word joiner pasted into a title is warned of (an editor's trial); a non-breaking space is typography. */
    @Test
    void anUnseenCharacterInATitleIsWarnedOf(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("title: Section 1", "title: A glim\u200Bmer of\u00A0hope"));
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertEquals(List.of(ONE + ":2: warning: `title` holds a zero-width space (U+200B), which readers do not see (delete it (retype the words"
                + " around it))"), Fixture.messages(r).stream().filter(m -> m.contains("readers do not see")).toList());
    }

    /** HTML in a title or a summary (a tag, an entity) is shown as typed, which is warned of (an editor's trial). */
    @Test
    void htmlInATitleOrSummaryIsWarnedOf(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("title: Section 1", "title: The Demand &amp; Its Price").replace("summary: Section 1.", "summary: A <b>bold</b> claim."));
        Build.Result r = f.check();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(ONE + ":2: warning: `title` has HTML, `&amp;`, which a title shows as typed (write the character itself"
                + " (`&`, not `&amp;`))"), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(ONE + ":10: warning: `summary` has HTML, `<b>`, which a summary shows as typed")), f.log());
    }

    /**
     * A correction dated on a day still to come (a typo in the month, an editor's trial) is refused:
     * every page and feed listing it would show it at once as made (an attacker's trial: 2027).
     */
    @Test
    void aCorrectionDatedAheadIsRefused(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                "summary: What it is about.\ncorrections:\n  - date: 2026-12-26\n    text: A figure was wrong.\n    section: 02-two.md"));
        Build.Result r = f.check();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(DIR + "index.md:9: the correction's date is still to come, and the pages would show it at once as made"
                + " (date it on the day the correction was made)"), f.log());
    }

    /**
     * A correction naming a section that is not published is refused: made a draft, the section
     * would take its correction off the record (an attacker's trial); not yet out, its correction
     * would tell of it first (another). The same content is judged the same by any build.
     */
    @Test
    void aCorrectionNamingADraftSectionIsRefused(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: A figure in the secret part was wrong.\n    section: 02-two.md"));
        f.write(DIR + "02-two.md", section(2, "", "").replace("status: published", "status: draft"));
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(DIR + "index.md:11: the correction names `02-two.md`, which is not published (draft), so readers would"
                + " not see it: a correction stays on the record (remove the correction's `section:` line, so that it goes with the explainer"
                + " (reword it if it says \"this section\"), or publish the section)"), f.log());
        assertFalse(Files.exists(f.site()), "nothing published");
    }

    static Stream<Arguments> brokenFiles() {
        String s1 = section(1, "", "");
        return Stream.of(
                arguments("no header", ONE, "Just text.\n",
                        ONE + ":1: the file does not start with a header (put the header between two lines of ---, the first one on line 1; see CONTRIBUTING.md)"),
                arguments("JBake's old header", ONE, "title=One\nstatus=published\n~~~~~~\nText\n",
                        ONE + ":1: the file does not start with a header: its header is JBake's own, `key=value` lines above `~~~~~~` (write it as YAML"
                                + " between two lines of --- (`title: How full is full?` for `title = …` or `title=…`); see CONTRIBUTING.md)"),
                arguments("header not closed", ONE, "---\ntitle: One\n\nText\n",
                        ONE + ":3: the header is not closed (put a line of --- here, after the header's last field (line 2) and before the text)"),
                arguments("header not closed, its text right after it", ONE, "---\ntitle: One\nText\n\nMore.\n",
                        ONE + ":3: the header is not closed (put a line of --- here, after the header's last field (line 2) and before the text)"),
                arguments("header not closed, a blank line among its fields", ONE, "---\ntitle: One\n\ntype: section\n\nText\n",
                        ONE + ":5: the header is not closed (put a line of --- here, after the header's last field (line 4) and before the text)"),
                arguments("header not closed, its text opening with a heading", ONE, "---\ntitle: One\n\n# The heading\n\nText\n",
                        ONE + ":3: the header is not closed (put a line of --- here, after the header's last field (line 2) and before the text)"),
                arguments("header not closed, nothing but fields", ONE, "---\ntitle: One\ntype: section\n",
                        ONE + ":1: the header is not closed (end the header with a line of --- before the text)"),
                arguments("a correction's header field left at the left edge", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - text: A name.\ndate: 2026-11-21\n    section: 01-one.md"),
                        DIR + "index.md:10: the header is not valid YAML: the line is not indented under `corrections:`, as the lines around it are"
                                + " (indent it by four spaces, as the line below it)"),
                arguments("a correction's field left at the left edge of a list written there", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n- date: 2026-11-21\ntext: A name.\n  section: 01-one.md"),
                        DIR + "index.md:10: the header is not valid YAML: the line is not indented under `corrections:`, as the lines around it are"
                                + " (indent it by two spaces, as the line below it)"),
                // An editor's trial: the closing --- deleted, a rule below closed the header, and the text's first line was told as a field.
                arguments("header not closed, a rule in the text below", ONE, "---\ntitle: Section 1\ntype: section\narticle: a\norder: 1\nlevel: 1\ndate: 2026-11-20\nstatus: published\ntopics: [sanctions, territory]\nsummary: Section 1.\n\nThe minister said: no.\n\n---\n\nMore.\n",
                        ONE + ":11: the header seems not to be closed: its fields end on line 10, and the text after them is read as more fields, up to"
                                + " the --- on line 14 (add a line of --- after line 10, before the text; a --- further down is a rule in the text)"),
                arguments("header not closed, a sentence and a rule below", ONE, "---\ntitle: Section 1\ntype: section\narticle: a\norder: 1\nlevel: 1\ndate: 2026-11-20\nstatus: published\ntopics: [sanctions, territory]\nsummary: Section 1.\n\nPart 1 discusses tariffs, and gas.\n\n---\n\nMore.\n",
                        ONE + ":11: the header seems not to be closed: its fields end on line 10, and the text after them is read as more fields, up to"
                                + " the --- on line 14 (add a line of --- after line 10, before the text; a --- further down is a rule in the text)"),
                // A review: fields after a blank line, wrong in other ways, are told as they are, not as a header not closed.
                arguments("a colon in a value after a blank line in the header", ONE, s1.replace("summary: Section 1.\n", "\nsummary: Energy: what it costs\n"),
                        ONE + ":11: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight double quotes:"
                                + " `summary: \"Energy: what it costs\"`)"),
                arguments("an unknown field after a blank line in the header", ONE, s1.replace("summary: Section 1.\n", "summary: Section 1.\n\ndescription: More.\n"),
                        ONE + ":12: unknown header key `description` (use article, date, level, moved_from, order, status, summary, title, topics, type,"
                                + " updated)"),
                arguments("a misspelt field after a blank line in the header", ONE, s1.replace("summary: Section 1.\n", "summary: Section 1.\n\nupdatd: 2026-11-21\n"),
                        ONE + ":12: unknown header key `updatd` (use article, date, level, moved_from, order, status, summary, title, topics, type, updated;"
                                + " did you mean `updated`?)"),
                arguments("a colon in an unquoted value", ONE, s1.replace("summary: Section 1.", "summary: Oil: the cap."),
                        ONE + ":10: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight double quotes: `summary: \"Oil: the cap.\"`)"),
                arguments("an indented line", ONE, s1.replace("level: 1\n", "  level: 1\n"),
                        ONE + ":6: the header is not valid YAML: the line is indented, so YAML reads it as part of the line before (start the line at the"
                                + " left edge (only a list's `- ` items and the fields of a value ending in `:` are indented))"),
                arguments("an indented first line", ONE, s1.replace("title: Section 1", "  title: Section 1"),
                        ONE + ":2: the header is not valid YAML: the line is indented, so YAML reads it as part of the line before (start the line at the"
                                + " left edge (only a list's `- ` items and the fields of a value ending in `:` are indented))"),
                arguments("no space after a colon", ONE, s1.replace("level: 1\n", "level:1\n"),
                        ONE + ":6: the header is not valid YAML: no `: ` between the key and its value (write a colon and a space after the key (`level: 1`))"),
                arguments("a block of text not indented", ONE, s1.replace("summary: Section 1.", "summary: >\nSection one, folded."),
                        ONE + ":11: the header is not valid YAML: the text of a block value (`key: >` or `key: |`) is not indented (indent its lines"
                                + " by two spaces, or write the value on the line of its key)"),
                arguments("a quote not closed", ONE, s1.replace("title: Section 1", "title: \"Section 1"),
                        ONE + ":2: the header is not valid YAML: a quote opened in this line is not closed (close the value's quotes before the end"
                                + " of the line (`title: \"\u2026\"`))"),
                arguments("a quote not closed in the summary, told with its own key", ONE, s1.replace("summary: Section 1.", "summary: \"Section 1."),
                        ONE + ":10: the header is not valid YAML: a quote opened in this line is not closed (close the value's quotes before the end"
                                + " of the line (`summary: \"\u2026\"`))"),
                arguments("a tab before a correction's field", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - text: We misstated it.\n\tdate: 2026-11-21"),
                        DIR + "index.md:10: the header is not valid YAML: a tab in the line (YAML takes spaces only) (indent the line with spaces, not a"
                                + " tab: two under `image:`, a list item's fields lined up after its `- `)"),
                arguments("tabs before an image's fields, the last told in the same build", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\nimage:\n\tsrc: lead.png\n\talt: A map\n\tcaption: The map."),
                        DIR + "index.md:11: the header is not valid YAML: a tab in the line (YAML takes spaces only) (indent the line with spaces, not a"
                                + " tab: two under `image:`, a list item's fields lined up after its `- `)"),
                arguments("a tab before a field", ONE, s1.replace("level: 1\n", "\tlevel: 1\n"),
                        ONE + ":6: the header is not valid YAML: a tab in the line (YAML takes spaces only) (remove the tab: a field starts at the"
                                + " left edge)"),
                arguments("a tab after a colon", ONE, s1.replace("level: 1\n", "level:\t1\n"),
                        ONE + ":6: the header is not valid YAML: a tab in the line (YAML takes spaces only) (put a space after the colon, not a tab)"),
                arguments("no space after a colon, said with the line's own value", ONE, s1.replace("order: 1\n", "order:1\n"),
                        ONE + ":5: the header is not valid YAML: no `: ` between the key and its value (write a colon and a space after the key (`order: 1`))"),
                arguments("a quote left open runs on to the next quote", ONE, s1.replace("title: Section 1", "title: \"Section 1")
                                .replace("summary: Section 1.", "summary: \"Section 1.\""),
                        ONE + ":2: the header is not valid YAML: a quote opened in this line is not closed (close the value's quotes before the end"
                                + " of the line (`title: \"\u2026\"`))"),
                arguments("an apostrophe closes a value in single quotes", ONE, s1.replace("summary: Section 1.", "summary: 'Moscow's demand.'"),
                        ONE + ":10: the header is not valid YAML: text follows the value's closing quote (a quote inside a value ends it: write"
                                + " `summary: \"Moscow's demand.\"`)"),
                arguments("a header line in JBake's own form", ONE, s1.replace("title: Section 1", "title=Section 1"),
                        ONE + ":2: the header is not valid YAML: no `: ` between the key and its value (write a colon and a space after the key (`title: Section 1`))"),
                arguments("a header line in JBake's own form, spaced", ONE, s1.replace("title: Section 1", "title = Section 1"),
                        ONE + ":2: the header is not valid YAML: no `: ` between the key and its value (write a colon and a space after the key (`title: Section 1`))"),
                arguments("a header line in JBake's own form, its value in brackets", ONE, s1.replace("title: Section 1", "title=[TK] Section 1"),
                        ONE + ":2: the header is not valid YAML: no `: ` between the key and its value (write a colon and a space after the key"
                                + " (`title: \"[TK] Section 1\"`))"),
                arguments("a title starting with brackets", ONE, s1.replace("title: Section 1", "title: [Updated] Section 1"),
                        ONE + ":2: the header is not valid YAML: the value starts with `[`, which YAML reads as the start of a list (put the value in"
                                + " straight double quotes: `title: \"[Updated] Section 1\"`)"),
                arguments("a title all in brackets", ONE, s1.replace("title: Section 1", "title: [Updated]"),
                        ONE + ":2: `title` is a list, not one value (YAML reads a value starting with `[` as one: put the value in straight double"
                                + " quotes: `title: \"[Updated]\"`)"),
                arguments("a key without its colon", ONE, s1.replace("title: Section 1", "title Section 1"),
                        ONE + ":2: the header is not valid YAML: no `: ` between the key and its value (write a colon and a space after the key (`title: Section 1`))"),
                arguments("a correction's field indented a space too far", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n     text: Fixed."),
                        DIR + "index.md:10: the header is not valid YAML: the line is indented differently from the lines it belongs with (indent it"
                                + " as the field above it, by 4 spaces (the fields of `image:` by two, a list item's fields as its first one))"),
                // At the list's dashes (an editor's trial: YAML's own words, and "the left edge", which made a duplicate key).
                arguments("a correction's field at its list's dashes", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: Fixed.\n  section: 01-one.md"),
                        DIR + "index.md:11: the header is not valid YAML: the line is indented differently from the lines it belongs with (indent it"
                                + " as the field above it, by 4 spaces (the fields of `image:` by two, a list item's fields as its first one))"),
                // The list's items at the left edge: its fields by two (an editor's trial: "by four" misled).
                arguments("a correction's field indented beyond the one above", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n- date: 2026-11-21\n  text: Fixed.\n    section: 01-one.md"),
                        DIR + "index.md:11: the header is not valid YAML: the line is indented differently from the lines it belongs with (indent it"
                                + " as the field above it, by 2 spaces (the fields of `image:` by two, a list item's fields as its first one))"),
                arguments("a text's extension in capitals, its name no slug", DIR + "05-Outlook Section.MD", section(5, "", ""),
                        DIR + "05-Outlook Section.MD: the extension is `.MD`; texts end in `.md`, in lower case (rename it to `05-outlook-section.md`)"),
                arguments("a header closed with four hyphens", ONE, s1.replace("\n---\n\nSome", "\n----\n\nSome"),
                        ONE + ":11: the header's closing line is `----` (write exactly three hyphens: `---`)"),
                arguments("a text's extension in capitals", DIR + "03-three.MD", section(3, "", ""),
                        DIR + "03-three.MD: the extension is `.MD`; texts end in `.md`, in lower case (rename it to `03-three.md`)"),
                arguments("a heading that skips a level", ONE, section(1, "", "\n## Costs\n\nText.\n\n#### Gas\n\nMore.\n"),
                        ONE + ":19: the heading skips from level 2 to level 4 (`##` to `####`): readers who move through a page by its headings,"
                                + " as screen readers do, would miss a level (write it `###`, one `#` more than the heading before)"),
                arguments("a raw HTML heading that skips a level", ONE, section(1, "", "\n## Costs\n\nText.\n\n<h4>Gas</h4>\n\nMore.\n"),
                        ONE + ":19: the heading skips from level 2 to level 4 (`<h2>` to `<h4>`): readers who move through a page by its headings,"
                                + " as screen readers do, would miss a level (write it `<h3>`, one level below the heading before)"),
                arguments("a text whose first heading is level 3", ONE, section(1, "", "\n### The weather\n\nText.\n\n## Supply\n\nMore.\n"),
                        ONE + ":15: the text's first heading is level 3 (`###`), under the section's title: readers who move through a page by its"
                                + " headings, as screen readers do, would miss a level (write it `##` or `#`: a text's first heading is the level below"
                                + " its title)"),
                arguments("a quoted value wrapped on purpose, then another mistake", ONE, s1.replace("title: Section 1", "title: \"Section 1,\n  wrapped\"")
                                .replace("summary: Section 1.", "summary: Oil: the cap."),
                        ONE + ":11: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight double quotes:"
                                + " `summary: \"Oil: the cap.\"`)"),
                arguments("a comment, then a colon in a value", ONE, s1.replace("summary: Section 1.", "# a note\nsummary: Oil: the cap."),
                        ONE + ":11: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight double quotes:"
                                + " `summary: \"Oil: the cap.\"`)"),
                arguments("a lead image's field a space short", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\nimage:\n  src: lead.png\n alt: A map"),
                        DIR + "index.md:10: the header is not valid YAML: the line is indented differently from the lines it belongs with (indent it"
                                + " as the field above it, by 2 spaces (the fields of `image:` by two, a list item's fields as its first one))"),
                arguments("a lead image's first field at the left edge", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\nimage:\nsrc: lead.png\n  alt: A map"),
                        DIR + "index.md:9: the header is not valid YAML: the line is not indented under `image:`, as the lines around it are (indent"
                                + " it by two spaces, as the line below it)"),
                arguments("a correction's field at the left edge", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\ntext: \"Correction: a name.\"\n    section: 01-one.md"),
                        DIR + "index.md:10: the header is not valid YAML: the line is not indented under `corrections:`, as the lines around it are"
                                + " (indent it by four spaces, as the line below it)"),
                arguments("an indented line with a second colon keeps its indent in the fix", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: Correction: a name.\n    section: 01-one.md"),
                        DIR + "index.md:10: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight double quotes:"
                                + " `    text: \"Correction: a name.\"` (the line indented as it is))"),
                arguments("a lead image without its description", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\nimage:\n  src: lead.png"),
                        DIR + "index.md:9: the lead image (`image`) has no `alt` (add an indented `alt:` line saying what the image shows)"),
                arguments("a lead image described as a photo", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\nimage:\n  src: lead.png\n  alt: photo"),
                        DIR + "index.md:10: the lead image `lead.png` is described only as `photo` (say what it shows: `alt: Storage tanks at the"
                                + " Rehden gas field`)"),
                arguments("an update still to come", ONE, s1.replace("status: published", "status: published\nupdated: 2026-12-20"),
                        ONE + ":9: `updated` is a date still to come, which the page, the feeds and the sitemap would show as done (write the date of the"
                                + " change once it is made)"),
                arguments("an hour of one digit", ONE, s1.replace("date: 2026-11-20", "date: 2026-11-20 9:00"),
                        ONE + ":7: `date: 2026-11-20 9:00` is not a date (write it `date: 2026-11-20 09:00` (the hour in two digits))"),
                arguments("a day and a month of one digit", ONE, s1.replace("date: 2026-11-20", "date: 2026-1-8"),
                        ONE + ":7: `date: 2026-1-8` is not a date (write it `date: 2026-01-08` (the month and the day in two digits))"),
                arguments("a # in a plain value cuts it", ONE, s1.replace("title: Section 1", "title: Neutrality #1 and guarantees"),
                        ONE + ":2: ` #` starts a comment in YAML: `#1 and guarantees` is cut from the value (put the whole value in straight double"
                                + " quotes: `title: \"Neutrality #1 and guarantees\"`)"),
                arguments("a value run onto an unindented line", ONE, s1.replace("summary: Section 1.", "summary: Section 1 is about\nthe cap and more."),
                        ONE + ":11: the header is not valid YAML: the line goes on with the value of the line above, but is not indented (join it to"
                                + " the line above, or indent it by two spaces)"),
                arguments("topics without brackets", ONE, s1.replace("topics: [sanctions, territory]", "topics: sanctions, territory"),
                        ONE + ":9: several topics without [ ] around them (write them in brackets: `topics: [sanctions, territory]`)"),
                arguments("a quote inside a double-quoted value", ONE, s1.replace("summary: Section 1.", "summary: \"He said: \"no\".\""),
                        ONE + ":10: the header is not valid YAML: text follows the value's closing quote (a quote inside a value ends it: write"
                                + " `summary: 'He said: \"no\".'`, or use typographic quotes \u201C\u2026\u201D inside)"),
                arguments("an anchor into a section's own page", ONE, section(1, "", "See [it](02-two.md#background).\n"),
                        ONE + ":14: anchor `#background` does not exist in articles/a/02-two.html (link to the section itself (`02-two.md`), or to"
                                + " its place on the explainer's page (`index.md#two`))"),
                arguments("a misspelt anchor names the sections' places, not the layout's", ONE, section(1, "", "See [it](index.md#tow).\n"),
                        ONE + ":14: anchor `#tow` does not exist in articles/a/index.html (use one of one, two; did you mean `two`?)"),
                arguments("an anchor into a page without sections", ONE, section(1, "", "See [it](../../index.html#team).\n"),
                        ONE + ":14: anchor `#team` does not exist in index.html (remove the #anchor (the page has no sections to link into))"),
                arguments("a merge conflict left in the text", ONE, section(1, "", "<<<<<<< HEAD\nOurs.\n\n=======\n\nTheirs.\n\n>>>>>>> feature/edit\n"),
                        ONE + ":14: a Git merge conflict was left in the file (`<<<<<<< HEAD`) (keep the text that should stay, and delete the lines"
                                + " `<<<<<<<`, `=======` and `>>>>>>>` (and `|||||||`) around it)"),
                arguments("a merge conflict left in the header", ONE, s1.replace("summary: Section 1.\n", "<<<<<<< HEAD\nsummary: Ours.\n=======\n"
                                + "summary: Theirs.\n>>>>>>> main\n"),
                        ONE + ":10: a Git merge conflict was left in the file (`<<<<<<< HEAD`) (keep the text that should stay, and delete the lines"
                                + " `<<<<<<<`, `=======` and `>>>>>>>` (and `|||||||`) around it)"),
                arguments("a section's file without a number", DIR + "outlook.md", section(3, "", ""),
                        DIR + "outlook.md: warning: the section's file name has no number in front (rename it `<nn>-outlook.md`, <nn> its `order`"
                                + " in two digits (`03-outlook.md`); the part after the number stays its #anchor)"),
                arguments("a list not closed", ONE, s1.replace("topics: [sanctions, territory]", "topics: [sanctions, territory"),
                        ONE + ":9: the header is not valid YAML: a list in [ ] is not closed in this line (end the list with ] on the same line"
                                + " (`topics: [energy, climate]`))"),
                arguments("unknown key", ONE, s1.replace("level: 1\n", "levle: 1\n"),
                        ONE + ":6: unknown header key `levle` (use article, date, level, moved_from, order, status, summary, title, topics, type, updated; did you mean `level`?)"),
                arguments("tags for topics", ONE, s1.replace("topics: [sanctions, territory]", "tags: [sanctions, territory]"),
                        ONE + ":9: unknown header key `tags` (use article, date, level, moved_from, order, status, summary, title, topics, type, updated; did you mean `topics`?)"),
                arguments("an article's key in a section", ONE, s1.replace("level: 1\n", "level: 1\nauthors: [jo-doe]\n"),
                        ONE + ":7: `authors` is not a header key of sections (use article, date, level, moved_from, order, status, summary, title, topics, type,"
                                + " updated; the byline is the explainer's: `authors:` goes in its index.md (a guest writer is added to"
                                + " content/_data/authors.yml and named there))"),
                arguments("an author named in a section", ONE, s1.replace("level: 1\n", "level: 1\nauthor: jo-doe\n"),
                        ONE + ":7: unknown header key `author` (use article, date, level, moved_from, order, status, summary, title, topics, type,"
                                + " updated; the byline is the explainer's: `authors:` goes in its index.md (a guest writer is added to"
                                + " content/_data/authors.yml and named there))"),
                arguments("missing key", ONE, s1.replace("summary: Section 1.\n", ""),
                        ONE + ":1: the header has no `summary` (add a `summary: ...` line)"),
                arguments("a section without its explainer", ONE, s1.replace("article: a\n", ""),
                        ONE + ":1: the header has no `article` (add an `article: a` line)"),
                arguments("a header line too long", ONE, s1.replace("summary: Section 1.", "summary: " + "x".repeat(10_001)),
                        ONE + ":10: the line has 10010 characters; a line may have at most 10000 (shorten the value: a header holds a title,"
                                + " a one-sentence summary and such, the text goes below the header)"),
                arguments("empty value", ONE, s1.replace("summary: Section 1.", "summary:"),
                        ONE + ":10: `summary` is empty (give `summary` a value, or remove the line if the field is optional)"),
                arguments("duplicate key", ONE, s1.replace("level: 1\n", "level: 1\ntitle: Again\n"),
                        ONE + ":7: duplicate key `title` (first on line 2) (keep only one `title:` line)"),
                arguments("a title too long", ONE, s1.replace("title: Section 1", "title: " + "x".repeat(151)),
                        ONE + ":2: `title` has 151 characters; at most 150 are allowed (shorten it)"),
                arguments("a list for one value", ONE, s1.replace("title: Section 1", "title: [a, b]"),
                        ONE + ":2: `title` is a list, not one value (YAML reads a value starting with `[` as one: put the value in straight double"
                                + " quotes: `title: \"[a, b]\"`)"),
                arguments("a date in another format", ONE, s1.replace("2026-11-20", "the 20th"),
                        ONE + ":7: `date: the 20th` is not a date (write YYYY-MM-DD, e.g. 2026-11-20, or YYYY-MM-DD HH:MM for a time of day)"),
                arguments("a date with seconds and an offset, as Hugo writes it", ONE, s1.replace("2026-11-20", "2026-11-20T09:00:00+01:00"),
                        ONE + ":7: `date: 2026-11-20T09:00:00+01:00` is not a date (write it `date: 2026-11-20 08:00` (the same moment in the site's"
                                + " time zone, Europe/London))"),
                arguments("a time with seconds", ONE, s1.replace("date: 2026-11-20", "date: 2026-11-20 09:00:00"),
                        ONE + ":7: `date: 2026-11-20 09:00:00` is not a date (write it `date: 2026-11-20 09:00` (without seconds: a time is the site's"
                                + " time zone's, Europe/London))"),
                arguments("a day November does not have", ONE, s1.replace("2026-11-20", "2026-11-31"),
                        ONE + ":7: 2026-11-31: November has 30 days (correct the date of `date`)"),
                arguments("February 29th of a common year", ONE, s1.replace("2026-11-20", "2026-02-29"),
                        ONE + ":7: 2026-02-29: February 2026 has 28 days (correct the date of `date`)"),
                arguments("the year 1", ONE, s1.replace("2026-11-20", "0001-01-01"),
                        ONE + ":7: 0001-01-01: the year 1 is before any date this site's pieces can have (1900 or later) (correct the date of `date`)"),
                arguments("month 13", ONE, s1.replace("2026-11-20", "2026-13-01"),
                        ONE + ":7: 2026-13-01: there is no month 13 (correct the date of `date`)"),
                arguments("an hour that does not exist", ONE, s1.replace("date: 2026-11-20", "date: \"2026-11-20 25:00\""),
                        ONE + ":7: 25:00 is not a time of day (write a time from 00:00 to 23:59 (24-hour clock, the site's time zone))"),
                arguments("updated before published", ONE, section(1, "updated: 2026-01-01\n", ""),
                        ONE + ":11: `updated` is not after `date` (`updated` is when the text last changed after it was published: a later date, or no `updated` line)"),
                arguments("invalid status", ONE, s1.replace("status: published", "status: publsihed"),
                        ONE + ":8: `status: publsihed` is not valid (use `published` or `draft`; did you mean `published`?)"),
                arguments("a note written twice", ONE, section(1, "", "A claim.[^1]\n\n[^1]: One.\n\n[^1]: Two.\n"),
                        ONE + ":16: the note `[^1]` is written twice (also on line 18) (keep one of them, or give this one another name and refer"
                                + " to it with it)"),
                arguments("one ../ too many", ONE, section(1, "", "By [Jo](../../../authors/jo-doe.html).\n"),
                        ONE + ":14: link `../../../authors/jo-doe.html` leaves the site (one `../` too many: write `../../authors/jo-doe.html`)"),
                arguments("a link from the repository's root", ONE, section(1, "", "See [two](/content/articles/a/02-two.md).\n"),
                        ONE + ":14: link `/content/articles/a/02-two.md` leaves the site (a link from the site's root breaks under a sub-path and from"
                                + " disk: write `02-two.md`, relative to this file)"),
                arguments("a link from the site's root", ONE, section(1, "", "See [home](/index.html#main).\n"),
                        ONE + ":14: link `/index.html#main` leaves the site (a link from the site's root breaks under a sub-path and from"
                                + " disk: write `../../index.html#main`, relative to this file)"),
                arguments("a link copied from the live site under a sub-path", ONE, section(1, "", "See [two](/explainers/articles/a/02-two.html).\n"),
                        ONE + ":14: link `/explainers/articles/a/02-two.html` leaves the site (a link from the site's root breaks under a sub-path and from"
                                + " disk: write `02-two.html`, relative to this file)"),
                arguments("a correction naming a section of an explainer without any", "content/articles/b/index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: A figure was wrong.\n    section: 01-one.md"),
                        "content/articles/b/index.md:11: the correction names `01-one.md`, which is not a section of this article (the explainer has no"
                                + " sections yet: add that section, or remove the correction's `section:` line)"),
                arguments("a placeholder for a fact to come", ONE, section(1, "", "An extra line.\n\nTurnout was [TK] per cent.\n"),
                        ONE + ":16: the text still holds the placeholder `[TK]` (write what it stands for, or keep the text as `status: draft` until then)"),
                arguments("a placeholder saying what is to come", ONE, section(1, "", "An extra line.\n\nShowers save the most. [TK: figure from the regulator]\n"),
                        ONE + ":16: the text still holds the placeholder `[TK: figure from the regulator]` (write what it stands for, or keep the text as"
                                + " `status: draft` until then)"),
                arguments("a placeholder as a word", ONE, section(1, "", "An extra line.\n\nHouseholds used TK litres a day.\n"),
                        ONE + ":16: the text still holds the placeholder `TK` (write what it stands for, or keep the text as `status: draft` until then;"
                                + " a TK that is meant, such as an airline's code, spelled out: <abbr title=\"Turkish Airlines\">TK</abbr>)"),
                arguments("a placeholder in an image's description", ONE, section(1, "", "An extra line.\n\n![Chart of pledges, [TK] to come](https://example.org/x.png)\n"),
                        ONE + ":16: the text still holds the placeholder `[TK]` (write what it stands for, or keep the text as `status: draft` until then)"),
                arguments("a typo in https:", ONE, section(1, "", "See [the report](htps://unfccc.int/report).\n"),
                        ONE + ":14: the address `htps://unfccc.int/report` uses `htps:`, which may not be linked to (only https:, http:, mailto:, tel: and the"
                                + " site's own pages) (a typo for `https:`? Write `https://unfccc.int/report`)"),
                arguments("an address without its colon", ONE, section(1, "", "See [the UN](http//unfccc.int).\n"),
                        ONE + ":14: link `http//unfccc.int` points to articles/a/http/unfccc.int, which the site does not have (an address on another"
                                + " site starts with http://: write `http://unfccc.int`)"),
                arguments("a header opened with a word processor's dash", ONE, "\u2014\n" + s1.substring(4),
                        ONE + ":1: the file does not start with a header: its first line is `\u2014`, a dash a word processor made of the three hyphens"
                                + " (put the header between two lines of ---, the first one on line 1; see CONTRIBUTING.md)"),
                arguments("a text ending in .markdown", DIR + "03-three.markdown", section(3, "", ""),
                        DIR + "03-three.markdown: unknown kind of content file .markdown (a text is Markdown ending in `.md`: rename it to `03-three.md`)"),
                arguments("a placeholder in an author's biography", "content/_data/authors.yml", AUTHORS.replace("Jo writes about borders.",
                                "Jo has covered TK for TKTK years."),
                        "content/_data/authors.yml:4: `bio` of author `jo-doe` still holds the placeholder `TKTK` (write what it stands for)"),
                arguments("a placeholder in a title", ONE, s1.replace("title: Section 1", "title: Pledges reach $TKTK billion"),
                        ONE + ":2: `title` still holds the placeholder `TKTK` (write what it stands for, or keep the file as `status: draft` until then)"),
                arguments("dummy text in a summary", ONE, s1.replace("summary: Section 1.", "summary: \"[TK: number] countries signed, lorem ipsum.\""),
                        ONE + ":10: `summary` still holds the placeholder `[TK: number]` (write what it stands for, or keep the file as `status: draft`"
                                + " until then)"),
                arguments("a placeholder in a correction", "content/articles/a/index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: The figure was TKTK."),
                        "content/articles/a/index.md:8: `corrections` still holds the placeholder `TKTK` (write what it stands for, or keep the file as"
                                + " `status: draft` until then)"),
                arguments("a placeholder in other capitals, on a later line", ONE, section(1, "", "Turnout was high.\n\nIt rose by tKtK points.\n"),
                        ONE + ":16: the text still holds the placeholder `TKTK` (write what it stands for, or keep the text as `status: draft` until then)"),
                arguments("an address in angle brackets without its scheme, after one in code", ONE, section(1, "", "See `<www.example.org>`.\n\nAgain: <WWW.example.org/x>.\n"),
                        ONE + ":16: `<WWW.example.org/x>` is published as it is written: Markdown links an address in angle brackets only with its"
                                + " `https://` (write `<https://WWW.example.org/x>`)"),
                arguments("an address in angle brackets without its scheme, beside one written as text", ONE, section(1, "", "Type \\<www.a.org>, not <www.a.org>.\n"),
                        ONE + ":14: `<www.a.org>` is published as it is written: Markdown links an address in angle brackets only with its"
                                + " `https://` (write `<https://www.a.org>`)"),
                arguments("a file of spaces and blank lines", ONE, " \n\n\t\n", ONE + ": the file is empty (write its header and text, or delete the file)"),
                arguments("dummy text", ONE, section(1, "", "Lorem ipsum dolor sit amet.\n"),
                        ONE + ":14: the text still holds the placeholder `Lorem ipsum` (write what it stands for, or keep the text as `status: draft`"
                                + " until then)"),
                // A copy a file manager made, and a folder whose slug is another explainer's, are told as such (an editor's trial).
                arguments("a file manager's copy", DIR + "02-two (1).md", section(2, "", ""),
                        DIR + "02-two (1).md: the file name `02-two (1).md` is not a slug (it looks like a copy of 02-two.md: delete it if it is one;"
                                + " else rename it to `02-two-1.md`)"),
                arguments("a folder named as another explainer in capitals", "content/articles/A/index.md", ARTICLE,
                        "content/articles/A/index.md: the article folder `A` is not a slug (content/articles/a/ is another explainer: move the files"
                                + " into it if they are its, or give this folder another name of lowercase letters, digits and hyphens)"),
                // A file in the wrong folder is told so, once (an editor's trial: its fields' fixes made the section a page).
                arguments("a section saved in pages", "content/pages/02-two.md", section(2, "", ""),
                        "content/pages/02-two.md:3: a section of an explainer (`type: section`) saved in content/pages/ (move it to the explainer's"
                                + " folder, content/articles/a/02-two.md)"),
                arguments("a page saved in an explainer's folder", DIR + "about.md", "---\ntitle: About\ntype: page\nstatus: published\nsummary: Us.\n---\n\nText.\n",
                        DIR + "about.md:3: a standalone page (`type: page`) saved in an explainer's folder (move it to content/pages/about.md)"),
                arguments("a type that does not fit the file", ONE, s1.replace("type: section", "type: article"),
                        ONE + ":3: `type: article` does not fit a section file (write `type: section`, or rename the file to index.md)"),
                arguments("order not a number", ONE, s1.replace("order: 1", "order: first"),
                        ONE + ":5: `order: first` is not a whole number from 1 to 9999 (write a whole number from 1 to 9999, e.g. `order: 1`)"),
                arguments("an order written as a rank", ONE, s1.replace("order: 1", "order: 3rd"),
                        ONE + ":5: `order: 3rd` is not a whole number from 1 to 9999 (write `order: 3`)"),
                arguments("a level too deep", ONE, s1.replace("level: 1", "level: 3"),
                        ONE + ":6: `level: 3` is not 1 or 2 (1 for a part of the explainer, 2 for a sub-section of the part before it)"
                                + " (write 1 or 2, e.g. `level: 1`)"),
                arguments("a WebP image", DIR + "chart.webp", "RIFF....WEBP",
                        DIR + "chart.webp: .webp is an image format the site does not publish (export it as PNG (drawings, charts) or JPEG (photographs)"
                                + " and show that file)"),
                arguments("a raw <center>", ONE, section(1, "", "An extra line.\n\n<center>Vote</center>\n"),
                        ONE + ":16: raw <center> is not allowed (delete the <center> and </center> tags (the text stays); the site sets the layout)"),
                // Told at the file whose number disagrees with its order, the one most likely just changed or added (an editor's trial).
                arguments("duplicate order", ONE, s1.replace("order: 1", "order: 2"),
                        ONE + ":5: `order: 2` is also used by " + DIR + "02-two.md (give each section of an explainer its own order: 1 keeps it"
                                + " before 02-two.md (2), as the file names have it)"),
                // The free order offered keeps the file where its name puts it (an editor's trial: "1 is free" made the last section the first).
                arguments("a new section's order taken", DIR + "00-new.md", section(1, "", ""),
                        DIR + "00-new.md:5: `order: 1` is also used by " + ONE + " (give each section of an explainer its own order, rising with the"
                                + " file names: no order is free before 01-one.md (1), so renumber this section and the ones after it)"),
                arguments("a published section without text", ONE, section(1, "", "").replace("\nSome text.\n", "\n"),
                        ONE + ": the section has no text: its page would show its title alone (write its text below the header, or keep it as"
                                + " `status: draft` until it has one)"),
                arguments("a last section's order taken", DIR + "03-three.md", section(3, "", "").replace("order: 3", "order: 1"),
                        DIR + "03-three.md:5: `order: 1` is also used by " + ONE + " (give each section of an explainer its own order: 3 keeps it"
                                + " after 02-two.md (2), as the file names have it)"),
                arguments("unknown topic", ONE, s1.replace("[sanctions, territory]", "[sanction, territory]"),
                        ONE + ":9: unknown topic `sanction` (did you mean `sanctions`? Otherwise add it to content/_data/topics.yml)"),
                arguments("a topic in capitals", ONE, s1.replace("[sanctions, territory]", "[Sanctions, territory]"),
                        ONE + ":9: unknown topic `Sanctions` (did you mean `sanctions`? Otherwise add it to content/_data/topics.yml)"),
                arguments("a topic twice", ONE, s1.replace("[sanctions, territory]", "[sanctions, territory, sanctions]"),
                        ONE + ":9: `sanctions` is listed twice in `topics` (list each once)"),
                arguments("unknown author", DIR + "index.md", ARTICLE.replace("[jo-doe]", "[jo-do]"),
                        DIR + "index.md:6: unknown author `jo-do` (did you mean `jo-doe`? Otherwise add it to content/_data/authors.yml)"),
                arguments("article mismatch", ONE, s1.replace("article: a", "article: b"),
                        ONE + ":4: `article: b` does not match the folder `a` (write `article: a`)"),
                arguments("a correction naming no section", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: A figure was wrong.\n    section: 03-three.md"),
                        DIR + "index.md:11: the correction names `03-three.md`, which is not a section of this article (if you renamed the section, write"
                                + " its new file name here, and give that file `moved_from` with this one; if the section moved to another"
                                + " explainer, move the correction to that explainer's index.md (with `section:`); if it is gone, remove the `section:` line"
                                + " (the correction then goes with the explainer's first section: reword it if it says \"this section\"))"),
                arguments("a correction naming its section without .md", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: A figure was wrong.\n    section: 02-two"),
                        DIR + "index.md:11: `section: 02-two` is not a section's file name (write the section's file name, with its extension: `02-two.md`)"),
                arguments("a former name without .md", ONE, s1.replace("status: published", "status: published\nmoved_from: [01-first]"),
                        ONE + ":9: `01-first` in `moved_from` is not a former file name (write the file's old name with its extension: `01-first.md`)"),
                arguments("a former name written as its page", ONE, s1.replace("status: published", "status: published\nmoved_from: [01-first.html]"),
                        ONE + ":9: `01-first.html` in `moved_from` is not a former file name (write the file's old name with its extension: `01-first.md`)"),
                arguments("a correction without text", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21"),
                        DIR + "index.md:9: an entry of `corrections` has no `text` (add an indented `text: ...` line)"),
                arguments("a lead image that is not there", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\nimage:\n  src: Lead.PNG\n  alt: A map"),
                        DIR + "index.md:9: there is no image `Lead.PNG` in content/articles/a/ (add it there)"),
                arguments("a layout that does not exist", "content/pages/about.md", "---\ntitle: About\ntype: page\nstatus: published\nsummary: Us.\nlayout: abuot\n---\n\nText.\n",
                        "content/pages/about.md:6: `abuot` is not a page layout of templates/ (use one of: corrections, page)"),
                arguments("a layout that makes another kind of page", "content/pages/about.md", "---\ntitle: About\ntype: page\nstatus: published\nsummary: Us.\nlayout: redirect\n---\n\nText.\n",
                        "content/pages/about.md:6: `redirect` is not a page layout of templates/ (use one of: corrections, page)"),
                arguments("a topic with the index page's name", "content/_data/topics.yml", TOPICS + "- slug: index\n  name: Index\n  description: All of it.\n",
                        "content/_data/topics.yml:7: topic `index` would have the address of the index page of topics (index.html) (choose another slug)"),
                arguments("unused topic", "content/_data/topics.yml", TOPICS + "- slug: trust\n  name: Trust\n  description: Who believes whom.\n",
                        "content/_data/topics.yml:7: warning: no section uses topic `trust`, so it has no page and no feed (tag a section with it, or"
                                + " remove it from the vocabulary; if another topic takes its place, list `trust` in that one's `moved_from`)"),
                arguments("a topic without its dash", "content/_data/topics.yml", TOPICS + "slug: trust\n  name: Trust\n  description: Who believes whom.\n",
                        "content/_data/topics.yml:7: not valid YAML: the line starts an entry without `- ` (write `- slug: trust`)"),
                arguments("a topic's line indented three spaces", "content/_data/topics.yml", TOPICS + "- slug: trust\n   name: Trust\n  description: Who.\n",
                        "content/_data/topics.yml:8: not valid YAML: the line is indented 3 spaces; an entry's lines are indented two (write it two spaces"
                                + " in, under the `slug:` of its entry)"),
                arguments("a value continued three spaces in, then a quote not closed", "content/_data/topics.yml", TOPICS
                                .replace("  description: Land and borders.", "  description: Land and\n   borders.") + "- slug: trust\n  name: \"Trust\n  description: Who.\n",
                        "content/_data/topics.yml:9: not valid YAML: a quote opened in this line is not closed (close the value's quotes before the end of the line)"),
                arguments("a topic defined twice", "content/_data/topics.yml", TOPICS + "- slug: sanctions\n  name: Sanctions again\n  description: Twice.\n",
                        "content/_data/topics.yml:7: topic `sanctions` is defined twice (first on line 1) (keep one entry)"),
                arguments("a topic slug in capitals", "content/_data/topics.yml", TOPICS + "- slug: Trust\n  name: Trust\n  description: Who believes whom.\n",
                        "content/_data/topics.yml:7: `slug: Trust` is not a slug (use lowercase letters, digits and single hyphens, e.g. `trust`)"),
                arguments("an author without a role", "content/_data/authors.yml", AUTHORS.replace("  role: Reporter\n", ""),
                        "content/_data/authors.yml:1: an entry of `authors` has no `role` (add an indented `role: ...` line)"),
                arguments("an author's link that is not a web address", "content/_data/authors.yml", AUTHORS + "  link: javascript:alert(1)\n",
                        "content/_data/authors.yml:5: `link: javascript:alert(1)` uses `javascript:`, which may not be linked to (only https:, http:, mailto:, tel: and the site's own pages) (write a full address starting with https://)"),
                arguments("an author's link without https://", "content/_data/authors.yml", AUTHORS + "  link: www.example.org/ana\n",
                        "content/_data/authors.yml:5: `link: www.example.org/ana` is not a web address (write `link: https://www.example.org/ana`)"),
                arguments("an editor's backup file", DIR + "01-one.md~", s1,
                        "content/articles/a/01-one.md~: warning: `01-one.md~` is an editor's backup or a system file: it is skipped, not published (delete it when you are done; .gitignore keeps such files out of the repository)"),
                arguments("unknown kind of file", DIR + "notes.txt", "Some notes",
                        "content/articles/a/notes.txt: unknown kind of content file .txt (content files are Markdown (.md); images and downloads (csv, gif, jpeg, jpg, pdf, png) may sit beside them; move anything else out of content/)"),
                arguments("a short image name also inside a word above", ONE, section(1, "", "An extra line.\n\n<img src=\"ra.png\" alt=\"A chart\">\n")
                                .replace("Some text.", "Text about extra.png files."),
                        ONE + ":16: image `ra.png` points to articles/a/ra.png, which the site does not have (put the image beside the text; the address is relative to this file)"),
                arguments("an image without a description", ONE, section(1, "", "An extra line.\n\n![](ra.png)\n"),
                        ONE + ":16: the image `ra.png` has no description (say what it shows between the brackets: ![What the image shows](ra.png))"),
                arguments("a raw image whose description is blank", ONE, section(1, "", "An extra line.\n\n<img src=\"ra.png\" alt=\" \">\n"),
                        ONE + ":16: the image `ra.png` has no description (say what it shows between the brackets: ![What the image shows](ra.png))"),
                arguments("a page named as a Windows device", "content/pages/con.md", "---\ntitle: Con\n---\nText.\n",
                        "content/pages/con.md: the name `con.md` is one Windows keeps for a device, so the file cannot be checked out there"
                                + " (rename it with letters, digits, - and _ (e.g. `chart-2026-11-28.png`), and the links to it)"),
                arguments("an image named as a Windows device", DIR + "LPT1.png", "x",
                        DIR + "LPT1.png: the name `LPT1.png` is one Windows keeps for a device, so the file cannot be checked out there"
                                + " (rename it with letters, digits, - and _ (e.g. `chart-2026-11-28.png`), and the links to it)"),
                arguments("an alias of a text in a header", ONE, s1.replace("summary: Section 1.", "summary: &s Section 1.\ntitle2: *s"),
                        ONE + ":10: the header is not valid YAML: the value starts with `&`, which YAML reads as a mark of its own (an anchor, `&s`)"
                                + " (put the value in straight double quotes: `summary: \"&s Section 1.\"`; anchors (&) and aliases (*) are not used in headers)"),
                arguments("a title starting with !", ONE, s1.replace("title: Section 1", "title: !Important news"),
                        ONE + ":2: the value starts with `!`, which YAML reads as a mark of its own (put the value in straight double quotes:"
                                + " `title: \"!Important news\"`)"),
                arguments("a title starting with an apostrophe", ONE, s1.replace("title: Section 1", "title: 'Tis the season"),
                        ONE + ":2: the header is not valid YAML: a quote opened in this line is not closed (if it is an apostrophe, put the whole"
                                + " value in straight double quotes: `title: \"'Tis the season\"`)"),
                arguments("tags in an explainer's header", DIR + "index.md", ARTICLE.replace("summary: What it is about.", "summary: What it is about.\ntags: [energy]"),
                        DIR + "index.md:8: unknown header key `tags` (use authors, corrections, date, image, moved_from, status, summary, title, type,"
                                + " updated; topics are each section's: write `topics: [a, b]` in the header of each section they fit)"),
                arguments("Hugo's draft key", ONE, s1.replace("status: published", "status: published\ndraft: true"),
                        ONE + ":9: unknown header key `draft` (use article, date, level, moved_from, order, status, summary, title, topics, type, updated;"
                                + " a text is held back with `status: draft` (and published with `status: published`))"),
                arguments("Hugo's TOML header", ONE, "+++\ntitle = \"Section 1\"\n+++\n\nText.\n",
                        ONE + ":1: the file does not start with a header: its header is Hugo's TOML, between lines of +++ (write it as YAML between two"
                                + " lines of --- (`title: How full is full?` for `title = …` or `title=…`); see CONTRIBUTING.md)"),
                arguments("a title starting with @", ONE, s1.replace("title: Section 1", "title: @Kremlin says no"),
                        ONE + ":2: the header is not valid YAML: the value starts with `@`, which YAML reads as a mark of its own (put the value in"
                                + " straight double quotes: `title: \"@Kremlin says no\"`)"),
                arguments("a title starting with *", ONE, s1.replace("title: Section 1", "title: *Real* demand"),
                        ONE + ":2: the header is not valid YAML: the value starts with `*`, which YAML reads as a mark of its own (put the value in"
                                + " straight double quotes: `title: \"*Real* demand\"`)"),
                arguments("a title starting with a dash", ONE, s1.replace("title: Section 1", "title: - the list"),
                        ONE + ":2: the header is not valid YAML: the value starts with `- `, which YAML reads as a mark of its own (put the value in"
                                + " straight double quotes: `title: \"- the list\"`)"),
                arguments("more corrections than an explainer may list", DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                                "summary: What it is about.\ncorrections:\n" + "  - date: 2026-11-21\n    text: A figure was wrong.\n".repeat(51)),
                        DIR + "index.md:9: `corrections` lists 51 entries; at most 50 are allowed (join entries made on the same day into one)"),
                arguments("aliases in a header", ONE, "---\ntitle: One\ntype: section\norder: 1\ntopics: &t [sanctions]\nx: *t\n---\nText.\n",
                        ONE + ":6: the header is not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=0 (write one"
                                + " `key: value` per line; anchors (&) and aliases (*) are not used in headers)"),
                arguments("an image without an address", ONE, section(1, "", "An extra line.\n\n![A chart]()\n"),
                        ONE + ":16: an image without an address (write the image's file name, beside the text: ![What the image shows](file.png))"),
                arguments("a raw image without an address", ONE, section(1, "", "An extra line.\n\n<img alt=\"A chart\">\n"),
                        ONE + ":16: an image without an address (write the image's file name, beside the text: ![What the image shows](file.png))"),
                arguments("a missing page's address written with an entity", ONE, section(1, "", "An extra line.\n\nSee [this](nowhere&#46;md).\n"),
                        ONE + ":16: link `nowhere.md` points to content/articles/a/nowhere.md, which the site does not have (check the file name; links are relative to this file)"),
                arguments("a missing page's address written as .md", ONE, section(1, "", "An extra line.\n\nSee [this](02-tow.md#main).\n"),
                        ONE + ":16: link `02-tow.md#main` points to content/articles/a/02-tow.md, which the site does not have (did you mean `02-two.md`?)"),
                arguments("an image without a description after one with", ONE, section(1, "", "An extra line.\n\n![A map](ra.png)\n\n![](ra.png)\n"),
                        ONE + ":18: the image `ra.png` has no description (say what it shows between the brackets: ![What the image shows](ra.png))"),
                arguments("a missing page's name with a word left out", ONE, section(1, "", "An extra line.\n\nSee [this](02-the-two.md).\n"),
                        ONE + ":16: link `02-the-two.md` points to content/articles/a/02-the-two.md, which the site does not have (did you mean `02-two.md`?)"),
                arguments("a missing page's address written without an extension", ONE, section(1, "", "An extra line.\n\nSee [this](02-two).\n"),
                        ONE + ":16: link `02-two` points to articles/a/02-two, which the site does not have (did you mean `02-two.md`?)"),
                arguments("table rows after a blank line ended the table", ONE, section(1, "", "An extra line.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n"),
                        ONE + ":20: a table row outside a table: `| 3 | 4 |` (a table starts with its header row and a line like `|---|---|`, and a blank"
                                + " line ends it: to go on after one, start a new table with its header row)"),
                arguments("a table right under a line of text", ONE, section(1, "", "An extra line.\n\nThe figures:\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
                        ONE + ":17: this table follows a line of text without a blank line, so it would be published as text (add a blank line before line 17)"),
                arguments("a numbered list right under a line of text", ONE, section(1, "", "An extra line.\n\nThe steps:\n1. Vote.\n2. Count.\n"),
                        ONE + ":17: this numbered list follows a line of text without a blank line, so it would be published as text (add a blank line before line 17)"),
                arguments("bullets pasted from a word processor", ONE, section(1, "", "An extra line.\n\n• Norway\n• Qatar\n"),
                        ONE + ":16: `•` starts a list item as a word processor writes it: Markdown reads it as text, and joins the items into one line"
                                + " (start each item with `- ` instead (`- Norway`), after a blank line)"),
                arguments("Word's plain-text bullets", ONE, section(1, "", "An extra line.\n\n·\tPoland\no\tVienna\n"),
                        ONE + ":16: `·` starts a list item as a word processor writes it: Markdown reads it as text, and joins the items into one line"
                                + " (start each item with `- ` instead (`- Poland`), after a blank line)"),
                arguments("dashes as bullets", ONE, section(1, "", "An extra line.\n\nThe countries:\n– Germany\n– France\n"),
                        ONE + ":17: `–` starts a list item as a word processor writes it: Markdown reads it as text, and joins the items into one line"
                                + " (start each item with `- ` instead (`- Germany`), after a blank line)"),
                arguments("lettered items", ONE, section(1, "", "An extra line.\n\na) Prices fall\nb) Prices rise\n"),
                        ONE + ":16: `a)` starts a list item as a word processor writes it: Markdown reads it as text, and joins the items into one line"
                                + " (start each item with `- ` instead (`- a) Prices fall`), after a blank line)"),
                arguments("a table pasted with tabs", ONE, section(1, "", "An extra line.\n\nCountry\tStorage\nGermany\t98%\n"),
                        ONE + ":16: these lines hold cells apart by tabs, as a table pasted from a spreadsheet: Markdown joins them into one line (write"
                                + " it as a table: `| Country | Storage |`, then a line `|---|---|`, then a row per line)"),
                arguments("a table of three columns pasted with tabs", ONE, section(1, "", "An extra line.\n\nCountry\tStorage\tDays\nGermany\t98%\t80\n"),
                        ONE + ":16: these lines hold cells apart by tabs, as a table pasted from a spreadsheet: Markdown joins them into one line (write"
                                + " it as a table: `| Country | Storage | Days |`, then a line `|---|---|---|`, then a row per line)"),
                arguments("a paragraph indented as a word processor pastes it", ONE, section(1, "", "An extra line.\n\n\tA pasted paragraph.\n"),
                        ONE + ":16: this paragraph is indented (four spaces or a tab), so it would show as computer code (remove the spaces or tab"
                                + " at the start of its lines; to show code, put ``` on a line before it and after it)"),
                arguments("the title again as the first heading", ONE, s1.replace("---\n\nSome text.", "---\n\n## Section 1\n\nSome text."),
                        ONE + ":13: the text repeats the title `Section 1` as a heading; the page shows the title above the text (remove this heading)"),
                arguments("a non-breaking space after a key", ONE, s1.replace("topics: [", "topics:\u00A0["),
                        ONE + ":9: the header is not valid YAML: no `: ` between the key and its value (the line holds a non-breaking space (U+00A0),"
                                + " pasted from a word processor, which YAML does not read as a space: delete it and type a normal space)"),
                arguments("a zero-width space in a topic", ONE, s1.replace("topics: [sanctions", "topics: [sanctions\u200B"),
                        ONE + ":9: unknown topic `sanctions`: it holds a zero-width space (U+200B), pasted with it (delete the slug and type it again: `sanctions`)"),
                arguments("a section under too many topics", ONE, s1.replace("topics: [sanctions, territory]", "topics: [" + String.join(", ",
                                java.util.Collections.nCopies(13, "sanctions")) + "]"),
                        ONE + ":9: `topics` lists 13 topics; at most 12 are allowed (keep those a reader would look for it under)"),
                arguments("an author by name, not slug", DIR + "index.md", ARTICLE.replace("authors: [jo-doe]", "authors: [Jo Doe]"),
                        DIR + "index.md:6: unknown author `Jo Doe` (write its slug, `jo-doe` (content/_data/authors.yml lists each by its slug))"),
                arguments("an order with a decimal point", ONE, s1.replace("order: 1", "order: 2.5"),
                        ONE + ":5: `order: 2.5` is not a whole number from 1 to 9999 (write a whole number from 1 to 9999, e.g. `order: 1`)"),
                arguments("a date with a non-breaking space after it", ONE, s1.replace("date: 2026-11-20", "date: 20/11/2026\u00A0"),
                        ONE + ":7: `date: 20/11/2026\u00A0` is not a date (write it `date: 2026-11-20` (YYYY-MM-DD))"),
                arguments("a colon in a value holding a backslash", ONE, s1.replace("summary: Section 1.", "summary: Files: C:\\Users\\ada"),
                        ONE + ":10: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight single quotes:"
                                + " `summary: 'Files: C:\\Users\\ada'`)"),
                arguments("a colon in a value holding a non-breaking space", ONE, s1.replace("summary: Section 1.", "summary: Oil: a cap in 5\u00A0km zones"),
                        ONE + ":10: the header is not valid YAML: a second `: ` in the line (a value holding `: ` goes in straight double quotes:"
                                + " `summary: \"Oil: a cap in 5\u00A0km zones\"`)"),
                arguments("a moved_from of many names", ONE, s1.replace("status: published", "status: published\nmoved_from: [" + String.join(", ",
                                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "old-" + i + ".md").toList()) + "]"),
                        ONE + ":9: `moved_from` lists 21 names; at most 20 are allowed (list the names this file had; a file with more old names than"
                                + " that is likely not one file's history)"),
                arguments("two topics without their comma", ONE, s1.replace("topics: [sanctions, territory]", "topics: [sanctions territory]"),
                        ONE + ":9: unknown topic `sanctions territory` (separate topics with commas: `sanctions, territory`)"),
                arguments("a date with a word processor's dashes", ONE, s1.replace("date: 2026-11-20", "date: 2026\u201311\u201320"),
                        ONE + ":7: `date: 2026\u201311\u201320` is not a date (its dashes are a word processor's (\u2013): write it `date: 2026-11-20` (YYYY-MM-DD))"),
                arguments("a date written day first", ONE, s1.replace("date: 2026-11-20", "date: 20/11/2026"),
                        ONE + ":7: `date: 20/11/2026` is not a date (write it `date: 2026-11-20` (YYYY-MM-DD))"),
                arguments("a date that could be either", ONE, s1.replace("date: 2026-11-20", "date: 05/11/2026"),
                        ONE + ":7: `date: 05/11/2026` is not a date (write `date: 2026-11-05` (5 November) or `date: 2026-05-11` (11 May): dates are YYYY-MM-DD)"),
                arguments("a date in words with a time", ONE, s1.replace("date: 2026-11-20", "date: November 20, 2026 7:30pm"),
                        ONE + ":7: `date: November 20, 2026 7:30pm` is not a date (write it `date: 2026-11-20 19:30` (YYYY-MM-DD and a 24-hour time))"),
                arguments("a link to a section still to come", ONE, s1.replace("date: 2026-11-20", "date: \"2026-12-05 09:00\""),
                        DIR + "02-two.md:14: link `01-one.md#main` points to a page that appears on 2026-12-05 09:00 (Europe/London, the date of "
                                + ONE + "): until then the link would lead nowhere (add the link once that page is on the site, or give this file the same"
                                + " date or a later one)"),
                arguments("a link to the place of a section still to come", ONE, s1.replace("date: 2026-11-20", "date: \"2026-12-05 09:00\""),
                        DIR + "02-two.md:14: anchor `#one` is the place of " + ONE + ", which appears on 2026-12-05 09:00 (Europe/London, the date of "
                                + ONE + "): until then the link would lead nowhere (add the #anchor once that section is on the site, or give this file"
                                + " the same date or a later one)"),
                arguments("a name in angle brackets", ONE, section(1, "", "An extra line.\n\nThe wire <Reuters> said so.\n"),
                        ONE + ":16: raw <reuters> is not allowed (use Markdown, or one of the elements CONTRIBUTING.md lists; to show a < as text,"
                                + " write \\<)"),
                arguments("a footnote without its note", ONE, section(1, "", "An extra line.\n\nThe envoy said so.[^envoy]\n"),
                        ONE + ":16: the footnote `[^envoy]` has no note (write its note on a line of its own after the paragraph:"
                                + " `[^envoy]: The note's text.`; a bracket meant as text is written \\[)"),
                arguments("a footnote without its note, ending a line of its paragraph", ONE, section(1, "", "An extra line.\n\nA claim with a note.[^a1]\nThe next line.\n"),
                        ONE + ":16: the footnote `[^a1]` has no note (write its note on a line of its own after the paragraph:"
                                + " `[^a1]: The note's text.`; a bracket meant as text is written \\[)"),
                arguments("a line of dashes right under text, meant as a divider", ONE, section(1, "", "An extra line.\n\nThe first cargo arrived in 2009.\n---\n"),
                        ONE + ":17: this line of `---` right under a line of text makes that text a heading (for a dividing line, leave a blank line"
                                + " above it; for a heading, write ## before the text instead, without the `-` line)"),
                arguments("a note the text does not refer to", ONE, section(1, "", "An extra line.\n\n[^9]: An orphan note.\n"),
                        ONE + ":16: the note `[^9]` is not referred to in the text, so it would not be published (write [^9] in the text where"
                                + " the note belongs, or remove the note)"),
                arguments("a reference link without its definition", ONE, section(1, "", "An extra line.\n\nSee [the treaty][minsk] for more.\n"),
                        ONE + ":16: the link `[the treaty][minsk]` names `[minsk]`, which no line defines (define it on a line of its own:"
                                + " `[minsk]: https://…`, or write the address in the link: [text](address))"),
                arguments("a pasted table without its |---| line", ONE, section(1, "", "An extra line.\n\n| a | b |\n| 1 | 2 |\n| 3 | 4 |\n"),
                        ONE + ":16: a table row outside a table: `| a | b |` (a table starts with its header row and a line like `|---|---|`, and a blank"
                                + " line ends it: to go on after one, start a new table with its header row)"),
                arguments("a title in curly quotes", ONE, s1.replace("title: Section 1", "title: \u201CTalks: the view from Kyiv\u201D"),
                        ONE + ":2: the header is not valid YAML: a second `: ` in the line (the value's quotes are curly (\u201C\u2026\u201D), which YAML"
                                + " reads as text: type straight double quotes \"\u2026\" around it)"),
                arguments("a title in single curly quotes", ONE, s1.replace("title: Section 1", "title: \u2018Gas: the winter\u2019"),
                        ONE + ":2: the header is not valid YAML: a second `: ` in the line (the value's quotes are curly (\u2018\u2026\u2019), which YAML"
                                + " reads as text: type straight double quotes \"\u2026\" around it)"),
                arguments("an image's credit in curly quotes", ONE, section(1, "", "An extra line.\n\n![A chart](chart.png \u201CChart: Ana Silva\u201D)\n"),
                        ONE + ":16: Markdown left as text: `![A chart](chart.png \u201CChart: Ana Silva\u201D)` (the title after the address is in curly"
                                + " quotes, as a word processor types them, and Markdown reads only straight ones: write `](chart.png \"Chart: Ana Silva\")`)"),
                arguments("a link's title in single curly quotes", ONE, section(1, "", "An extra line.\n\nSee the [cold snap](02-two.md \u2018what it would do\u2019).\n"),
                        ONE + ":16: Markdown left as text: `[cold snap](02-two.md \u2018what it would do\u2019).` (the title after the address is in curly"
                                + " quotes, as a word processor types them, and Markdown reads only straight ones: write `](02-two.md \"what it would do\")`)"),
                arguments("a title in curly quotes holding straight ones", ONE, section(1, "", "An extra line.\n\nSee [the vote](02-two.md \u201CHe said \"yes\" twice\u201D).\n"),
                        ONE + ":16: Markdown left as text: `[the vote](02-two.md \u201CHe said \"yes\" twice\u201D).` (the title after the address is in curly"
                                + " quotes, as a word processor types them, and Markdown reads only straight ones: write `](02-two.md 'He said \"yes\" twice')`)"),
                arguments("a title in guillemets", ONE, section(1, "", "An extra line.\n\nSee [the report](02-two.md \u00AB Rapport annuel \u00BB).\n"),
                        ONE + ":16: Markdown left as text: `[the report](02-two.md \u00AB Rapport annuel \u00BB).` (the title after the address is in curly"
                                + " quotes, as a word processor types them, and Markdown reads only straight ones: write `](02-two.md \"Rapport annuel\")`)"),
                arguments("a title in Japanese brackets", ONE, section(1, "", "An extra line.\n\nSee [\u5831\u544A\u66F8](02-two.md \u300C\u5E74\u6B21\u300D).\n"),
                        ONE + ":16: Markdown left as text: `[\u5831\u544A\u66F8](02-two.md \u300C\u5E74\u6B21\u300D).` (the title after the address is in curly"
                                + " quotes, as a word processor types them, and Markdown reads only straight ones: write `](02-two.md \"\u5E74\u6B21\")`)"),
                arguments("a web address without https://", ONE, section(1, "", "An extra line.\n\nSee [this](www.example.org/report).\n"),
                        ONE + ":16: link `www.example.org/report` points to articles/a/www.example.org/report, which the site does not have"
                                + " (an address on another site starts with https://: write `https://www.example.org/report`)"),
                arguments("an e-mail address without mailto:", ONE, section(1, "", "An extra line.\n\nWrite to [the desk](energy-desk@example.org).\n"),
                        ONE + ":16: link `energy-desk@example.org` points to articles/a/energy-desk@example.org, which the site does not have"
                                + " (an e-mail address is linked with mailto: write `mailto:energy-desk@example.org`)"),
                arguments("a link to the preview on the editor's machine", ONE, section(1, "", "An extra line.\n\nSee [the draft](http://127.0.0.1:8820/articles/a/02-two.html).\n"),
                        ONE + ":16: the address `http://127.0.0.1:8820/articles/a/02-two.html` leads to 127.0.0.1, a machine of your own (the preview, or a"
                                + " server on your network), which readers cannot reach (link to an address on the web, which readers can reach)"),
                arguments("a link to a server on the editor's network", ONE, section(1, "", "An extra line.\n\nSee <a href=\"http://localhost/x\">this</a>.\n"),
                        ONE + ":16: the address `http://localhost/x` leads to localhost, a machine of your own (the preview, or a server on your"
                                + " network), which readers cannot reach (link to an address on the web, which readers can reach)"),
                arguments("a link with a name before its host", ONE, section(1, "", "An extra line.\n\nSee [the form](https://www.gov.uk@evil.example/pay).\n"),
                        ONE + ":16: the address `https://www.gov.uk@evil.example/pay` has a name before `@`, `www.gov.uk`, that readers may take for the"
                                + " site: it leads to `evil.example` (write the address without the part up to `@`)"),
                arguments("a link with an invisible character in its host", ONE, section(1, "", "An extra line.\n\nSee [the bank](https://exa&#x200B;mple.com/).\n"),
                        ONE + ":16: the address `https://exa\\u200Bmple.com/` has an invisible character in its host, which a browser drops: the address"
                                + " shown is not the one followed (type the address's host again: it holds a character that cannot be seen)"),
                arguments("a link showing another site's address", ONE, section(1, "", "An extra line.\n\nSign in at [https://www.gov.uk/login](https://evil.example/login).\n"),
                        ONE + ":16: the link to `https://evil.example/login` shows the address `https://www.gov.uk/login` but leads to `evil.example` (an address"
                                + " shown must be the one followed) (write the address it leads to as its text, or say in words what it leads to: [what it"
                                + " leads to, in words](https://evil.example/login))"),
                arguments("two links to one place showing one address together", ONE, section(1, "", "An extra line.\n\nSign in at"
                                + " [gov.](https://evil.example/)[uk/sign-in](https://evil.example/) today.\n"),
                        ONE + ":16: the link to `https://evil.example/` shows the address `gov.uk/sign-in` but leads to `evil.example` (an address shown must"
                                + " be the one followed) (a link's text and the text against it read as one: link the whole address shown, or say in words"
                                + " what it leads to: [what it leads to, in words](https://evil.example/))"),
                arguments("a link showing a free number that dials another", ONE, section(1, "", "An extra line.\n\nCall [0800 123 4567](tel:+449098790000).\n"),
                        ONE + ":16: the link to `tel:+449098790000` shows the number `0800 123 4567` but dials another (an address shown must be the one followed)"
                                + " (write the number it dials as its text, or link the number shown)"),
                arguments("a link showing an e-mail address it does not write to", ONE, section(1, "", "An extra line.\n\nWrite to [help@gov.uk](https://evil.example/help).\n"),
                        ONE + ":16: the link to `https://evil.example/help` shows the e-mail address `help@gov.uk` but does not write to it (an address shown"
                                + " must be the one followed) (link the address itself: [help@gov.uk](mailto:help@gov.uk))"),
                arguments("a link reversing its text", ONE, section(1, "", "An extra line.\n\n<a href=\"https://evil.example/\"><bdo dir=\"rtl\">ku.vog.www//:sptth</bdo></a>\n"),
                        ONE + ":16: raw <bdo> is not allowed (write the text in the order it is read; for a name or quote in another script, `<bdi>` or"
                                + " `dir` lets the browser order it)"),
                // Nor in running text: digits shown in another order than the search, the feed and the diff read them (an attacker's trial).
                arguments("a figure reversed", ONE, section(1, "", "An extra line.\n\nThe ministry counted <bdo dir=\"rtl\">000,05</bdo> casualties.\n"),
                        ONE + ":16: raw <bdo> is not allowed (write the text in the order it is read; for a name or quote in another script, `<bdi>` or"
                                + " `dir` lets the browser order it)"),
                arguments("a missing page's address written as .html", ONE, section(1, "", "An extra line.\n\nSee [this](02-tow.html).\n"),
                        ONE + ":16: link `02-tow.html` points to articles/a/02-tow.html, which the site does not have (did you mean `02-two.html`?)"),
                arguments("an SVG image", DIR + "map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                        "content/articles/a/map.svg: SVG images can run script when opened on their own, so the site publishes none (export the image as PNG and use that file)"),
                arguments("same anchor twice", DIR + "03-one.md", section(3, "", ""),
                        DIR + "03-one.md: the section name `one` is also used by " + ONE + " (both would get the same #anchor on the article page) (rename one of the files)"),
                arguments("a section name the page uses itself", DIR + "03-contents.md", section(3, "", ""),
                        DIR + "03-contents.md: the section name `contents` is reserved for the page itself (#contents) (rename the file, e.g. to `03-contents-section.md`)"),
                arguments("a section named as another's footnote", DIR + "03-one-fn-1.md", section(3, "", ""),
                        DIR + "03-one-fn-1.md: the section name `one-fn-1` ends as the id of a footnote does (`-fn-1`, `-fnref-1`), which the explainer's"
                                + " page gives its sections' notes (rename the file, e.g. to `03-one-note-1.md`)"),
                arguments("file name not a slug", DIR + "04 More Text.md", section(4, "", ""),
                        DIR + "04 More Text.md: the file name `04 More Text.md` is not a slug (rename it to `04-more-text.md`: lowercase letters, digits, hyphens)"),
                arguments("a Markdown file outside an article", "content/loose.md", section(4, "", ""),
                        "content/loose.md: a Markdown file outside an article folder or content/pages/ (put an article's files in content/articles/<article-slug>/ (index.md and <nn>-<name>.md), a standalone page in content/pages/)"),
                arguments("an article without index.md", "content/articles/b/01-x.md", section(1, "", "").replace("article: a", "article: b"),
                        "content/articles/b/01-x.md: the article folder `b` has no index.md (add content/articles/b/index.md with `type: article`)")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void eachBrokenFileGetsItsExactMessage(String name, String file, String text, String message, @TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(file, text);
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains(message), "expected:\n  " + message + "\ngot:\n  " + String.join("\n  ", messages));
    }

    /** An image whose address the allowlist refuses is told once, for its address (it was told again as an image "``" without a description). */
    @Test
    void aRefusedImageAddressIsToldOnce(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "An extra line.\n\n<IMG SRC=\"jav&#x09;ascript:alert(1)\">\n"));
        List<String> messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith(ONE + ":16: the image `jav\\tascript:alert(1)` is on another site"), messages.get(0));
    }

    /** An image written without an address is one problem at its line, not also a link to the page it is on. */
    @Test
    void anImageWithoutAnAddressIsToldOnce(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "An extra line.\n\n![A chart]()\n"));
        assertEquals(List.of(ONE + ":16: an image without an address (write the image's file name, beside the text: ![What the image shows](file.png))"),
                Fixture.messages(f.check()));
    }

    /** A file whose header cannot be read is one problem: the others are not blamed for it (a sub-section first, an unused image). */
    @Test
    void aBrokenHeaderIsNotBlamedOnTheFilesAroundIt(@TempDir Path tmp) throws Exception {
        Fixture f = validTree(tmp);
        f.writeBytes(DIR + "chart.png", Files.readAllBytes(f.dir.resolve("assets/icon.png")));
        f.write(ONE, section(1, "", "![A chart](chart.png)\n").replace("title: Section 1", "title: \"Section 1"));
        f.replace(DIR + "02-two.md", "level: 1", "level: 2");
        List<String> messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith(ONE + ":2: the header is not valid YAML: a quote opened in this line is not closed"), messages.get(0));
        // A file that cannot be read at all (a byte-order mark) is not blamed on the image it shows either.
        f.writeBytes(ONE, ("\uFEFF" + section(1, "", "![A chart](chart.png)\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith(ONE + ":1: the file starts with a byte-order mark"), messages.get(0));
    }

    /** An explainer's index.md that cannot be read, or a lead image refused, is one problem: its sections and header are not blamed too. */
    @Test
    void aBrokenIndexOrLeadImageIsOneProblem(@TempDir Path tmp) throws Exception {
        Fixture f = validTree(tmp);
        f.writeBytes(DIR + "index.md", ("\uFEFF" + ARTICLE).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith(DIR + "index.md:1: the file starts with a byte-order mark"), messages.get(0));
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.", "summary: What it is about.\nimage:\n  src: lead.svg\n  alt: A map"));
        f.write(DIR + "lead.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith(DIR + "lead.svg: SVG images can run script"), messages.get(0));
    }

    /** An editor's backups and autosaves are skipped with a warning: the build (and the preview) goes on, and none is published. */
    @Test
    void anEditorsBackupIsSkippedNotPublished(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "01-one.md~", "the text as it was");
        f.write(DIR + "#01-one.md#", "the text being typed");
        f.write("assets/css/site.css.orig", "body { color: red }");
        f.write("assets/.well-known/security.txt", "Contact: mailto:security@example.org");
        org.explainers.pipeline.Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertEquals(4, Fixture.messages(r).stream().filter(m -> m.contains(": warning: ") && m.contains("it is skipped, not published")).count(), f.log());
        // A publisher's trial: the file is not hidden, its folder is.
        assertTrue(Fixture.messages(r).contains("assets/.well-known/security.txt: warning: `security.txt` is inside the hidden folder `.well-known`:"
                + " it is skipped, not published (a host's own files, such as .well-known/security.txt, go in its configuration (README, Publishing);"
                + " delete it here)"), f.log());
        assertTrue(Fixture.files(f.site()).stream().noneMatch(p -> p.endsWith("~") || p.endsWith("#") || p.endsWith(".orig") || p.contains(".well-known")),
                String.join("\n", Fixture.files(f.site())));
    }

    /** A file name holding a line break (Git carries one) cannot start a line of the build's log, such as a CI workflow command. */
    @Test
    void aFileNameCannotStartALineOfTheLog(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "x\n::error::pwned\u202E.png", "not an image");
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "x\\n::error::pwned\\u202E.png")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains("\n") || m.contains("\u202E")), String.join("\n", messages));
    }

    /** A name of bytes that are not UTF-8 (Git carries any) is told as such, not as a copy that failed (an attacker's trial blamed the disk). */
    @Test
    void aFileNameThatIsNotUtf8IsToldSo(@TempDir Path tmp) throws Exception {
        Fixture f = validTree(tmp);
        Process p = new ProcessBuilder("bash", "-c", "printf 'x' > \"$1/$(printf '13-\\377\\376.md')\"", "_", f.dir.resolve(DIR).toString()).start();
        assertEquals(0, p.waitFor());
        List<String> messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith(DIR + "13-") && messages.get(0).contains(": the name has bytes that are not UTF-8 text"), messages.get(0));
        assertFalse(messages.get(0).contains(tmp.toString()) || messages.get(0).contains("disk space"), messages.get(0));
    }

    /**
     * GitHub's runner takes the older workflow command form, `##[command]`, anywhere in a line (an
     * attacker's trial: a title's `##[stop-commands]`, only a warning, silenced the build's
     * annotations): no line of the build's log holds one, nor one split by an invisible character.
     */
    @Test
    void aTextCannotHoldAWorkflowCommandInTheLog(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        String file = DIR + "01-one.md";
        f.replace(file, "title: ", "title: \"*##[stop-commands]*\"\nx##[add-mask]: ");
        f.build();
        assertTrue(f.log().contains("`*#%23[stop-commands]*`") && f.log().contains("`x#%23[add-mask]`"), f.log());
        assertFalse(f.log().contains("##["), f.log());
        String split = Problem.error("content/a.md", 1, "a ##[error]b", "c#\u00AD#[d #\u200B#[e").toString();
        assertTrue(split.contains("a #%23[error]b") && split.contains("c#\\u00AD#[d #\\u200B#[e"), split);
        assertFalse(split.matches("(?s).*#\\p{Cf}*#\\p{Cf}*\\[.*"), split);
    }

    /**
     * Brackets that overflow Flexmark's parser (whether they do depends on the thread's stack and
     * what is compiled; if not, they are Markdown left as text): a problem naming the file either
     * way, not a build failure naming none.
     */
    @Test
    void aTextThatOverflowsTheParserIsAProblemInItsFile(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", ("[ (](".repeat(220) + "\n").repeat(40)));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":")), String.join("\n", messages));
        assertTrue(messages.stream().allMatch(m -> m.startsWith("content/")), String.join("\n", messages));
    }

    /** A correction naming a section that cannot be read: the section's own problem, not also one of the correction's. */
    @Test
    void aCorrectionIsNotBlamedForASectionThatCannotBeRead(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "index.md", ARTICLE.replace("summary: What it is about.",
                "summary: What it is about.\ncorrections:\n  - date: 2026-11-21\n    text: A figure was wrong.\n    section: 01-one.md"));
        f.write(ONE, "---\ntitle: One\n\nText\n");
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":3: the header is not closed")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains("the correction names")), String.join("\n", messages));
    }

    /** A required key misspelt is one problem, at its line, naming the key meant; not also "the header has no title". */
    @Test
    void aMisspeltRequiredKeyIsOneProblemAtItsLine(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("title: ", "titel: "));
        List<String> messages = Fixture.messages(f.check()).stream().filter(m -> m.startsWith(ONE)).toList();
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).matches(java.util.regex.Pattern.quote(ONE) + ":\\d+: unknown header key `titel` .*did you mean `title`\\?\\)"),
                messages.get(0));
    }

    /** The only section using a topic fails to read: its error, and no warning that nobody uses the topic. */
    @Test
    void aTopicIsNotCalledUnusedWhileItsSectionCannotBeRead(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "03-three.md", section(3, "", "").replace("topics: [", "topics: [trust, ").replace("summary: Section 3.", "summary: Oil: the cap."));
        f.write("content/_data/topics.yml", TOPICS + "- slug: trust\n  name: Trust\n  description: Who believes whom.\n");
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "03-three.md:")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains("no section uses topic")), String.join("\n", messages));
    }

    @Test
    void aWrongValueIsNotAlsoReportedMissing(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("order: 1", "order: first"));
        List<String> messages = Fixture.messages(f.check());
        assertEquals(1, messages.size(), String.join("\n", messages));
    }

    @Test
    void quotedValuesReadAsYamlReadsThemAndYamlGuessesNothing(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("title: Section 1", "title: 'Oil''s cap: a \"deal\"'")
                .replace("summary: Section 1.", "summary: no"));
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html"));
        assertEquals("Oil's cap: a \"deal\"", page.selectFirst("h1").text(), "the title as written");
        assertEquals("no", page.selectFirst("p.standfirst").text(), "`no` stays the word, not YAML's false");
    }

    /** Two pages at one place in the footer are said to be (a new user's trial: ordered without a word); each is still shown. */
    @Test
    void twoPagesAtOnePlaceInTheFooterAreSaid(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.replace("content/pages/corrections.md", "footer: 2", "footer: 1");
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains("content/pages/corrections.md:7: warning: `footer: 1` is also content/pages/about.md's place in the"
                + " footer, so the two are put in the order of their titles (give each page its own number)"), String.join("\n", Fixture.messages(r)));
        assertEquals(2, org.jsoup.Jsoup.parse(f.page("index.html")).select("footer a[href$=about.html], footer a[href$=corrections.html]").size());
    }

    /** A caption after a blank line is still the image's (an editor's trial: it became a paragraph of italics under the figure). */
    @Test
    void aCaptionAfterABlankLineIsTheImages(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String how = "content/articles/gas-storage-explained/02-how-full.md";
        String original = f.read(how);
        f.replace(how, "\"Chart: Tom Okafor\")\n*Storage", "\"Chart: Tom Okafor\")\n\n*Storage");
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(f.page("articles/gas-storage-explained/02-how-full.html"));
        assertEquals("Storage reached 90 per cent in November. Chart: Tom Okafor", page.selectFirst(".prose figure figcaption").text());
        assertTrue(page.select(".prose p > em").stream().noneMatch(e -> e.text().startsWith("Storage reached")), page.selectFirst(".prose").html());

        // Italics that are not all of the next paragraph are text of their own.
        f.replace(how, "\n\n*Storage reached 90 per cent in November.*", "\n\n*Storage reached 90 per cent* in November.");
        assertTrue(f.build().ok(), f.log());
        page = org.jsoup.Jsoup.parse(f.page("articles/gas-storage-explained/02-how-full.html"));
        assertEquals("Chart: Tom Okafor", page.selectFirst(".prose figure figcaption").text());
        assertEquals("Storage reached 90 per cent in November.", page.selectFirst(".prose figure + p").text());

        // The image's line ending in two spaces (a line break), then the caption: a figure too.
        f.write(how, original.replace("Okafor\")\n*Storage", "Okafor\")  \n*Storage"));
        assertTrue(f.build().ok(), f.log());
        page = org.jsoup.Jsoup.parse(f.page("articles/gas-storage-explained/02-how-full.html"));
        assertEquals("Storage reached 90 per cent in November. Chart: Tom Okafor", page.selectFirst(".prose figure figcaption").text());
        // Text on the image's own line is the paragraph's (an inline image), not a caption.
        f.write(how, original.replace("Okafor\")\n*Storage reached 90 per cent in November.*", "Okafor\") Storage reached 90 per cent."));
        assertTrue(f.build().ok(), f.log());

        // On the image's next line, anything but a line in italics is not a caption: told at the image's line.
        for (String line : List.of("Storage reached 90 per cent.", "**Storage reached 90 per cent.**", "*Storage reached 90 per cent.* Photo: Reuters")) {
            f.write(how, original.replace("Okafor\")\n*Storage reached 90 per cent in November.*", "Okafor\")\n" + line));
            List<String> messages = Fixture.messages(f.check());
            assertTrue(messages.contains(how + ":14: the text after the image `storage.png` is not read as its caption: a caption is a line in"
                    + " italics and nothing else (write the caption as *…* alone on the line under the image, or leave a blank line between the"
                    + " image and the text; a credit goes in the image's title: ![…](storage.png \"Photo: …\"))"), line + ": " + String.join("\n", messages));
        }
        // The same image shown again further down: the problem is at that one's line.
        f.write(how, original + "\n![Gas storage again](storage.png)\nStorage again.\n");
        int again = f.read(how).lines().toList().indexOf("![Gas storage again](storage.png)") + 1;
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(how + ":" + again + ": the text after the image `storage.png`")), String.join("\n", messages));
        // An image written as HTML, text after it: told at that HTML's line, not without a line.
        f.write(how, original + "\n<img src=\"storage.png\" alt=\"Gas storage in HTML\">\nStorage in HTML.\n");
        int html = f.read(how).lines().toList().indexOf("<img src=\"storage.png\" alt=\"Gas storage in HTML\">") + 1;
        List<String> told = Fixture.messages(f.check());
        assertTrue(told.stream().anyMatch(m -> m.startsWith(how + ":" + html + ": the text after the image `storage.png`")), String.join("\n", told));
        // Text on the HTML image's own line is the paragraph's, as after a Markdown image.
        f.write(how, original + "\nIn HTML: <img src=\"storage.png\" alt=\"Gas storage in HTML\"> storage.\n\n<img src=\"storage.png\" alt=\"Gas storage\"> Storage in HTML.\n");
        assertEquals(List.of(), Fixture.messages(f.check()));
    }

    /** Every pasted-text mistake of a file is told in one build (an editor's trial: five builds for five mistakes). */
    @Test
    void everyMistakeOfAPastedTextIsToldAtOnce(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "\nFirst table:\n| A | B |\n|---|---|\n| 1 | 2 |\n\nSecond table:\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                + "    Indented one.\n\nPara.\n\n    Indented two.\n\n• bullet one\n\n## Two\n\n#### Four\n\n## Two again\n\n#### Four again\n"));
        List<String> messages = Fixture.messages(f.check()).stream().filter(m -> m.startsWith(ONE + ":")).toList();
        assertEquals(7, messages.size(), String.join("\n", messages));
        assertEquals(7, messages.stream().map(m -> m.split(":")[1]).distinct().count(), "each at its own line: " + String.join("\n", messages));
    }

    /** Bold with a space inside its asterisks, as word processors paste it, is not published with the asterisks (an editor's trial). */
    @Test
    void boldMarkdownDidNotReadIsTold(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "\n**Important: **the talks resume.\n\nIt is **really** over, and `a ** b` is code. The envoy said"
                + " “f**k the EU”; critics gave it ***** out of five.\n"));
        List<String> messages = Fixture.messages(f.check());
        assertEquals(List.of(ONE + ":15: `**` left as text in `**Important: **the talks resume.`: Markdown reads bold only with the asterisks"
                + " against its words (write `**Important:** this`, not `**Important: **this`)"), messages);
    }

    /** Titles and summaries are plain text: Markdown typed in them is said, as it would be published with its asterisks (a warning: `M*A*S*H` is a title). */
    @Test
    void markdownInATitleIsSaid(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("title: Section 1", "title: Is it *really* over?")
                .replace("summary: Section 1.", "summary: The ceasefire, [explained](https://example.org/)."));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains(DIR + "01-one.md:2: warning: `title` has Markdown, `*really*`, which a title shows as typed, marks and all"
                + " (write it without the marks (a title is set in its own type), unless the characters are meant)"), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(DIR + "01-one.md:") && m.contains("`summary` has Markdown, `[explained](https://example.org/)`")),
                String.join("\n", messages));
        f.write(ONE, section(1, "", "").replace("title: Section 1", "title: The snake_case_name and 5 * 3"));
        assertTrue(Fixture.messages(f.check()).isEmpty(), f.log());
    }

    @Test
    void aBrokenVocabularyIsOneProblemNotOnePerSection(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/_data/topics.yml", TOPICS.replace("  name: Territory", "  name: Territory: land"));
        List<String> messages = Fixture.messages(f.check());
        assertEquals(List.of("content/_data/topics.yml:5: not valid YAML: a second `: ` in the line "
                + "(put a value containing `: ` in straight double quotes: `  name: \"Territory: land\"` (the line indented as it is))"), messages);
        // The fix pasted as given builds (an editor's trial: without its indent it started an entry of its own).
        f.write("content/_data/topics.yml", TOPICS.replace("  name: Territory", "  name: \"Territory: land\""));
        assertEquals(List.of(), Fixture.messages(f.check()), f.log());
        f.write("content/_data/topics.yml", TOPICS.replace("  name: Territory", "  name: \"Territory"));
        assertTrue(Fixture.messages(f.check()).get(0).startsWith("content/_data/topics.yml:5: not valid YAML: a quote opened in this line is not closed"),
                f.log());
        f.write("content/_data/topics.yml", TOPICS.replace("  name: Territory", "\tname: Territory"));
        assertTrue(Fixture.messages(f.check()).get(0).startsWith("content/_data/topics.yml:5: not valid YAML: a tab in the line"), f.log());
        assertTrue(Fixture.messages(f.check()).get(0).endsWith("(indent with spaces: `- slug: ...`, then its other lines two spaces in)"), f.log());
        // After the colon, the fix is a space there (an editor's trial: it was told to indent).
        f.write("content/_data/topics.yml", TOPICS.replace("  name: Territory", "  name:\tTerritory"));
        List<String> tab = Fixture.messages(f.check());
        assertEquals(List.of("content/_data/topics.yml:5: not valid YAML: a tab in the line (YAML takes spaces only) (put a space after the colon,"
                + " not a tab: `name: Territory`)"), tab);
    }

    /** Each place of a repeated problem is told at its own line, and several on one line each: an editor fixes them in one go. */
    @Test
    void aRepeatedProblemIsToldAtEachPlace(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "An extra line.\n\n<center>One</center>\n\nText.\n\n<center>Two</center>\n\nSo said the envoy.[^1] See [Gassco][gassco].\n"
                + "\n[![A map](https://elsewhere.example/a.png)](https://example.org/)\n\nSee the note [^gone] here.\n\n"
                + "[![A map](https://elsewhere.example/a.png)](https://example.org/)\n\nSee the note [^gone] here.\n"));
        List<String> messages = Fixture.messages(f.check());
        for (String expected : List.of(ONE + ":16: raw <center> is not allowed", ONE + ":20: raw <center> is not allowed",
                ONE + ":22: the footnote `[^1]` has no note", ONE + ":22: the link `[Gassco][gassco]` names `[gassco]`",
                ONE + ":24: the image `https://elsewhere.example/a.png`", ONE + ":28: the image `https://elsewhere.example/a.png`",
                ONE + ":26: the footnote `[^gone]` has no note", ONE + ":30: the footnote `[^gone]` has no note")) {
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected)), expected + "\ngot:\n  " + String.join("\n  ", messages));
        }
    }

    /**
     * An explainer scheduled whole: its sections link to their places on its page, which appear
     * with them (an editor's trial: "anchor does not exist ... use one of contents, main").
     */
    @Test
    void aScheduledExplainersSectionsLinkToTheirPlacesOnItsPage(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.replace(DIR + "index.md", "date: 2026-11-20", "date: \"2026-12-05 09:00\"");
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.stream().noneMatch(m -> m.contains("anchor") || m.contains("appears on") && m.contains("02-two.md:")),
                String.join("\n", messages));
    }

    /**
     * A section without text is an error in the site's build, a warning in the preview (which shows drafts: a section just begun as
     * a draft blocked the tab it was being written in, a review found), and nothing for a draft in the site's build.
     */
    @Test
    void aSectionWithoutTextIsAnErrorOnlyWhenPublished(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(DIR + "03-three.md", section(3, "", "").replace("\nSome text.\n", "\n").replace("status: published", "status: draft"));
        assertTrue(f.build().ok(), f.log());
        org.explainers.pipeline.Build.Result preview = f.build(new org.explainers.pipeline.Build.Options(f.dir, f.dir.resolve("target/preview"),
                Fixture.HOST, Fixture.NOW, false, true));
        assertTrue(preview.ok(), f.log());
        assertTrue(Fixture.messages(preview).contains(DIR + "03-three.md: warning: the section has no text: its page would show its title alone (write"
                + " its text below the header, or keep it as `status: draft` until it has one)"), String.join("\n", Fixture.messages(preview)));
    }

    /** The free order offered goes by the files' numbers, not their names as text (`2-` before `10-`). */
    @Test
    void aFreeOrderGoesByTheFilesNumbers(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        for (int n = 3; n <= 10; n++) {
            f.write(DIR + n + "-part.md", section(n, "", ""));
        }
        f.write(DIR + "11-extra.md", section(11, "", "").replace("order: 11", "order: 10"));
        List<String> messages = Fixture.messages(f.check());
        assertTrue(messages.contains(DIR + "11-extra.md:5: `order: 10` is also used by " + DIR + "10-part.md (give each section of an explainer its own"
                + " order: 11 keeps it after 10-part.md (10), as the file names have it)"), String.join("\n", messages));
    }

    /** The footer, on every page, lists at most 12 pages: the 13th is told. */
    @Test
    void theFooterHasAtMostTwelvePages(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        for (int i = 10; i < 23; i++) {
            f.write("content/pages/p" + i + ".md", "---\ntitle: Page " + i + "\ntype: page\nstatus: published\nsummary: A page.\nfooter: " + i + "\n---\n\nText.\n");
        }
        List<String> messages = Fixture.messages(f.check());
        assertEquals(List.of("content/pages/p22.md:6: the footer already has 12 pages; at most 12 are allowed (remove `footer:` here, and link to the"
                + " page from another page)"), messages.stream().filter(m -> m.contains("footer")).toList(), String.join("\n", messages));
    }

    /** An entry with a problem of its own (a missing description, role) is told once, at its line: the texts using it are not "unknown". */
    @Test
    void anEntryWithAProblemIsNotAlsoUnknownWhereItIsUsed(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write("content/_data/topics.yml", TOPICS.replace("  description: Land and borders.\n", ""));
        assertEquals(List.of("content/_data/topics.yml:4: an entry of `topics` has no `description` (add an indented `description: ...` line)"),
                Fixture.messages(f.check()));
        f.write("content/_data/topics.yml", TOPICS);
        f.write("content/_data/authors.yml", AUTHORS.replace("  role: Reporter\n", ""));
        assertEquals(List.of("content/_data/authors.yml:1: an entry of `authors` has no `role` (add an indented `role: ...` line)"),
                Fixture.messages(f.check()));
    }

    @Test
    void aVocabularyWithAByteOrderMarkIsOneProblem(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.writeBytes("content/_data/topics.yml", ("\uFEFF" + TOPICS).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("content/_data/topics.yml:1: the file starts with a byte-order mark (an invisible character some editors add) (save it as UTF-8"
                + " without BOM: in VS Code, click \"UTF-8 with BOM\" in the status bar, then \"Save with Encoding\", \"UTF-8\"; in Notepad, Save As with"
                + " Encoding \"UTF-8\")"),
                Fixture.messages(f.check()));
    }

    @Test
    void everyProblemIsReportedInOneRun(@TempDir Path tmp) {
        Fixture f = validTree(tmp);
        f.write(ONE, section(1, "", "").replace("status: published", "status: done")
                .replace("[sanctions, territory]", "[sanctionz, territory]") + "<script>x</script>\n");
        List<String> messages = Fixture.messages(f.check());
        assertEquals(3, messages.size(), String.join("\n", messages));
    }

    @Test
    void theCheckOnlyModeWritesNothing(@TempDir Path tmp) throws Exception {
        Fixture f = validTree(tmp);
        assertTrue(f.check().ok(), f.log());
        assertFalse(Files.exists(f.dir.resolve("target/site")), "check-only wrote a site");
        assertTrue(f.log().contains("nothing was written"), f.log());
    }
}
