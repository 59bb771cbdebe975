package org.explainers.bake;

import org.explainers.content.Article;
import org.explainers.content.Doc;
import org.explainers.content.Moment;
import org.explainers.content.Orders;
import org.explainers.content.Page;
import org.explainers.content.Project;
import org.explainers.content.Schema;
import org.explainers.content.Section;
import org.explainers.content.Site;
import org.explainers.content.SitePaths;
import org.explainers.content.Vocabulary;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every page the site has, with the template that renders it and the data it gets. This is the
 * one list of outputs: the bake renders it, the sitemap lists it, the output check expects it.
 */
final class Pages {

    /** Explainers on the home page. */
    static final int HOME = 10;
    /** Entries per page of the paged lists: explainers of a month or an author, sections of a topic. */
    static final int ARTICLES_PER_PAGE = 10;
    static final int SECTIONS_PER_PAGE = 25;
    /** Entries of a feed, newest first: readers poll feeds, and a feed of every section would repeat the whole site. */
    static final int FEED = 50;
    static final int TOPICS_PER_PAGE = 60;

    /**
     * One output page.
     *
     * @param path     where it goes, from the site root
     * @param template the template, as named in templates/
     * @param data     what the template gets, made when the page is baked (a large site's data
     *                 is not all held at once)
     * @param listed   whether it belongs in the sitemap
     * @param inputs   what the data is made from, as a key worked out without making the data;
     *                 null when the data's own fingerprint is the key
     * @param texts    the files whose texts the page shows: besides them, the page is made only
     *                 from the site's shape ({@link Model#shape}), so that while the shape stays the
     *                 same, the page is the published one unless one of these files changed
     *                 (a page whose data holds another text is a mistake the bake stops at)
     */
    record Out(String path, String template, Supplier<Map<String, Object>> data, boolean listed, Supplier<String> inputs,
               List<? extends Doc> texts) {
    }

    private final Site site;
    private final Project project;
    private final SitePaths paths;
    private final Model model;
    private final List<Out> pages = new ArrayList<>();
    /** The pages' paths as a disk ignoring capitals compares them, each once. */
    private final java.util.Set<String> planned = new java.util.HashSet<>();
    /** Listed sections by topic slug, in reading order. */
    private final Map<String, List<Section>> byTopic = new TreeMap<>();
    private final Map<Article, Integer> articleOrder = new java.util.IdentityHashMap<>();

    /** The texts whose pages are made (see {@link #showing}); null: every page. */
    private final java.util.Set<? extends Doc> only;
    /** Set while pages that show no text are made: one that shows a text is a mistake in the plan. */
    private boolean textless;

    private Pages(Site site, Project project, Model model, java.util.Set<? extends Doc> only) {
        this.site = site;
        this.project = project;
        this.paths = project.paths;
        this.model = model;
        this.only = only;
        if (only != null) {
            return; // what follows is for the pages without texts
        }
        for (Section s : site.listedSections()) {
            for (String t : s.topics()) {
                byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
            }
        }
        for (Article a : site.listedArticles()) {
            articleOrder.put(a, articleOrder.size());
        }
    }

    static List<Out> plan(Site site, Project project, Model model, Map<String, org.explainers.content.Doc> moves) {
        return plan(site, project, model, moves, null);
    }

    /**
     * The pages of the {@link #plan} that show one of these texts, made as the plan makes them.
     * Only content pages and feeds show texts: the plan makes every other page as
     * {@link #textless}, and stops at one that shows a text. While the site's shape is the
     * published build's, its pages are this build's (Model#shape), and those that show no
     * changed text are the published build's files; the bake plans only these.
     */
    static List<Out> showing(Site site, Project project, Model model, java.util.Set<? extends Doc> texts) {
        return plan(site, project, model, Map.of(), texts);
    }

    private static List<Out> plan(Site site, Project project, Model model, Map<String, org.explainers.content.Doc> moves,
                                  java.util.Set<? extends Doc> only) {
        Pages p = new Pages(site, project, model, only);
        p.textless(() -> p.moved(moves));
        p.content();
        p.textless(p::home);
        p.textless(p::archive);
        p.textless(p::topics);
        p.textless(p::authors);
        p.feeds();
        p.textless(p::extras);
        return p.pages;
    }

