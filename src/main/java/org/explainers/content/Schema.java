package org.explainers.content;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.explainers.content.Schema.Kind.ARTICLE;
import static org.explainers.content.Schema.Kind.PAGE;
import static org.explainers.content.Schema.Kind.SECTION;

/**
 * The shape of the site in one place: which Markdown files there are, the header fields each
 * carries, and the vocabularies they refer to. The checker reads headers through it, the
 * templates get every field under its own name, and CONTRIBUTING.md shows the same table to
 * editors. Adding a header field is one entry below and the template that shows it.
 */
public final class Schema {

    private Schema() {
    }

    /** The kinds of Markdown file, by where they sit under content/. */
    public enum Kind {
        /** {@code articles/<article>/index.md}: headline, standfirst, byline. */
        ARTICLE("article"),
        /** {@code articles/<article>/<nn>-<name>.md}: one section of an article. */
        SECTION("section"),
        /** {@code pages/<name>.md}: a standalone page such as About. */
        PAGE("page");

        public final String name;

        Kind(String name) {
            this.name = name;
        }
    }

    /** Where each kind of file lives under content/. */
    public static final String ARTICLES = "articles";
    public static final String PAGES = "pages";
    public static final String DATA = "_data";
    /** Images and downloads, which may sit beside the text that uses them. */
    public static final Set<String> MEDIA = Set.of("png", "jpg", "jpeg", "gif", "pdf", "csv");
    /** Images among them: their size is read, and smaller copies are made for phones. */
    public static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif");

    /**
     * A header field.
     *
     * @param name     its key
     * @param on       the kinds of file that may carry it
     * @param required the kinds that must
     * @param type     how its value is read and checked
     * @param help     what it is, for editors (CONTRIBUTING.md shows the same)
     */
    public record Field(String name, Set<Kind> on, Set<Kind> required, FieldType type, String help) {
    }

    private static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
    private static final Set<Kind> NONE = EnumSet.noneOf(Kind.class);

    public static final Vocabulary.Spec TOPICS = new Vocabulary.Spec("topics", DATA + "/topics.yml", List.of(
            new Vocabulary.Key("slug", true, FieldType.slug()),
            new Vocabulary.Key("name", true, FieldType.text(80)),
            new Vocabulary.Key("description", true, FieldType.text(300)),
            new Vocabulary.Key("moved_from", false, FieldType.oldSlugs())));

    public static final Vocabulary.Spec AUTHORS = new Vocabulary.Spec("authors", DATA + "/authors.yml", List.of(
            new Vocabulary.Key("slug", true, FieldType.slug()),
            new Vocabulary.Key("name", true, FieldType.text(80)),
            new Vocabulary.Key("role", true, FieldType.text(120)),
            new Vocabulary.Key("bio", true, FieldType.text(400)),
            new Vocabulary.Key("link", false, FieldType.link()),
            new Vocabulary.Key("moved_from", false, FieldType.oldSlugs())));

    public static final List<Vocabulary.Spec> VOCABULARIES = List.of(TOPICS, AUTHORS);

    /** One correction: when it was made, what it says, and the section it concerns (optional). */
    private static final List<Vocabulary.Key> CORRECTION = List.of(
            new Vocabulary.Key("date", true, FieldType.dateTime()),
            new Vocabulary.Key("text", true, FieldType.text(600)),
            new Vocabulary.Key("section", false, FieldType.sectionFile()));

    public static final List<Field> FIELDS = List.of(
            new Field("title", ALL, ALL, FieldType.text(150),
                    "The heading, exactly as readers see it: plain text, no Markdown."),
            new Field("type", ALL, ALL, FieldType.kind(),
                    "`article` in an explainer's index.md, `section` in a section, `page` in a standalone page."),
            new Field("summary", ALL, ALL, FieldType.text(400),
                    "One sentence: the standfirst, and the description for search engines and search (plain text, at most 400 characters)."),
            new Field("date", EnumSet.of(ARTICLE, SECTION, PAGE), EnumSet.of(ARTICLE, SECTION), FieldType.dateTime(),
                    "Publication date, `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` for a time of day (the site's time zone). A date still to come holds the file back until then."),
            new Field("updated", EnumSet.of(ARTICLE, SECTION, PAGE), NONE, FieldType.dateTime(),
                    "Date of the last substantial change, after `date`. Shown as \"Updated …\"."),
            new Field("status", ALL, ALL, FieldType.choice("published", "draft"),
                    "`published`, or `draft` to keep the file (and its images) off the site."),
            new Field("article", EnumSet.of(SECTION), EnumSet.of(SECTION), FieldType.slug(),
                    "The explainer's folder name."),
            new Field("order", EnumSet.of(SECTION), EnumSet.of(SECTION), FieldType.number(1, 9999),
                    "Position in the explainer: 1, 2, 3 … (unique within it; gaps are fine)."),
            new Field("level", EnumSet.of(SECTION), NONE, FieldType.number(1, 2),
                    "`1` for a part of the explainer (the default), `2` for a sub-section of the part before it."),
            new Field("topics", EnumSet.of(SECTION), EnumSet.of(SECTION), FieldType.refs(TOPICS),
                    "Topic slugs from content/_data/topics.yml, as `[a, b]` (at most 12)."),
            new Field("authors", EnumSet.of(ARTICLE), EnumSet.of(ARTICLE), FieldType.refs(AUTHORS),
                    "Author slugs from content/_data/authors.yml, as `[a, b]`: the byline of every section."),
            new Field("image", EnumSet.of(ARTICLE), NONE, FieldType.image(),
                    "The lead image: `src` (a file beside index.md, at least 400 pixels wide; 1,200 looks sharp in cards and share previews), `alt`, and optionally `caption` and `credit`."),
            new Field("corrections", EnumSet.of(ARTICLE), NONE, FieldType.entries(CORRECTION),
                    "Dated corrections: a list of `date`, `text` and optionally the `section` file they concern (at most " + FieldType.MAX_ENTRIES + ")."),
            new Field("moved_from", ALL, NONE, FieldType.oldFiles(),
                    "The file's former names, e.g. `[03-old-name.md]`: the old address then leads to the new one."),
            new Field("footer", EnumSet.of(PAGE), NONE, FieldType.number(1, 99),
                    "Puts the page in the site's footer, at this position (1 comes first)."),
            new Field("layout", EnumSet.of(PAGE), NONE, FieldType.layout(),
                    "The template a standalone page uses, from templates/ without `.ftlh` (default `page`; `corrections` for the corrections page)."
                            + " The templates of other kinds of page (article, section, topic, …) are not layouts."));

    public static Field field(String name) {
        for (Field f : FIELDS) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
