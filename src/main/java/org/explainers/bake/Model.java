package org.explainers.bake;

import org.explainers.content.Article;
import org.explainers.content.Body;
import org.explainers.content.Doc;
import org.explainers.content.FieldType;
import org.explainers.content.Image;
import org.explainers.content.Images;
import org.explainers.content.Moment;
import org.explainers.content.Page;
import org.explainers.content.Project;
import org.explainers.content.Schema;
import org.explainers.content.Text;
import org.explainers.content.Section;
import org.explainers.content.Site;
import org.explainers.content.SitePaths;
import org.explainers.content.Vocabulary;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The data a template gets: maps, lists, strings, numbers, booleans and dates, never a Java
 * object it could call methods on. Every header field reaches the templates under its own name
 * (a new field in {@link Schema} needs no change here); what the build works out (paths,
 * bodies, navigation, counts) is added beside it.
 */
final class Model {

    /** How many parts of an explainer a card on a list lists. */
    static final int CARD_PARTS = 5;

    private final Site site;
    private final Project project;
    private final SitePaths paths;
    private final Images images;
    /** Worked out when a page first needs it: a build that makes only a few pages may not. */
    private final java.util.function.Supplier<Related> related;
    final Map<String, Object> siteData;
    /** Data shown by many pages, fingerprinted once (see {@link Digest.Shared}). */
    final Digest.Shared shared = new Digest.Shared();

    /** Everything a page depends on besides its data: the templates, the settings, the build's code (see Bake). */
    private final String fingerprint;

    Model(Site site, Project project, Images images, java.util.function.Supplier<Related> related, String fingerprint) {
        this.site = site;
        this.fingerprint = fingerprint;
        this.project = project;
        this.paths = project.paths;
        this.images = images;
        this.related = related;
        this.siteData = shared.mark(siteData());
        for (Article a : site.listedArticles()) {
            homeOrder.put(a, homeOrder.size());
        }
    }

    // ------------------------------------------------------------------ what pages are made from

