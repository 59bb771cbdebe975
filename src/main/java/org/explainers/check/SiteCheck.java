package org.explainers.check;

import org.explainers.content.Article;
import org.explainers.content.Body;
import org.explainers.content.Doc;
import org.explainers.content.Page;
import org.explainers.content.Problems;
import org.explainers.content.Schema;
import org.explainers.content.Section;
import org.explainers.content.Site;
import org.explainers.content.SitePaths;
import org.explainers.content.Text;
import org.explainers.content.Urls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that need the whole site: every link and image in a text points at something the
 * site will have (a page, an anchor on it, a file), nothing published points at a draft, and
 * the media files that go out are exactly those published pages use.
 */
public final class SiteCheck {

    private final Site site;
    private final SitePaths paths;
    /** The site's time zone, for the time a scheduled page appears. */
    private final java.time.ZoneId zone;
    private final Problems problems;
    /** Output path to the ids a link may point at. */
    private final Map<String, Set<String>> pages = new HashMap<>();
    /** An explainer's page to the anchors of its held-back sections (drafts, scheduled), which it shows once they are published. */
    private final Map<String, Map<String, Doc>> waitingAnchors = new HashMap<>();
    /** Output path to the file that makes it. */
    private final Map<String, Doc> docs = new HashMap<>();
    private final Set<String> media = new HashSet<>();
    /** The folders of Markdown files that could not be read (a byte-order mark, a header not closed). */
    private final Set<String> unread = new HashSet<>();
    /** Former pages (a `moved_from`) to the page each became. */
    private final Map<String, String> movedTo = new HashMap<>();
    /** The pages of topics and authors the site has, but without a page yet: why, by address. */
    private final Map<String, String> unmade = new HashMap<>();
    /** Pages of files gone since the last commit to the page of the file each most likely became (no `moved_from` yet). */
    private final Map<String, String> renamedTo = new HashMap<>();
    /** Files gone since the last commit, by source, to the file each most likely became. */
    private final Map<String, Doc> renamed;
    /** Media that published pages use: these, and only these, are published. */
    private final Set<String> usedMedia = new TreeSet<>();

    /** Files of content/ the walk refused (a size, a kind, a name), {@link Text#caseless}: a link to one is not also "missing". */
    private final Set<String> refused = new HashSet<>();

