package org.explainers.check;

import org.explainers.content.Text;
import org.explainers.content.Images;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.List;
import java.util.StringJoiner;

/**
 * What the site changes in a cleaned text before publishing it, on jsoup's tree: its headings
 * go below the page's own title, footnote ids get the file's name (the sections of one article
 * page must not share an id), links to Markdown sources point at pages, images get their size
 * and smaller copies, and an image with a caption line becomes a figure.
 */
final class Transforms {

    /** The blocks that get `dir="rtl"` when written mostly right to left (see {@link #directions}). */
    static final java.util.List<String> DIRECTED = java.util.List.of("p", "li", "blockquote", "figcaption", "td", "th", "dd", "dt", "h2", "h3", "h4", "h5", "h6");


    private Transforms() {
    }

    /** What an embedded frame may do: its scripts, its own site's storage, new tabs, fullscreen video. */
    static final String SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";

    static void place(Element root, String prefix, String folder, Images images) {
        headings(root);
        directions(root);
        for (Element e : root.select("[id]")) {
            e.attr("id", prefix + "-" + e.attr("id"));
        }
        for (Element a : root.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("#fn")) {
                if (a.hasClass("footnote-backref")) {
                    // Its text is ↩, which screen readers read as an arrow's name.
                    a.attr("aria-label", "Back to the text" + (href.startsWith("#fnref-") ? " of note " + href.substring(7) : ""));
                    // At the end of the note's last paragraph, not on a line of its own (an editor's trial).
                    Element before = a.previousElementSibling();
                    if (before != null && before.normalName().equals("p")) {
                        before.appendText(" ").appendChild(a);
                    }
                }
                if (a.hasClass("footnote-ref")) {
                    a.attr("aria-label", "Note " + a.text()); // read as "1" alone (a reader's trial)
                }
                a.attr("href", "#" + prefix + "-" + href.substring(1));
            } else if (org.explainers.content.Urls.scheme(href) != null && org.explainers.content.Urls.scheme(href).isEmpty()) {
                a.attr("href", markdownToPage(href));
            }
        }
        root.select("iframe[frameborder]").removeAttr("frameborder"); // obsolete: a browser draws no border either way
        // A frame runs its own site's scripts and opens its links in new tabs, but cannot move this page elsewhere,
        // submit forms, or open dialogs over it (an attacker's trial: an embed could take the tab after a click).
        root.select("iframe").attr("sandbox", SANDBOX);
        for (Element img : root.select("img[src]")) {
            String path = Bodies.resolve(folder, img.attr("src"));
            Images.Info info = path == null ? null : images.get(path);
            if (info != null) {
                img.attr("width", String.valueOf(info.width()));
                img.attr("height", String.valueOf(info.height()));
                List<Integer> widths = info.variants();
                if (!widths.isEmpty()) {
                    StringJoiner set = new StringJoiner(", ");
                    for (int w : widths) {
                        set.add(Images.variant(img.attr("src"), w) + " " + w + "w");
                    }
                    set.add(img.attr("src") + " " + info.width() + "w");
                    img.attr("srcset", set.toString());
                    img.attr("sizes", Images.sizes(info.width()));
                }
            }
            img.attr("loading", "lazy");
            img.attr("decoding", "async");
        }
        figures(root);
        tables(root);
    }

    /** The class of the box around each table ({@link #tables}). */
    static final String TABLE_BOX = "table-scroll";

    /**
     * Each table scrolls sideways in a box of its own, which a keyboard reaches and a screen reader
     * names (its caption, else "Table"): the table itself stays a table (`display: block` on it,
     * which scrolled it before, takes its rows and cells away from VoiceOver in WebKit: a reader's trial).
     */
    private static void tables(Element root) {
        for (Element table : root.select("table")) {
            Element caption = table.selectFirst("> caption");
            String name = caption == null || caption.text().isBlank() ? "Table" : caption.text().strip();
            table.wrap("<div class=\"" + TABLE_BOX + "\" role=\"region\" tabindex=\"0\"></div>");
            table.parent().attr("aria-label", name.length() > 120 ? name.substring(0, 119) + "\u2026" : name);
        }
    }

    /**
     * A block written mostly in a right-to-left script (Arabic, Hebrew) reads right to left:
     * `dir="rtl"` where its right-to-left letters outnumber its left-to-right ones. By count, not
     * by the first letter: an English paragraph opening with an Arabic name stays left to right.
     */
    private static void directions(Element root) {
        if (!anyRightToLeft(root)) {
            return; // most texts: the count below, element by element, was ~4% of a cold build's CPU
        }
        for (Element e : root.select(String.join(", ", DIRECTED))) {
            String direction = e.hasAttr("dir") ? null : Text.direction(directing(e)); // the editor's own dir stands
            if ("auto".equals(direction)) {
                direction = Text.direction(e.text()); // all of it isolated (a paragraph that is one <bdi>): its letters, as before
            }
            if ("rtl".equals(direction)) {
                e.attr("dir", "rtl");
            }
        }
    }

    /**
     * The text whose letters set a block's direction: without what the editor isolated, a
     * `<bdi>` or an element with its own `dir`, which keeps its own direction (a reader's trial:
     * an English sentence quoting a long Arabic name in `<bdi>` was laid out right to left).
     */
    private static String directing(Element block) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node != block && node instanceof Element e && (e.normalName().equals("bdi") || e.hasAttr("dir"))) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                }
                return FilterResult.CONTINUE;
            }
        }, block);
        return text.toString();
    }

    /** Whether a text of the tree holds a right-to-left letter ({@link Text#anyRightToLeft}), its walk stopped at the first. */
    static boolean anyRightToLeft(Element root) {
        boolean[] any = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t && Text.anyRightToLeft(t.getWholeText())) {
                    any[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return any[0];
    }

    /** The text's own top heading level becomes 2, so that `#` and `##` both sit below the page's h1. */
    private static void headings(Element root) {
        List<Element> hs = root.select("h1, h2, h3, h4, h5, h6");
        if (hs.isEmpty()) {
            return;
        }
        int top = 6;
        for (Element h : hs) {
            top = Math.min(top, h.normalName().charAt(1) - '0');
        }
        int shift = 2 - top;
        for (Element h : hs) {
            h.tagName("h" + Math.min(6, h.normalName().charAt(1) - '0' + shift));
        }
    }

    /** `02-x.md#y` becomes `02-x.html#y`: links to sources work in the Git host's preview and on the site. */
    static String markdownToPage(String href) {
        int cut = href.length();
        for (char c : new char[]{'#', '?'}) {
            int i = href.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String path = href.substring(0, cut);
        return path.endsWith(".md") ? path.substring(0, path.length() - 3) + ".html" + href.substring(cut) : href;
    }

    /**
     * A paragraph of an image, a line break and an emphasised line is a figure: the line is
     * its caption, the image's title its credit. The caption may also be a paragraph of its own
     * right after the image's (a blank line between them, as editors often leave one).
     * <pre>
     * ![Gas storage in Europe, by month](storage.png "Chart: The Explainer")
     * *Storage was 90% full by November.*
     * </pre>
     */
    private static void figures(Element root) {
        for (Element p : root.select("p")) {
            List<Node> kids = content(p);
            if (kids.isEmpty() || !(kids.get(0) instanceof Element img) || !img.normalName().equals("img")) {
                continue;
            }
            Element caption = kids.size() == 2 && emphasis(kids.get(1)) ? (Element) kids.get(1) : null;
            Node next = p.nextSibling();
            while (next instanceof TextNode t && t.isBlank()) {
                next = next.nextSibling();
            }
            if (kids.size() == 1 && next instanceof Element n && n.normalName().equals("p") && content(n).size() == 1 && emphasis(content(n).get(0))) {
                caption = (Element) content(n).get(0);
                n.remove();
            }
            if (kids.size() > 2 || kids.size() == 2 && caption == null || caption == null && !img.hasAttr("title")) {
                continue;
            }
            Element figure = new Element("figure");
            String credit = img.attr("title");
            img.removeAttr("title");
            figure.appendChild(img);
            Element figcaption = figure.appendElement("figcaption");
            if (caption != null) {
                for (Node n : List.copyOf(caption.childNodes())) {
                    figcaption.appendChild(n);
                }
            }
            if (!credit.isBlank()) {
                if (caption != null) {
                    figcaption.appendText(" ");
                }
                figcaption.appendElement("span").addClass("credit").text(credit);
            }
            p.replaceWith(figure);
        }
    }

    /** A paragraph's children but the blank text and line breaks between them (an image's line may end in two spaces). */
    static List<Node> content(Element p) {
        return p.childNodes().stream().filter(n -> !(n instanceof TextNode t && t.isBlank()) && !(n instanceof Element e && e.normalName().equals("br")))
                .toList();
    }

    static boolean emphasis(Node n) {
        return n instanceof Element e && e.normalName().equals("em");
    }
}
