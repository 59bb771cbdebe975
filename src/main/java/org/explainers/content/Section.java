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

    /** Its own file, or its explainer's when that one's date is the later: the later date is the one that holds it back. */
    @Override
    public Doc datedBy() {
        return article != null && article.date() != null && (date() == null || article.date().instant().isAfter(date().instant())) ? article : this;
    }

    /**
     * The #anchors its former names gave it on its explainer's page (`moved_from` names in the
     * same folder): links to the explainer's page still land on it. Not those another section,
     * a footnote or the page itself uses.
     */
    public List<String> oldAnchors() {
        if (article == null || movedFrom().isEmpty()) {
            return List.of(); // most sections: no set of the explainer's anchors made for them
        }
        java.util.Set<String> taken = new java.util.HashSet<>(Crawl.RESERVED_IDS);
        article.sections.forEach(s -> taken.add(s.anchor));
        List<String> anchors = new java.util.ArrayList<>();
        for (String n : movedFrom()) {
            if (!n.contains("/") && n.endsWith(".md")) {
                String old = Crawl.anchor(n.substring(0, n.length() - 3));
                if (!Crawl.NOTE_ID.matcher(old).matches() && taken.add(old)) { // nor a footnote's (an attacker's trial: `11-zz-fn-1.md`)
                    anchors.add(old);
                }
            }
        }
        return anchors;
    }
}
