package org.explainers.content;

import java.util.ArrayList;
import java.util.List;

/** An article: {@code content/articles/<slug>/index.md} and its sections. */
public final class Article extends Doc {

    public final String slug;
    /** All its sections, drafts included, in `order`. */
    final List<Section> sections = new ArrayList<>();

    Article(String slug, String source, java.nio.file.Path content, Header header, List<String> markdown, int firstLine) {
        super(Schema.Kind.ARTICLE, source, content, header, markdown, firstLine);
        this.slug = slug;
    }

    public List<Section> sections() {
        return sections;
    }

    @SuppressWarnings("unchecked")
    public List<String> authors() {
        Object v = header.get("authors");
        return v == null ? List.of() : (List<String>) v;
    }

    public Image image() {
        return (Image) header.get("image");
    }

    /** Dated corrections: maps of date, text, section (file name or null) and line. */
    @SuppressWarnings("unchecked")
    public List<java.util.Map<String, Object>> corrections() {
        Object v = header.get("corrections");
        return v == null ? List.of() : (List<java.util.Map<String, Object>>) v;
    }
}
