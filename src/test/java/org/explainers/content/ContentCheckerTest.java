package org.explainers.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The content checker: a table of broken files, each with the exact message it must produce,
 * and a valid tree that produces no message at all.
 */
class ContentCheckerTest {

    static final String DIR = "articles/a/";
    static final String TOPICS = """
            - slug: sanctions
              name: Sanctions
              description: Measures against a state.
            - slug: territory
              name: Territory
              description: Land and borders.
            """;
    static final String ARTICLE = """
            ---
            title: An article
            type: article
            date: 2026-11-20
            status: published
            summary: What it is about.
            ---
            """;

    static String section(int order, String extraHeader, String body) {
        return "---\ntitle: Section " + order + "\ntype: section\narticle: a\norder: " + order + "\nlevel: 1\n"
                + "date: 2026-11-20\nstatus: published\ntopics: [sanctions, territory]\nsummary: Section " + order + ".\n"
                + extraHeader + "---\n\nSome text.\n" + body;
    }

    /** A valid tree: one article with two sections. */
    static void writeValidTree(Path content) throws IOException {
        write(content, "_data/topics.yml", TOPICS);
        write(content, DIR + "index.md", ARTICLE);
        write(content, DIR + "01-one.md", section(1, "", ""));
        write(content, DIR + "02-two.md", section(2, "", "See [the first section](01-one.html#main) and [the article](index.html#one).\n"));
    }

