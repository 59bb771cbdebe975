package org.explainers.content;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of every list the site has, each defined once here (docs/orders.md says the same
 * for readers). Nothing depends on the file system's order, the number of CPUs, the locale
 * or the time zone: ties always end in a unique key (a slug or a path).
 */
public final class Orders {

    private Orders() {
    }

    /**
     * Articles: newest first by publication date (home, archive, author pages, topic pages'
     * groups), then by slug.
     */
    public static final Comparator<Article> ARTICLES = Comparator
            .comparing((Article a) -> a.date() == null ? java.time.Instant.MIN : a.date().instant()).reversed()
            .thenComparing(a -> a.slug);

    /** Sections within an article: by `order` (unique within the article), then file name. */
    public static final Comparator<Section> IN_ARTICLE = Comparator.comparingInt(Section::order).thenComparing(s -> s.source);

    /**
     * Feed entries: by their last change (publication, update or correction), newest first; then by article
     * order and section order (reading order). Each section's date is looked up once.
     */
    public static List<Section> feed(Collection<Section> sections, Map<Section, Integer> readingOrder, java.util.function.Function<Section, Moment> changed) {
        Map<Section, java.time.Instant> when = new java.util.IdentityHashMap<>();
        for (Section s : sections) {
            when.put(s, changed.apply(s).instant());
        }
        List<Section> list = new java.util.ArrayList<>(sections);
        list.sort(Comparator.comparing((Section s) -> when.get(s)).reversed().thenComparing(readingOrder::get));
        return list;
    }

    /** Topics and authors by name as a reader sorts them (accents and case aside), then slug. */
    public static final Comparator<Vocabulary.Entry> BY_NAME = Comparator
            .comparing((Vocabulary.Entry e) -> Text.fold(e.text("name")))
            .thenComparing(e -> e.text("name"))
            .thenComparing(Vocabulary.Entry::slug);

    /** Footer pages: by `footer` position, then title, then path. */
    public static final Comparator<Page> FOOTER = Comparator.comparingInt(Page::footer)
            .thenComparing(Page::title).thenComparing(p -> p.source);

    /** Sitemap addresses, and every file list the build keeps: by path, character by character. */
    public static final Comparator<String> PATHS = Comparator.naturalOrder();
}
