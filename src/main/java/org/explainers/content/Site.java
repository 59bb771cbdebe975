package org.explainers.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole site as read: articles with their sections, standalone pages, vocabularies and
 * media, each file with its state at the build's "now". Everything after the crawl (the
 * checks, the bake, the output check, the preview) works from this one model.
 */
public final class Site {

    /** Where a file stands at the build's "now". */
    public enum State {
        PUBLISHED, DRAFT,
        /** Its date (or its article's) is still to come: treated exactly like a draft until then. */
        SCHEDULED
    }

    public final Instant now;
    /** The preview shows drafts and scheduled pieces too, each with a banner. */
    public final boolean preview;
    private final List<Article> articles;
    private final List<Page> pages;
    private final Map<Vocabulary.Spec, Vocabulary> vocabularies;
    private final List<String> media;
    private final Map<Doc, State> states = new IdentityHashMap<>();
    private final List<Article> listedArticles = new ArrayList<>();
    private final List<Section> listedSections = new ArrayList<>();
    private final Map<Section, Integer> reading = new IdentityHashMap<>();
    private final Map<Article, List<Section>> listedByArticle = new IdentityHashMap<>();
    /** The section each correction goes with ({@link #placeOf}). */
    private final Map<Map<String, Object>, Section> placed = new IdentityHashMap<>();

    private Site(Instant now, boolean preview, List<Article> articles, List<Page> pages,
                 Map<Vocabulary.Spec, Vocabulary> vocabularies, List<String> media) {
        this.now = now;
        this.preview = preview;
        this.articles = articles;
        this.pages = pages;
        this.vocabularies = vocabularies;
        this.media = media;
    }

    /**
     * Puts the crawled files together and checks what depends on several of them: sections
     * and their article, orders and anchors, dates against "now".
     */
    public static Site assemble(List<Doc> docs, Map<Vocabulary.Spec, Vocabulary> vocabularies, List<String> media,
                                Instant now, boolean preview, Problems problems) {
        return assemble(docs, vocabularies, media, now, preview, d -> false, problems);
    }