    /**
     * @param markdown every Markdown file under content/, read or not: a link to one whose
     *                 reading failed is not reported again (its own problem says why)
     * @param refused  the files under content/ the walk refused: nor is a link to one of them
     * @param renamed  files gone since the last commit, to the file each most likely became ({@link Moves#likely})
     */
    public SiteCheck(Site site, SitePaths paths, java.time.ZoneId zone, java.util.Collection<String> markdown, Set<String> refused,
                     Map<String, Doc> renamed, Problems problems) {
        this.site = site;
        this.zone = zone;
        // As a disk ignoring capitals names them: a link to 02-x.md finds 02-x.MD, refused for its extension.
        refused.forEach(r -> this.refused.add(Text.caseless(r)));
        this.paths = paths;
        this.problems = problems;
        this.renamed = renamed;
        for (Doc d : site.docs()) {
            docs.put(d.uri(), d);
            Set<String> ids = new HashSet<>(Set.of("main"));
            if (d instanceof Article a) {
                ids.add("contents");
                // Only sections the article page shows: a held-back one's anchor is not there yet (one whose
                // header failed counts as there: its own problem is the one to fix).
                a.sections().stream().filter(s -> site.listed(s) || problems.hasErrorIn(s.path())).forEach(s -> ids.add(s.anchor));
                a.sections().stream().filter(s -> !ids.contains(s.anchor))
                        .forEach(s -> waitingAnchors.computeIfAbsent(d.uri(), k -> new HashMap<>()).putIfAbsent(s.anchor, s));
            }
            pages.put(d.uri(), ids);
        }
        for (String p : List.of(paths.index(), paths.archive(), paths.topicIndex(), paths.notFound())) {
            pages.put(p, Set.of("main"));
        }
        pages.put(paths.feed(), Set.of());
        // A topic's page and feed are made once a published section has it, an author's page once a published
        // explainer names them (as the bake makes them): a link to one not made yet is told why (an editor's trial:
        // the check passed, then the baked site's check blamed the page, with no line).
        Set<String> topics = new TreeSet<>();
        site.listedSections().forEach(x -> topics.addAll(x.topics()));
        Set<String> authors = new TreeSet<>();
        site.listedArticles().forEach(a -> authors.addAll(a.authors()));
        for (String topic : site.vocabulary(Schema.TOPICS).keySet()) {
            if (topics.contains(topic)) {
                pages.put(paths.topic(topic), Set.of("main"));
                pages.put(paths.topicFeed(topic), Set.of());
            } else {
                unmade.put(paths.topic(topic), "the topic `" + topic + "` has no published section yet, so its page is not made");
                unmade.put(paths.topicFeed(topic), "the topic `" + topic + "` has no published section yet, so its feed is not made");
            }
        }
        for (String author : site.vocabulary(Schema.AUTHORS).keySet()) {
            if (authors.contains(author)) {
                pages.put(paths.author(author), Set.of("main"));
            } else {
                unmade.put(paths.author(author), "`" + author + "` has no published explainer yet, so their page is not made");
            }
        }
        media.addAll(site.media());
        for (Doc d : site.docs()) {
            for (String name : d.movedFrom()) {
                String source = Moves.resolve(d.folder(), name);
                if (source != null && source.endsWith(".md")) {
                    movedTo.putIfAbsent(SitePaths.page(source), d.uri());
                }
            }
        }
        // A renamed topic's or author's old pages lead to the new ones: a link to one is told the new address.
        site.vocabulary(Schema.TOPICS).values().forEach(e -> e.movedFrom().forEach(old -> {
            movedTo.putIfAbsent(paths.topic(old), paths.topic(e.slug()));
            movedTo.putIfAbsent(paths.topicFeed(old), paths.topicFeed(e.slug()));
        }));
        site.vocabulary(Schema.AUTHORS).values().forEach(e -> e.movedFrom().forEach(old -> movedTo.putIfAbsent(paths.author(old), paths.author(e.slug()))));
        renamed.forEach((gone, became) -> renamedTo.put(SitePaths.page(gone), became.uri()));
        for (String source : markdown) {
            String uri = SitePaths.page(source);
            if (!pages.containsKey(uri)) {
                pages.put(uri, null);
                unread.add(source.substring(0, source.lastIndexOf('/') + 1));
                String name = uri.substring(uri.lastIndexOf('/') + 1, uri.length() - 5).replaceFirst("^[0-9]+-", "");
                Set<String> articleIds = pages.get(uri.substring(0, uri.lastIndexOf('/') + 1) + "index.html");
                if (articleIds != null && uri.startsWith(Schema.ARTICLES + "/")) {
                    articleIds.add(name);
                }
            }
        }
    }

    /** Runs the checks; returns the media files to publish, relative to content/. */
    public Set<String> run() {
        for (Doc d : site.docs()) {
            if (d.body() == null) {
                continue; // its text had a problem of its own
            }
            boolean published = site.listed(d);
            if (published && d instanceof Section && d.body().textless()
                    && org.jsoup.Jsoup.parseBodyFragment(d.body().html()).select("img, iframe, table").isEmpty()) {
                // Its page would show its title alone (editors' trials; a warning went out unseen under -q). In the preview, which
                // shows drafts too, a section just begun is a warning: the overlay would block the tab it is being written in.
                String what = "the section has no text: its page would show its title alone";
                String fix = "write its text below the header, or keep it as `status: draft` until it has one";
                if (site.preview) {
                    problems.warning(d.path(), 0, what, fix);
                } else {
                    problems.error(d.path(), 0, what, fix);
                }
            }
            List<Body.Link> links = d.body().links();
            for (int i = 0; i < links.size(); i++) {
                check(d, i, published);
            }
            if (d instanceof Article a && a.image() != null && published) {
                usedMedia.add(a.folder() + a.image().src());
            }
        }
        for (Article a : site.listedArticles()) {
            tablesOnOnePage(a);
        }
        site.articles().forEach(this::corrections);
        // A text that could not be read or checked may be the one that uses a file beside it: no warning until it is mended.
        Set<String> failing = new java.util.HashSet<>(unread);
        for (Doc d : problems.hasErrors() ? site.docs() : List.<Doc>of()) {
            if (problems.hasErrorIn(d.path())) {
                failing.add(d.folder());
            }
        }
        // A draft or scheduled explainer's files wait for it: not "unused" until it is published.
        Set<String> waiting = new java.util.HashSet<>();
        for (Article a : site.articles()) {
            if (!site.listed(a)) {
                waiting.add(a.folder());
            }
        }
        for (String m : site.media()) {
            String folder = m.substring(0, m.lastIndexOf('/') + 1);
            if (!usedMedia.contains(m) && !failing.contains(folder) && !waiting.contains(folder)) {
                problems.warning("content/" + m, 0, "no published page uses this file, so it is not published",
                        "link to it or show it from a section, or delete it");
            }
        }
        return usedMedia;
    }

