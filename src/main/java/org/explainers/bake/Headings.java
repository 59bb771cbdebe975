package org.explainers.bake;

import org.explainers.content.Body;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Moves a text's headings below the heading it sits under on a page (an article page's section titles are h2 and h3). */
final class Headings {

    private Headings() {
    }

    /**
     * The text's HTML with its top heading at {@code level + 1} instead of 2. Texts without
     * headings, most of them, are returned as they are.
     */
    static String shift(Body body, int level) {
        if (body == null) {
            return "";
        }
        int by = level + 1 - 2;
        if (!body.headings() || by == 0) {
            return body.html();
        }
        Document doc = Jsoup.parseBodyFragment(body.html());
        doc.outputSettings().prettyPrint(false);
        for (Element h : doc.body().select("h1, h2, h3, h4, h5, h6")) {
            h.tagName("h" + Math.min(6, h.normalName().charAt(1) - '0' + by));
        }
        return doc.body().html();
    }
}