    /**
     * @param untouched whether a file is as the change being built found it (Git's history): of two
     *                  sections with one `order`, the one changed is told, not the other
     */
    public static Site assemble(List<Doc> docs, Map<Vocabulary.Spec, Vocabulary> vocabularies, List<String> media,
                                Instant now, boolean preview, java.util.function.Predicate<Doc> untouched, Problems problems) {
        Map<String, Article> bySlug = new TreeMap<>();
        Map<String, List<Section>> sectionsByFolder = new TreeMap<>();
        List<Page> pages = new ArrayList<>();
        for (Doc d : docs) {
            if (d instanceof Article a) {
                a.sections.clear(); // assembled again from the same files (the preview's check of the site as published)
                bySlug.put(a.slug, a);
            } else if (d instanceof Section s) {
                sectionsByFolder.computeIfAbsent(s.folder(), f -> new ArrayList<>()).add(s);
            } else if (d instanceof Page p) {
                pages.add(p);
            }
        }
        sectionsByFolder.forEach((folder, sections) -> {
            String slug = folder.substring(Schema.ARTICLES.length() + 1, folder.length() - 1);
            Article article = bySlug.get(slug);
            if (article == null) {
                if (!problems.hasErrorInAnyCase("content/" + folder + "index.md")) { // an index.md not read has its own problem
                    problems.error(sections.get(0).path(), 0, "the article folder `" + slug + "` has no index.md",
                            "add content/" + folder + "index.md with `type: article`");
                }
                return;
            }
            for (Section s : sections) {
                s.article = article;
                article.sections.add(s);
            }
        });
        List<Article> articles = new ArrayList<>(bySlug.values());
        articles.sort(Orders.ARTICLES);
        pages.sort(java.util.Comparator.comparing(p -> p.source));
        Site site = new Site(now, preview, articles, pages, vocabularies, media);
        for (Article a : articles) {
            site.checkArticle(a, untouched, problems);
        }
        // Told at the newer of two explainers with one headline (the one most likely just written): oldest first, the later is it.
        Map<String, Article> headlines = new HashMap<>();
        for (int i = articles.size() - 1; i >= 0; i--) {
            Article a = articles.get(i);
            Article same = a.title() == null ? null : headlines.putIfAbsent(a.title().strip().toLowerCase(java.util.Locale.ROOT), a);
            if (same != null) {
                problems.warning(a.path(), a.header.line("title"), "the headline is also " + same.path() + "'s: lists and search show two alike",
                        "give each explainer a headline of its own");
            }
        }
        for (Doc d : docs) {
            checkDates(d, now, problems);
        }
        site.decideStates();
        // An explainer published while each of its sections is still to come is an empty page until the first appears (an editor's
        // trial): said, with the section whose date would be its own.
        for (Article a : articles) {
            // Not while one of its texts fails (an editor's trial: its sections saved as UTF-16 were unread, and the advice would
            // have taken the explainer off the site).
            if (!preview && site.listed(a) && site.listedByArticle.get(a).isEmpty() && !problems.hasErrorInTextOf("content/" + a.folder())) {
                a.sections.stream().filter(x -> site.state(x) == State.SCHEDULED && x.date() != null).min(java.util.Comparator.comparing(Doc::date))
                        .ifPresent(first -> problems.warning(a.path(), a.header.line("date"), "the explainer is published, but none of its sections is"
                                + " yet: readers find an empty page until " + first.path() + " appears", "give index.md the date of that section"));
            }
        }
        site.checkOutputs(docs, problems);
        // Every page shows the footer's pages: 6,000 pages in it were 1.4 GB of pages.
        List<Page> footer = pages.stream().filter(p -> p.footer() > 0).toList();
        for (Page p : footer.size() > MAX_FOOTER ? footer.subList(MAX_FOOTER, footer.size()) : List.<Page>of()) {
            problems.error(p.path(), p.header.line("footer"), "the footer already has " + MAX_FOOTER + " pages; at most " + MAX_FOOTER + " are allowed",
                    "remove `footer:` here, and link to the page from another page");
        }
        // Two pages at one place in the footer are put in the order of their titles: said, as the editor chose neither.
        Map<Integer, Page> places = new TreeMap<>();
        for (Page p : footer) {
            Page before = places.putIfAbsent(p.footer(), p);
            if (before != null) {
                problems.warning(p.path(), p.header.line("footer"), "`footer: " + p.footer() + "` is also " + before.path() + "'s place in the footer,"
                        + " so the two are put in the order of their titles", "give each page its own number");
            }
        }
        for (Article a : articles) {
            site.checkCorrectedSections(a, problems);
        }
        checkCopiedCorrections(articles, problems);
        return site;
    }

    /**
     * A correction that says word for word what another explainer's says, on the same day, was copied with its
     * folder (an editor's trial: `cp -r` to start a new explainer put the old one's correction on
     * the Corrections page, under a piece never published). A warning: two pieces may be corrected
     * for one slip in the same words. Told at the later explainer's (by date, then path), whatever
     * order the files were read in.
     */
    private static void checkCopiedCorrections(List<Article> articles, Problems problems) {
        List<Article> inOrder = new ArrayList<>(articles);
        inOrder.sort(Comparator.comparing((Article a) -> a.date() == null ? Instant.MAX : a.date().instant()).thenComparing(Article::path));
        Map<String, Article> first = new HashMap<>();
        for (Article a : inOrder) {
            for (Map<String, Object> c : a.corrections()) {
                if (c.get("text") instanceof String text) {
                    // Its date too: two pieces corrected for one slip in a desk's standard words are corrected on their own days.
                    Article before = first.putIfAbsent(text.strip() + '\0' + c.get("date"), a);
                    if (before != null && before != a) {
                        problems.warning(a.path(), (Integer) c.getOrDefault("line:text", c.get("line")), "the correction says word for word what one of "
                                + before.path() + " says: copied with its folder?", "if so, remove it: a correction belongs to the explainer it corrects");
                    }
                }
            }
        }
    }

