package org.explainers.check;

import org.explainers.content.ContentChecksTest;
import org.explainers.content.Markdown;
import org.explainers.content.Problems;
import org.explainers.content.Project;
import org.explainers.content.Urls;
import org.explainers.fixtures.Fixture;
import org.explainers.pipeline.Build;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Raw HTML written to get script past a checker of source lines. Each text, in a section of a
 * pull request, must (1) fail the check with the file, the line and what to write instead, and
 * (2) come out of Flexmark and the allowlist with nothing that could run, load from elsewhere
 * or restyle the page: the rendered output is judged, not the source.
 */
class HostileTextTest {

    static final String ONE = "content/articles/a/01-one.md";
    /** The section's text starts on line 14 (after its header and a line of text). */
    static final int FIRST = 14;

    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                arguments("script", "<script>alert(1)</script>", 0, "raw <script> is not allowed"),
                arguments("script in mixed case", "Text <ScRiPt>alert(1)</sCrIpT>", 0, "raw <script> is not allowed"),
                arguments("an attribute split across two lines", "<a href=\"x.md\"\nonclick=\"alert(1)\">x</a>", 1, "event handler `onclick` on <a> is not allowed"),
                arguments("an unquoted javascript: address", "<a href=javascript:alert(1)>x</a>", 0, "the address `javascript:alert(1)` uses `javascript:`"),
                arguments("a scheme broken across lines", "<a href=\"java\nscript:alert(1)\">x</a>", 0,
                        "the address `java\\nscript:alert(1)` uses `javascript:`"),
                arguments("backticks inside an attribute", "<img src=\"x.png\" alt=\"`\" onerror=\"alert(1)\" title=\"`\">", 0, "event handler `onerror` on <img> is not allowed"),
                arguments("a backtick line that is not a fence", "``not a fence\n\n<script>alert(1)</script>", 2, "raw <script> is not allowed"),
                arguments("letters whose lower case is longer, before a script in the same block", "<p>" + "\u0130".repeat(50) + "</p>\n<script>x</script>", 1,
                        "raw <script> is not allowed"),
                arguments("a fence inside an HTML block", "<div>\n```\n<script>alert(1)</script>\n```\n</div>", 2, "raw <script> is not allowed"),
                arguments("an entity-encoded scheme", "<a href=\"&#106;avascript:alert(1)\">x</a>", 0, "uses `javascript:`"),
                arguments("a tab inside the scheme", "<a href=\"java&#9;script:alert(1)\">x</a>", 0, "uses `javascript:`"),
                // The line of an address written with entities: found by its decoded form too.
                arguments("an entity-encoded link further down", "Intro.\n\nA [x](jav&#x09;ascript:alert(1)) here.", 2, "uses `javascript:`"),
                arguments("an entity-encoded attribute further down", "Intro.\n\n<a href=\"java&#9;script:alert(1)\">x</a>", 2, "uses `javascript:`"),
                arguments("a Markdown link to javascript:", "[x](javascript:alert(1))", 0, "uses `javascript:`"),
                arguments("an autolink to javascript:", "<javascript:alert(1)>", 0, "uses `javascript:`"),
                arguments("a reference to javascript:", "[x][r]\n\n[r]: javascript:alert(1)", 2, "uses `javascript:`"),
                arguments("a data: page", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", 0, "uses `data:`"),
                arguments("vbscript", "<a href=\"vbscript:msgbox(1)\">x</a>", 0, "uses `vbscript:`"),
                arguments("an image from another site", "![A pixel](https://tracker.example/p.png)", 0, "is on another site"),
                // Its line, not that of a link above to the same address (a link may go there; an image may not come from there).
                arguments("an image from another site below a link to it", "See [the photo](https://tracker.example/p.png).\n\n![A pixel](https://tracker.example/p.png)",
                        2, "is on another site"),
                arguments("a raw image from another site below a link to it", "See [the photo](https://tracker.example/p.png).\n\n<img src=\"https://tracker.example/p.png\" alt=\"A pixel\">",
                        2, "is on another site"),
                arguments("an image from another site inside a link to it", "Intro.\n\n[![A pixel](https://tracker.example/p.png)](https://tracker.example/p.png)",
                        2, "is on another site"),
                arguments("an image with a javascript: source", "![x](javascript:alert(1))", 0, "the image `javascript:alert(1)`"),
                arguments("a frame from a host not in the list", "<iframe src=\"https://evil.example/\"></iframe>", 0, "raw <iframe> is not allowed"),
                arguments("inline SVG with script", "<svg><script>alert(1)</script></svg>", 0, "raw <svg> is not allowed"),
                arguments("an SVG onload", "<svg onload=alert(1)>", 0, "raw <svg> is not allowed"),
                arguments("a style element", "<style>body{display:none}</style>", 0, "raw <style> is not allowed"),
                arguments("a style attribute", "<p style=\"position:fixed;top:0\">x</p>", 0, "`style` on <p> is not allowed"),
                // Its line, not that of a link above with the same word in it.
                arguments("a style attribute below a link about style", "See [the style guide](x.md).\n\n<p style=\"top:0\">x</p>", 2,
                        "`style` on <p> is not allowed"),
                arguments("a form", "<form action=\"https://evil.example/\"><input name=p></form>", 0, "raw <form> is not allowed"),
                arguments("a base element", "<base href=\"https://evil.example/\">", 0, "raw <base> is not allowed"),
                arguments("a meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", 0, "raw <meta> is not allowed"),
                arguments("an object", "<object data=\"x.swf\"></object>", 0, "raw <object> is not allowed"),
                arguments("a link opening a new window", "<a href=\"https://example.org\" target=\"_blank\">x</a>", 0, "`target` on <a> is not allowed"),
                arguments("an id taking the page's own", "<span id=\"main\">x</span>", 0, "an `id` is not allowed in the text"),
                arguments("text hidden in forty <sub>", "Seen.\n\nVisible " + "<sub>".repeat(40) + "hidden" + "</sub>".repeat(40) + " text.", 2,
                        "<sub> inside 2 others of <sub>, <sup>, <small>, <code> and the like makes its text too small to read"),
                arguments("text hidden in thirty <code>", "Seen.\n\nVisible <sub><sub>" + "<code>".repeat(30) + "hidden" + "</code>".repeat(30) + "</sub></sub> text.",
                        2, "<code> inside 2 others of <sub>, <sup>, <small>, <code> and the like makes its text too small to read"),
                arguments("digits reordered by dir", "Seen.\n\nPrice: <span dir=\"rtl\">000 50</span> pounds.", 2,
                        "`dir=\"rtl\"` on text without a right-to-left letter shows its digits and words in another order than written"),
                arguments("digits reordered by a right-to-left mark", "Seen.\n\nPrice: <bdi>&rlm;000 50</bdi> pounds.", 2,
                        "a right-to-left mark on text without a right-to-left letter shows its digits and words in another order than written"),
                arguments("digits reordered in a table an Arabic caption covers", "Seen.\n\n<table dir=\"rtl\">\n<caption>Figures quoted by <q lang=\"ar\">وكالة</q>"
                        + "</caption>\n<tr><th>Side</th><th>Losses</th></tr>\n<tr><td>000 50</td><td>2 17</td></tr>\n</table>", 5,
                        "`000 50` is shown right to left, so its numbers appear in the other order (as `50 000`)"),
                arguments("digits reordered beside an Arabic word", "Seen.\n\n<p dir=\"rtl\">000 50 <q lang=\"ar\">لا</q></p>", 2,
                        "`000 50` is shown right to left, so its numbers appear in the other order (as `50 000`)"),
                arguments("digits reordered in a subscript of a right-to-left paragraph", "Seen.\n\n<p dir=\"rtl\">السعر <sub>000 50</sub> جنيه</p>", 2,
                        "`000 50` is shown right to left"),
                arguments("digits reordered in an inline part set right to left", "Seen.\n\nالسعر <span dir=\"rtl\">كان 000 50</span> جنيه.", 2,
                        "`000 50` is shown right to left"),
                arguments("text hidden under notes made by hand", "Seen.\n\nVisible " + "<sub><a class=\"footnote-ref\" href=\"https://example.org/\">.</a>".repeat(30)
                        + "hidden" + "</sub>".repeat(30) + " text.", 2, "makes its text too small to read"),
                // Flexmark's own marker's look, leading to another site (an attacker's trial).
                arguments("a footnote's marker made by hand to another site", "A claim.[^1] A fake one.<sup><a class=\"footnote-ref\" href=\"https://evil.example/s\">2</a></sup>"
                        + "\n\n[^1]: A real source.", 0, "class `footnote-ref` belongs only on a link to a note of this text"),
                arguments("text hidden in notes' blocks inside each other", "Seen.\n\n" + "<div class=\"footnotes\">".repeat(60) + "hidden" + "</div>".repeat(60),
                        2, "class `footnotes` belongs only to the notes Flexmark writes at the text's end"),
                arguments("a comment before a script", "<!-- x --><script>alert(1)</script>", 0, "raw <script> is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void failsTheCheckWithItsLine(String name, String text, int lineInText, String message, @TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", text + "\n"));
        Build.Result r = f.build();
        assertFalse(r.ok(), "the build must fail:\n" + f.log());
        String expected = ONE + ":" + (FIRST + lineInText) + ": ";
        List<String> messages = Fixture.messages(r);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected) && m.contains(message)),
                "expected " + expected + "..." + message + "\ngot:\n  " + String.join("\n  ", messages));
        assertFalse(f.site().toFile().exists(), "nothing was published");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void nothingOfItSurvivesTheAllowlist(String name, String text, int lineInText, String message, @TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        Project project = Project.open(f.dir, f.site(), Fixture.HOST, new Problems());
        Markdown markdown = Markdown.of(project.jbake);
        String rendered = markdown.render(markdown.parse(List.of(text.split("\n"))));
        HtmlPolicy policy = new HtmlPolicy(Set.of("www.youtube-nocookie.com"));
        Document clean = new Cleaner(policy).clean(Jsoup.parseBodyFragment(rendered));
        assertEquals(List.of(), dangers(clean, policy), "rendered: " + rendered + "\ncleaned: " + clean.body().html());
    }

    /** What in a cleaned text could run, load from elsewhere, submit or restyle the page. */
    static List<String> dangers(Document doc, HtmlPolicy policy) {
        List<String> found = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            if (Set.of("script", "style", "svg", "object", "embed", "form", "input", "base", "meta", "link", "math").contains(e.normalName())) {
                found.add("<" + e.normalName() + ">");
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase();
                if (key.startsWith("on") || key.equals("style") || key.equals("target") || key.equals("srcdoc")) {
                    found.add(key + " on <" + e.normalName() + ">");
                }
                if (key.equals("href") && Urls.linkProblem(a.getValue()) != null) {
                    found.add("href " + a.getValue());
                }
                if (key.equals("src") && (e.normalName().equals("iframe")
                        ? Urls.embedProblem(a.getValue(), Set.of("www.youtube-nocookie.com")) : Urls.fileProblem(a.getValue())) != null) {
                    found.add("src " + a.getValue());
                }
            }
        }
        return found;
    }

    /**
     * Numbers shown in the other order are refused in a header's text as in the text (an
     * attacker's trial: a Hebrew standfirst showed `50 000` where the review read `000 50`): a
     * title, a summary, a lead image's caption, a correction; each at its line. A comma or a
     * no-break space joins a number's digits and passes.
     */
    @Test
    void numbersShownInTheOtherOrderAreRefusedInAHeaderToo(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        String swapped = "\"\u05E9\u05DC\u05D5\u05DD 000 50 \u05E0\u05E4\u05D2\u05E2\u05D9\u05DD\"";
        f.write(ONE, ContentChecksTest.section(1, "", "").replace("title: Section 1", "title: " + swapped)
                .replace("summary: Section 1.", "summary: " + swapped));
        f.write("content/articles/a/index.md", ContentChecksTest.ARTICLE.replace("summary: What it is about.", "summary: What it is about.\n"
                + "corrections:\n  - date: 2026-11-21\n    text: " + swapped + "\n"));
        List<String> messages = Fixture.messages(f.build());
        for (String at : List.of(ONE + ":2: `title`'s `000 50` is shown right to left, so its numbers appear in the other order (as `50 000`)",
                ONE + ":10: `summary`'s `000 50`", "content/articles/a/index.md:10: `text`'s `000 50`")) {
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(at)), at + "\ngot:\n  " + String.join("\n  ", messages));
        }
        // An English title opening with a Hebrew name: a browser's tab lays it out by its first letter.
        f.write("content/articles/a/index.md", ContentChecksTest.ARTICLE.replace("title: An article", "title: \"\u05E9\u05DC\u05D5\u05DD 000 50 and more words here\""));
        f.write(ONE, ContentChecksTest.section(1, "", ""));
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.startsWith("content/articles/a/index.md:2: `title`'s `000 50`")), f.log());
        // Spaces as HTML shows them: two are one (a false-alarm trial).
        f.write("content/articles/a/index.md", ContentChecksTest.ARTICLE.replace("summary: What it is about.", "summary: \"\u05E9\u05DC\u05D5\u05DD 50  000\""));
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.startsWith("content/articles/a/index.md:7: `summary`'s `50 000`")), f.log());
        // A comma or a no-break space joins a number; two numbers without a group of three are two (Formula 1 2024, a score 2 1).
        f.write("content/articles/a/index.md", ContentChecksTest.ARTICLE.replace("title: An article", "title: \"\u05E9\u05DC\u05D5\u05DD 50,000 \u05D5-50\\u00A0000\""));
        assertTrue(f.build().ok(), f.log());
        f.write("content/articles/a/index.md", ContentChecksTest.ARTICLE.replace("title: An article", "title: \"\u05E4\u05D5\u05E8\u05DE\u05D5\u05DC\u05D4 1 2024: \u05E0\u05D9\u05E6\u05D7\u05D5\u05DF 2 1\""));
        assertTrue(f.build().ok(), f.log());
    }

    /**
     * The same address twice, once in other capitals, is told at each of its lines (a new user's
     * trial: both were told at the first, found capitals aside but counted as written).
     */
    @Test
    void anAddressTwiceInOtherCapitalsIsToldAtEachLine(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "A [first](JavaScript:alert(1)) link.\n\nThen [click](javascript:alert(1)) here.\n"));
        List<String> messages = Fixture.messages(f.build());
        for (int line : List.of(FIRST, FIRST + 2)) {
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":" + line + ": ") && m.contains("uses `javascript:`")), line + ": " + messages);
        }
    }

    /**
     * A table whose grid (its widest row by its rows) a browser takes minutes to lay out is refused
     * at its line, a row span counted only to the end of its rows; a data table of ordinary size is
     * published (an attacker's trial: 1,000 cells of colspan 1000 over 100 rows froze a reader's browser).
     */
    @Test
    void aTableSpanningAHugeGridIsRefusedAtItsLine(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        String wide = "<tr>" + "<td colspan=\"1000\">x</td>".repeat(20) + "</tr>" + "<tr><td>r</td></tr>".repeat(9);
        f.write(ONE, ContentChecksTest.section(1, "", "Before.\n\n<table>\n" + wide + "\n</table>\n"));
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(ONE + ":" + (FIRST + 2) + ": the table is 20,000 columns wide and 10 rows long, its spans counted:"
                + " 200,000 cells; at most 100,000 are allowed (a browser takes minutes to lay out more) (lower its colspan and rowspan, or split it;"
                + " a large data set is better offered as a CSV download)"), String.join("\n", Fixture.messages(r)));
        // Tall spans reach only the end of their rows (200 by 200); a data table of 40 columns and 1,000 rows is fine.
        String tall = "<tr><td rowspan=\"65534\">x</td></tr>\n".repeat(200);
        String data = ("|" + " c |".repeat(40) + "\n").repeat(1001).replaceFirst("\n", "\n|" + "---|".repeat(40) + "\n");
        f.write(ONE, ContentChecksTest.section(1, "", "<table>" + tall + "</table>\n\n" + data));
        assertTrue(f.build().ok(), f.log());
        f.write(ONE, ContentChecksTest.section(1, "", "<table>" + tall.repeat(2) + "</table>\n"));
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.contains("the table is 400 columns wide and 400 rows long")), f.log());
        // Columns widen it too, and it is told at its own line after a Markdown table (a round-two attacker's trial; a reviewer's).
        f.write(ONE, ContentChecksTest.section(1, "", "| a | b |\n|---|---|\n| 1 | 2 |\n\n<table><colgroup>\n" + "<col span=\"1000\">".repeat(20)
                + "\n</colgroup>\n" + "<tr><td>x</td></tr>\n".repeat(10) + "</table>\n"));
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.startsWith(ONE + ":" + (FIRST + 4) + ": the table is 20,000 columns wide"
                + " and 10 rows long")), f.log());
    }

    /**
     * Tables each under the bound are bounded together, in a text and on the explainer's page that
     * shows every section (a third attacker's trial: a hundred tables of 1 by 100,000 cells froze a
     * browser for over a minute); the cache keeps a text's count for the next build.
     */
    @Test
    void tablesEachUnderTheBoundAreBoundedTogether(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        String table = "<table><tr>" + "<td colspan=\"1000\">x</td>".repeat(60) + "</tr></table>\n\n"; // 60,000 cells
        f.write(ONE, ContentChecksTest.section(1, "", "Before.\n\n" + table + table));
        List<String> messages = Fixture.messages(f.build());
        assertTrue(messages.contains(ONE + ":" + (FIRST + 4) + ": with this table, the text's tables have 120,000 cells in all, their spans counted;"
                + " at most 100,000 are allowed in one text (a browser takes minutes to lay out more) (lower their colspan and rowspan, or offer"
                + " the data as a CSV download)"), String.join("\n", messages));
        f.write(ONE, ContentChecksTest.section(1, "", "Before.\n\n" + table));
        assertTrue(f.build().ok(), f.log());
        String two = "content/articles/a/02-two.md";
        f.write(two, ContentChecksTest.section(2, "", "Before.\n\n" + table));
        messages = Fixture.messages(f.build());
        assertTrue(messages.contains(two + ":" + (FIRST + 2) + ": with this section's, the tables on the explainer's page (which shows every section) have 120,000"
                + " cells in all, their spans counted; at most 100,000 are allowed on one page (a browser takes minutes to lay out more) (lower"
                + " their colspan and rowspan, or offer the data as a CSV download)"), String.join("\n", messages));
        f.write(two, ContentChecksTest.section(2, "", "Before.\n\n" + table).replace("status: published", "status: draft"));
        assertTrue(f.build().ok(), f.log()); // a draft is not on the page
    }

    /** A link without text, and an image described by its file's name or a word for any image, are refused at their lines (an editor's trial). */
    @Test
    void aLinkWithoutTextAndAnImageDescribedByNothingAreRefused(@TempDir Path tmp) throws java.io.IOException {
        Fixture f = ContentChecksTest.validTree(tmp);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        f.writeBytes("content/articles/a/map.png", png.toByteArray());
        f.writeBytes("content/articles/a/img_4032.png", png.toByteArray());
        f.writeBytes("content/articles/a/3m.png", png.toByteArray());
        f.write(ONE, ContentChecksTest.section(1, "", "See [](02-two.md) here.\n\nAnd <a href=\"02-two.md\"> </a> there.\n\n![image](map.png)\n\n![map.png](map.png)\n\n![IMG_4032](img_4032.png)\n\n![Map](map.png)\n\n![3M](3m.png)\n"));
        List<String> messages = Fixture.messages(f.build());
        assertTrue(messages.contains(ONE + ":" + FIRST + ": the link to `02-two.md` has no text (write what it leads to between the brackets:"
                + " [the text readers click](02-two.md))"), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":" + (FIRST + 2) + ": the link to `02-two")), String.join("\n", messages));
        assertTrue(messages.contains(ONE + ":" + (FIRST + 4) + ": the image `map.png` is described only as `image` (say what it shows between the"
                + " brackets: ![What the image shows](map.png))"), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":" + (FIRST + 6) + ": the image `map.png` is described only as `map.png`")),
                String.join("\n", messages));
        // A camera's name for it, without its extension (an editor's trial); a name of words may be meant.
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":" + (FIRST + 8) + ": the image `img_4032.png` is described only as `IMG_4032`")),
                String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.startsWith(ONE + ":" + (FIRST + 10) + ":")), String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.startsWith(ONE + ":" + (FIRST + 12) + ":")), "a logo's name: " + String.join("\n", messages));
    }

    /** A footnote's id given to another element in raw HTML (an attacker's trial) would take the footnote's links there: told at that line. */
    @Test
    void aFootnotesIdGivenAgainIsRefusedAtItsLine(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "A claim.[^1]\n\nMore <sup id=\"fn-1\">x</sup> here.\n\n[^1]: The source.\n"));
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(ONE + ":" + (FIRST + 2) + ": the id `fn-1` is given twice in this text, so links to it may lead to"
                + " the wrong place (write footnotes in Markdown, as [^1], and remove the `id` from the HTML)"), String.join("\n", Fixture.messages(r)));
        f.write(ONE, ContentChecksTest.section(1, "", "A claim.[^1] And another.[^2]\n\n[^1]: The source.\n[^2]: Another.\n"));
        assertTrue(f.build().ok(), "footnotes alone: " + f.log());
    }

    @Test
    void anEmbedFromAListedHostIsPublishedAndThePolicyLetsItIn(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.replace("jbake.properties", "embed.hosts=", "embed.hosts=www.youtube-nocookie.com");
        // YouTube's own embed code, as an editor pastes it: its host is told, and its frameborder is dropped, not refused.
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube.com/embed/x\" title=\"A video\" frameborder=\"0\"></iframe>\n"));
        Build.Result refused = f.build();
        assertFalse(refused.ok());
        assertTrue(Fixture.messages(refused).stream().anyMatch(m -> m.startsWith(ONE + ":14: the frame `https://www.youtube.com/embed/x` is on"
                + " www.youtube.com, which sets cookies on readers; the site embeds YouTube from www.youtube-nocookie.com")), f.log());
        String youtube = "allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" allowfullscreen";
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"A video\" frameborder=\"0\" "
                + youtube + "></iframe>\n"));
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        Document page = Jsoup.parse(f.page("articles/a/01-one.html"));
        assertEquals("https://www.youtube-nocookie.com/embed/x", page.selectFirst(".prose iframe").attr("src"));
        assertFalse(page.selectFirst(".prose iframe").hasAttr("frameborder"), "obsolete: dropped");
        // The frame cannot move the page elsewhere or open dialogs over it (an attacker's trial), nor be given the reader's camera.
        assertEquals("allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation",
                page.selectFirst(".prose iframe").attr("sandbox"));
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"A video\""
                + " allow=\"autoplay; camera *; microphone\"></iframe>\n"));
        List<String> given = Fixture.messages(f.build());
        assertTrue(given.contains(ONE + ":14: `allow` gives the frame `camera *`; a frame may have only accelerometer, autoplay, clipboard-write,"
                + " encrypted-media, fullscreen, gyroscope, picture-in-picture, web-share, for its own site (keep only those in `allow`, without `*` or"
                + " other sites: allow=\"autoplay; encrypted-media; picture-in-picture\")"), String.join("\n", given));
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"A video\" sandbox=\"allow-top-navigation allow-scripts\"></iframe>\n"));
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.equals(ONE + ":14: `sandbox` is the build's, `allow-scripts allow-same-origin allow-popups"
                + " allow-popups-to-escape-sandbox allow-presentation` (remove the attribute)")), f.log());
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"A video\" referrerpolicy=\"unsafe-url\"></iframe>\n"));
        assertTrue(Fixture.messages(f.check()).stream().anyMatch(m -> m.startsWith(ONE + ":14: referrerpolicy `unsafe-url` sends readers' addresses")),
                "told by the content's check, at its line: " + f.log());
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"A video\"></iframe>\n"));
        assertTrue(f.build().ok(), f.log());
        String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.contains("frame-src https://www.youtube-nocookie.com;"), csp);
        // A frame's title is what a screen reader says of it: the player's own, or none, says nothing (an editor's trial).
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"YouTube video player\"></iframe>\n\n"
                + "<iframe src=\"https://www.youtube-nocookie.com/embed/y\"></iframe>\n"));
        List<String> untitled = Fixture.messages(f.build());
        assertTrue(untitled.contains(ONE + ":14: the frame `https://www.youtube-nocookie.com/embed/x` has the title `YouTube video player`, which says"
                + " nothing of it (say what it shows in its title: <iframe title=\"Video: how gas is stored underground\" …>)"), String.join("\n", untitled));
        assertTrue(untitled.stream().anyMatch(m -> m.startsWith(ONE + ":16: the frame `https://www.youtube-nocookie.com/embed/y` has no title")),
                String.join("\n", untitled));
        // YouTube's share code carries `si=`, which tells YouTube who shared the video (an editor's trial).
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x?si=AbC123\" title=\"A video\"></iframe>\n"));
        assertTrue(Fixture.messages(f.build()).stream().anyMatch(m -> m.startsWith(ONE + ":14: the frame `https://www.youtube-nocookie.com/embed/x?si=AbC123`"
                + " carries `si=` from YouTube's share button")), f.log());
    }

    /** Where the site lists no host to embed, a frame is told that, and how a maintainer allows one. */
    @Test
    void aFrameWhereNoHostIsListedSaysHowOneIs(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"A video\"></iframe>\n"));
        assertTrue(Fixture.messages(f.build()).contains(ONE + ":14: raw <iframe> is not allowed (this site embeds no other site's pages yet: a maintainer"
                + " lists the hosts it may in jbake.properties (e.g. embed.hosts=www.youtube-nocookie.com); until then, link to the page)"), f.log());
    }

    /**
     * A quote in another language and script (an editor's trial: `<q lang="ar" dir="rtl">` and
     * `<bdi>` were refused, and an Arabic quote inside English came out jumbled): kept, with its
     * language and direction; a value that is not a language tag or a direction is refused.
     */
    @Test
    void aQuoteInAnotherScriptKeepsItsLanguageAndDirection(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "The minister said <q lang=\"ar\" dir=\"rtl\">نحن ملتزمون بتزويد أوروبا بالغاز</q>,"
                + " quoting <bdi>محمد</bdi> in <span lang=\"uk\">Київ</span>, <span lang=\"yue-Hant-HK\">廣東話</span> and <span lang=\"x-klingon\">Qapla'</span>."
                + "\n\n<p dir=\"rtl\">قتل 50,000 شخص بين 1990 – 2000، و50\u00A0000 في عام 2024.</p>\n\n<p dir=\"ltr\">مرحبا means hello.</p>\n"
                // Numbers a browser shows as meant (a trial of the check for false alarms): a note's number after a year, two lines of an
                // address, a column of figures in code.
                + "\nوصلت النسبة إلى 48% في عام 2023 [^1]\n\n<p dir=\"rtl\">ص.ب 2412<br>11181 عمّان</p>\n\n```\nعمان          4007526     61\n```\n"
                + "\n<p dir=\"rtl\">السعر <code>000 50</code> جنيه</p>\n"
                + "\n[^1]: المصدر.\n"));
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        Document page = Jsoup.parse(f.page("articles/a/01-one.html"));
        Element q = page.selectFirst(".prose q");
        assertEquals("ar", q.attr("lang"));
        assertEquals("rtl", q.attr("dir"));
        assertEquals("محمد", page.selectFirst(".prose bdi").text());
        assertEquals("uk", page.selectFirst(".prose span[lang]").attr("lang"));
        assertEquals("ltr", page.select(".prose p:contains(means hello)").first().attr("dir"), "the editor's direction stands");
        f.write(ONE, ContentChecksTest.section(1, "", "A <q lang=\"not a language\" dir=\"sideways\">quote</q>, <span lang=\"english\">this</span>,"
                + " <span lang=\"Deutsch\">das</span> and <span lang=\"zz\">x</span>.\n"));
        List<String> messages = Fixture.messages(f.build());
        for (String expected : List.of(ONE + ":14: lang `not a language` is not a language tag", ONE + ":14: dir `sideways` is not ltr, rtl or auto",
                ONE + ":14: lang `english` is not a language tag (en, ar, uk, pt-BR): English is `en`",
                ONE + ":14: lang `Deutsch` is not a language tag (en, ar, uk, pt-BR): German is `de`", ONE + ":14: lang `zz` is not a language tag")) {
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected)), expected + "\ngot:\n  " + String.join("\n  ", messages));
        }
    }

    /**
     * A paragraph mostly in a right-to-left script reads right to left (`dir="rtl"`), also when its
     * letters are written as character references, which only the parsed text shows; a paragraph of
     * ASCII, and an English one opening with an Arabic name, stay as they are.
     */
    @Test
    void aParagraphInARightToLeftScriptReadsRightToLeft(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "\n\n&#x5E9;&#x5DC;&#x5D5;&#x5DD; &#1506;&#1493;&#1500;&#1501;.\n\n"
                + "مرحبا is how people say hello in Cairo and far beyond it.\n\nنحن ملتزمون بتزويد أوروبا بالغاز.\n"));
        assertTrue(f.build().ok(), f.log());
        List<String> dirs = Jsoup.parse(f.page("articles/a/01-one.html")).select(".prose p").stream().map(p -> p.attr("dir")).toList();
        assertEquals(List.of("", "rtl", "", "rtl"), dirs, "the Hebrew written as references and the Arabic paragraph, and no other");
    }

    /**
     * A title in Arabic takes its own direction wherever it is shown (its heading, the contents,
     * the links before and after), and an English one opening with an Arabic name its own; a site
     * written in Arabic reads right to left as a whole.
     */
    @Test
    void aTitleAndASiteInARightToLeftScriptReadRightToLeft(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "Text.\n").replace("title: Section 1", "title: \"قطر والغاز: ماذا يعني ذلك لأوروبا؟\""));
        assertTrue(f.build().ok(), f.log());
        Document section = Jsoup.parse(f.page("articles/a/01-one.html"));
        assertEquals("rtl", section.selectFirst("main h1").attr("dir"));
        assertEquals("ltr", section.selectFirst("html").attr("dir").isEmpty() ? "ltr" : section.selectFirst("html").attr("dir"), "an English site");
        Document next = Jsoup.parse(f.page("articles/a/02-two.html"));
        assertTrue(next.select("[dir=rtl]").stream().anyMatch(a -> a.text().contains("قطر")), "the link to it: " + next.select("[dir]"));
        // By the count of its letters, not its first (a browser's dir="auto"): an English headline opening with an Arabic name (an editor's trial).
        f.write(ONE, ContentChecksTest.section(1, "", "Text.\n").replace("title: Section 1", "title: \"حزب الله’s gas gamble: 3 scenarios\""));
        assertTrue(f.build().ok(), f.log());
        assertEquals("ltr", Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("main h1").attr("dir"));
        assertTrue(Jsoup.parse(f.page("articles/a/02-two.html")).select("[dir=ltr]").stream().anyMatch(a -> a.text().contains("gamble")));
        f.replace("jbake.properties", "site.language=en", "site.language=ar");
        assertTrue(f.build().ok(), f.log());
        assertEquals("rtl", Jsoup.parse(f.page("index.html")).selectFirst("html").attr("dir"));
    }

    @Test
    void theRawHtmlANewsroomNeedsIsKept(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", """
                <details><summary>Sources</summary>

                The <abbr title="European Union">EU</abbr> figures, <mark>checked</mark> on <time datetime="2026-11-20">20 November</time>.

                </details>

                H<sub>2</sub>O and E = mc<sup>2</sup>; <kbd>Ctrl</kbd>; <q cite="https://example.org">a quote</q>.
                """));
        assertTrue(f.build().ok(), f.log());
        Document page = Jsoup.parse(f.page("articles/a/01-one.html"));
        for (String kept : List.of("details", "summary", "abbr[title]", "mark", "time[datetime]", "sub", "sup", "kbd", "q[cite]")) {
            assertTrue(page.selectFirst(".prose " + kept) != null, kept + " is kept");
        }
    }

    /** Placeholders as desks write them are found, full-width ones too; a name that begins with TK is not one. */
    @Test
    void placeholdersAreFoundAsDesksWriteThem() {
        assertEquals("[TK: figure]", org.explainers.content.Text.placeholderIn("Showers save [TK: figure] litres.".toCharArray()));
        assertEquals("[tk figure]", org.explainers.content.Text.placeholderIn("Showers save [tk figure].".toCharArray()));
        assertEquals("[TK]", org.explainers.content.Text.placeholderIn("[TK]".toCharArray()));
        assertEquals("TK", org.explainers.content.Text.placeholderIn("Households used TK litres.".toCharArray()));
        assertEquals("TK", org.explainers.content.Text.placeholderIn("The total is TK.".toCharArray()));
        assertEquals("TKTK", org.explainers.content.Text.placeholderIn("It rose by tktk.".toCharArray()));
        assertEquals("Lorem ipsum", org.explainers.content.Text.placeholderIn("Lorem\u00A0ipsum dolor.".toCharArray()));
        // Typed on a CJK keyboard: full-width forms of ASCII.
        assertEquals("TK", org.explainers.content.Text.placeholderIn("Households used \uFF34\uFF2B litres.".toCharArray()));
        assertEquals("TKTK", org.explainers.content.Text.placeholderIn("It rose by \uFF34\uFF2B\uFF34\uFF2B.".toCharArray()));
        for (String fine : new String[]{"Shoppers at TK Maxx.", "Flight TK 2412 left.", "The TKO came late.", "Hartkopf and Utkin met.", "[Tkachenko, 2020]", "ATK said so."}) {
            assertEquals(null, org.explainers.content.Text.placeholderIn(fine.toCharArray()), fine);
        }
    }

    /**
     * A headline or summary that begins like a scheme ("Data: …") is text in the JSON-LD, not an
     * address, and builds; the machine's own folder in a text is told at its line by the content
     * check, drafts and scheduled pieces included, not by the output check once it is out (an
     * attacker's trial: a scheduled headline passed its pull request, then stopped every build).
     */
    @Test
    void aTextThatLooksLikeAnAddressOrAFolderIsToldAtItsLine(@TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        f.write(ONE, ContentChecksTest.section(1, "", "Some more.\n").replace("title: Section 1", "title: \"Data: who holds yours\"")
                .replace("summary: Section 1.", "summary: \"JavaScript: the language of the web.\""));
        assertTrue(f.build().ok(), f.log());
        assertTrue(f.page("articles/a/01-one.html").contains("\"headline\":\"Data: who holds yours\""), f.page("articles/a/01-one.html"));
        String folder = f.dir.resolve("templates").toAbsolutePath() + java.io.File.separator;
        f.write(ONE, ContentChecksTest.section(1, "", "Some more.\n\nThe build ran in " + folder + " yesterday.\n")
                .replace("date: 2026-11-20", "date: 2099-01-01 07:00"));
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).contains(ONE + ":" + (FIRST + 2) + ": shows the folder `" + folder + "` of the machine that builds the site,"
                + " which no page may show (it is how a template's error message looks) (leave the path out, or write it without its first folders)"), f.log());
        // Written so that the bytes do not hold it: a Markdown escape in the text, YAML's \x2F in a header and in a vocabulary (a third attacker's trial).
        String escaped = folder.replace("/", "\\x2F");
        f.write(ONE, ContentChecksTest.section(1, "", "Some more.\n\nThe build ran in " + folder.substring(0, folder.length() - 1) + "\\/ yesterday.\n")
                .replace("summary: Section 1.", "summary: \"Kept in " + escaped + "\""));
        f.write("content/_data/topics.yml", ContentChecksTest.TOPICS.replace("description: Land and borders.", "description: \"Notes in " + escaped + "\""));
        List<String> messages = Fixture.messages(f.build());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":" + (FIRST + 2) + ": shows the folder `" + folder + "`")), f.log());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(ONE + ":10: `summary` shows the folder `" + folder + "`")), f.log());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("content/_data/topics.yml:4: `territory` shows the folder `" + folder + "`")), f.log());
    }

    /** A link's text that reads as an address, an e-mail address or a number must be where it leads. */
    @Test
    void aLinkShowsWhereItLeads() {
        java.util.function.BiFunction<String, String, Bodies.Shown> shown = (text, href) ->
                Bodies.shownElsewhere(org.jsoup.Jsoup.parseBodyFragment("<a href=\"" + href + "\">" + text + "</a>").selectFirst("a"));
        assertEquals(null, shown.apply("www.gov.uk/guidance", "https://www.gov.uk/guidance/x"));
        assertEquals(null, shown.apply("https://example.org", "https://www.example.org/"));
        assertEquals(null, shown.apply("the guidance", "https://evil.example/"));
        assertEquals(null, shown.apply("2020-2024", "https://example.org/years"));
        assertEquals(null, shown.apply("desk@example.org", "mailto:desk@example.org?subject=Hi"));
        assertEquals(null, shown.apply("0800 123 4567", "tel:+448001234567"));
        assertTrue(shown.apply("https://\u0430\u0440\u0440\u04CF\u0435.com/", "https://evil.example/") != null, "a host beyond ASCII is a host");
        assertTrue(shown.apply("https://www.gov.uk", "https://www.gov.uk.evil.example/") != null);
        assertTrue(shown.apply("desk@gov.uk", "mailto:desk@evil.example") != null);
        assertTrue(shown.apply("0800 123 4567", "tel:+449098790000") != null);
        // A third attacker's trial: a number inside the text, a prefix beyond a country code, recipients not shown, a site's
        // name alone, and what a screen reader or a tooltip says.
        assertTrue(shown.apply("call free on 0800 123 4567", "tel:+449098790000") != null);
        assertTrue(shown.apply("0800 123 4567", "tel:+44-909-0800-123-4567") != null);
        assertEquals(null, shown.apply("call free on 0800 123 4567", "tel:+448001234567"));
        assertEquals(null, shown.apply("(800) 123-4567", "tel:+18001234567"));
        assertEquals(null, shown.apply("06 1234 5678", "tel:+390612345678"));
        assertTrue(shown.apply("desk@example.org", "mailto:desk@example.org,leak@evil.example") != null);
        assertTrue(shown.apply("desk@example.org", "mailto:desk@example.org?cc=leak@evil.example") != null);
        assertTrue(shown.apply("desk@example.org", "mailto:desk@example.org?cc=leak%40evil.example") != null);
        assertEquals(null, shown.apply("write to us", "mailto:desk@example.org?cc=other@example.org"));
        assertTrue(shown.apply("gov.uk", "https://evil.example/") != null);
        assertTrue(shown.apply("HMRC.gov.uk", "https://www.hmrc.gov.uk.evil.example/") != null);
        assertEquals(null, shown.apply("GOV.UK", "https://www.gov.uk/guidance"));
        assertEquals(null, shown.apply("example.org", "https://docs.example.org/"));
        assertEquals(null, shown.apply("Node.js", "https://en.wikipedia.org/wiki/Node.js"));
        assertTrue(shown.apply("<img src=\"x.png\" alt=\"https://www.gov.uk/sign-in\">", "https://evil.example/login") != null);
        // A fourth attacker's trial: characters that show nothing beyond format ones, a backslash, dashes in a number, a short
        // number, a prefix beyond a country code, a site's name among other words or beside a tooltip, a tooltip inside the link.
        assertTrue(shown.apply("h\u034Fttps://www.gov.uk/login", "https://evil.example/") != null);
        assertTrue(shown.apply("h\uFE0Fttps://www.gov.uk/login", "https://evil.example/") != null);
        assertTrue(shown.apply("\u3164https://www.gov.uk/login", "https://evil.example/") != null);
        assertTrue(shown.apply("https:\\\\www.gov.uk\\login", "https://evil.example/") != null);
        assertTrue(shown.apply("0800\u2013123\u20134567", "tel:+449091234567") != null);
        assertTrue(shown.apply("111", "tel:+449091234567") != null);
        assertTrue(shown.apply("0800 123 4567", "tel:+8818001234567") != null);
        assertTrue(shown.apply("gov.uk \u2192", "https://evil.example/") != null);
        assertTrue(shown.apply("Sign in on gov.uk", "https://evil.example/") != null);
        assertTrue(shown.apply("<abbr title=\"https://www.gov.uk/login\">Sign in</abbr>", "https://evil.example/") != null);
        // An editor's trial: ordinary writing that must pass.
        assertEquals(null, shown.apply("+44 (0)20 7008 5000", "tel:+442070085000"));
        assertEquals(null, shown.apply("+33 (0)1 44 51 31 00", "tel:+33144513100"));
        assertEquals(null, shown.apply("116 123 (24 hours)", "tel:116123"));
        assertEquals(null, shown.apply("Call 0800 123 4567, lines open 8.00-20.00", "tel:+448001234567"));
        assertEquals(null, shown.apply("ring 0345 600 2301 (10.00-16.00 at weekends)", "tel:+443456002301"));
        assertEquals(null, shown.apply("030 / 20457-0", "tel:+4930204570"));
        assertEquals(null, shown.apply("Tel. 030/204570", "tel:+4930204570"));
        assertEquals(null, shown.apply("020 7946 0000, extension 12345", "tel:+442079460000"));
        assertEquals(null, shown.apply("020 7946 0000 ext. 2314", "tel:+442079460000;ext=2314"));
        assertEquals(null, shown.apply("15", "tel:15"));
        assertEquals(null, shown.apply("Booking.com", "https://www.bbc.co.uk/news/business-66543210"));
        assertEquals(null, shown.apply("GOV.UK", "https://www.gov.uk/"));
        assertEquals(null, shown.apply("Node.js/npm tool chain", "https://en.wikipedia.org/wiki/Npm"));
        assertEquals(null, shown.apply("a@example.org and b@example.org", "mailto:a@example.org;b@example.org"));
        assertEquals(null, shown.apply("mailto:press@example.org", "mailto:press@example.org"));
        assertEquals(null, shown.apply("https://m\u00FCnchen.de/rathaus", "https://xn--mnchen-3ya.de/rathaus"));
        // A fifth attacker's trial: arrows and blanks around an address, no slash after the scheme, a possessive, a look-alike
        // separator in a number, a national number in tel:, a short code beside another number, a regional top-level domain.
        assertTrue(shown.apply("\u2192https://www.gov.uk/login", "https://evil.example/") != null);
        assertTrue(shown.apply("Visit\u2800https://www.gov.uk/login", "https://evil.example/") != null);
        assertTrue(shown.apply("https:www.gov.uk", "https://evil.example/") != null);
        assertTrue(shown.apply("gov.uk's guidance", "https://evil.example/") != null);
        assertTrue(shown.apply("mygov.scot/benefits", "https://evil.example/") != null);
        assertTrue(shown.apply("Call 0800\u00B7123\u00B74567", "tel:+449098790000") != null);
        assertTrue(shown.apply("Call 0800_123_4567", "tel:+449098790000") != null);
        assertTrue(shown.apply("Free helpline 0800 123 4567", "tel:999") != null);
        assertEquals(null, shown.apply("Call 999, open 24 hours", "tel:999"));
        assertTrue(shown.apply("Free helpline 0800 123 4567", "tel:09098790000") != null, "a national number: its digits");
        assertTrue(shown.apply("https\uA789//www.gov.uk/login", "https://evil.example/") != null, "a colon's look-alike");
        assertTrue(shown.apply("gov\uA4F8uk", "https://evil.example/") != null, "a full stop's look-alike");
        assertEquals(null, shown.apply("\u201CThe guidance\u201D \u2013 GOV.UK", "https://www.gov.uk/guidance"));
        assertEquals(null, shown.apply("020 7946 0000", "tel:(020)%207946-0000"));
        long start = System.nanoTime();
        assertTrue(shown.apply(("a@" + ".".repeat(9_900) + "@a ").repeat(25), "https://evil.example/") == null);
        assertTrue(shown.apply("1".repeat(50_000), "tel:+449098790000") != null, "a number of 50,000 digits is not the one dialled");
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(5), "long link texts are read in linear time");
        java.util.function.BiFunction<String, String, Bodies.Shown> titled = (title, href) -> Bodies.shownElsewhere(
                org.jsoup.Jsoup.parseBodyFragment("<a href=\"" + href + "\" title=\"" + title + "\">sign in</a>").selectFirst("a"));
        assertTrue(titled.apply("https://www.gov.uk/sign-in", "https://evil.example/") != null);
        assertTrue(Bodies.shownElsewhere(org.jsoup.Jsoup.parseBodyFragment("<a href=\"https://evil.example/\" title=\"Official\">gov.uk</a>").selectFirst("a")) != null);
        assertEquals(null, titled.apply("The form to sign in", "https://evil.example/"));
        // A twentieth session's attacker: a link's text read with the text written against it (two links to one place showing
        // one address, a dot outside the link), and a country's domain in capitals, as GOV.UK and NHS.UK write themselves.
        java.util.function.Function<String, Bodies.Shown> first = html -> Bodies.shownElsewhere(
                org.jsoup.Jsoup.parseBodyFragment("<p>" + html + "</p>").selectFirst("a"));
        java.util.function.Function<String, Bodies.Shown> last = html -> Bodies.shownElsewhere(
                org.jsoup.Jsoup.parseBodyFragment("<p>" + html + "</p>").select("a").last());
        String evil = "<a href=\"https://evil.example/\">";
        assertTrue(first.apply("Sign in at " + evil + "gov.</a>" + evil + "uk/sign-in</a> today") != null);
        assertTrue(last.apply("Sign in at " + evil + "gov.</a>" + evil + "uk/sign-in</a> today") != null);
        assertTrue(first.apply("Write to <a href=\"mailto:x@evil.example\">help@gov.</a><a href=\"mailto:x@evil.example\">uk</a>") != null);
        assertTrue(first.apply(evil + "gov</a>." + evil + "uk/sign-in</a>") != null);
        assertTrue(first.apply(evil + "gov</a><span>.</span>" + evil + "uk/sign-in</a>") != null);
        assertTrue(first.apply(evil + "GOV</a>.UK") != null);
        assertTrue(first.apply(evil + "<em>GOV</em></a><strong>.UK</strong>") != null);
        assertTrue(shown.apply("GOV.UK", "https://evil.example/sign-in") != null);
        assertTrue(shown.apply("NHS.UK", "https://evil.example/") != null);
        assertEquals(null, first.apply("See <a href=\"https://www.gov.uk/guidance\">gov.uk</a>."));
        assertEquals(null, first.apply("gov.uk/<a href=\"https://www.gov.uk/guidance\">guidance</a>, then"));
        assertEquals(null, first.apply("(<a href=\"https://www.bbc.co.uk/news\">BBC</a>)"));
        assertEquals(null, first.apply("<a href=\"https://www.reuters.com/x\">Reuters</a>/Ipsos poll"));
        assertEquals(null, first.apply("as www.gov.uk says<sup><a href=\"#fn-1\">1</a></sup>"));
        assertEquals(null, first.apply("<a href=\"https://example.org/a\">One</a>.<br>www.gov.uk"));
        // A second attacker's trial: a tab in the address, and text that shows an address less plainly.
        assertTrue(shown.apply("https://www.gov.uk/login", "https://evil.exa\tmple/") != null, "a tab a browser drops");
        for (String text : new String[]{"\u200Ehttps://www.gov.uk/login", "gov.uk/login", "\u201Chttps://www.gov.uk/login\u201D", "Sign in at https://www.gov.uk/login",
                "https://www.gov.uk/search?q={login}", "https://www.gov.uk<br>/login", "\uFF57\uFF57\uFF57.gov.uk", "https:/www.gov.uk/login",
                "HMRC &lt;help@hmrc.gov.uk&gt;"}) {
            assertTrue(shown.apply(text, "https://evil.example/") != null, text);
        }
        for (String text : new String[]{"Node.js", "e.g. the guidance", "rose 1.5/2 points", "24/7 help", "and/or"}) {
            assertEquals(null, shown.apply(text, "https://evil.example/"), text);
        }
        assertEquals(null, shown.apply("Read gov.uk/coronavirus today", "https://www.gov.uk/coronavirus"));
    }
}
