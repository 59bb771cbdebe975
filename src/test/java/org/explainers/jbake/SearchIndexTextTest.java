package org.explainers.jbake;

import org.explainers.site.BuiltSite;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search index's text of a page, written as one pass over the HTML for speed, says the
 * same as the plain reading of it with regular expressions: block tags become spaces, other
 * tags go, entities are decoded, white space collapses.
 */
class SearchIndexTextTest {

    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?:p|li|h[1-6]|br|div|td|th|tr|blockquote|pre|dd|dt|ol|ul|table|hr|sup)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private static String reference(String html) {
        String text = TAG.matcher(BLOCK_TAG.matcher(html).replaceAll(" ")).replaceAll("");
        return Parser.unescapeEntities(text, false).replaceAll("\\s+", " ").strip();
    }

    @Test
    void tricksOfMarkup() {
        List<String> cases = List.of(
                "<p>One</p><p>two</p>", "<P CLASS=\"x\">Upper</P>next", "a<em>b</em>c", "word<sup>1</sup>note",
                "<pre><code>x  =  1\n\ty</code></pre>", "<h2 id=\"a\">Head</h2>\n\n<ul>\n<li>i</li>\n</ul>",
                "Tom &amp; Jerry &lt;3 &quot;q&quot; &#39;s&#39; &#x2014; &copy; &nbsp;x", "&amp", "a < b", "x >y",
                "<br/>a<hr>b<tr><td>c</td></tr>", "<pa>not block</pa>x", "<p-x>block</p-x>x", "<pre>a</pre>b",
                "<h7>no</h7>x", "<_p>x</_p>y", "  \t lead and trail \n", "\u2003wide\u2003space", "", "<",
                "caf\u00e9 <a href=\"/x\">link</a>.", "<table><thead><tr><th>A</th><th>B</th></tr></thead></table>");
        for (String html : cases) {
            assertEquals(reference(html), SiteExtrasRenderer.plainText(html), html);
        }
    }

    /** The plain way to write a JSON string that is safe inside HTML, one character at a time. */
    private static String referenceJson(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @Test
    void jsonStrings() {
        for (String s : List.of("", "plain", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "</script><!--",
                "a & b", "\u0001\u001f\u007f", "\u2028\u2029", "caf\u00e9 \u2014 \ud83d\ude00", "\"")) {
            assertEquals(referenceJson(s), SiteExtrasRenderer.json(s), s);
        }
        assertEquals("\"\"", SiteExtrasRenderer.json(null));
    }

    @Test
    void everyBuiltPage() {
        for (String page : BuiltSite.pages()) {
            String html = BuiltSite.page(page).body().html();
            assertEquals(reference(html), SiteExtrasRenderer.plainText(html), page);
        }
    }
}