    /**
     * The fix for a section whose order is taken: a free order between those of the files named
     * before and after it, so that it stays where its file name puts it (an editor's trial: "1 is
     * free", followed, made the last section the first, without a word).
     */
    private static String freeOrder(Article article, Section s) {
        // By the files' numbers (`2-x.md` before `10-y.md`), then names.
        List<Section> byName = article.sections.stream().filter(x -> x.header.get("order") != null)
                .sorted(java.util.Comparator.comparingInt((Section x) -> Text.number(x.fileName())).thenComparing(Section::fileName)).toList();
        int i = byName.indexOf(s);
        Section before = i > 0 ? byName.get(i - 1) : null, after = i + 1 < byName.size() ? byName.get(i + 1) : null;
        Set<Integer> taken = new java.util.HashSet<>();
        byName.forEach(x -> taken.add(x.order()));
        int low = before == null ? 0 : before.order(), high = after == null ? 10_000 : after.order();
        int free = low + 1;
        while (free < high && taken.contains(free)) {
            free++;
        }
        String between = (before == null ? "" : "after " + before.fileName() + " (" + before.order() + ")")
                + (before != null && after != null ? " and " : "") + (after == null ? "" : "before " + after.fileName() + " (" + after.order() + ")");
        if (low >= high) {
            return "give each section of an explainer its own order, rising with the file names (here they do not: " + between + ")";
        }
        if (free < high) {
            return "give each section of an explainer its own order: " + free + " keeps it " + between + ", as the file names have it";
        }
        return "give each section of an explainer its own order, rising with the file names: no order is free " + between
                + ", so renumber this section and the ones after it";
    }