    /** See {@link #context()}: worked out once, when the first page asks. */
    private volatile String context;
    /** See {@link #neighbours}, by explainer. */
    private final Map<Article, String> neighbours = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What every page's data may show besides its documents: the site's settings, every
     * vocabulary entry, every image's size; and what it is made with (the {@link #fingerprint}),
     * so that a key from {@link #sectionInputs} or {@link #articleInputs} stands for the whole page.
     */
    private String context() {
        if (context == null) {
            Digest d = new Digest("context " + fingerprint, shared).add(siteData).add(images.key());
            for (Vocabulary.Spec spec : Schema.VOCABULARIES) {
                for (String slug : new java.util.TreeSet<>(site.vocabulary(spec).keySet())) {
                    d.add(ref(spec, slug));
                }
            }
            context = d.hex();
        }
        return context;
    }

    /**
     * What a section's page ({@link #section}) is made from, as a key worked out without making
     * the page: the section's file (header and text) and state; what it shows of its explainer
     * (the card, and each listed section's title, level and state, for the neighbours, the
     * parent and its place); its related sections' titles; the next explainer's link when it is
     * the last section ({@link #nextArticle}); and the {@link #context}. A change
     * to {@link #section} must change this too: IncrementalTest compares with clean builds.
     */
    String sectionInputs(Section s) {
        Digest d = new Digest("section " + context(), shared).add(neighbours.computeIfAbsent(s.article(), this::neighbours));
        for (Doc text : sectionTexts(s)) {
            file(d, text);
        }
        for (Map.Entry<Section, Integer> r : related.get().of(s)) {
            d.add(relatedCards.computeIfAbsent(r.getKey(), x -> shared.mark(List.of(x.uri(), x.title(), x.article().title()))))
                    .add(r.getValue());
        }
        if (isLast(s)) {
            d.add(nextArticle(s.article()));
        }
        return d.hex();
    }

    /*
     * What other pages show of a section, each fingerprinted once (see Digest.Shared): a section
     * is among five others' related sections, and in its explainer's page. Hashing its strings
     * again for each of them was most of the keys' cost after an edit at 10,000 sections.
     */
    private final Map<Section, List<Object>> relatedCards = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Doc, List<Object>> files = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What an explainer's page ({@link #article}) is made from, as {@link #sectionInputs} is for a
     * section's: what it shows of itself and its sections, and each listed section's file and state.
     */
    String articleInputs(Article a) {
        Digest d = new Digest("article " + context(), shared).add(neighbours.computeIfAbsent(a, this::neighbours)).add(nextArticle(a));
        for (Doc text : articleTexts(a)) {
            file(d, text);
        }
        return d.hex();
    }

    private final Map<Article, Map<String, Object>> nextArticles = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each listed explainer's place on the home page (not a search of the list for each: 10,000 explainers). */
    private final Map<Article, Integer> homeOrder = new java.util.HashMap<>();

    /**
     * The explainer a reader is offered when they reach one's end (a reader's trial: its last
     * section led nowhere): the one after it on the home page, the oldest's being the newest.
     * Its link only, so that the pages showing it change with its title alone. Empty
     * when the site lists no other.
     */
    Map<String, Object> nextArticle(Article a) {
        return nextArticles.computeIfAbsent(a, x -> {
            List<Article> listed = site.listedArticles();
            Integer i = homeOrder.get(x);
            if (listed.size() < 2 || i == null) {
                return shared.mark(Map.of());
            }
            Article next = listed.get((i + 1) % listed.size());
            return shared.mark(java.util.Collections.unmodifiableMap(link(next)));
        });
    }

    /** Whether a section is its explainer's last listed one, after which a reader is offered the next explainer. */
    private boolean isLast(Section s) {
        List<Section> siblings = site.listedSections(s.article());
        return !siblings.isEmpty() && siblings.get(siblings.size() - 1) == s;
    }

    /** The files whose texts a section's page shows (see {@link Pages.Out#texts}): its own. */
    List<Doc> sectionTexts(Section s) {
        return List.of(s);
    }

    /** The files whose texts an explainer's page shows: its own and its listed sections'. */
    List<Doc> articleTexts(Article a) {
        List<Doc> texts = new ArrayList<>();
        texts.add(a);
        texts.addAll(site.listedSections(a));
        return texts;
    }

    /**
     * The site's shape: everything pages are made from except the texts. Every file's path,
     * header ({@link org.explainers.content.Header#key}: its lines as written) and state, the
     * {@link #context} (which holds the settings headers are read under), and the old addresses
     * of moved files. While it is the published build's, a page is that build's unless a file
     * whose text it shows changed (its bytes, or its body's key).
     */
    String shape(Map<String, Doc> moves) {
        Digest d = new Digest("shape " + context(), shared);
        for (Doc doc : site.docs()) {
            d.add(doc.path()).add(doc.header.key).add(site.state(doc).name());
        }
        for (String old : new java.util.TreeSet<>(moves.keySet())) {
            d.add(old).add(moves.get(old).path());
        }
        // The lists show each explainer's reading time, which its texts make: an edit that changes one re-makes them (a review).
        for (Article a : site.listedArticles()) {
            d.add(minutes(a));
        }
        return d.hex();
    }

    /** A document's file (its header and text), where it goes and its state. */
    private void file(Digest d, Doc doc) {
        d.add(files.computeIfAbsent(doc, x -> shared.mark(List.of(x.uri(), x.path(), x.sha1(), site.state(x).name(),
                x.body() == null ? "" : x.body().key()))));
    }

    /** What an explainer's pages show of it: its card, and each listed section's place, title, level and state. */
    private String neighbours(Article a) {
        Digest d = new Digest("explainer", shared).add(card(a));
        for (Section x : site.listedSections(a)) {
            d.add(x.uri()).add(x.title()).add(x.level()).add(site.state(x).name());
        }
        return d.hex();
    }

    private Map<String, Object> siteData() {
        Map<String, Object> m = map();
        m.put("name", project.setting("site.name"));
        m.put("description", project.setting("site.description"));
        m.put("language", orElse(project.setting("site.language"), "en"));
        // The JDK's table of languages written right to left (Arabic, Hebrew, Persian, Urdu, Yiddish): the page's direction.
        m.put("direction", java.awt.ComponentOrientation.getOrientation(java.util.Locale.forLanguageTag((String) m.get("language"))).isLeftToRight()
                ? "ltr" : "rtl");
        m.put("host", project.address.base());
        m.put("path", project.address.path());
        put(m, "repository", project.setting("site.repository"));
        m.put("preview", site.preview);
        m.put("timezone", project.zone.getId()); // the zone every date of the site is given in
        m.put("csp", csp());
        Map<String, Object> p = map();
        p.put("index", paths.index());
        p.put("archive", paths.archive());
        p.put("feed", paths.feed());
        p.put("topics", paths.topicIndex());
        p.put("authors", paths.authorIndex());
        p.put("search", paths.search() + "/");
        m.put("paths", p);
        List<Object> footer = new ArrayList<>();
        for (Page page : site.footer()) {
            footer.add(link(page));
        }
        m.put("footer", footer);
        return m;
    }

    /**
     * The Content-Security-Policy every page carries: only the site's own scripts, styles,
     * images and fonts, no plug-ins, no {@code <base>}, no form, frames only from the embed hosts.
     */
    private String csp() {
        StringJoiner frames = new StringJoiner(" ");
        project.embedHosts.forEach(h -> frames.add("https://" + h));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
                + "frame-src " + (project.embedHosts.isEmpty() ? "'none'" : frames.toString())
                + "; object-src 'none'; base-uri 'none'; form-action 'none'";
    }

    /** What every page says about itself: its path, the way back to the root, its kind. */
    Map<String, Object> page(String path, String kind) {
        Map<String, Object> m = map();
        m.put("path", path);
        m.put("kind", kind);
        m.put("root", root(path, kind));
        return m;
    }

    /**
     * The relative way from a page to the site root ("../../"). The 404 page is shown at any
     * missing address, at any depth, so it starts from the site's path on its host instead.
     */
    private String root(String path, String kind) {
        if (kind.equals("error404")) {
            return project.address.path();
        }
        int depth = path.length() - path.replace("/", "").length();
        return "../".repeat(depth);
    }

    // ------------------------------------------------------------------ content

    /** Every header field of a file, by name, as template data. */
    Map<String, Object> header(Doc d) {
        Map<String, Object> m = map();
        d.header.forEach((key, value) -> {
            Schema.Field field = Schema.field(key);
            if (field != null && field.type() instanceof FieldType.Refs refs) {
                List<Object> list = new ArrayList<>();
                for (Object slug : (List<?>) value) {
                    Object entry = ref(refs.spec(), slug.toString());
                    if (entry != null) {
                        list.add(entry);
                    }
                }
                m.put(key, list);
            } else {
                put(m, key, data(d, value));
            }
        });
        if (d.title() != null) {
            m.put("title_dir", titleDirection(d));
        }
        putDirection(m, "summary");
        m.put("path", d.uri());
        m.put("source", d.path());
        putState(m, d);
        return m;
    }

    /** Its state ("published", "draft", "scheduled"), and when a scheduled piece goes out: its own date or its explainer's, the later. */
    private void putState(Map<String, Object> m, Doc d) {
        Site.State state = site.state(d);
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == Site.State.SCHEDULED) {
            Moment until = d.datedBy().date();
            if (until != null) {
                m.put("until", Date.from(until.instant()));
            }
        }
    }

