package org.explainers.content;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our text rendering skips passes of Flexmark's that change nothing: the HTML must be Flexmark's own, whatever the text. */
class MarkdownTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Plain prose with “curly quotes”, Ukraine’s demands and an en dash – here.",
            "Tom & Jerry, &amp; an entity, &copy; 2026, &#x41; and &nosuch; too.",
            "An \\*escaped\\* star, a back\\\\slash and a trailing backslash\\",
            "Less < more > and \"quoted\" text, 5 > 3 < 4.",
            "A carriage\rreturn inside a line, and one at the end\r",
            "Mixed: a & b\\_c\r\"d\" <e>",
            "*Emphasis* and **strong**, `code & <tags>`, ~~struck~~ and [a link](https://example.org/?a=1&b=2 \"title & more\").",
            "A footnote[^1].\n\n[^1]: Its text & more.",
            "| A & B | C |\n|---|---|\n| <x> | \\| |",
            "Term\n: Its definition & \"quotes\"",
            "<b>raw</b> HTML & text",
            "Line one  \nline two\n\nA new paragraph.",
            "The suppliers are:\n- Norway & Qatar\n- the United States",
            "- Parent & child\n  - Child\n\n  A paragraph of the parent.\n- Two",
    })
    void rendersAsFlexmarkDoes(String text, @org.junit.jupiter.api.io.TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        Project project = Project.open(f.dir, f.site(), Fixture.HOST, new Problems());
        Markdown ours = Markdown.of(project.jbake);
        DataHolder options = Markdown.options(ours.extensions);
        String source = String.join("\n", List.of(text.split("\n"))) + "\n";
        String flexmark = HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(CharSubSequence.of(source)));
        assertEquals(flexmark, ours.render(ours.parse(List.of(text.split("\n")))));
    }

    /** A pipe escaped in a table cell's code is shown without its backslash, as GitHub shows it (GFM's example 200); elsewhere code is as written. */
    @Test
    void anEscapedPipeInATableCellsCodeLosesItsBackslash(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        Markdown ours = Markdown.of(Project.open(f.dir, f.site(), Fixture.HOST, new Problems()).jbake);
        String html = ours.render(ours.parse(List.of("| Command | Note |", "|---|---|", "| `ls \\| wc` | a\\|b `<x>  \\|  y` |", "", "Outside: `a\\|b`")));
        assertEquals("<table>\n<thead>\n<tr><th> Command </th><th> Note </th></tr>\n</thead>\n<tbody>\n"
                + "<tr><td> <code>ls | wc</code> </td><td> a|b <code>&lt;x&gt; | y</code> </td></tr>\n</tbody>\n</table>\n<p>Outside: <code>a\\|b</code></p>\n", html);
    }

    /** As on GitHub, where editors preview their changes: a bullet list may follow a line of text without a blank line. */
    @ParameterizedTest
    @ValueSource(strings = {"The suppliers are:\n- Norway\n- Qatar", "The suppliers are:\n* Norway\n* Qatar", "The suppliers are:\n+ Norway\n+ Qatar"})
    void aBulletListMayFollowALineOfText(String text, @org.junit.jupiter.api.io.TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        Markdown ours = Markdown.of(Project.open(f.dir, f.site(), Fixture.HOST, new Problems()).jbake);
        assertEquals("<p>The suppliers are:</p>\n<ul>\n<li>Norway</li>\n<li>Qatar</li>\n</ul>\n", ours.render(ours.parse(List.of(text.split("\n")))));
    }

    /**
     * Lists nest and number as on GitHub, where editors preview their changes (an editor's trial:
     * a bullet under a numbered step split the list in three, `  - Child` joined its parent's list,
     * and `1)` steps were one paragraph).
     */
    @Test
    void listsReadAsOnGitHub(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        Markdown ours = Markdown.of(Project.open(f.dir, f.site(), Fixture.HOST, new Problems()).jbake);
        java.util.function.Function<String, String> html = text -> ours.render(ours.parse(List.of(text.split("\n")))).replace("\n", "");
        assertEquals("<ul><li>Parent<ul><li>Child</li></ul></li><li>Two</li></ul>", html.apply("- Parent\n  - Child\n- Two"));
        assertEquals("<ol><li>Step one<ul><li>detail</li></ul></li><li>Step two</li></ol>", html.apply("1. Step one\n   - detail\n2. Step two"));
        assertEquals("<p>Steps:</p><ol><li>Alpha</li><li>Beta</li></ol>", html.apply("Steps:\n\n1) Alpha\n2) Beta"));
        assertEquals("<ul><li>a bullet</li></ul><ol><li>then a number</li><li>and another</li></ol>",
                html.apply("- a bullet\n1. then a number\n2. and another"), "a numbered list after a bullet list is a list of its own");
        assertEquals("<p>Text 1. not a list</p>", html.apply("Text\n1. not a list"), "a numbered list needs its blank line (the check says so)");
    }

    /**
     * A numbered list starts at its first number, as on GitHub (an editor's trial: pegdown's profile
     * numbered `3. Cold` from 1, and a paragraph starting with a year and a full stop lost its year).
     */
    @Test
    void aNumberedListStartsAtItsFirstNumber(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Fixture f = ContentChecksTest.validTree(tmp);
        Markdown ours = Markdown.of(Project.open(f.dir, f.site(), Fixture.HOST, new Problems()).jbake);
        assertEquals("<ol start=\"3\">\n<li>Cold.</li>\n<li>Dark.</li>\n</ol>\n", ours.render(ours.parse(List.of("3. Cold.", "4. Dark."))));
        assertEquals("<ol start=\"1991\">\n<li>That was the year Ukraine became independent.</li>\n</ol>\n",
                ours.render(ours.parse(List.of("1991. That was the year Ukraine became independent."))));
    }
}