    private void checkArticle(Article article, java.util.function.Predicate<Doc> untouched, Problems problems) {
        article.sections.sort(Orders.IN_ARTICLE);
        Map<Integer, Section> byOrder = new HashMap<>();
        Map<String, Section> byAnchor = new HashMap<>();
        Map<String, Section> byTitle = new HashMap<>();
        for (Section s : article.sections) {
            String folderName = s.header.text("article");
            if (folderName != null && !folderName.equals(article.slug)) {
                problems.error(s.path(), s.header.line("article"), "`article: " + folderName + "` does not match the folder `"
                        + article.slug + "`", "write `article: " + article.slug + "`");
            }
            if (s.header.get("order") != null) {
                Section other = byOrder.putIfAbsent(s.order(), s);
                if (other != null) {
                    // Told at the file whose number disagrees with the order (most often the one just added: `00-new.md` with
                    // `order: 1` beside `01-introduction.md`); at both when that does not tell them apart (an editor's trial:
                    // the published, untouched file was told to move).
                    boolean sOdd = s.order() != Text.number(s.fileName()), otherOdd = other.order() != Text.number(other.fileName());
                    // Git's history tells them apart, when it can: the one the change being built touched (an editor's trial: after
                    // sections were swapped on purpose, the untouched one was told to renumber, or to undo the swap).
                    boolean sKept = untouched.test(s), otherKept = untouched.test(other);
                    if (sKept != otherKept) {
                        sOdd = !sKept;
                        otherOdd = !otherKept;
                    }
                    if (sOdd || !otherOdd) {
                        problems.error(s.path(), s.header.line("order"), "`order: " + s.order() + "` is also used by " + other.path(), freeOrder(article, s));
                    }
                    if (otherOdd || !sOdd) {
                        problems.error(other.path(), other.header.line("order"), "`order: " + other.order() + "` is also used by " + s.path(),
                                freeOrder(article, other));
                    }
                }
            }
            // A day later at least: a section dated its explainer's day without a time (midnight) is not before it (a reviewer's trial).
            if (s.date() != null && article.date() != null && article.date().instant().minus(java.time.Duration.ofDays(1)).isAfter(s.date().instant())) {
                // Shown, and in the feeds, as older than the explainer it belongs to (an editor's trial: a year's typo passed).
                problems.warning(s.path(), s.header.line("date"), "`date` is before its explainer's, in " + article.path()
                        + ": the page and the feeds show it as older", "check the year and the month; a section is dated when it is published");
            }
            String title = s.title() == null ? null : s.title().strip().toLowerCase(java.util.Locale.ROOT);
            Section sameTitle = title == null ? null : byTitle.putIfAbsent(title, s);
            if (sameTitle != null) {
                // At both: which of two sections is the newcomer, the order does not say.
                for (Section[] pair : new Section[][]{{s, sameTitle}, {sameTitle, s}}) {
                    problems.warning(pair[0].path(), pair[0].header.line("title"), "the title is also " + pair[1].path() + "'s: the explainer's"
                            + " contents list shows two alike", "give each section a title of its own");
                }
            }
            Section twin = byAnchor.putIfAbsent(s.anchor, s);
            if (twin != null) {
                problems.error(s.path(), 0, "the section name `" + s.anchor + "` is also used by " + twin.path()
                        + " (both would get the same #anchor on the article page)", "rename one of the files");
            }
        }
        List<Section> published = article.sections.stream().filter(s -> !s.draft()).toList();
        // A section whose header could not be read counts as a draft here: no claim about the others until it is mended.
        java.util.function.BooleanSupplier unread = () -> article.sections.stream().anyMatch(s -> problems.hasErrorIn(s.path()))
                || problems.hasErrorInTextOf("content/" + article.folder());
        if (!published.isEmpty() && published.get(0).level() != 1 && !unread.getAsBoolean()) {
            Section s = published.get(0);
            // Drafts before it leave it first (an editor's trial: the message did not say why a sub-section was first).
            List<String> before = article.sections.subList(0, article.sections.indexOf(s)).stream().map(Doc::fileName).toList();
            problems.error(s.path(), s.header.line("level"), "the first section of an article is a sub-section (`level: 2`)"
                            + (before.isEmpty() ? "" : ": " + String.join(", ", before) + (before.size() == 1 ? ", before it, is a draft" : ", before it, are drafts")),
                    before.isEmpty() ? "make it `level: 1`" : "make it `level: 1`, or publish a section before it");
        }
        if (!article.draft() && published.isEmpty() && !unread.getAsBoolean()) {
            problems.warning(article.path(), 0, "the explainer has no published section, so it is held back (readers would find an empty page)",
                    "add a section, or set the explainer to `status: draft`");
        }
    }

    /**
     * A correction of a published explainer names a section readers can see: one of a section
     * made a draft would leave the record with it (an attacker's trial: a one-word edit took a
     * correction off the Corrections page, the feeds and the explainer), and one of a section not
     * yet out would tell of it before it is (another trial). Judged from the content alone, as
     * any build of the same commit judges it.
     */
    private void checkCorrectedSections(Article article, Problems problems) {
        if (!listed(article)) {
            return;
        }
        for (Map<String, Object> c : article.corrections()) {
            Object file = c.get("section");
            article.sections.stream().filter(x -> x.fileName().equals(file) && !listed(x) && !problems.hasErrorIn(x.path())).findFirst().ifPresent(x -> problems.error(
                    article.path(), (Integer) c.get("line:section"), "the correction names `" + file + "`, which is not published ("
                            + state(x).name().toLowerCase(java.util.Locale.ROOT) + "), so readers would not see it: a correction stays on the record",
                    "remove the correction's `section:` line, so that it goes with the explainer (reword it if it says \"this section\"), or"
                            + " publish the section"));
        }
    }

