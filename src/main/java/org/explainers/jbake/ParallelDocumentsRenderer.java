package org.explainers.jbake;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.Property;
import org.jbake.app.configuration.PropertyList;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;
import org.jbake.render.ArchiveRenderer;
import org.jbake.render.Error404Renderer;
import org.jbake.render.FeedRenderer;
import org.jbake.render.IndexRenderer;
import org.jbake.render.RenderingTool;
import org.jbake.render.SitemapRenderer;
import org.jbake.render.TagsRenderer;
import org.jbake.template.RenderingException;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * JBake's {@code DocumentsRenderer}, on every core: each page still goes through JBake's
 * {@link Renderer} with the previous/next content JBake's own renderer would give it, but
 * pages render side by side, alongside {@link SiteExtrasRenderer}'s jobs and JBake's other
 * rendering tools (topic pages, feed, sitemap...). It runs before JBake's tools (its jar comes
 * first on the classpath), marks the pages it rendered, which leaves JBake's renderer nothing
 * to do, and switches the other tools off for the rest of the bake. Only on the in-memory
 * store: OrientDB's database is bound to one thread, so on the stock path JBake's tools do
 * the work as usual.
 */
public class ParallelDocumentsRenderer implements RenderingTool {

    /**
     * Pages that a bake renders before all others, and what to do once they are written: the
     * preview shows the page an author just saved while the rest of the site is still baking.
     *
     * @param uris    page uris, as JBake writes them ({@code articles/x/02-y.html})
     * @param written called with the destination folder and the uris rendered
     */
    public record FirstPages(Set<String> uris, BiConsumer<Path, Set<String>> written) {
    }

    private static final Map<JBakeConfiguration, FirstPages> FIRST = Collections.synchronizedMap(new WeakHashMap<>());