    /** A header value as data: dates as dates, images with their size, entries as maps. */
    private Object data(Doc d, Object value) {
        if (value instanceof Moment moment) {
            return Date.from(moment.instant());
        }
        if (value instanceof Image image) {
            return image(d.folder(), image);
        }
        if (value instanceof Map<?, ?> entry) {
            Map<String, Object> m = map();
            entry.forEach((k, v) -> put(m, k.toString(), data(d, v)));
            return m;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(data(d, v)));
            return out;
        }
        return value; // String, Integer
    }

    Map<String, Object> image(String folder, Image image) {
        Map<String, Object> m = map();
        String src = folder + image.src();
        m.put("src", src);
        m.put("alt", image.alt());
        put(m, "caption", image.caption());
        put(m, "credit", image.credit());
        Images.Info info = images.get(src);
        if (info != null) {
            m.put("width", info.width());
            m.put("height", info.height());
            List<Object> variants = new ArrayList<>();
            for (int w : info.variants()) {
                variants.add(data("src", Images.variant(src, w), "width", w));
            }
            variants.add(data("src", src, "width", info.width()));
            m.put("variants", variants);
            m.put("sizes", Images.sizes(info.width()));
        }
        return m;
    }

    /** An entry of a vocabulary as data, with the address of its page. */
    Map<String, Object> ref(Vocabulary.Spec spec, String slug) {
        Map<String, Object> ref = refs.computeIfAbsent(spec.file() + "\n" + slug, k -> {
            Vocabulary.Entry e = site.vocabulary(spec).get(slug);
            if (e == null) {
                return NONE;
            }
            Map<String, Object> m = map();
            e.values().forEach((key, v) -> put(m, key, v));
            putDirection(m, "name");
            m.put("path", spec == Schema.TOPICS ? paths.topic(slug) : paths.author(slug));
            return shared.mark(java.util.Collections.unmodifiableMap(m));
        });
        return ref == NONE ? null : ref;
    }

    /** Vocabulary entries as data, made once: every page of a topic or by an author shows the same (it is not to be changed). */
    private final Map<String, Map<String, Object>> refs = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Object> NONE = Map.of();

    /** Beside a text shown with its own direction (title, summary), that direction as `<key>_dir`: see {@link Text#direction}. */
    private static void putDirection(Map<String, Object> m, String key) {
        if (m.get(key) instanceof String text) {
            m.put(key + "_dir", Text.direction(text));
        }
    }

    /** Each title's direction, worked out once: a section page links every part of its explainer. */
    private final Map<Doc, String> titleDirections = new java.util.concurrent.ConcurrentHashMap<>();

    private String titleDirection(Doc d) {
        return titleDirections.computeIfAbsent(d, x -> Text.direction(x.title()));
    }

    Map<String, Object> link(Doc d) {
        Map<String, Object> m = map();
        m.put("title", d.title());
        if (d.title() != null) {
            m.put("title_dir", titleDirection(d));
        }
        m.put("path", d.uri());
        putState(m, d); // the preview labels drafts and scheduled pieces wherever they are linked
        return m;
    }

    private final Map<Section, Map<String, Object>> entries = new java.util.concurrent.ConcurrentHashMap<>();

    /** A section on a list (a topic's pages): title, address and summary. Made and fingerprinted once, shown by several pages. */
    Map<String, Object> entry(Section s) {
        return entries.computeIfAbsent(s, x -> {
            Map<String, Object> m = link(x);
            m.put("summary", x.summary());
            putDirection(m, "summary");
            return shared.mark(java.util.Collections.unmodifiableMap(m));
        });
    }

    private final Map<Article, Map<String, Object>> cards = new java.util.concurrent.ConcurrentHashMap<>();

    /** An explainer on a list: headline, standfirst, byline, dates, its first parts. Made once, shown by many pages. */
    Map<String, Object> card(Article a) {
        return cards.computeIfAbsent(a, this::makeCard);
    }

    private Map<String, Object> makeCard(Article a) {
        Map<String, Object> m = header(a);
        List<Section> sections = site.listedSections(a);
        // Its page shows its sections' texts: one updated since is an update of the explainer too, as its data's
        // dateModified says (an editor's trial: the page said "Updated" a day its section's text had not yet changed).
        Moment updated = a.updated();
        for (Section s : sections) {
            updated = Moment.later(updated, s.updated());
        }
        if (updated != null && updated != a.updated() && (a.date() == null || updated.isAfter(a.date()))) {
            m.put("updated", Date.from(updated.instant()));
        }
        // The latest correction readers see, said under the headline as explainer sites do (a reader's trial: the page said only
        // "Published", its correction halfway down and at its end).
        Moment corrected = latestCorrection(a);
        if (corrected != null) {
            m.put("corrected", Date.from(corrected.instant()));
        }
        List<Section> parts = sections.stream().filter(s -> s.level() == 1).toList();
        List<Object> shown = new ArrayList<>();
        for (Section s : parts.subList(0, Math.min(CARD_PARTS, parts.size()))) {
            shown.add(link(s));
        }
        m.put("parts", shown);
        m.put("more_parts", Math.max(0, parts.size() - CARD_PARTS));
        m.put("section_count", sections.size());
        m.put("part_count", parts.size());
        m.put("unpublished_count", (int) sections.stream().filter(s -> site.state(s) != Site.State.PUBLISHED).count()); // the preview's
        m.put("slug", a.slug);
        return shared.mark(m);
    }

    private final Map<Article, Map<String, Object>> listedCards = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An explainer as its own page and lists show it: its card, and how long it takes to read
     * (a reader's trial: nothing said whether it was two minutes or twenty). Not on the card its
     * sections' pages hold, which do not show it: an edit changing it re-makes the explainer's
     * page (its key holds its texts' keys) and the lists (the {@link #shape} holds it), not its
     * sections' pages.
     */
    Map<String, Object> listedCard(Article a) {
        return listedCards.computeIfAbsent(a, x -> {
            Map<String, Object> m = new LinkedHashMap<>(card(x));
            m.put("minutes", minutes(x));
            return shared.mark(m);
        });
    }

    /** Words an adult reads in a minute of an explainer's kind of text (studies give 200–260 for non-fiction). */
    static final int WORDS_PER_MINUTE = 230;

    private final Map<Article, Integer> minutes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The explainer's reading time in whole minutes, at least one: its own text and its listed sections'. Worked out once (the shape and its card ask). */
    private int minutes(Article a) {
        return minutes.computeIfAbsent(a, x -> {
            int words = x.body() == null ? 0 : x.body().wordCount();
            for (Section s : site.listedSections(x)) {
                words += s.body() == null ? 0 : s.body().wordCount();
            }
            return Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
        });
    }

    /** An article's page: everything on the card, and every section with its text. */
    Map<String, Object> article(Article a) {
        Map<String, Object> m = new LinkedHashMap<>(listedCard(a));
        List<Object> sections = new ArrayList<>();
        Set<String> topics = new LinkedHashSet<>();
        for (Section s : site.listedSections(a)) {
            Map<String, Object> e = header(s);
            e.put("anchor", s.anchor);
            e.put("old_anchors", s.oldAnchors());
            e.put("level", s.level());
            e.put("body", html(s.body(), s.level() + 1));
            e.put("corrections", corrections(a, s, false)); // the whole explainer's are at its end
            sections.add(e);
            topics.addAll(s.topics());
        }
        m.put("sections", sections);
        m.put("topics", refs(Schema.TOPICS, topics));
        m.put("corrections", corrections(a, null, false));
        m.put("body", html(a.body(), 1));
        m.put("modified", Date.from(lastModified(a).instant()));
        if (!nextArticle(a).isEmpty()) {
            m.put("next_article", nextArticle(a));
        }
        return m;
    }

    /** The most of its explainer's parts a section's page lists. */
    static final int PARTS_SHOWN = 9;

    /** A section's own page: its text, its article, its neighbours and related sections. */
    Map<String, Object> section(Section s) {
        Article a = s.article();
        Map<String, Object> m = header(s);
        List<Section> siblings = site.listedSections(a);
        int i = siblings.indexOf(s);
        Section prev = i > 0 ? siblings.get(i - 1) : null;
        Section next = i >= 0 && i + 1 < siblings.size() ? siblings.get(i + 1) : null;
        m.put("anchor", s.anchor);
        m.put("level", s.level());
        // Numbered as the explainer's contents number it: parts 1, 2, 3, and a part's sub-sections a, b, c (5a).
        int parts = 0;
        int part = 1; // the number of the part it is in
        String position = "";
        boolean seenPart = false;
        int letter = 0;
        // The explainer's parts, the one this section is in marked: a reader who comes from a search or a topic page sees where
        // it stands (a reader's trial: only "Part 3b of 5" said so). Made of what the page's key holds (neighbours).
        List<Object> contents = new ArrayList<>();
        for (Section x : siblings) {
            seenPart |= x.level() == 1;
            if (x.level() == 1 || !seenPart) {
                parts++;
                letter = 0;
                if (x == s) {
                    position = String.valueOf(parts);
                    part = parts;
                }
                contents.add(link(x));
            } else if (x == s) {
                position = parts + String.valueOf((char) ('a' + Math.min(letter, 25)));
                part = parts;
            } else {
                letter++;
            }
        }
        m.put("position", position);
        m.put("count", parts);
        // At most PARTS_SHOWN of them, around its own: a long explainer's every part on each of its pages was 7% of a
        // 10,000-section cold build; the explainer's contents list them all.
        int first = Math.max(0, Math.min(part - 1 - PARTS_SHOWN / 2, contents.size() - PARTS_SHOWN));
        m.put("parts", contents.subList(first, Math.min(contents.size(), first + PARTS_SHOWN)));
        m.put("parts_from", first + 1);
        m.put("part", part);
        m.put("article", card(a));
        m.put("authors", a.authors().stream().map(slug -> (Object) ref(Schema.AUTHORS, slug)).filter(x -> x != null).toList());
        if (prev != null) {
            m.put("prev", link(prev));
        }
        if (next != null) {
            m.put("next", link(next));
        } else if (isLast(s) && !nextArticle(a).isEmpty()) {
            m.put("next_article", nextArticle(a));
        }
        if (s.level() > 1) {
            for (int j = i - 1; j >= 0; j--) {
                if (siblings.get(j).level() < s.level()) {
                    m.put("parent", link(siblings.get(j)));
                    break;
                }
            }
        }
        List<Object> rel = new ArrayList<>();
        for (Map.Entry<Section, Integer> r : related.get().of(s)) {
            Map<String, Object> e = link(r.getKey());
            e.put("article_title", r.getKey().article().title());
            e.put("shared", r.getValue());
            rel.add(e);
        }
        m.put("related", rel);
        m.put("body", html(s.body(), 1));
        m.put("corrections", corrections(a, s));
        m.put("modified", Date.from(site.changed(s).instant())); // a correction that goes with it is a change too
        return m;
    }

    /** A standalone page. */
    Map<String, Object> doc(Page p) {
        Map<String, Object> m = header(p);
        m.put("body", html(p.body(), 1));
        return m;
    }

    /** A section's corrections, newest first: those it goes with ({@link Site#placeOf}), the explainer's own among them. */
    List<Object> corrections(Article a, Section s) {
        return corrections(a, s, true);
    }

    /**
     * An article's corrections, newest first: all of them ({@code only} null), or those naming
     * one section, with the explainer's own too if it is the one they go with ({@code placed}).
     */
    List<Object> corrections(Article a, Section only, boolean placed) {
        List<Map<String, Object>> list = new ArrayList<>(a.corrections());
        list.sort(java.util.Comparator.comparing((Map<String, Object> c) -> (Moment) c.get("date")).reversed());
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> c : list) {
            Section s = named(a, c);
            if (only != null && s != only && !(placed && site.placeOf(c) == only) || !shown(a, c)) {
                continue;
            }
            Map<String, Object> m = map();
            m.put("date", Date.from(((Moment) c.get("date")).instant()));
            m.put("text", c.get("text"));
            if (s != null) {
                m.put("section", link(s));
                m.put("anchor", s.anchor);
            }
            m.put("article", link(a));
            out.add(m);
        }
        return out;
    }

    List<Object> refs(Vocabulary.Spec spec, Iterable<String> slugs) {
        List<Object> list = new ArrayList<>();
        for (String slug : slugs) {
            Object e = ref(spec, slug);
            if (e != null) {
                list.add(e);
            }
        }
        return list;
    }

    /** When an article last changed: its own dates, its sections' and its corrections'. */
    Moment lastModified(Article a) {
        Moment newest = Moment.later(a.date(), a.updated());
        for (Section s : site.listedSections(a)) {
            newest = Moment.later(newest, site.changed(s));
        }
        return Moment.later(newest, latestCorrection(a));
    }

    /** The date of the latest correction readers see, or null. */
    private Moment latestCorrection(Article a) {
        Moment latest = null;
        for (Map<String, Object> c : a.corrections()) {
            if (shown(a, c)) {
                latest = Moment.later(latest, (Moment) c.get("date"));
            }
        }
        return latest;
    }

    /** The section a correction names, or null: the explainer's own. */
    private static Section named(Article a, Map<String, Object> c) {
        Object file = c.get("section");
        return file == null ? null : a.sections().stream().filter(x -> x.fileName().equals(file)).findFirst().orElse(null);
    }

    /**
     * Whether readers see a correction: the explainer's own, or one of a section on the site. One of a
     * section held back waits with it: its text would tell of the section before it is out (an attacker's trial).
     */
    private boolean shown(Article a, Map<String, Object> c) {
        Section s = named(a, c);
        return s == null || site.listed(s);
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }

    /** A map of the given keys and values, in that order (Map.of's order changes from one run to the next). */
    static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> m = map();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String orElse(String s, String other) {
        return s == null || s.isBlank() ? other : s;
    }

    /** A section's text as a feed carries it: its addresses absolute, against the section's page. */
    Object absoluteHtml(Section s) {
        return s.body() == null ? "" : new Html(s.body(), 1, project.address.of(s.uri()));
    }

    /** A text's HTML below a heading of this level (1: the page's own title), made when a page shows it. */
    Object html(Body body, int level) {
        return body == null ? "" : new Html(body, level);
    }
}