    private static void checkDates(Doc d, Instant now, Problems problems) {
        if (d instanceof Article a) {
            // A correction of a section made before the section was out: its text would be public before the section (an editor's trial).
            for (Map<String, Object> c : a.corrections()) {
                Moment when = (Moment) c.get("date");
                Section named = a.sections.stream().filter(s -> s.fileName().equals(c.get("section"))).findFirst().orElse(null);
                Moment out = named == null ? null : named.date();
                if (when != null && out != null && when.compareTo(out) < 0 && (a.date() == null || out.isAfter(a.date()))) {
                    problems.error(d.path(), (Integer) c.get("line"), "the correction is dated before its section's `date` (" + named.path() + ")",
                            "date it on the day the correction was made, after the section appeared");
                }
            }
        }
        Moment date = d.date();
        Moment updated = d.updated();
        if (date != null && updated != null && !updated.isAfter(date)) {
            problems.error(d.path(), d.header.line("updated"), "`updated` is not after `date`",
                    "`updated` is when the text last changed after it was published: a later date, or no `updated` line");
        } else if (updated != null && updated.instant().isAfter(now.plus(java.time.Duration.ofDays(1)))) {
            // Readers would be told of a change not made yet, and every list, feed and sitemap at once: an error, as a correction's
            // date to come (an attacker's trial: `updated: 2099-12-31` kept an entry at the top of feed readers).
            problems.error(d.path(), d.header.line("updated"), "`updated` is a date still to come, which the page, the feeds and the sitemap"
                    + " would show as done", "write the date of the change once it is made");
        } else if (updated != null && updated.instant().isAfter(now)) {
            // Later today (or early tomorrow in another time zone): most likely the hour the editor means to finish.
            problems.warning(d.path(), d.header.line("updated"), "`updated` is a date still to come, which the page shows as done",
                    "write the date of the change once it is made");
        }
        if (d instanceof Article a) {
            for (Map<String, Object> c : a.corrections()) {
                Moment when = (Moment) c.get("date");
                if (date != null && when != null && when.compareTo(date) < 0) {
                    problems.error(d.path(), (Integer) c.get("line"), "the correction is dated before the article's `date`",
                            date.instant().isAfter(now) ? "the article's `date` is still to come (line " + d.header.line("date")
                                    + "): is its year right? Otherwise date the correction on the day it was made"
                                    : "date it on the day the correction was made");
                } else if (when != null && when.instant().isAfter(now) && !(a.date() != null && a.date().instant().isAfter(now))) {
                    // Readers would see a correction dated a day not yet come, at once, on every page and feed that lists it (an attacker's
                    // trial: a 2027 correction of a published explainer); a typo in the month, most likely. A scheduled explainer's waits with it.
                    problems.error(d.path(), (Integer) c.getOrDefault("line:date", c.get("line")), "the correction's date is still to come, and the pages"
                            + " would show it at once as made", "date it on the day the correction was made");
                }
            }
        }
    }

    private void decideStates() {
        for (Article a : articles) {
            State articleState = state(a, null);
            states.put(a, articleState);
            for (Section s : a.sections) {
                states.put(s, state(s, articleState));
            }
        }
        for (Page p : pages) {
            states.put(p, state(p, null));
        }
        for (Article a : articles) {
            List<Section> shown = new ArrayList<>();
            for (Section s : a.sections) {
                if (listed(s)) {
                    shown.add(s);
                }
            }
            if (!preview && state(a) == State.PUBLISHED && a.sections.stream().allMatch(Doc::draft)) {
                // Nothing it will show: no page, no card (warned in checkArticle). One whose sections are all still to come
                // is published as before, its sections appearing on their dates.
                states.put(a, State.DRAFT);
            }
            listedByArticle.put(a, List.copyOf(shown));
            for (Map<String, Object> c : a.corrections()) {
                Section named = shown.stream().filter(s -> s.fileName().equals(c.get("section"))).findFirst().orElse(null);
                if (named != null || !shown.isEmpty()) {
                    placed.put(c, named != null ? named : shown.get(0));
                }
            }
            if (listed(a)) {
                listedArticles.add(a);
                for (Section s : shown) {
                    reading.put(s, listedSections.size());
                    listedSections.add(s);
                }
            }
        }
    }

