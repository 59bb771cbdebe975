package org.explainers.check;

import org.explainers.content.Article;
import org.explainers.content.Section;
import org.explainers.content.Doc;
import org.explainers.content.FieldType;
import org.explainers.content.History;
import org.explainers.content.Moment;
import org.explainers.content.Problems;
import org.explainers.content.Schema;
import org.explainers.content.SourceText;
import org.explainers.content.Vocabulary;
import org.explainers.content.Site;
import org.explainers.content.SitePaths;
import org.explainers.content.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renamed files keep their addresses: a file's `moved_from` names its former names, and the
 * bake writes a small page at each old address that leads to the new one. A file that was
 * published (as the Git history shows) and is gone without such a line is an error: every
 * link to its address would die.
 */
public final class Moves {

    private Moves() {
    }

    /**
     * The fields of an older version's header, as YAML composes them (nothing when it does not
     * read): a file's text from Git, judged loosely, as the build that published it read it.
     */
    static List<NodeTuple> olderHeader(String text) {
        String[] parts = text.split("(?m)^---\\s*$", 3);
        if (parts.length < 3) {
            return List.of();
        }
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(parts[1])) instanceof MappingNode map ? map.getValue() : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Corrections a published explainer had before this change and has no more (an editor's
     * trial: one deleted went from its pages, the corrections page and the feeds without a word).
     * A correction stays on the record; a warning, as one may have been added by mistake.
     *
     * @param before     each explainer's index.md (by source) before this change ({@link History#previous})
     * @param goneBefore the same of explainers whose index.md is gone (deleted, or merged into another)
     * @param moves      the old files (by source) and the file each leads to now ({@link #check})
     */
    public static void goneCorrections(Site site, Map<String, String> before, Map<String, String> goneBefore, Map<String, Doc> moves, ZoneId zone,
                                       Problems problems) {
        // A header that cannot be read has no corrections to compare (an editor's trial: a date typo in one made every correction
        // "gone", and "put it back" would have doubled them); nor is a move's explainer known while the content has errors.
        java.util.Set<String> unread = new java.util.HashSet<>();
        problems.errors().forEach(p -> unread.add(p.path()));
        for (Article a : site.articles()) {
            String text = before.get(a.source);
            if (text == null || unread.contains(a.path()) || !wasPublished(text, site, zone)) {
                continue;
            }
            for (String was : correctionsIn(text)) {
                if (!correctionsOf(a).contains(was)) {
                    problems.warning(a.path(), a.header.get("corrections") != null ? a.header.line("corrections") : 0, "a published correction is"
                                    + " gone: " + quote(was), "a correction stays on the record: put it back, and if it was itself wrong, say so in a new entry");
                }
            }
        }
        // An explainer gone as a whole took its corrections with it (an editor's trial: merged into another, they left the site
        // without a word): said where they belong now, the explainer that took its place, or at the gone file.
        for (Map.Entry<String, String> gone : goneBefore.entrySet()) {
            if (!unread.isEmpty() || !wasPublished(gone.getValue(), site, zone)) {
                continue;
            }
            Doc taker = moves.get(gone.getKey());
            Article into = taker instanceof Article a ? a : taker instanceof Section s ? s.article() : null;
            for (String was : correctionsIn(gone.getValue())) {
                if (into == null || !correctionsOf(into).contains(was)) {
                    problems.warning(into != null ? into.path() : "content/" + gone.getKey(), 0, "a published correction of content/" + gone.getKey()
                                    + ", which is gone, is on no page now: " + quote(was),
                            "a correction stays on the record: copy it into the `corrections:` of " + (into != null ? "this explainer" : "the explainer that"
                                    + " carries its text now") + " (without `section:` if its section is not there)");
                }
            }
        }
    }

    private static java.util.Set<String> correctionsOf(Article a) {
        java.util.Set<String> now = new java.util.HashSet<>();
        a.corrections().forEach(c -> now.add(String.valueOf(c.get("text")).strip()));
        return now;
    }

    private static String quote(String text) {
        return "\u201C" + (text.length() > 80 ? text.substring(0, 80) + "\u2026" : text) + "\u201D";
    }

    /** The texts of the corrections in an explainer's older header. */
    private static List<String> correctionsIn(String text) {
        List<String> texts = new java.util.ArrayList<>();
        for (NodeTuple t : olderHeader(text)) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("corrections") && t.getValueNode() instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    String was = item instanceof MappingNode entry ? entry.getValue().stream()
                            .filter(e -> e.getKeyNode() instanceof ScalarNode key && key.getValue().equals("text") && e.getValueNode() instanceof ScalarNode)
                            .map(e -> ((ScalarNode) e.getValueNode()).getValue().strip()).findFirst().orElse(null) : null;
                    if (was != null) {
                        texts.add(was);
                    }
                }
            }
        }
        return texts;
    }

    /**
     * Topics and authors in their file before this change (Git's history) that are gone, and in
     * no entry's `moved_from`: their pages (and a topic's feed) go with them. A warning, since an
     * entry no published piece used had none.
     *
     * @param before each vocabulary file's text before the change ({@link History#previous})
     */
    public static void goneEntries(Map<Vocabulary.Spec, Vocabulary> now, Map<String, String> before, SitePaths paths,
                                   java.util.function.Predicate<String> published, Problems problems) {
        for (Vocabulary v : now.values()) {
            String text = before.get(v.spec.file());
            String path = "content/" + v.spec.file();
            Problems ignored = new Problems(); // the older text's own problems are not this change's
            SourceText source = text == null ? null : SourceText.decode(path, text.getBytes(StandardCharsets.UTF_8), Vocabulary.MAX_BYTES, false, ignored);
            Vocabulary was = source == null ? null : Vocabulary.read(v.spec, source, paths.index(), ignored);
            // Its slugs then, and the old ones its entries kept (a second rename keeps the first's).
            java.util.Set<String> addresses = new java.util.LinkedHashSet<>();
            for (Vocabulary.Entry e : was == null ? List.<Vocabulary.Entry>of() : was.entries().values()) {
                addresses.add(e.slug());
                addresses.addAll(e.movedFrom());
            }
            String one = v.spec.one();
            // Entries new in this change: when there is one, it most likely took the gone one's place (a rename).
            List<Vocabulary.Entry> added = v.entries().values().stream()
                    .filter(e -> !addresses.contains(e.slug()) && e.movedFrom().stream().noneMatch(addresses::contains)).toList();
            for (String slug : addresses) {
                if (v.get(slug) == null && v.renamed(slug) == null && !v.refused(slug)) {
                    // Said for sure when the site built here has them (an editor's trial: "if it had them", of a page it had).
                    String page = v.spec == Schema.TOPICS ? paths.topic(slug) : paths.author(slug);
                    String pages = published.test(page)
                            ? (v.spec == Schema.TOPICS ? "its page " + page + " and its feed " + paths.topicFeed(slug) + ", published until now, go"
                            + " with it" : "its page " + page + ", published until now, goes with it")
                            : v.spec == Schema.TOPICS ? "its page " + page + " and its feed " + paths.topicFeed(slug) + " go with it, if a published"
                            + " section carried it" : "its page " + page + " goes with it, if a published explainer carried the byline";
                    String an = one.matches("[aeiou].*") ? "an " : "a ";
                    String what = was.get(slug) != null ? "was " + an + one
                            : "was an old address of " + one + " `" + was.renamed(slug) + "` (its `moved_from`)";
                    String fix = added.size() == 1
                            ? "if `" + added.get(0).slug() + "` is its new name, add `moved_from: [" + slug + "]` to it, so that its addresses lead there"
                            : "if another " + one + " takes its place, add `moved_from: [" + slug + "]` to it, so that its addresses lead there; "
                            + an + one + " renamed again keeps its old slugs in `moved_from`";
                    problems.warning(path, added.size() == 1 ? added.get(0).line() : 0, "`" + slug + "` " + what + " before this change and is gone: "
                            + pages + ", and links to them find nothing", fix);
                }
            }
        }
    }

    /**
     * Checks every `moved_from` and, when there is history, every file that is gone. Returns
     * the old addresses and the file each leads to.
     *
     * @param markdown every Markdown file under content/ now
     * @param gone     files Git knew, published once, that are gone, or null when there is no history
     * @param likely   the file each gone one most likely became ({@link #likely})
     */
    public static Map<String, Doc> check(Site site, Collection<String> markdown, List<History.Gone> gone, Map<String, Doc> likely, ZoneId zone,
                                         Problems problems) {
        Map<String, Doc> moves = new TreeMap<>();
        Set<String> now = Set.copyOf(markdown);
        // What the site writes, by its path as a disk ignoring capitals compares it: an old address differing
        // only in capitals would replace it there (as Site's own check says of files). Made for the first
        // `moved_from`: most builds have none, and a large site's every build would pay for it.
        Map<String, String> outputs = new java.util.HashMap<>();
        Map<String, String> oldPages = new java.util.HashMap<>(); // old address, caseless -> the old name as written
        for (Doc d : site.docs()) {
            for (String name : d.movedFrom()) {
                String source = resolve(d.folder(), name);
                String address = source == null ? "" : Text.caseless(SitePaths.page(source)); // the page it made
                int line = d.header.line("moved_from");
                // A former file sat where files sit: content/articles/<explainer>/<file>.md or content/pages/<file>.md. Deeper,
                // its page would be written inside a folder named as a file of the site (timeline.png/old.html).
                long depth = source == null ? 0 : source.chars().filter(ch -> ch == '/').count();
                if (source == null || !(source.startsWith("articles/") && depth == 2) && !(source.startsWith("pages/") && depth == 1)) {
                    problems.error(d.path(), line, "`" + name + "` in `moved_from` is not where a file of the site was: in an explainer's folder"
                                    + " (content/articles/<explainer>/) or in content/pages/",
                            "write the old name relative to this file, e.g. `03-old-name.md` or `../old-article/index.md`");
                } else if (now.contains(source)) {
                    problems.error(d.path(), line, "`" + name + "` in `moved_from` is still there (content/" + source + ")",
                            "remove it from `moved_from`, or finish the rename");
                } else if (outputs(outputs, markdown, site).containsKey(address)) {
                    problems.error(d.path(), line, "`" + name + "` in `moved_from` would write the same file as "
                                    + outputs.get(address) + " on a disk or host that ignores capitals",
                            "write the old name with the capitals it had; a name that differs only in capitals cannot be an old address");
                } else {
                    Doc other = moves.putIfAbsent(source, d);
                    String same = oldPages.putIfAbsent(address, source);
                    if (other != null && other != d) {
                        // Told in both files: the one just edited may be either (an editor's trial: the untouched one was told).
                        problems.error(d.path(), line, "`" + name + "` is also in the `moved_from` of " + other.path(),
                                "an old address leads to one page: keep it in one file");
                        problems.error(other.path(), other.header.line("moved_from"), "an old name here, content/" + source + ", is also in the"
                                + " `moved_from` of " + d.path(), "an old address leads to one page: keep it in one file");
                    } else if (same != null && !same.equals(source)) {
                        problems.error(d.path(), line, "`" + name + "` in `moved_from` differs from content/" + same
                                + ", also in a `moved_from`, only in capitals", "keep one of them");
                    }
                }
            }
        }
        Set<String> there = new java.util.HashSet<>(); // as a disk folding capitals names them: a text renamed `.MD` is there, refused
        for (String md : gone == null || gone.isEmpty() ? List.<String>of() : markdown) {
            there.add(Text.caseless(md));
        }
        Set<String> goneSet = new java.util.HashSet<>();
        for (History.Gone g : gone == null ? List.<History.Gone>of() : gone) {
            goneSet.add(g.source());
        }
        // A header that could not be read may hold the `moved_from` a gone file is in: its own problem is told, the gone files' once it is read.
        if (gone != null && !gone.isEmpty() && unreadHeader(site, markdown, problems)) {
            return moves;
        }
        for (History.Gone g : gone == null ? List.<History.Gone>of() : gone) {
            if (!moves.containsKey(g.source()) && !there.contains(Text.caseless(g.source()))) {
                String name = g.source().substring(g.source().lastIndexOf('/') + 1);
                String folder = g.source().substring(0, g.source().lastIndexOf('/') + 1);
                // A `moved_from` close to the gone file's name may be a typo for it: said at that line, as a warning (it may
                // also be an older rename this build's history does not reach), beside the gone file's own error. So is one with
                // its very name in another folder: a file moved to another explainer keeps a `moved_from` that now means its new folder.
                Map.Entry<String, Doc> typo = moves.entrySet().stream().filter(m -> !goneSet.contains(m.getKey())
                        && (m.getKey().startsWith(folder) && m.getKey().indexOf('/', folder.length()) < 0
                        && Text.distance(m.getKey().substring(folder.length()), name) <= 2
                        || m.getKey().endsWith("/" + name) && !m.getKey().startsWith(folder))).findFirst().orElse(null);
                if (typo != null) {
                    String written = SiteCheck.relative(typo.getValue().source, typo.getKey());
                    problems.warning(typo.getValue().path(), typo.getValue().header.line("moved_from"), "`" + written + "` in `moved_from` is"
                            + " close to content/" + g.source() + ", which is gone", "if it is meant for that file, write `"
                            + SiteCheck.relative(typo.getValue().source, g.source()) + "`");
                }
                Doc became = likely.get(g.source());
                // The explainer's index.md, for a section nothing replaced, while its folder is there (a renamed folder has none).
                boolean index = !name.equals("index.md") && now.contains(folder + "index.md");
                String folderPath = folder.substring(0, folder.length() - 1); // articles/old-name
                String oldFolder = folderPath.substring(folderPath.lastIndexOf('/') + 1);
                String otherwise = name.equals("index.md")
                        ? "if the explainer moved to another folder, add `moved_from: [../" + oldFolder + "/index.md]` to the index.md there;"
                        + " to withdraw it with nothing in its place, restore its files and make them `status: draft` (CONTRIBUTING.md,"
                        + " \"Withdrawing an explainer\")"
                        : index ? "add its old name to the `moved_from` of the file that took its place: `" + name + "` from this explainer's folder, `../"
                        + oldFolder + "/" + name + "` from another's; if nothing did, `moved_from: [" + name + "]` to content/" + folder + "index.md"
                        : "the folder content/" + folder + " is gone: if the explainer moved, add `moved_from: [../" + oldFolder + "/" + name
                        + "]` to the file that took its place in the new folder";
                problems.error("content/" + g.source(), 0, "was published at " + g.source().replaceAll("\\.md$", ".html")
                                + " and is gone, so every link to that address would die",
                        became == null ? otherwise : "add `moved_from: [" + SiteCheck.relative(became.source, g.source()) + "]` to "
                                + became.path() + " if it took its place; if another file did, add the old name to its `moved_from`"
                                + (index ? " (or `moved_from: [" + name + "]` to content/" + folder + "index.md if none did)" : ""));
            }
        }
        return moves;
    }

    /** Whether a Markdown file has no header the site could read, or an error in its header's lines. */
    private static boolean unreadHeader(Site site, Collection<String> markdown, Problems problems) {
        Map<String, Integer> headerEnds = new java.util.HashMap<>(); // path -> the first line of its text
        for (Doc d : site.docs()) {
            headerEnds.put(d.path(), d.firstLine);
        }
        for (String md : markdown) {
            if (!headerEnds.containsKey("content/" + md)) {
                return true;
            }
        }
        for (org.explainers.content.Problem p : problems.errors()) {
            Integer end = headerEnds.get(p.path());
            if (end != null && p.line() < end) {
                return true;
            }
        }
        return false;
    }

    /** The file each gone file most likely became ({@link #renamedTo}), by the gone file's source; empty when none is gone. */
    public static Map<String, Doc> likely(Site site, List<History.Gone> gone) {
        if (gone == null || gone.isEmpty()) {
            return Map.of();
        }
        // The site's files by name, and by folder and number, made once: thousands of files may be gone.
        Map<String, List<Doc>> byName = new java.util.HashMap<>();
        Map<String, List<Doc>> byNumber = new java.util.HashMap<>();
        for (Doc d : site.docs()) {
            String name = d.source.substring(d.source.lastIndexOf('/') + 1);
            byName.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(d);
            byNumber.computeIfAbsent(d.folder() + number(name), k -> new java.util.ArrayList<>()).add(d);
            byNumber.computeIfAbsent(d.folder() + "*" + name.substring(number(name).length()), k -> new java.util.ArrayList<>()).add(d);
        }
        Map<String, Doc> likely = new java.util.HashMap<>();
        for (History.Gone g : gone) {
            Doc d = renamedTo(g, byName, byNumber);
            if (d != null) {
                likely.put(g.source(), d);
            }
        }
        // An explainer's folder renamed: its index.md became the index.md of the one folder its sections went to.
        for (History.Gone g : gone) {
            String folder = g.source().substring(0, g.source().lastIndexOf('/') + 1);
            if (g.source().endsWith("/index.md") && !likely.containsKey(g.source())) {
                Set<String> to = new java.util.TreeSet<>();
                likely.forEach((from, d) -> {
                    if (from.startsWith(folder) && from.indexOf('/', folder.length()) < 0) {
                        to.add(d.folder());
                    }
                });
                if (to.size() == 1) {
                    site.docs().stream().filter(d -> d instanceof org.explainers.content.Article && d.folder().equals(to.iterator().next()))
                            .findFirst().ifPresent(d -> likely.put(g.source(), d));
                }
            }
        }
        return likely;
    }

    /** {@code outputs}, filled on first use with what the site writes (see {@link #check}). */
    private static Map<String, String> outputs(Map<String, String> outputs, Collection<String> markdown, Site site) {
        if (outputs.isEmpty()) {
            for (String md : markdown) {
                outputs.put(Text.caseless(SitePaths.page(md)), "content/" + md);
            }
            for (String m : site.media()) {
                outputs.put(Text.caseless(m), "content/" + m);
            }
        }
        return outputs;
    }

    /**
     * The file a gone one most likely became, to name in the fix: the one file with its name in
     * another folder (moved to another explainer), else the one file of its folder with its name
     * under another number (`05-x.md` renumbered `06-x.md`, two sections swapped), else the one
     * file of its folder with its number (`02-old.md` renamed `02-new.md`); null when there is
     * no such single file, and for an explainer's index.md. Only files that were not there beside
     * it before this change count.
     *
     * @param byName   the site's files by their name
     * @param byNumber the site's files by their folder and number ({@link #number}), and by their
     *                 folder and name after the number (`folder/*x.md`)
     */
    static Doc renamedTo(History.Gone gone, Map<String, List<Doc>> byName, Map<String, List<Doc>> byNumber) {
        String name = gone.source().substring(gone.source().lastIndexOf('/') + 1);
        String folder = gone.source().substring(0, gone.source().lastIndexOf('/') + 1);
        if (name.equals("index.md")) {
            return null; // every explainer has one: its name says nothing
        }
        // A file that was there beside it did not become it (an editor's trial: another explainer's
        // own 01-introduction.md was named for a renamed one, and the fix, followed, sent its readers there).
        java.util.function.Predicate<Doc> isNew = d -> !gone.alongside().contains(d.source);
        List<Doc> moved = byName.getOrDefault(name, List.of()).stream().filter(d -> !d.folder().equals(folder)).filter(isNew).toList();
        List<Doc> renumbered = number(name).isEmpty() ? List.of()
                : byNumber.getOrDefault(folder + "*" + name.substring(number(name).length()), List.of()).stream().filter(isNew).toList();
        List<Doc> renamed = number(name).isEmpty() ? List.of()
                : byNumber.getOrDefault(folder + number(name), List.of()).stream().filter(isNew).toList();
        for (List<Doc> likely : List.of(moved, renumbered, renamed)) {
            if (!likely.isEmpty()) {
                return likely.size() == 1 ? likely.get(0) : null;
            }
        }
        return null;
    }

    /** A file name's number with its dash (`02-` of `02-old.md`), or "" when it has none. */
    static String number(String name) {
        return Text.numbered(name) ? name.substring(0, name.indexOf('-') + 1) : "";
    }

    /** A path under content/ for a name relative to a folder, or null when it leaves content/. */
    public static String resolve(String folder, String name) {
        try {
            String path = new URI(null, null, "/" + folder, null).resolve(new URI(null, null, name, null)).getPath();
            return path.startsWith("/") && !path.startsWith("/../") ? path.substring(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether a file's last committed header said `status: published` with a date that has come. */
    public static boolean wasPublished(String text, Site site, ZoneId zone) {
        Map<String, String> header = new LinkedHashMap<>();
        for (NodeTuple t : olderHeader(text)) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                header.put(k.getValue(), v.getValue());
            }
        }
        if (!"published".equals(header.get("status"))) {
            return false;
        }
        // To the minute, as the header says: a piece embargoed until 07:00 was not out at 06:59.
        Moment date = FieldType.moment(header.getOrDefault("date", ""), zone);
        return date == null || !date.instant().isAfter(site.now); // no readable date: assume it was out
    }
}
