package org.explainers.jbake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a section's rendered body is fitted into the section page and the article page. */
class FrontMatterMarkdownEngineTest {

    static final String BODY = "<h1>A</h1>\n<p>Text<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup></p>\n"
            + "<h6>Deep</h6>\n<div class=\"footnotes\"><ol><li id=\"fn-1\"><p>Note <a href=\"#fnref-1\">↩</a></p></li></ol></div>\n";

    @Test
    void headingsGoBelowTheSectionTitleAndFootnoteIdsTakeTheSectionName() {
        assertEquals("<h3>A</h3>\n<p>Text<sup id=\"trust-fnref-1\"><a class=\"footnote-ref\" href=\"#trust-fn-1\">1</a></sup></p>\n"
                        + "<h6>Deep</h6>\n<div class=\"footnotes\"><ol><li id=\"trust-fn-1\"><p>Note <a href=\"#trust-fnref-1\">↩</a></p></li></ol></div>\n",
                FrontMatterMarkdownEngine.placeIn(BODY, "trust", 2));
    }

    @Test
    void aTextWhoseTopHeadingIsAnH2SkipsNoLevel() {
        // Editors write `##` for a sub-heading as often as `#`: either is the level below the title.
        assertEquals("<h2>B</h2><p>x</p><h3>C</h3>", FrontMatterMarkdownEngine.placeIn("<h2>B</h2><p>x</p><h3>C</h3>", "s", 1));
        assertEquals("<h4>B</h4><h5>C</h5>", FrontMatterMarkdownEngine.placeIn("<h2>B</h2><h3>C</h3>", "s", 3));
    }

    @Test
    void onItsOwnPageASectionsTopHeadingIsAnH2() {
        assertEquals("<h2 class=\"x\">A</h2><header>", FrontMatterMarkdownEngine.placeIn("<h1 class=\"x\">A</h1><header>", "s", 1));
    }
}