    private State state(Doc d, State parent) {
        if (d.draft() || parent == State.DRAFT) {
            return State.DRAFT;
        }
        if (parent == State.SCHEDULED || d.date() != null && d.date().instant().isAfter(now)) {
            return State.SCHEDULED;
        }
        return State.PUBLISHED;
    }

    /** Two files must not write the same output, even on a case-insensitive disk or host. */
    private void checkOutputs(List<Doc> docs, Problems problems) {
        Map<String, String> outputs = new HashMap<>();
        List<String[]> all = new ArrayList<>();
        for (Doc d : docs) {
            all.add(new String[]{d.uri(), d.path()});
        }
        for (String m : media) {
            all.add(new String[]{m, "content/" + m});
        }
        all.sort(java.util.Comparator.comparing(x -> x[1]));
        for (String[] o : all) {
            String other = outputs.putIfAbsent(Text.caseless(o[0]), o[1]);
            if (other != null) {
                problems.error(o[1], 0, "would write the same file as " + other + " (" + o[0] + ")", "rename one of them");
            }
        }
    }

    /**
     * Warns of topics no section uses; once every other check has run (see the comment inside).
     *
     * @param published whether the last good site has a file at a path: a topic's page and feed it
     *                  had go with this build, which the warning then says
     */
    public void checkVocabularyUse(SitePaths paths, java.util.function.Predicate<String> published, Problems problems) {
        Vocabulary topics = vocabularies.get(Schema.TOPICS);
        // A file that could not be read may be the one that uses a topic: no warning until the errors are fixed.
        if (topics != null && !problems.hasErrors()) {
            Map<String, Integer> used = new HashMap<>();
            for (Article a : articles) {
                a.sections.forEach(s -> s.topics().forEach(t -> used.merge(t, 1, Integer::sum)));
            }
            for (Vocabulary.Entry e : topics.entries().values()) {
                if (!used.containsKey(e.slug())) {
                    // An editor's trial: the last section with a topic deleted, its published page and feed went with a word about neither.
                    String had = published.test(paths.topic(e.slug())) ? "; its page " + paths.topic(e.slug()) + " and feed " + paths.topicFeed(e.slug())
                            + ", published until now, go with this build, and readers' links and subscriptions to them find nothing" : "";
                    problems.warning("content/" + Schema.TOPICS.file(), e.line(), "no section uses topic `" + e.slug() + "`, so it has no page"
                            + " and no feed" + had, "tag a section with it, or remove it from the vocabulary; if another topic takes its place,"
                            + " list `" + e.slug() + "` in that one's `moved_from`");
                }
            }
        }
        // An author's page is made while a published explainer carries the byline: one the last site had, going, is said
        // (an editor's trial: a byline changed, the page went without a word; a topic's was told).
        Vocabulary authors = vocabularies.get(Schema.AUTHORS);
        if (authors != null && !problems.hasErrors() && !preview) {
            Set<String> bylines = new java.util.HashSet<>();
            listedArticles.forEach(a -> bylines.addAll(a.authors()));
            for (Vocabulary.Entry e : authors.entries().values()) {
                if (!bylines.contains(e.slug()) && published.test(paths.author(e.slug()))) {
                    problems.warning("content/" + Schema.AUTHORS.file(), e.line(), "no published explainer carries `" + e.slug() + "`'s byline now, so"
                            + " their page " + paths.author(e.slug()) + ", published until now, goes with this build",
                            "if that is meant, nothing to do; readers' links to the page find nothing (an author who joined another's page: list `"
                            + e.slug() + "` in that one's `moved_from`)");
                }
            }
        }
    }