    /** Asks the bake with this configuration to render these pages first. */
    public static void renderFirst(JBakeConfiguration config, FirstPages first) {
        FIRST.put(config, first);
    }

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (!(db instanceof MemoryContentStore)) {
            return 0;
        }
        List<DocumentModel> documents = db.getUnrenderedContent();
        for (DocumentModel document : documents) {
            setNeighbours(db, document);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
        int count = documents.size();
        List<Throwable> errors = new ArrayList<>();
        FirstPages first = FIRST.remove(config);
        if (first != null) {
            // Each first page is handed over as soon as it is written (a section's page is
            // quicker than its article's, which holds every section).
            List<DocumentModel> early = documents.stream().filter(d -> first.uris().contains(d.getUri()))
                    .sorted(Comparator.comparing(d -> d.getUri().endsWith("/index.html"))).toList();
            List<Future<?>> pages = submit(pool, renderer, db, early);
            for (int k = 0; k < early.size() && errors.isEmpty(); k++) {
                await(pages.subList(k, k + 1), errors);
                if (errors.isEmpty()) {
                    first.written().accept(config.getDestinationFolder().toPath(), Set.of(early.get(k).getUri()));
                }
            }
            documents = documents.stream().filter(d -> !first.uris().contains(d.getUri())).toList();
        }
        // The search index, the topic pages and the feeds go first: the longest jobs, run
        // alongside the pages.
        List<Future<Integer>> extras = new ArrayList<>();
        for (Callable<Integer> job : SiteExtrasRenderer.jobs(renderer, db, config)) {
            extras.add(pool.submit(job));
        }
        List<Property> ranHere = new ArrayList<>();
        JBAKE_TOOLS.forEach((tool, setting) -> {
            if (setting != PropertyList.RENDER_INDEX || !config.getPaginateIndex()) { // paging: a store-wide cursor
                extras.add(pool.submit(() -> tool.render(renderer, db, config)));
                ranHere.add(setting);
            }
        });
        // Article pages, which hold all their sections, before the sections' own pages: with
        // the longest pages last, one thread finished them while the other had nothing left.
        documents = documents.stream().sorted(Comparator.comparing(d -> !(d.get("sections") instanceof List))).toList();
        await(submit(pool, renderer, db, documents), errors);
        await(extras, errors);
        pool.shutdown();
        for (Future<Integer> job : extras) {
            count += job.isCancelled() ? 0 : resultOf(job);
        }
        // The Oven calls JBake's tools after this one: they find themselves switched off for
        // the rest of this bake (each bake has a configuration of its own) and skip, also
        // when one failed here (it would fail again, and be reported twice).
        ranHere.forEach(setting -> config.setProperty(setting.getKey(), false));
        if (!errors.isEmpty()) {
            // Each failure's own message, and the first one's causes (a template's error is
            // inside the exception of JBake's tool that rendered it).
            throw new RenderingException("Failed to render documents. Cause(s):\n"
                    + errors.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")), errors.get(0));
        }
        return count;
    }

    /**
     * JBake's rendering tools for the pages that are not documents (topic pages, feed,
     * sitemap, home, archive, 404), longest first, each with the setting that switches it on.
     * Run here, beside the pages; in the Oven's loop they ran one after another on one thread.
     */
    private static final Map<RenderingTool, Property> JBAKE_TOOLS = new LinkedHashMap<>();

    static {
        JBAKE_TOOLS.put(new TagsRenderer(), PropertyList.RENDER_TAGS);
        JBAKE_TOOLS.put(new FeedRenderer(), PropertyList.RENDER_FEED);
        JBAKE_TOOLS.put(new SitemapRenderer(), PropertyList.RENDER_SITEMAP);
        JBAKE_TOOLS.put(new IndexRenderer(), PropertyList.RENDER_INDEX);
        JBAKE_TOOLS.put(new ArchiveRenderer(), PropertyList.RENDER_ARCHIVE);
        JBAKE_TOOLS.put(new Error404Renderer(), PropertyList.RENDER_ERROR404);
    }

    /** Sets the previous and next content JBake's DocumentsRenderer gives a page. */
    public static void setNeighbours(ContentStore db, DocumentModel document) {
        DocumentList<DocumentModel> typed = db.getAllContent(document.getType());
        // Both looked up before either is set: a changed document no longer equals its stored
        // original, and the lookup would fall back to a scan of the whole list.
        int i = typed.indexOf(document);
        DocumentModel previous = neighbour(typed, document, i, +1);
        DocumentModel next = neighbour(typed, document, i, -1);
        document.setPreviousContent(previous);
        document.setNextContent(next);
    }

    private static List<Future<?>> submit(ExecutorService pool, Renderer renderer, ContentStore db, List<DocumentModel> documents) {
        List<Future<?>> pages = new ArrayList<>();
        for (DocumentModel document : documents) {
            pages.add(pool.submit(() -> {
                renderer.render(document);
                db.markContentAsRendered(document);
                return null;
            }));
        }
        return pages;
    }

    private static int resultOf(Future<Integer> job) {
        try {
            return job.get();
        } catch (Exception e) {
            return 0; // already reported by await
        }
    }

    private static void await(List<? extends Future<?>> pages, List<Throwable> errors) throws RenderingException {
        for (Future<?> page : pages) {
            try {
                page.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderingException("interrupted");
            } catch (Exception e) {
                errors.add(e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    /**
     * The nearest published document in {@code step} direction of the date-sorted list, reduced
     * to uri and title: exactly what JBake's DocumentsRenderer gives a page as previous (+1,
     * older) and next (-1, newer) content.
     */
    private static DocumentModel neighbour(DocumentList<DocumentModel> typed, DocumentModel document, int i, int step) {
        if (step > 0 ? typed.getLast().equals(document) : typed.getFirst().equals(document)) {
            return null;
        }
        for (int j = i + step; j >= 0 && j < typed.size(); j += step) {
            DocumentModel candidate = typed.get(j);
            if (ModelAttributes.Status.PUBLISHED.equals(candidate.getStatus())) {
                DocumentModel nav = new DocumentModel();
                nav.setNoExtensionUri(candidate.getNoExtensionUri());
                nav.setUri(candidate.getUri());
                nav.setTitle(candidate.getTitle());
                return nav;
            }
        }
        return null;
    }

    @Override
    @Deprecated
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath, CompositeConfiguration config) {
        throw new UnsupportedOperationException("use render(Renderer, ContentStore, JBakeConfiguration)");
    }
}