    /**
     * The explainer's page shows all its sections: their tables together are bounded as one
     * text's are (a hundred sections, each under the bound, made a page no browser could lay
     * out). Told at the section that passes it, in reading order.
     */
    private void tablesOnOnePage(Article a) {
        long total = a.body() == null ? 0 : a.body().cells();
        for (Section s : site.listedSections(a)) {
            total += s.body() == null ? 0 : s.body().cells();
            if (total > Bodies.MAX_TABLE_CELLS) {
                problems.error(s.path(), firstTable(s), "with this section's, the tables on the explainer's page (which shows every section) have "
                        + Bodies.tooManyCells(total, "on one page"), Bodies.TOO_MANY_CELLS_FIX);
                return;
            }
        }
    }

    /**
     * The line of a text's first table outside code (an editor's trial: the bound was told at no
     * line): a Markdown table's header row, the line above its `|---|` row (with or without outer
     * pipes), or a `<table>`; 0 when none is seen.
     */
    private static int firstTable(Doc d) {
        List<String> lines = d.markdown();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced && (line.toLowerCase(java.util.Locale.ROOT).contains("<table")
                    || i + 1 < lines.size() && line.indexOf('|') >= 0 && Bodies.delimiterRow(lines.get(i + 1).strip()))) {
                return d.firstLine + i;
            }
        }
        return 0;
    }

    /**
     * Links to another site's address kept for examples (`mailto:newsroom@explainers.example.org`):
     * on a site published at its own address they lead nowhere (a publisher's trial: the About
     * and Corrections pages kept the template's addresses, and readers' reports went nowhere).
     * Warned of, as a text may be about such addresses; asked by the build only then.
     */
    public void warnOfExampleAddresses() {
        for (Doc d : site.docs()) {
            if (d.body() == null || !site.listed(d)) {
                continue;
            }
            List<Body.Link> links = d.body().links();
            for (int i = 0; i < links.size(); i++) {
                String url = Urls.asBrowserReads(links.get(i).url());
                List<String> hosts = new java.util.ArrayList<>();
                boolean mail = url.regionMatches(true, 0, "mailto:", 0, 7);
                if (mail) {
                    String to = url.substring(7);
                    int end = to.indexOf('?');
                    for (String one : (end >= 0 ? to.substring(0, end) : to).split(",")) { // every recipient
                        hosts.add(one.contains("@") ? one.substring(one.lastIndexOf('@') + 1).strip() : "");
                    }
                } else if ("http".equalsIgnoreCase(Urls.scheme(url)) || "https".equalsIgnoreCase(Urls.scheme(url))) {
                    try {
                        hosts.add(java.util.Objects.requireNonNullElse(new URI(url).getHost(), ""));
                    } catch (URISyntaxException e) {
                        // told by the allowlist's check
                    }
                }
                String kept = hosts.stream().filter(h -> !h.isEmpty()).map(org.explainers.content.SiteAddress::unreachable)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (kept != null) {
                    // At the link's own line, the n-th of its address; an autolink, <newsroom@…>, is written without its mailto:.
                    String address = links.get(i).url();
                    int nth = (int) links.subList(0, i).stream().filter(l -> l.url().equals(address)).count();
                    String written = mail && d.markdown().stream().noneMatch(l -> l.contains(address)) ? address.substring(7) : address;
                    problems.warning(d.path(), line(d, written, nth), "`" + address + "` is " + kept + ", not a newsroom's",
                            "write your newsroom's own");
                }
            }
        }
    }

    /** Checks the text's {@code index}-th link. */
    private void check(Doc d, int index, boolean published) {
        Body.Link link = d.body().links().get(index);
        if (problems.full(d.path()) && problems.hasErrorIn(d.path())) {
            return; // told all it will be and failing: finding each further problem's line would scan the text again
        }
        String url = Urls.asBrowserReads(link.url());
        String scheme = Urls.scheme(url);
        if (scheme == null || !scheme.isEmpty() || url.startsWith("//")) {
            return; // another site (the allowlist judged its scheme)
        }
        boolean image = link.element().equals("img");
        String what = image ? "image" : "link";
        // Named as the editor wrote it: JBake turns a link to another text's .md into its .html.
        // Worked out for a problem only: it reads the text again (and scans it per link).
        java.util.function.Supplier<String> named = () -> image ? link.url() : written(d, link.url());
        String file = url;
        String anchor = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            file = url.substring(0, hash);
            anchor = url.substring(hash + 1);
        }
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        String target;
        try {
            target = file.isEmpty() ? d.uri() : new URI(null, null, "/" + d.uri(), null)
                    .resolve(new URI(null, null, file, null)).getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.error(d.path(), line(d, index), what + " `" + named.get() + "` is not a valid address", "check the spelling");
            return;
        }
        if (!file.isEmpty() && (!target.startsWith("/") || target.startsWith("/../") || file.startsWith("/"))) {
            // Most often one `../` too many (an editor's trial): the page it then names, when the site has it.
            String fewer = file.startsWith("../") ? named.get().replaceFirst("^\\.\\./", "") : null;
            String fix = "use a relative link such as ../other-article/index.md; never one starting with /";
            try {
                String then = fewer == null ? null : new URI(null, null, "/" + d.uri(), null).resolve(new URI(null, null, file.substring(3), null)).getPath();
                if (then != null && !then.startsWith("/../") && pages.containsKey(then.substring(1).replaceAll("\\.md$", ".html"))) {
                    fix = "one `../` too many: write `" + fewer + "`";
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // the general fix
            }
            // `/pages/about.md` or `/content/articles/…/chart.png`: from the site's root (or the repository's), a file the site has
            // is named by its relative link (an editor's trial: the general advice left the editor to work it out).
            String rooted = file.startsWith("/") && !file.startsWith("//") ? file.substring(1).replaceFirst("^content/", "") : null;
            // Copied from the live site under a sub-path (`/explainers/articles/…`): the site's own page past the sub-path.
            while (rooted != null && !(pages.containsKey(rooted.replaceAll("\\.md$", ".html")) || media.contains(rooted))) {
                int slash = rooted.indexOf('/');
                rooted = slash < 0 ? null : rooted.substring(slash + 1);
            }
            if (rooted != null) {
                String relativeLink = relative(d.uri(), rooted) + (anchor == null ? "" : "#" + anchor);
                relativeLink = named.get().contains(".md") ? asMd(relativeLink) : relativeLink; // as the editor wrote it
                fix = "a link from the site's root breaks under a sub-path and from disk: write `" + relativeLink + "`, relative to this file";
            }
            problems.error(d.path(), line(d, index), what + " `" + named.get() + "` leaves the site", fix);
            return;
        }
        if (!file.isEmpty()) {
            target = target.substring(1);
        }
        String mediaPath = target; // a media file's page path and its path under content/ are the same
        if (media.contains(mediaPath)) {
            if (anchor != null && !image) {
                problems.error(d.path(), line(d, index), "link `" + named.get() + "` has an #anchor, but points at a file",
                        "remove the #anchor");
            }
            Doc owner = ownerOf(mediaPath);
            if (published && owner != null && !site.listed(owner)) {
                problems.error(d.path(), line(d, index), what + " `" + named.get() + "` is a file of a " + state(owner),
                        "move the file beside this text, or publish " + owner.path() + " first");
                return;
            }
            if (published) {
                usedMedia.add(mediaPath);
            }
            if (image && !org.explainers.content.Schema.IMAGES.contains(ext(mediaPath))) {
                problems.error(d.path(), line(d, index), "image `" + link.url() + "` is not an image file",
                        "show a PNG, JPEG or GIF; link to other files with [text](file)");
            }
            return;
        }
        String folded = Text.caseless(target);
        boolean refusedText = folded.endsWith(".html") && refused.contains(folded.substring(0, folded.length() - 5) + ".md");
        if (pages.containsKey(target) && pages.get(target) == null || refused.contains(folded) || refusedText) {
            return; // a file whose reading failed, or which was refused: reported on its own
        }
        Set<String> ids = pages.get(target);
        if (ids == null && unmade.containsKey(target) && !published) {
            return; // a held-back text's link to a page its own publication may make: judged when it is published
        }
        if (ids == null && unmade.containsKey(target)) {
            problems.error(d.path(), line(d, index), what + " `" + named.get() + "` points to " + target + ", but " + unmade.get(target),
                    "link to it once it has one, or leave the link out for now");
            return;
        }
        if (ids == null || image) {
            // Not the linking text itself: a link to a section just removed would be "corrected" to the page it is on.
            // The target's own folder first: a suggestion's work is bounded, and a typo is most often beside the file.
            String folder = target.substring(0, target.lastIndexOf('/') + 1);
            // The page a renamed file became; the one file of this name in another explainer; else the nearest name.
            // Suggestions are bounded per build: a pull request of thousands of broken links is told each, without one.
            String near = image ? null : movedTo.get(target);
            boolean moved = near != null;
            String renamed = image || near != null || d.uri().equals(renamedTo.get(target)) ? null : renamedTo.get(target);
            near = near != null ? near : renamed;
            if (near == null && suggested < MAX_SUGGESTIONS) {
                suggested++;
                List<String> elsewhere = byName(image).getOrDefault(target.substring(target.lastIndexOf('/') + 1), List.of());
                near = elsewhere.size() == 1 && !elsewhere.get(0).equals(target) && !elsewhere.get(0).equals(d.uri()) ? elsewhere.get(0) : null;
                if (near == null) {
                    near = Text.closest(target, (image ? media : allTargets()).stream()
                            .filter(p -> !image || org.explainers.content.Schema.IMAGES.contains(ext(p))).filter(p -> !p.equals(d.uri()))
                            .sorted(java.util.Comparator.comparing((String p) -> !p.startsWith(folder))).toList());
                }
            }
            boolean md = !named.get().equals(link.url());
            // Texts link to texts by their .md name (the guide says so), unless this link chose .html.
            boolean suggestMd = md || !image && !link.url().contains(".html");
            String raw = link.url();
            boolean mail = !image && raw.indexOf('@') > 0 && raw.indexOf('/') < 0 && raw.indexOf('@') == raw.lastIndexOf('@');
            // `http//unfccc.int` (the colon left out) is read as a folder named http (an editor's trial).
            String colonless = raw.regionMatches(true, 0, "https//", 0, 7) ? "https" : raw.regionMatches(true, 0, "http//", 0, 6) ? "http" : null;
            String fix = colonless != null ? "an address on another site starts with " + colonless + "://: write `" + colonless + ":"
                    + raw.substring(colonless.length()) + "`"
                    : raw.regionMatches(true, 0, "www.", 0, 4) ? "an address on another site starts with https://: write `https://" + raw + "`"
                    : mail ? "an e-mail address is linked with mailto: write `mailto:" + raw + "`"
                    : moved ? "it is an old address of `" + (suggestMd ? asMd(relative(d.uri(), near)) : relative(d.uri(), near)) + "`, which its"
                            + " `moved_from` leads to: link to that"
                    : renamed != null ? "that file seems to have become `" + (suggestMd ? asMd(relative(d.uri(), near)) : relative(d.uri(), near)) + "`: link to it"
                    : near != null ? "did you mean `" + (suggestMd ? asMd(relative(d.uri(), near)) : relative(d.uri(), near)) + "`?"
                    : image ? "put the image beside the text; the address is relative to this file"
                    : "check the file name; links are relative to this file";
            problems.error(d.path(), line(d, index), what + " `" + named.get() + "` points to " + (md ? "content/" + asMd(target) : target)
                    + ", which the site does not have", fix);
            return;
        }
        Doc other = docs.get(target);
        // A page whose file, or whose explainer's index.md, failed to read is told there, not as a draft here.
        boolean failed = other != null && failed(other);
        if (published && other != null && !site.listed(other) && !failed) {
            Doc dated = other.datedBy();
            if (site.state(other) == Site.State.SCHEDULED && dated.date() != null) {
                problems.error(d.path(), line(d, index), "link `" + named.get() + "` points to a page that appears on " + dated.date().inZone(zone)
                                + " (" + zone
                                + ", the date of " + dated.path() + "): until then the link would lead nowhere",
                        "add the link once that page is on the site, or give this file the same date or a later one");
            } else {
                problems.error(d.path(), line(d, index), "link `" + named.get() + "` points to a " + state(other),
                        "publish that page first, or remove the link");
            }
            return;
        }
        Doc waiting = anchor == null ? null : waitingAnchors.getOrDefault(target, Map.of()).get(anchor);
        if (waiting != null && failed(waiting)) {
            return; // its problem is told at its file (an editor's trial: a YAML slip in index.md made each #anchor "a draft")
        }
        if (waiting != null) {
            // The place of a section held back: there once it is published. A held-back text links to it freely.
            Doc dated = waiting.datedBy();
            if (published && site.state(waiting) == Site.State.SCHEDULED && dated.date() != null) {
                problems.error(d.path(), line(d, index), "anchor `#" + anchor + "` is the place of " + waiting.path() + ", which appears on "
                                + dated.date().inZone(zone) + " (" + zone + ", the date of " + dated.path() + "): until then the link would lead nowhere",
                        "add the #anchor once that section is on the site, or give this file the same date or a later one");
            } else if (published) {
                problems.error(d.path(), line(d, index), "anchor `#" + anchor + "` is the place of " + waiting.path() + ", which is a "
                        + state(waiting) + ": the explainer's page does not show it", "publish that section first, or remove the #anchor");
            }
            return;
        }
        if (anchor != null && !anchor.isEmpty() && !ids.contains(anchor) && !(target.equals(d.uri()) && anchor.startsWith((d instanceof Section s ? s.anchor : "fn") + "-fn"))) {
            // The anchors named: at most a few, and "did you mean" within the build's budget (a long explainer has hundreds).
            // The page's own places (`main`, `contents`) are valid but not what an editor looks for: the sections' are named.
            Set<String> places = new TreeSet<>(ids);
            places.removeAll(LAYOUT_IDS);
            List<String> some = places.stream().limit(MAX_ANCHORS_NAMED).toList();
            String hint = suggested++ < MAX_SUGGESTIONS ? Text.didYouMean(anchor, ids) : ""; // `#content` is most likely `#contents`
            String fix = places.isEmpty() ? "remove the #anchor (the page has no sections to link into)" : "use one of " + String.join(", ", some)
                    + (places.size() > some.size() ? " (and " + (places.size() - some.size()) + " more)" : "") + hint;
            if (other instanceof Section s && s.article() != null) {
                // A section's own page has no places to link into (its sub-headings get no anchor); its explainer's page does.
                fix = "link to the section itself (`" + s.source.substring(s.source.lastIndexOf('/') + 1) + "`), or to its place on the explainer's"
                        + " page (`" + relative(d.uri(), s.article().uri()).replaceAll("\\.html$", ".md") + "#" + s.anchor + "`)";
            }
            problems.error(d.path(), line(d, index), "anchor `#" + anchor + "` does not exist in " + target, fix);
        }
    }

    /** Each correction's `section:` names a section of its explainer; what a renamed file became is named where the history is read (not in the preview). */
    private void corrections(Article article) {
        for (Map<String, Object> c : article.corrections()) {
            Object file = c.get("section");
            // A section that could not be read is reported already: naming it is not a second mistake.
            if (file != null && article.sections().stream().noneMatch(s -> s.fileName().equals(file))
                    && !problems.hasErrorIn(article.path().substring(0, article.path().lastIndexOf('/') + 1) + file)) {
                Section moved = article.sections().stream().filter(s -> s.movedFrom().contains(file.toString())).findFirst().orElse(null);
                if (moved != null) {
                    // Renamed with `moved_from`: the correction goes with it under its new name (an editor's trial: "a typo?").
                    problems.error(article.path(), (Integer) c.get("line:section"), "the correction names `" + file + "`, the former name of `"
                            + moved.fileName() + "` (its `moved_from`)", "write its new name: `section: " + moved.fileName() + "`");
                    continue;
                }
                Doc became = renamed.get(article.folder() + file);
                if (became instanceof Section s && s.article() == article) {
                    // Renamed in this change, without `moved_from` yet (an editor's trial: told "remove the section: line", the
                    // correction went to the first section).
                    problems.error(article.path(), (Integer) c.get("line:section"), "the correction names `" + file + "`, which seems to have"
                            + " become `" + s.fileName() + "`", "write its new name, `section: " + s.fileName() + "`, and give that file"
                            + " `moved_from: [" + file + "]`, so that the published address leads to it");
                    continue;
                }
                List<String> names = article.sections().stream().map(Doc::fileName).toList();
                // A section moved to another explainer, or deleted, takes no correction with it: the fix is not another section's name.
                String gone = "if you renamed the section, write its new file name here, and give that file `moved_from` with this one;"
                        + " if the section moved to another explainer, move the correction to that explainer's index.md (with `section:`);"
                        + " if it is gone, remove the `section:` line (the correction then goes with the explainer's first section: reword it if it says"
                        + " \"this section\")";
                problems.error(article.path(), (Integer) c.get("line:section"), "the correction names `" + file + "`, which is not a section of this article",
                        names.isEmpty() ? "the explainer has no sections yet: add that section, or remove the correction's `section:` line"
                                : Text.closest(file.toString(), names) == null ? gone
                                : "a typo for `" + Text.closest(file.toString(), names) + "`? Otherwise, " + gone);
            }
        }
    }

    /** Every page and file a link may name, made once for the build's suggestions. */
    private Set<String> allTargets() {
        if (targets == null) {
            targets = new TreeSet<>(pages.keySet());
            targets.addAll(media);
        }
        return targets;
    }

    private Set<String> targets;
    /** The pages, and the media files, by file name: made once for the build's suggestions. */
    private Map<String, List<String>> pagesByName;
    private Map<String, List<String>> mediaByName;

    private Map<String, List<String>> byName(boolean image) {
        if (image ? mediaByName == null : pagesByName == null) {
            Map<String, List<String>> map = new HashMap<>();
            for (String p : new TreeSet<>(image ? media : pages.keySet())) {
                map.computeIfAbsent(p.substring(p.lastIndexOf('/') + 1), n -> new java.util.ArrayList<>()).add(p);
            }
            if (image) {
                mediaByName = map;
            } else {
                pagesByName = map;
            }
        }
        return image ? mediaByName : pagesByName;
    }

    /** The anchors every page (or an explainer's) has from its layout: a link may use them, a message does not offer them. */
    private static final Set<String> LAYOUT_IDS = Set.of("main", "contents");
    /** The anchors a message about a missing one names. */
    private static final int MAX_ANCHORS_NAMED = 12;
    /** "Did you mean" for this many broken links of a build at most. */
    private static final int MAX_SUGGESTIONS = 200;
    private int suggested;

    private String state(Doc d) {
        if (site.state(d) == Site.State.SCHEDULED) {
            return "scheduled page (not yet published)";
        }
        // Its own status may say published: the draft is then its explainer's index.md, which the editor is told of.
        return d instanceof Section s && !s.draft() && s.article() != null && s.article().draft()
                ? "section of a draft explainer (" + s.article().path() + " says `status: draft`)" : "draft";
    }

    /** The article (or page) a media file belongs to: the one in whose folder it sits. */
    private Doc ownerOf(String mediaPath) {
        String folder = mediaPath.substring(0, mediaPath.lastIndexOf('/') + 1);
        for (Article a : site.articles()) {
            if (a.folder().equals(folder)) {
                return a;
            }
        }
        for (Page p : site.pages()) {
            if (p.folder().equals(folder)) {
                return null; // pages/ holds the files of several pages
            }
        }
        return null;
    }

    private static String ext(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The line of the Markdown line mentioning the address (it may be written as .md or without
     * its #anchor) for its {@code nth} link (0: the first; a text may link to it twice): first where
     * it stands as a whole address, between delimiters such as {@code (x)} or {@code "x"}, so that a
     * short name does not match inside a word; then anywhere; then in the line as Flexmark reads it,
     * entities and backslash escapes decoded ({@code nowhere&#46;md} is the address
     * {@code nowhere.md}). The last place found when there are fewer.
     */
    /**
     * The line of the text's {@code index}-th link: a text may link to an address twice, and each
     * is told at its own line (counted only for a problem: every page's links are checked in every build).
     */
    /** Whether a page's file, or its explainer's index.md, failed to read: it is told there, and held back for that alone. */
    private boolean failed(Doc d) {
        return problems.hasErrorIn(d.path()) || d instanceof Section s && s.article() != null && problems.hasErrorIn(s.article().path());
    }

    private int line(Doc d, int index) {
        List<Body.Link> links = d.body().links();
        String url = links.get(index).url();
        int nth = (int) links.subList(0, index).stream().filter(l -> l.url().equals(url)).count();
        return line(d, url, nth);
    }

    private int line(Doc d, String url, int nth) {
        String md = asMd(url);
        List<String> lines = d.markdown();
        for (int pass = 0; pass < 3; pass++) {
            for (String needle : List.of(url, md, url.replaceAll("#.*", ""))) {
                int seen = 0;
                int last = -1;
                for (int i = 0; !needle.isEmpty() && i < lines.size(); i++) {
                    String line = pass == 2 ? (i < decoded(d).size() ? decoded(d).get(i) : "") : lines.get(i);
                    int here = occurrences(line, needle, pass == 0);
                    if (here > 0) {
                        last = d.firstLine + i;
                        seen += here;
                        if (seen > nth) {
                            return last;
                        }
                    }
                }
                if (last >= 0) {
                    return last;
                }
            }
        }
        return d.firstLine;
    }

    /** The .md form of a link if that is what the text has (as such, or with entities and escapes), else the link. */
    private String written(Doc d, String url) {
        String md = asMd(url);
        if (md.equals(url) || d.markdown().stream().anyMatch(l -> l.contains(url))) {
            return url;
        }
        boolean found = d.markdown().stream().anyMatch(l -> l.contains(md)) || decoded(d).stream().anyMatch(l -> l.contains(md));
        return found ? md : url;
    }

    /** The last text's lines as Flexmark reads them (entities and escapes decoded): decoded once, not per link. */
    private List<String> decodedFrom;
    private List<String> decodedLines;

    private List<String> decoded(Doc d) {
        List<String> lines = d.markdown();
        if (decodedFrom != lines) {
            decodedLines = lines.stream().map(com.vladsch.flexmark.util.sequence.Escaping::unescapeString).toList();
            decodedFrom = lines;
        }
        return decodedLines;
    }

    /** A page's address as the Markdown file it is made from: a.html → a.md, a.html#b → a.md#b. */
    private static String asMd(String url) {
        return url.replaceAll("\\.html(#|$)", ".md$1");
    }

    /** How many times the needle is in the line; if {@code alone}, only where it stands as a whole address. */
    private static int occurrences(String line, String needle, boolean alone) {
        int n = 0;
        for (int at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + needle.length())) {
            int end = at + needle.length();
            if (!alone || (at == 0 || !partOfAddress(line.charAt(at - 1))) && (end == line.length() || !partOfAddress(line.charAt(end)))) {
                n++;
            }
        }
        return n;
    }

    private static boolean partOfAddress(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/' || c == '%';
    }

    /** A relative link from page {@code from} to {@code to}, for suggestions. */
    static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            out.append("../");
        }
        for (int i = common; i < b.length; i++) {
            out.append(b[i]).append(i < b.length - 1 ? "/" : "");
        }
        return out.toString();
    }
}