    // ------------------------------------------------------------------ what the site shows

    public State state(Doc d) {
        return states.getOrDefault(d, State.DRAFT);
    }

    /** When the first of the pieces held back for their date goes out; null when none is. */
    public Instant nextScheduled() {
        return states.entrySet().stream().filter(e -> e.getValue() == State.SCHEDULED).map(e -> e.getKey().datedBy().date())
                .filter(java.util.Objects::nonNull).map(Moment::instant).filter(now::isBefore).min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** Whether this build shows the file: published, or anything in the preview. */
    public boolean listed(Doc d) {
        return preview || state(d) == State.PUBLISHED;
    }

    /** Every article, drafts included, newest first ({@link Orders#ARTICLES}). */
    public List<Article> articles() {
        return Collections.unmodifiableList(articles);
    }

    /** The articles this build shows, newest first. */
    public List<Article> listedArticles() {
        return Collections.unmodifiableList(listedArticles);
    }

    /** The sections this build shows, in reading order: article by article, newest first, each in `order`. */
    public List<Section> listedSections() {
        return Collections.unmodifiableList(listedSections);
    }

    /** A listed section's place in reading order. */
    public int readingOrder(Section s) {
        return reading.getOrDefault(s, Integer.MAX_VALUE);
    }

    public Map<Section, Integer> readingOrder() {
        return Collections.unmodifiableMap(reading);
    }

    /**
     * The section a correction goes with in feeds and on section pages: the one it names while
     * that is on the site; else (the whole explainer's, or one whose section is gone or held back)
     * the explainer's first section on the site, so that readers following by feed learn of it
     * too (an editor's trial: those reached no feed). Null when none of its sections is on the site.
     */
    public Section placeOf(Map<String, Object> correction) {
        return placed.get(correction);
    }

    /** When a reader last saw a section change: its date, its `updated`, or a correction that goes with it. */
    public Moment changed(Section s) {
        Moment newest = Moment.later(s.date(), s.updated());
        if (s.article() != null) {
            for (Map<String, Object> c : s.article().corrections()) {
                if (placed.get(c) == s) {
                    newest = Moment.later(newest, (Moment) c.get("date"));
                }
            }
        }
        return newest;
    }

    public List<Section> listedSections(Article a) {
        return listedByArticle.getOrDefault(a, List.of());
    }

    /** Standalone pages, by path. */
    public List<Page> pages() {
        return Collections.unmodifiableList(pages);
    }

    public List<Page> listedPages() {
        return pages.stream().filter(this::listed).toList();
    }

    /** The most pages the footer, on every page, lists. */
    static final int MAX_FOOTER = 12;

    /** Pages in the footer, by position ({@link Orders#FOOTER}). */
    public List<Page> footer() {
        return listedPages().stream().filter(p -> p.footer() > 0).sorted(Orders.FOOTER).toList();
    }

    /** A vocabulary, or an empty one when it could not be read. */
    public Map<String, Vocabulary.Entry> vocabulary(Vocabulary.Spec spec) {
        Vocabulary v = vocabularies.get(spec);
        return v == null ? Map.of() : v.entries();
    }

    /** Every media file under content/, relative to it, sorted. */
    public List<String> media() {
        return media;
    }

    /** Every Markdown file, articles first (newest first, each followed by its sections), then pages. */
    public List<Doc> docs() {
        List<Doc> all = new ArrayList<>();
        for (Article a : articles) {
            all.add(a);
            all.addAll(a.sections);
        }
        all.addAll(pages);
        return all;
    }

    /** Listed docs by output path. */
    public Map<String, Doc> byUri() {
        Map<String, Doc> m = new LinkedHashMap<>();
        for (Doc d : docs()) {
            if (d.uri() != null) {
                m.put(d.uri(), d);
            }
        }
        return m;
    }
}