    static void write(Path content, String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void aValidTreeProducesNoMessageAtAll(@TempDir Path content) throws IOException {
        writeValidTree(content);
        assertEquals(List.of(), ContentIndex.load(content).problems());
    }

    @Test
    void theRealContentProducesNoMessageAtAll() {
        assertEquals(List.of(), ContentIndex.load(Path.of("content")).problems());
    }

    static final String ONE = "content/articles/a/01-one.md";

    static Stream<Arguments> brokenFiles() {
        String s1 = section(1, "", "");
        return Stream.of(
                arguments("no header", DIR + "01-one.md", "Just text.\n",
                        ONE + ":1: the file does not start with a header (put the header between two lines of ---, the first one on line 1; see CONTRIBUTING.md)"),
                arguments("JBake's old separator", DIR + "01-one.md", "title=One\nstatus=published\n~~~~~~\nText\n",
                        ONE + ":1: the file does not start with a header (put the header between two lines of ---, the first one on line 1; see CONTRIBUTING.md)"),
                arguments("header not closed", DIR + "01-one.md", "---\ntitle: One\n\nText\n",
                        ONE + ":1: the header is not closed (end the header with a line of --- before the text)"),
                arguments("line without a key", DIR + "01-one.md", s1.replace("level: 1\n", "level 1\n"),
                        ONE + ":6: header line is not `key: value`: level 1 (write one `key: value` per line; a value containing \": \" goes in double quotes)"),
                arguments("indented line", DIR + "01-one.md", s1.replace("level: 1\n", "\tlevel: 1\n"),
                        ONE + ":6: header line is indented: level: 1 (start the line at the left edge, with no spaces or tabs before the key)"),
                arguments("JBake's key=value in a header", DIR + "01-one.md", s1.replace("level: 1\n", "level=1\n"),
                        ONE + ":6: `level=1` is JBake's own header style, not this project's (write `level: 1`)"),
                arguments("unquoted colon in a value", DIR + "01-one.md", s1.replace("summary: Section 1.", "summary: Oil: the cap."),
                        ONE + ":10: the value of `summary` contains `: `, which YAML reads as another key (put it in double quotes: `summary: \"Oil: the cap.\"`)"),
                arguments("a YAML comment in a value", DIR + "01-one.md", s1.replace("summary: Section 1.", "summary: Section 1. # check"),
                        ONE + ":10: the value of `summary` contains ` #`, which starts a comment in YAML (the rest would be lost) (put it in double quotes: `summary: \"Section 1. # check\"`)"),
                arguments("an editor's backup file", DIR + "01-one.md~", section(1, "", ""),
                        "content/articles/a/01-one.md~: `01-one.md~` is an editor's backup or a system file, not content (delete it; .gitignore already keeps such files out of the repository)"),
                arguments("updated before published", DIR + "01-one.md", section(1, "updated: 2026-01-01\n", ""),
                        ONE + ":11: `updated: 2026-01-01` is before `date: 2026-11-20` (`updated` is when the text last changed after it was published: a later date, or no `updated` line)"),
                arguments("unknown key", DIR + "01-one.md", s1.replace("level: 1\n", "levle: 1\n"),
                        ONE + ":6: unknown header key `levle` (use one of article, date, level, order, status, summary, title, topics, type, updated; did you mean `level`?)"),
                arguments("tags instead of topics", DIR + "01-one.md", s1.replace("level: 1\n", "level: 1\ntags: [a]\n"),
                        ONE + ":7: unknown header key `tags` (use one of article, date, level, order, status, summary, title, topics, type, updated; did you mean `topics`?)"),
                arguments("missing key", DIR + "01-one.md", s1.replace("summary: Section 1.\n", ""),
                        ONE + ":1: the header has no `summary` (add a `summary: ...` line)"),
                arguments("empty value", DIR + "01-one.md", s1.replace("summary: Section 1.", "summary:"),
                        ONE + ":10: `summary` is empty (give `summary` a value)"),
                arguments("duplicate key", DIR + "01-one.md", s1.replace("level: 1\n", "level: 1\ntitle: Again\n"),
                        ONE + ":7: duplicate key `title` (first on line 2) (keep only one `title:` line)"),
                arguments("invalid date", DIR + "01-one.md", s1.replace("2026-11-20", "2026-13-01"),
                        ONE + ":7: `date: 2026-13-01` is not a valid date (write the date as YYYY-MM-DD, e.g. 2026-11-20)"),
                arguments("date in another format", DIR + "01-one.md", s1.replace("2026-11-20", "20/11/2026"),
                        ONE + ":7: `date: 20/11/2026` is not a valid date (write the date as YYYY-MM-DD, e.g. 2026-11-20)"),
                arguments("invalid status", DIR + "01-one.md", s1.replace("status: published", "status: publsihed"),
                        ONE + ":8: status `publsihed` is not valid (use `published` or `draft`; did you mean `published`?)"),
                arguments("order not a number", DIR + "01-one.md", s1.replace("order: 1", "order: first"),
                        ONE + ":5: `order: first` is not a whole number from 1 to 9999 (write a number, e.g. `order: 1`)"),
                arguments("duplicate order", DIR + "01-one.md", s1.replace("order: 1", "order: 2"),
                        "content/articles/a/02-two.md:5: `order: 2` is also used by content/articles/a/01-one.md (give each section of an article its own order)"),
                arguments("unknown topic", DIR + "01-one.md", s1.replace("[sanctions, territory]", "[sanction, territory]"),
                        ONE + ":9: unknown topic `sanction` (did you mean `sanctions`? Otherwise add it to content/_data/topics.yml)"),
                arguments("topic in the wrong case", DIR + "01-one.md", s1.replace("[sanctions, territory]", "[Sanctions, territory]"),
                        ONE + ":9: unknown topic `Sanctions` (did you mean `sanctions`? Otherwise add it to content/_data/topics.yml)"),
                arguments("duplicate topic", DIR + "01-one.md", s1.replace("[sanctions, territory]", "[sanctions, territory, sanctions]"),
                        ONE + ":9: topic `sanctions` is listed twice (list each topic once)"),
                arguments("unused topic", "_data/topics.yml", TOPICS + "- slug: trust\n  name: Trust\n  description: Who believes whom.\n",
                        "content/_data/topics.yml:7: warning: no section uses topic `trust` (tag a section with it, or remove it from the vocabulary)"),
                arguments("topics differing by case", "_data/topics.yml", TOPICS + "- slug: Sanctions\n  name: Sanctions again\n  description: Twice.\n",
                        "content/_data/topics.yml:7: topic `Sanctions` differs from `sanctions` only by case (merge the two topics; slugs are lowercase)"),
                arguments("article mismatch", DIR + "01-one.md", s1.replace("article: a", "article: b"),
                        ONE + ":4: `article: b` does not match the folder `a` (set `article: a`)"),
                arguments("link to a missing section", DIR + "01-one.md", s1 + "Read [more](03-three.html).\n",
                        ONE + ":14: link `03-three.html` points to articles/a/03-three.html, which the site does not have (did you mean `01-one.html`?)"),
                arguments("link to a missing anchor", DIR + "01-one.md", s1 + "Read [more](index.html#three).\n",
                        ONE + ":14: anchor `#three` does not exist in articles/a/index.html (use one of contents, main, one, two)"),
                arguments("link to a heading, which gets no id", DIR + "01-one.md", s1 + "## Background\n\nSee [above](01-one.md#background).\n",
                        ONE + ":16: anchor `#background` does not exist in articles/a/01-one.html (use one of main)"),
                arguments("link to a missing topic", DIR + "01-one.md", s1 + "See [sanctions](../../topics/sanction.html).\n",
                        ONE + ":14: link `../../topics/sanction.html` points to topics/sanction.html, which the site does not have (did you mean `../../topics/sanctions.html`?)"),
                arguments("missing image", DIR + "01-one.md", s1 + "![A map](map.png)\n",
                        ONE + ":14: image `map.png` points to articles/a/map.png, which the site does not have (check the file name; links are relative to this file)"),
                arguments("missing image, a page of a similar name", DIR + "01-one.md", s1 + "![A map](01-onx.png)\n",
                        ONE + ":14: image `01-onx.png` points to articles/a/01-onx.png, which the site does not have (check the file name; links are relative to this file)"),
                arguments("image without alt text", DIR + "01-one.md", s1 + "![](../../topics/index.html)\n",
                        ONE + ":14: image ../../topics/index.html has no alt text (describe the image between the brackets: ![What the image shows](../../topics/index.html))"),
                arguments("html image without alt", DIR + "01-one.md", s1 + "<img src=\"../../404.html\">\n",
                        ONE + ":14: image has no alt text (add alt=\"what the image shows\" to the <img> tag)"),
                arguments("script", DIR + "01-one.md", s1 + "<script>alert(1)</script>\n",
                        ONE + ":14: raw <script> is not allowed (content may not embed scripts, frames, objects or styles; remove it, or put it in `code` to show it as text)"),
                arguments("iframe", DIR + "01-one.md", s1 + "<IFRAME src=\"https://example.org\"></IFRAME>\n",
                        ONE + ":14: raw <iframe> is not allowed (content may not embed scripts, frames, objects or styles; remove it, or put it in `code` to show it as text)"),
                arguments("style", DIR + "01-one.md", s1 + "<style>body{}</style>\n",
                        ONE + ":14: raw <style> is not allowed (content may not embed scripts, frames, objects or styles; remove it, or put it in `code` to show it as text)"),
                arguments("object", DIR + "01-one.md", s1 + "<object data=\"x.swf\">\n",
                        ONE + ":14: raw <object> is not allowed (content may not embed scripts, frames, objects or styles; remove it, or put it in `code` to show it as text)"),
                arguments("embed", DIR + "01-one.md", s1 + "<embed src=\"x.swf\">\n",
                        ONE + ":14: raw <embed> is not allowed (content may not embed scripts, frames, objects or styles; remove it, or put it in `code` to show it as text)"),
                arguments("event handler", DIR + "01-one.md", s1 + "<span onclick=\"steal()\">Hi</span>\n",
                        ONE + ":14: inline event handler `onclick=` is not allowed (remove the attribute; content may not run script)"),
                arguments("javascript URL", DIR + "01-one.md", s1 + "[Click](javascript:alert(1))\n",
                        ONE + ":14: a `javascript:` URL is not allowed (link to a page instead; content may not run script)"),
                arguments("empty file", DIR + "01-one.md", "",
                        ONE + ": the file is empty (write a header and text, or delete the file)"),
                arguments("unknown extension", DIR + "notes.txt", "Some notes",
                        "content/articles/a/notes.txt: unknown kind of content file .txt (content files are Markdown (.md); images and downloads (avif, csv, gif, jpeg, jpg, pdf, png, svg, webp) may sit beside them; move anything else out of content/)"),
                arguments("same output on a case-insensitive disk", DIR + "Map.png", "png",
                        "content/articles/a/map.png: would write the same file as content/articles/a/Map.png (articles/a/map.png) (rename one of them)"),
                arguments("same anchor twice", DIR + "03-one.md", section(3, "", ""),
                        "content/articles/a/03-one.md: the section name `one` is also used by content/articles/a/01-one.md (both would get the same #anchor on the article page) (rename one of the files)"),
                arguments("section name the page uses itself", DIR + "03-contents.md", section(3, "", ""),
                        "content/articles/a/03-contents.md: the section name `contents` is reserved for the page itself (#contents) (rename the file, e.g. to `03-contents-section.md`)"),
                arguments("file name not a slug", DIR + "04 More Text.md", section(4, "", ""),
                        "content/articles/a/04 More Text.md: the file name `04 More Text.md` is not a slug (rename it to `04-more-text.md` (lowercase letters, digits, hyphens))"),
                arguments("section outside an article", "loose.md", section(4, "", ""),
                        "content/loose.md: a content file outside an article folder (put it in content/articles/<article-slug>/ (index.md for the article, <nn>-<slug>.md for a section))"),
                arguments("article without index", "articles/b/01-x.md", section(1, "", "").replace("article: a", "article: b"),
                        "content/articles/b/01-x.md: the article folder `b` has no index.md (add content/articles/b/index.md with `type: article`)")
        );
    }

    /** Every message for the valid tree with one file replaced. */
    private static List<String> messagesWith(Path content, String file, String text) throws IOException {
        writeValidTree(content);
        write(content, file, text);
        return ContentIndex.load(content).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aLineReportedAsWrongIsNotAlsoReportedMissing(@TempDir Path content) throws IOException {
        List<String> messages = messagesWith(content, DIR + "01-one.md", section(1, "", "").replace("summary: Section 1.", "summary: Oil: the cap."));
        assertEquals(1, messages.size(), String.join("\n", messages));
    }

    @Test
    void anUnreadableVocabularyIsOneProblemNotOnePerTopic(@TempDir Path content) throws IOException {
        writeValidTree(content);
        Files.write(content.resolve("_data/topics.yml"), ("\uFEFF" + TOPICS).getBytes(StandardCharsets.UTF_8));
        List<String> messages = ContentIndex.load(content).problems().stream().map(Problem::toString).toList();
        assertEquals(List.of("content/_data/topics.yml:1: the file starts with a byte-order mark (save it as UTF-8 without BOM)"), messages);
    }

    @Test
    void aLinkToAFileWhoseHeaderIsBrokenIsNotASecondProblem(@TempDir Path content) throws IOException {
        // 02-two.md links to 01-one.html
        assertEquals(List.of(ONE + ":1: the header is not closed (end the header with a line of --- before the text)"),
                messagesWith(content, DIR + "01-one.md", "---\ntitle: One\n\nText\n"));
    }

    @Test
    void tagsForTopicsIsOneProblem(@TempDir Path content) throws IOException {
        List<String> messages = messagesWith(content, DIR + "01-one.md",
                section(1, "", "").replace("topics: [sanctions, territory]", "tags: [sanctions, territory]"));
        assertEquals(1, messages.size(), String.join("\n", messages));
        assertTrue(messages.get(0).contains("did you mean `topics`?"), messages.get(0));
    }

    @Test
    void quotedValuesReadAsYamlReadsThem() {
        FrontMatter header = FrontMatter.parse("x.md", List.of("---", "title: 'Oil''s cap: a \"deal\"'", "summary: \"A \\\"quote\\\"\"", "---"));
        assertEquals(List.of(), header.problems());
        assertEquals("Oil's cap: a \"deal\"", header.get("title"));
        assertEquals("A \"quote\"", header.get("summary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void eachBrokenFileGetsItsExactMessage(String name, String file, String text, String message, @TempDir Path content)
            throws IOException {
        writeValidTree(content);
        write(content, file, text);
        if (file.endsWith("Map.png")) {
            write(content, DIR + "map.png", "png");
        }
        List<String> messages = ContentIndex.load(content).problems().stream().map(Problem::toString).toList();
        assertTrue(messages.contains(message), "expected:\n  " + message + "\ngot:\n  " + String.join("\n  ", messages));
    }

    @Test
    void encodingProblemsNameTheLine(@TempDir Path content) throws IOException {
        writeValidTree(content);
        Path one = content.resolve(DIR + "01-one.md");
        byte[] latin1 = (section(1, "", "") + "Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(one, latin1);
        assertEquals(List.of(ONE + ":14: the file is not UTF-8 (save it with UTF-8 encoding)"),
                ContentIndex.load(content).problems().stream().map(Problem::toString).toList());

        byte[] text = section(1, "", "").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        Files.write(one, bom);
        assertEquals(List.of(ONE + ":1: the file starts with a byte-order mark (save it as UTF-8 without BOM)"),
                ContentIndex.load(content).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void allProblemsAreReportedInOneRun(@TempDir Path content) throws IOException {
        writeValidTree(content);
        write(content, DIR + "01-one.md", section(1, "", "").replace("status: published", "status: done")
                .replace("[sanctions, territory]", "[sanctionz, territory]") + "<script>x</script>\n");
        List<Problem> problems = ContentIndex.load(content).problems();
        assertEquals(3, problems.size(), problems.toString());
    }
}
