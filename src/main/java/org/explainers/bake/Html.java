package org.explainers.bake;

import org.explainers.content.Body;

/**
 * A text's HTML in template data, below a heading of the given level (1: the page's own
 * title). A page's fingerprint counts it by the body's key; the HTML itself is decoded, and
 * its headings moved, only if the page is rendered, once.
 */
final class Html {

    final Body body;
    final int level;
    /** The page's absolute address its relative links are resolved against (a feed's entry), or null. */
    final String base;
    private String html;

    Html(Body body, int level) {
        this(body, level, null);
    }

    Html(Body body, int level, String base) {
        this.body = body;
        this.level = level;
        this.base = base;
    }

    /** Adds the texts whose HTML template data holds (in its maps and lists) to {@code into}. */
    static void within(Object data, java.util.Set<Body> into) {
        if (data instanceof Html h) {
            into.add(h.body);
        } else if (data instanceof java.util.Map<?, ?> m) {
            m.values().forEach(v -> within(v, into));
        } else if (data instanceof java.util.List<?> l) {
            l.forEach(v -> within(v, into));
        }
    }

    /** What the {@link Digest} hashes instead of the HTML. */
    String key() {
        return body.key() + "|" + level + (base == null ? "" : "|" + base);
    }

    @Override
    public synchronized String toString() {
        if (html == null) {
            html = base == null ? Headings.shift(body, level) : absolute(Headings.shift(body, level), base);
        }
        return html;
    }

    /**
     * The HTML with its relative addresses (links, images and their copies, quotes' sources)
     * made absolute against {@code base}: a feed reader that ignores the entry's xml:base would
     * resolve them against the feed's own address, where they lead nowhere.
     */
    static String absolute(String html, String base) {
        java.net.URI from = java.net.URI.create(base);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element e : doc.body().getAllElements()) {
            for (String attribute : new String[]{"href", "src", "cite"}) {
                if (e.hasAttr(attribute)) {
                    e.attr(attribute, resolve(from, e.attr(attribute)));
                }
            }
            if (e.hasAttr("srcset")) {
                java.util.List<String> candidates = new java.util.ArrayList<>();
                for (org.explainers.content.Urls.Candidate candidate : org.explainers.content.Urls.srcset(e.attr("srcset"))) {
                    candidates.add(resolve(from, candidate.url()) + (candidate.descriptors().isEmpty() ? "" : " " + candidate.descriptors()));
                }
                e.attr("srcset", String.join(", ", candidates));
            }
        }
        return doc.body().html();
    }

    /** A relative address resolved against the page's; an absolute one (another site, mailto:) as it is. */
    private static String resolve(java.net.URI base, String address) {
        String scheme = org.explainers.content.Urls.scheme(address);
        if (scheme == null || !scheme.isEmpty() || address.startsWith("//")) {
            return address;
        }
        try {
            return base.resolve(address).toString();
        } catch (IllegalArgumentException e) {
            return address; // the allowlist judged it an address; java.net.URI may still refuse one a browser reads
        }
    }
}
