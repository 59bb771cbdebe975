package org.explainers.content;

import java.util.List;

/** A standalone page: {@code content/pages/<slug>.md}, such as About or the corrections policy. */
public final class Page extends Doc {

    public final String slug;

    Page(String slug, String source, java.nio.file.Path content, Header header, List<String> markdown, int firstLine) {
        super(Schema.Kind.PAGE, source, content, header, markdown, firstLine);
        this.slug = slug;
    }

    /** The template it is rendered with ("page" unless its header names another). */
    public String layout() {
        String l = header.text("layout");
        return l == null ? "page" : l;
    }

    /** Its position in the footer, or 0 when it is not there. */
    public int footer() {
        Integer f = (Integer) header.get("footer");
        return f == null ? 0 : f;
    }
}
