package org.explainers.content;

import java.util.List;

/** One section of an article: {@code content/articles/<article>/<nn>-<name>.md}. */
public final class Section extends Doc {

    /** The part of the file name after its number: the section's #anchor on the article page. */
    public final String anchor;
    Article article;

    Section(String anchor, String source, java.nio.file.Path content, Header header, List<String> markdown, int firstLine) {
        super(Schema.Kind.SECTION, source, content, header, markdown, firstLine);
        this.anchor = anchor;
    }

    public Article article() {
        return article;
    }

    public int order() {
        Integer o = (Integer) header.get("order");
        return o == null ? Integer.MAX_VALUE : o;
    }

    public int level() {
        Integer l = (Integer) header.get("level");
        return l == null ? 1 : l;
    }

    @SuppressWarnings("unchecked")
    public List<String> topics() {
        Object v = header.get("topics");
        return v == null ? List.of() : (List<String>) v;
    }

    /** When a reader last saw it change: its date, its `updated`, or a correction of its explainer naming it. */
    public Moment changed() {
        Moment newest = Moment.later(date(), updated());
        if (article != null) {
            for (java.util.Map<String, Object> c : article.corrections()) {
                if (fileName().equals(c.get("section"))) {
                    newest = Moment.later(newest, (Moment) c.get("date"));
                }
            }
        }
        return newest;
    }
}
