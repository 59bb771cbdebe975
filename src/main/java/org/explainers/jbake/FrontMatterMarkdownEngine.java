package org.explainers.jbake;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.parser.PegdownExtensions;
import com.vladsch.flexmark.profile.pegdown.PegdownOptionsAdapter;
import org.explainers.content.ContentIndex;
import org.explainers.content.FrontMatter;
import org.explainers.content.Navigation;
import org.explainers.content.Problem;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkdownEngine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JBake's Markdown engine (Flexmark, configured by {@code markdown.extensions}) reading a
 * front-matter header instead of JBake's {@code key=value ... ~~~~~~} one.
 *
 * <p>It also does what stock JBake gets wrong for this site: drafts are left out entirely
 * (JBake would render them as {@code *-draft.html}), a header it cannot read stops the bake
 * (JBake would drop the file with a warning), and each page gets its navigation
 * (previous/next in article order, parent, related, its article's sections) from one
 * {@link ContentIndex} per bake instead of a database query per page.
 */
public class FrontMatterMarkdownEngine extends MarkdownEngine {

    /** One index per bake: a bake has its own configuration object. */
    private static final Map<JBakeConfiguration, Site> SITES = new WeakHashMap<>();
    /** Links written to a section's source (`02-x.md`) work in Git previews; the site links to the page. */
    private static final Pattern MD_LINK = Pattern.compile("(href=\"(?![a-zA-Z][a-zA-Z0-9+.-]*:|/)[^\"#]*?)\\.md([\"#])");

    private static final Pattern HEADING_TAG = Pattern.compile("<(/?)h([1-6])(?=[\\s>])");
    private static final Pattern FOOTNOTE_ID = Pattern.compile("((?:id|href)=\"#?)(fn(?:ref)?-)");

    /**
     * Markdown rendered by earlier bakes in this JVM, by source file, or null (a one-off build
     * keeps nothing). The preview keeps it: a save then costs Flexmark one file, not all of them.
     */
    private static volatile RenderedMarkdown kept;

    private record RenderedMarkdown(int extensions, Map<String, String[]> bySource) {
    }

    /** Flexmark set up from a bake's {@code markdown.extensions}; both halves are immutable and thread-safe. */
    private record Flexmark(int extensions, Parser parser, HtmlRenderer renderer) {
        static Flexmark of(JBakeConfiguration config) {
            int extensions = FrontMatterMarkdownEngine.extensions(config.getMarkdownExtensions());
            DataHolder options = PegdownOptionsAdapter.flexmarkOptions(extensions);
            return new Flexmark(extensions, Parser.builder(options).build(), HtmlRenderer.builder(options).build());
        }

        String render(String markdown) {
            // Flexmark reads its input one char at a time. A String with any character beyond
            // Latin-1 (a curly quote is enough) is stored as UTF-16, and each of those reads goes
            // through a bounds-checked call that the quick JIT compiler does not inline; a char[]
            // is read directly (about 6% of a 1,000-section bake, the same HTML).
            String html = renderer.render(parser.parse(CharSubSequence.of(markdown)));
            return html.contains(".md") ? MD_LINK.matcher(html).replaceAll("$1.html$2") : html;
        }

        /** {@link #render} of a source file's body, reusing the HTML kept from an earlier bake if the body is unchanged. */
        String render(String source, String markdown) {
            RenderedMarkdown cache = kept;
            if (cache == null || cache.extensions() != extensions) {
                return render(markdown);
            }
            String[] before = cache.bySource().get(source);
            if (before != null && before[0].equals(markdown)) {
                return before[1];
            }
            String html = render(markdown);
            cache.bySource().put(source, new String[]{markdown, html});
            return html;
        }
    }

    /** Keeps rendered Markdown from bake to bake in this JVM (for the preview, which re-bakes on every save). */
    public static void keepRenderedMarkdown() {
        kept = new RenderedMarkdown(-1, new ConcurrentHashMap<>());
    }

    /**
     * One bake: its index, the navigation worked out from it, and every published section's
     * Markdown, rendered on two worker threads while JBake crawls (Flexmark is the larger part
     * of a bake, and JBake's crawl is single-threaded).
     */
    private record Site(ContentIndex index, Navigation navigation, Flexmark flexmark, Map<String, Future<String>> rendered) {
        static Site start(JBakeConfiguration config, ContentIndex index) {
            Flexmark prepared = PREPARED.remove(config);
            Flexmark flexmark = prepared != null ? prepared : Flexmark.of(config);
            RenderedMarkdown cache = kept;
            if (cache != null && cache.extensions() != flexmark.extensions()) {
                kept = new RenderedMarkdown(flexmark.extensions(), new ConcurrentHashMap<>()); // other options: start afresh
            }
            Map<String, Future<String>> rendered = new ConcurrentHashMap<>();
            if (!index.hasErrors()) {
                ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "markdown");
                    t.setDaemon(true);
                    return t;
                });
                // In the order JBake's crawl asks for them (folders and files by name), so that
                // the crawl takes each section as soon as it is ready. In reading order, it
                // waited on the last article's sections first and ran only once all were done.
                List<ContentIndex.Section> sections = new ArrayList<>(index.publishedSections());
                sections.sort(CRAWL_ORDER);
                for (ContentIndex.Section s : sections) {
                    File file = index.contentDir().resolve(s.source).toFile();
                    rendered.put(s.source, pool.submit(() -> flexmark.render(s.source, body(file, s.header))));
                }
                pool.shutdown();
            }
            return new Site(index, new Navigation(index), flexmark, rendered);
        }

        String html(ContentIndex.Section s) {
            Future<String> done = rendered.get(s.source);
            if (done == null) {
                return flexmark.render(s.source, body(index.contentDir().resolve(s.source).toFile(), s.header));
            }
            try {
                return done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("content/" + s.source + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /**
     * JBake's crawl order: a folder's entries sorted by name, each sub-folder crawled where it
     * sorts. Every section is {@code articles/<article>/<file>} (the index rejects anything
     * else), so that is by article folder, then by file name.
     */
    static final Comparator<ContentIndex.Section> CRAWL_ORDER =
            Comparator.comparing((ContentIndex.Section s) -> s.article.slug).thenComparing(s -> s.source);

    /** Flexmark set up ahead of a bake (see {@link #prepare}). */
    private static final Map<JBakeConfiguration, Flexmark> PREPARED = new WeakHashMap<>();

    /** Sets Flexmark up for a bake before its content is known (the build does it while checking the content). */
    public static synchronized void prepare(JBakeConfiguration config) {
        PREPARED.put(config, Flexmark.of(config));
    }

    /** Lets the build hand over the index it already read and checked. */
    public static synchronized void useIndex(JBakeConfiguration config, ContentIndex index) {
        SITES.put(config, Site.start(config, index));
    }

    private static synchronized Site site(JBakeConfiguration config) {
        return SITES.computeIfAbsent(config, c -> Site.start(c, ContentIndex.load(c.getContentFolder().toPath())));
    }

    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        Site site = site(config);
        if (site.index().hasErrors()) {
            throw new IllegalStateException("content has errors:\n" + site.index().problems().stream()
                    .filter(p -> !p.warning()).map(Problem::toString).collect(Collectors.joining("\n")));
        }
        String source = site.index().contentDir().relativize(file.toPath().toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        ContentIndex.Section section = site.index().section(source);
        ContentIndex.Article article = section == null ? site.index().article(source) : null;
        if (section == null && article == null) {
            throw new IllegalStateException("content/" + source + " is not part of any article");
        }
        if (section != null ? !section.published() : !article.published()) {
            return null; // a draft: never rendered, never listed
        }
        FrontMatter header = section != null ? section.header : article.header;
        DocumentModel doc = DocumentModel.createDefaultDocumentModel();
        putHeader(doc, header);
        if (section != null) {
            doc.setTags(section.topics.toArray(new String[0]));
            doc.remove("topics");
            doc.putAll(site.navigation().forSection(section));
            // On its own page the section's title is the h1: a `#` in its text becomes an h2.
            doc.setBody(placeIn(site.html(section), section.anchor, 1));
        } else {
            doc.putAll(site.navigation().forArticle(article));
            List<Map<String, Object>> sections = new ArrayList<>();
            // For the sitemap: the article changes whenever one of its sections does.
            String newest = header.get("updated") != null ? header.get("updated") : header.get("date");
            for (ContentIndex.Section s : article.publishedSections()) {
                for (String key : List.of("date", "updated")) {
                    String value = s.header.get(key);
                    if (value != null && value.compareTo(newest) > 0) {
                        newest = value;
                    }
                }
                Map<String, Object> entry = site.navigation().tocEntry(s);
                // On the article page the section's title is an h2 (part) or h3 (sub-section).
                String html = site.html(s);
                site.rendered().remove(s.source); // each section is on one article page: free it
                entry.put("body", placeIn(html, s.anchor, s.level() + 1));
                sections.add(entry);
            }
            doc.put("sections", sections);
            doc.put("last_modified", toDate(newest));
            doc.setBody(site.flexmark().render(source, body(file, header)));
        }
        return doc;
    }

    private static void putHeader(DocumentModel doc, FrontMatter header) {
        for (FrontMatter.Field f : header.fields().values()) {
            doc.put(f.key(), f.isList() ? new ArrayList<>(f.list()) : f.value());
        }
        doc.setDate(toDate(header.get("date")));
        if (header.get("updated") != null) {
            doc.put("updated", toDate(header.get("updated")));
        }
    }

    /**
     * A published section's page model again, after its file was saved: the stored model of
     * the last bake with the file's new header and text. Its navigation stays the last bake's
     * (a new title shows on this page, not yet on its neighbours'): for the preview, which
     * shows this page at once and then re-bakes the whole site. Null when the saved file is
     * anything else, or its header has a problem; the re-bake reports those.
     */
    public static DocumentModel reparse(JBakeConfiguration config, File file, DocumentModel stored) throws IOException {
        Site site;
        synchronized (FrontMatterMarkdownEngine.class) {
            site = SITES.get(config);
        }
        if (site == null || stored == null) {
            return null;
        }
        String source = site.index().contentDir().relativize(file.toPath().toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        ContentIndex.Section before = site.index().section(source);
        List<String> lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
        FrontMatter header = FrontMatter.parse("content/" + source, lines);
        if (before == null || !header.problems().isEmpty() || header.bodyStart() < 0
                || !"published".equals(header.get("status")) || !"section".equals(header.get("type"))) {
            return null;
        }
        DocumentModel doc = stored;
        before.header.fields().keySet().forEach(doc::remove);
        doc.remove("updated");
        putHeader(doc, header);
        doc.setTags(ContentIndex.topicsOf(header).toArray(new String[0]));
        doc.remove("topics");
        doc.setBody(placeIn(site.flexmark().render(source, body(lines, header)), before.anchor, 1));
        return doc;
    }

    private static Date toDate(String isoDate) {
        return Date.from(java.time.LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String body(File file, FrontMatter header) {
        try {
            return body(Files.readAllLines(file.toPath(), StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown below a file's header, as Flexmark is given it. */
    private static String body(List<String> lines, FrontMatter header) {
        return String.join("\n", lines.subList(header.bodyStart(), lines.size())) + "\n";
    }

    /**
     * Fits a section's rendered body into a page: its headings go below the section's own
     * heading level, and its footnote ids get the section's name, so that the sections of
     * one article page never share an id.
     */
    static String placeIn(String html, String anchor, int headingLevel) {
        if (!html.contains("<h") && !html.contains("fn")) {
            return html; // most sections: nothing to move
        }
        Matcher h = HEADING_TAG.matcher(html);
        // The text's own top level becomes the first level below the section's heading, so
        // `#` and `##` both work for a sub-heading (no level is skipped on the page).
        int top = 6;
        while (h.find()) {
            top = Math.min(top, Integer.parseInt(h.group(2)));
        }
        h.reset();
        StringBuilder out = new StringBuilder();
        while (h.find()) {
            int level = Math.min(6, Integer.parseInt(h.group(2)) - top + 1 + headingLevel);
            h.appendReplacement(out, "<" + h.group(1) + "h" + level);
        }
        h.appendTail(out);
        return FOOTNOTE_ID.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(anchor) + "-$2");
    }

    /** Same mapping of pegdown names as {@link MarkdownEngine#processBody}. */
    private static int extensions(List<String> names) {
        int extensions = PegdownExtensions.NONE;
        for (String name : names) {
            boolean remove = name.startsWith("-");
            String n = name.replaceFirst("^[-+]", "");
            int bit;
            try {
                Field f = PegdownExtensions.class.getDeclaredField(n);
                bit = f.getInt(null);
            } catch (NoSuchFieldException | IllegalAccessException e) {
                throw new IllegalArgumentException("unknown markdown.extensions entry `" + n + "` in jbake.properties");
            }
            extensions = remove ? extensions & ~bit : extensions | bit;
        }
        return extensions;
    }
}
