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
    private String html;

    Html(Body body, int level) {
        this.body = body;
        this.level = level;
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
        return body.key() + "|" + level;
    }

    @Override
    public synchronized String toString() {
        if (html == null) {
            html = Headings.shift(body, level);
        }
        return html;
    }
}