    /** Makes pages that show no text: in the whole plan only. */
    private void textless(Runnable pages) {
        if (only == null) {
            textless = true;
            pages.run();
            textless = false;
        }
    }

    /** Each kind of page but pages/'s, and the template it is made with unless jbake.properties' `template.<kind>.file` says another. */
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("article", "article.ftlh"), Map.entry("section", "section.ftlh"),
            Map.entry("masterindex", "index.ftlh"), Map.entry("month", "month.ftlh"), Map.entry("archive", "archive.ftlh"),
            Map.entry("tagsindex", "topics.ftlh"), Map.entry("tag", "topic.ftlh"), Map.entry("author", "author.ftlh"),
            Map.entry("authorsindex", "authors.ftlh"),
            Map.entry("feed", "feed.ftlx"), Map.entry("redirect", "redirect.ftlh"), Map.entry("error404", "404.ftlh"));

    private String template(String kind) {
        return template(project, kind);
    }

    private static String template(Project project, String kind) {
        String t = project.jbake.getTemplateByDocType(kind);
        return t == null || t.isBlank() ? KINDS.get(kind) : t;
    }

    /**
     * The templates a page of pages/ may not name as its `layout:`: those of the other kinds of
     * page, and layout.ftlh, which every page goes through.
     */
    static java.util.Set<String> notLayouts(Project project) {
        java.util.Set<String> not = new java.util.TreeSet<>(java.util.Set.of("layout.ftlh"));
        KINDS.keySet().forEach(kind -> not.add(template(project, kind)));
        return not;
    }

    private Map<String, Object> data(String path, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", model.siteData);
        m.put("page", model.page(path, kind));
        return m;
    }

    /**
     * A page whose data is the site's, the page's and what {@code fill} adds, made when the page
     * is baked; keyed by {@code inputs} when that is given (see {@link Out}).
     */
    private void add(String path, String template, String kind, boolean listed, Supplier<String> inputs,
                     List<? extends Doc> texts, Consumer<Map<String, Object>> fill) {
        if (textless && !texts.isEmpty()) {
            throw new IllegalStateException(path + " shows a text but is made among the pages that show none (Pages.plan)");
        }
        if (only != null && texts.stream().noneMatch(only::contains)) {
            return;
        }
        if (!planned.add(org.explainers.content.Text.caseless(path))) {
            // The checks keep files, old addresses and slugs apart: two pages at one path is a mistake here.
            throw new IllegalStateException(path + " would be written by two pages of the plan (or two differing only in capitals)");
        }
        pages.add(new Out(path, template, () -> {
            Map<String, Object> d = data(path, kind);
            fill.accept(d);
            return d;
        }, listed, inputs, texts));
    }

    /** A page that shows no text: made from the site's shape alone. */
    private void add(String path, String template, String kind, boolean listed, Consumer<Map<String, Object>> fill) {
        add(path, template, kind, listed, null, List.of(), fill);
    }

    private void content() {
        for (Article a : site.listedArticles()) {
            // Most pages of a large site: keyed by what they are made from, so that an edit does not make them all.
            add(a.uri(), template("article"), "article", true, () -> model.articleInputs(a), model.articleTexts(a),
                    d -> d.put("article", model.article(a)));
            String template = template("section");
            for (Section s : site.listedSections(a)) {
                add(s.uri(), template, "section", true, () -> model.sectionInputs(s), model.sectionTexts(s), d -> d.put("section", model.section(s)));
            }
        }
        for (Page p : site.listedPages()) {
            add(p.uri(), p.layout() + ".ftlh", "page", true, null, List.of(p), d -> {
                d.put("doc", model.doc(p));
                if (p.layout().equals("corrections")) {
                    d.put("corrections", allCorrections());
                }
            });
        }
    }

    /** Every correction of every listed article, newest first. */
    private List<Object> allCorrections() {
        List<Object> all = new ArrayList<>();
        for (Article a : site.listedArticles()) {
            all.addAll(model.corrections(a, null));
        }
        all.sort(Collections.reverseOrder(java.util.Comparator.comparing(c -> (Date) ((Map<?, ?>) c).get("date"))));
        return all;
    }

    private void home() {
        List<Object> latest = new ArrayList<>();
        for (Article a : site.listedArticles().subList(0, Math.min(HOME, site.listedArticles().size()))) {
            latest.add(model.listedCard(a));
        }
        List<Object> topics = topicIndex(false);
        add(paths.index(), template("masterindex"), "home", true, d -> {
            d.put("latest", latest);
            d.put("more", site.listedArticles().size() > HOME);
            d.put("topics", topics);
        });
    }

    /** The archive: a page of years and months, and each month's explainers, paged. */
    private void archive() {
        Map<String, Map<Integer, List<Article>>> byYear = new TreeMap<>(Collections.reverseOrder());
        for (Article a : site.listedArticles()) {
            ZonedDateTime when = a.date().instant().atZone(project.zone);
            byYear.computeIfAbsent(String.valueOf(when.getYear()), y -> new TreeMap<>(Collections.reverseOrder()))
                    .computeIfAbsent(when.getMonthValue(), m -> new ArrayList<>()).add(a);
        }
        List<Object> years = new ArrayList<>();
        byYear.forEach((year, months) -> {
            List<Object> list = new ArrayList<>();
            months.forEach((month, articles) -> {
                String base = paths.month(Integer.parseInt(year), month);
                String name = java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("year", year);
                m.put("month", month);
                m.put("name", name);
                m.put("path", base);
                m.put("count", articles.size());
                list.add(m);
                List<Article> oldestFirst = new ArrayList<>(articles);
                Collections.reverse(oldestFirst);
                paged(oldestFirst, ARTICLES_PER_PAGE, base, template("month"), "month", m, "articles", this::cards);
            });
            years.add(Model.data("year", year, "months", list));
        });
        add(paths.archive(), template("archive"), "archive", true, d -> d.put("years", years));
    }

    /**
     * A paged list at {@code base} (see {@link Pager}): each page gets what the list is of (a
     * month, a topic, an author) under its kind's name, its share of the entries and the pager.
     */
    private <T> void paged(List<T> oldestFirst, int size, String base, String template, String kind, Object of,
                           String entriesKey, java.util.function.Function<List<T>, List<Object>> entries) {
        for (Pager.Chunk<T> chunk : Pager.split(oldestFirst, size, base)) {
            add(chunk.path(), template, kind, true, d -> {
                d.put(kind, of);
                d.put(entriesKey, entries.apply(chunk.items()));
                d.put("pager", pager(chunk, base));
            });
        }
    }

    private List<Object> cards(List<Article> oldestFirst) {
        List<Object> cards = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            cards.add(model.listedCard(oldestFirst.get(i)));
        }
        return cards;
    }

    private static Map<String, Object> pager(Pager.Chunk<?> chunk, String base) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", chunk.number());
        p.put("count", chunk.count());
        // The newest page, the oldest, and two either side of this one; a gap stands for the rest, when it is two pages or
        // more (a reader's trial: "5 4 3 … 1" hid only page 2, whose number takes the gap's room).
        java.util.function.IntPredicate far = n -> n > 1 && n < chunk.count() && Math.abs(n - chunk.number()) > 2;
        List<Object> numbers = new ArrayList<>();
        boolean gap = false;
        for (int n = chunk.count(); n >= 1; n--) {
            if (far.test(n) && (far.test(n - 1) || far.test(n + 1))) {
                if (!gap) {
                    numbers.add(Model.data("gap", true));
                }
                gap = true;
                continue;
            }
            gap = false;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("number", n);
            e.put("path", n == chunk.count() ? base : SitePaths.numbered(base, n));
            e.put("current", n == chunk.number());
            numbers.add(e);
        }
        p.put("pages", numbers);
        if (chunk.number() < chunk.count()) {
            p.put("newer", chunk.number() + 1 == chunk.count() ? base : SitePaths.numbered(base, chunk.number() + 1));
        }
        if (chunk.number() > 1) {
            p.put("older", SitePaths.numbered(base, chunk.number() - 1));
        }
        return p;
    }

    /**
     * An index by name (topics, authors) in pages of {@link #TOPICS_PER_PAGE}: the first at
     * {@code base}, the others at base/2.html, base/3.html and on, each with numbered navigation
     * to the others (the topic index's later pages were linked from nowhere).
     */
    private void byName(List<Object> all, String base, String template, String key) {
        int count = Math.max(1, (all.size() + TOPICS_PER_PAGE - 1) / TOPICS_PER_PAGE);
        java.util.function.IntFunction<String> path = n -> n == 1 ? base : SitePaths.numbered(base, n);
        for (int n = 1; n <= count; n++) {
            List<Object> chunk = all.subList(Math.min((n - 1) * TOPICS_PER_PAGE, all.size()), Math.min(all.size(), n * TOPICS_PER_PAGE));
            Map<String, Object> pager = new LinkedHashMap<>();
            pager.put("number", n);
            pager.put("count", count);
            List<Object> pages = new ArrayList<>();
            for (int m = 1; m <= count; m++) {
                pages.add(Model.data("number", m, "path", path.apply(m), "current", m == n));
            }
            pager.put("pages", pages);
            if (n > 1) {
                pager.put("newer", path.apply(n - 1)); // the pager's first link: the page before, by name
            }
            if (n < count) {
                pager.put("older", path.apply(n + 1));
            }
            add(path.apply(n), template, key, true, d -> {
                d.put(key, chunk);
                d.put("pager", pager);
            });
        }
    }

    /** Topics on the home page: the most used, then by name. */
    static final int HOME_TOPICS = 24;

    /**
     * Every topic, by name, with its numbers of explainers and sections and its latest
     * explainer, but those only held-back pieces carry; for the home page only the {@link #HOME_TOPICS} most used, and none unused.
     */
    private List<Object> topicIndex(boolean all) {
        List<Object> list = new ArrayList<>();
        List<Vocabulary.Entry> entries = new ArrayList<>(site.vocabulary(Schema.TOPICS).values());
        entries.sort(Orders.BY_NAME);
        if (all) {
            // A topic only held-back pieces carry waits for the first of them: its name on the index would tell
            // readers what is coming before it is out (an editor's trial). One nothing carries is listed with its zeros.
            java.util.Set<String> waiting = new java.util.HashSet<>();
            site.articles().forEach(a -> a.sections().forEach(s -> waiting.addAll(s.topics())));
            entries.removeIf(e -> !byTopic.containsKey(e.slug()) && waiting.contains(e.slug()));
        } else {
            // The home page shows topics a reader can open: none without a section on the site (greyed, they looked broken).
            List<Vocabulary.Entry> used = new ArrayList<>(entries.stream().filter(e -> byTopic.containsKey(e.slug())).toList());
            used.sort(java.util.Comparator.comparingInt((Vocabulary.Entry e) -> -byTopic.getOrDefault(e.slug(), List.of()).size()));
            entries = new ArrayList<>(used.subList(0, Math.min(HOME_TOPICS, used.size())));
            entries.sort(Orders.BY_NAME);
        }
        for (Vocabulary.Entry e : entries) {
            List<Section> sections = byTopic.getOrDefault(e.slug(), List.of());
            Map<String, Object> m = new LinkedHashMap<>(model.ref(Schema.TOPICS, e.slug()));
            m.put("sections", sections.size());
            m.put("articles", sections.stream().map(Section::article).distinct().count());
            if (!sections.isEmpty()) {
                m.put("latest", model.link(sections.get(0).article()));
            }
            list.add(m);
        }
        return list;
    }

    private void topics() {
        byName(topicIndex(true), paths.topicIndex(), template("tagsindex"), "topics");
        byTopic.forEach((slug, sections) -> {
            Map<String, Object> ref = model.ref(Schema.TOPICS, slug);
            if (ref == null) {
                return;
            }
            Map<String, Object> topic = new LinkedHashMap<>(ref);
            topic.put("sections", sections.size());
            topic.put("articles", sections.stream().map(Section::article).distinct().count());
            topic.put("feed", paths.topicFeed(slug));
            String base = paths.topic(slug);
            List<Section> oldestFirst = new ArrayList<>(sections);
            // Oldest first by article, but each article's sections in reading order.
            oldestFirst.sort(java.util.Comparator.comparingInt((Section s) -> -articleOrder.get(s.article()))
                    .thenComparing(Orders.IN_ARTICLE));
            paged(oldestFirst, SECTIONS_PER_PAGE, base, template("tag"), "topic", topic, "groups", this::groups);
            renamed(Schema.TOPICS, slug, paths::topic, Pager.split(oldestFirst, SECTIONS_PER_PAGE, base).size());
        });
    }

    /**
     * Pages at a renamed topic's or author's old addresses (its `moved_from` in content/_data/),
     * each leading to the page of the same number now (pages are numbered from the oldest).
     */
    private void renamed(Vocabulary.Spec spec, String slug, java.util.function.Function<String, String> address, int count) {
        Vocabulary.Entry entry = site.vocabulary(spec).get(slug);
        String base = address.apply(slug);
        for (String old : entry.movedFrom()) {
            String oldBase = address.apply(old);
            for (int n = 1; n <= count; n++) {
                Map<String, Object> link = Model.data("title", entry.text("name"), "path", n == count ? base : SitePaths.numbered(base, n));
                add(n == count ? oldBase : SitePaths.numbered(oldBase, n), template("redirect"), "redirect", false, d -> d.put("redirect", link));
            }
        }
    }

    /** Sections of a topic page grouped by article (with its dates): newest explainer first, sections in reading order. */
    private List<Object> groups(List<Section> oldestFirst) {
        Map<Article, List<Object>> byArticle = new LinkedHashMap<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            Section s = oldestFirst.get(i);
            byArticle.computeIfAbsent(s.article(), a -> new ArrayList<>());
        }
        for (Section s : oldestFirst) {
            byArticle.get(s.article()).add(model.entry(s));
        }
        List<Object> groups = new ArrayList<>();
        // The explainer as on the other lists (its card, made once): its dates tell a reader how recent it is (a reader's trial).
        byArticle.forEach((a, sections) -> groups.add(Model.data("article", model.listedCard(a), "sections", sections)));
        return groups;
    }

    private void authors() {
        Map<String, List<Article>> byAuthor = new TreeMap<>();
        for (Article a : site.listedArticles()) {
            for (String slug : a.authors()) {
                byAuthor.computeIfAbsent(slug, k -> new ArrayList<>()).add(a);
            }
        }
        // Who writes here, by name, each with their number of explainers and latest (an editor's trial: no page named them all).
        List<Vocabulary.Entry> writers = new ArrayList<>(byAuthor.keySet().stream().map(site.vocabulary(Schema.AUTHORS)::get)
                .filter(java.util.Objects::nonNull).toList());
        writers.sort(Orders.BY_NAME);
        List<Object> index = new ArrayList<>();
        for (Vocabulary.Entry e : writers) {
            Map<String, Object> m = new LinkedHashMap<>(model.ref(Schema.AUTHORS, e.slug()));
            m.put("count", byAuthor.get(e.slug()).size());
            m.put("latest", model.link(byAuthor.get(e.slug()).get(0)));
            index.add(m);
        }
        byName(index, paths.authorIndex(), template("authorsindex"), "authors");
        byAuthor.forEach((slug, articles) -> {
            Map<String, Object> ref = model.ref(Schema.AUTHORS, slug);
            if (ref == null) {
                return;
            }
            Map<String, Object> author = new LinkedHashMap<>(ref);
            author.put("count", articles.size());
            author.put("feed", paths.authorFeed(slug));
            String base = paths.author(slug);
            List<Article> oldestFirst = new ArrayList<>(articles);
            Collections.reverse(oldestFirst);
            paged(oldestFirst, ARTICLES_PER_PAGE, base, template("author"), "author", author, "articles", this::cards);
            renamed(Schema.AUTHORS, slug, paths::author, Pager.split(oldestFirst, ARTICLES_PER_PAGE, base).size());
        });
    }

    private void feeds() {
        List<Section> sections = Orders.feed(site.listedSections(), site.readingOrder(), site::changed);
        String feedTemplate = template("feed");
        addFeed(paths.feed(), paths.feed(), feedTemplate, project.setting("site.name"), project.setting("site.description"), paths.index(),
                sections, FEED_TEXTS);
        // Each topic's feed and each author's (a reader's trial: a writer could not be followed, as a topic could).
        entryFeeds(Schema.TOPICS, sections, Section::topics, paths::topicFeed, paths::topic, "description", feedTemplate);
        entryFeeds(Schema.AUTHORS, sections, s -> s.article().authors(), paths::authorFeed, paths::author, "bio", feedTemplate);
    }

    /**
     * A feed for each topic or author: the site's entries that carry it, in the same order (a
     * feed's worth of each), titled as its page is. A renamed one's old feed stays, naming the
     * feed now as its own address: readers subscribed to it keep getting its entries, with their
     * summaries (not their texts: each old slug would be another copy of them).
     */
    private void entryFeeds(Vocabulary.Spec spec, List<Section> sections, java.util.function.Function<Section, java.util.Collection<String>> slugsOf,
                            java.util.function.UnaryOperator<String> feed, java.util.function.UnaryOperator<String> page, String description, String template) {
        Map<String, List<Section>> newest = new TreeMap<>();
        for (Section s : sections) {
            for (String slug : slugsOf.apply(s)) {
                List<Section> entries = newest.computeIfAbsent(slug, k -> new ArrayList<>());
                if (entries.size() < FEED) {
                    entries.add(s);
                }
            }
        }
        newest.forEach((slug, entries) -> {
            Map<String, Object> entry = model.ref(spec, slug);
            if (entry == null) {
                return;
            }
            String title = entry.get("name") + " · " + project.setting("site.name");
            String subtitle = String.valueOf(entry.get(description));
            addFeed(feed.apply(slug), feed.apply(slug), template, title, subtitle, page.apply(slug), entries, TOPIC_FEED_TEXTS);
            for (String old : site.vocabulary(spec).get(slug).movedFrom()) {
                addFeed(feed.apply(old), feed.apply(slug), template, title, subtitle, page.apply(slug), entries, 0);
            }
        });
    }

    /**
     * The most bytes of HTML of texts a feed carries, the newest entries' first; the others carry
     * their summaries. A section is in the site's feed and in up to 12 topics' feeds: those repeat
     * less of it (a text of 250 KB of `&`, 1.25 MB of HTML, filled 72 topics' feeds: 120 times the
     * pull request's size). Escaped as text, either stays far under a page's limit (Templates.MAX_PAGE).
     */
    static final long FEED_TEXTS = 2_000_000;
    static final long TOPIC_FEED_TEXTS = 500_000;

    /** A feed of the latest {@link #FEED} entries, written at {@code path}, its own address {@code self}. */
    private void addFeed(String path, String self, String template, String title, String subtitle, String alternate, List<Section> all, long texts) {
        List<Section> entries = List.copyOf(all.subList(0, Math.min(FEED, all.size())));
        add(path, template, "feed", false, null, entries, d -> d.put("feed", feed(self, title, subtitle, alternate, entries, texts)));
    }

    /**
     * The address a section was first published at: its first former name's (`moved_from` lists
     * them oldest first), else its own. An entry's id in the feeds, which must not change (an
     * editor's trial: a folder renamed made every section a new entry for subscribers).
     */
    private static String firstAddress(Section s) {
        String first = s.movedFrom().isEmpty() ? null : org.explainers.check.Moves.resolve(s.folder(), s.movedFrom().get(0));
        return first != null && first.endsWith(".md") ? SitePaths.page(first) : s.uri();
    }

    /** A feed's data: its entries carry their texts, the newest first, up to {@code texts} bytes of HTML. */
    private Map<String, Object> feed(String path, String title, String subtitle, String alternate, List<Section> entries, long texts) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("title", title);
        feed.put("subtitle", subtitle);
        feed.put("path", path);
        feed.put("alternate", alternate);
        Moment newest = null;
        long carried = 0;
        List<Object> list = new ArrayList<>();
        for (Section s : entries) {
            Map<String, Object> e = model.section(s);
            e.put("modified", Date.from(site.changed(s).instant()));
            e.put("id", firstAddress(s));
            if (s.body() != null && carried + s.htmlSize() <= texts) {
                carried += s.htmlSize();
                e.put("body", model.absoluteHtml(s)); // absolute: feed readers may ignore the entry's xml:base
            } else {
                e.remove("body"); // the page's, relative to it
            }
            list.add(e);
            newest = Moment.later(newest, site.changed(s));
        }
        feed.put("entries", list);
        feed.put("updated", newest == null ? new Date(0) : Date.from(newest.instant()));
        return feed;
    }

    /** A page at each old address of a renamed file, leading to the new one (see `moved_from`). */
    private void moved(Map<String, org.explainers.content.Doc> moves) {
        moves.forEach((oldSource, doc) -> {
            if (!site.listed(doc)) {
                return;
            }
            String path = SitePaths.page(oldSource);
            Map<String, Object> link = model.link(doc);
            add(path, template("redirect"), "redirect", false, d -> d.put("redirect", link));
        });
    }

    private void extras() {
        add(paths.notFound(), template("error404"), "error404", false, d -> {
        });
    }
}
