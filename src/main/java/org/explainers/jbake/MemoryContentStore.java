package org.explainers.jbake;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.model.ModelAttributes;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JBake's {@link ContentStore} kept in plain Java collections instead of an embedded OrientDB.
 *
 * <p>Every query JBake's Oven, Crawler, Renderer, rendering tools and model extractors make
 * answers exactly as the stock store does, in the same order, but from lists sorted once
 * per bake: stock JBake re-runs a database query for every {@code published_*} or
 * {@code tags} reference and re-reads a whole document type per rendered page.
 *
 * <p><b>Order.</b> The stock queries say {@code order by date desc}; OrientDB sorts stably, and
 * documents with the same date come out in the order it fetched them: by cluster, highest
 * first, and within a cluster newest record first. The class {@code Documents} has
 * {@code min(processors, 64)} clusters (or {@code -Dclass.minimumClusters}) filled round-robin,
 * so the n-th document added lives in cluster {@code n % k} at position {@code n / k}. This
 * store sorts the same way, so lists with equal dates (articles of one day) come out exactly
 * as the stock store lists them on the same machine.
 */
public class MemoryContentStore extends ContentStore {

    private static final Comparator<Entry> FETCH_ORDER = Comparator
            .comparingLong((Entry e) -> e.cluster).reversed()
            .thenComparing(Comparator.comparingLong((Entry e) -> e.position).reversed());
    /** OrientDB's {@code order by date desc}: newest first, stable, no date last. */
    private static final Comparator<Entry> DATE_DESC = Comparator.comparing((Entry e) -> e.doc.getDate(),
            Comparator.nullsFirst(Comparator.<Date>naturalOrder())).reversed();

    private final int clusters;
    /** Documents by source URI (unique, as in the stock schema). */
    private final Map<String, Entry> bySource = new LinkedHashMap<>();
    private long added;

    /** Query results, valid until a document is added or deleted. */
    private final Map<String, IndexedDocumentList> allByType = new HashMap<>();
    private final Map<String, List<DocumentModel>> publishedByType = new HashMap<>();
    private final Map<String, List<DocumentModel>> publishedByTag = new HashMap<>();
    private final Map<String, List<DocumentModel>> publishedPostsByTag = new HashMap<>();
    private Set<String> allTags;
    private Set<String> postTags;

    private record Entry(DocumentModel doc, long cluster, long position) {
    }

    public MemoryContentStore() {
        super("memory", "memory-content-store");
        int configured = Integer.getInteger("class.minimumClusters", 0);
        int cpus = Runtime.getRuntime().availableProcessors();
        this.clusters = configured > 0 ? configured : Math.min(cpus, 64);
    }

    // --- Life cycle: nothing to start --------------------------------------------------------

    @Override
    public synchronized void startup() {
        // Oven.bake() calls the final ContentStore.updateSchema(), which asks the (absent)
        // database whether its classes exist: answer "yes" so that it does nothing.
        try {
            Field db = ContentStore.class.getDeclaredField("db");
            db.setAccessible(true);
            if (db.get(this) == null) {
                db.set(this, schemaThatExists(db.getType()));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JBake's ContentStore changed: cannot skip its database", e);
        }
    }

    private static Object schemaThatExists(Class<?> sessionType) {
        ClassLoader loader = MemoryContentStore.class.getClassLoader();
        try {
            Class<?> metadataType = sessionType.getMethod("getMetadata").getReturnType();
            Class<?> schemaType = metadataType.getMethod("getSchema").getReturnType();
            Object schema = Proxy.newProxyInstance(loader, new Class<?>[]{schemaType},
                    (p, m, a) -> m.getName().equals("existsClass") ? Boolean.TRUE : unsupported(m.getName()));
            Object metadata = Proxy.newProxyInstance(loader, new Class<?>[]{metadataType},
                    (p, m, a) -> m.getName().equals("getSchema") ? schema : unsupported(m.getName()));
            return Proxy.newProxyInstance(loader, new Class<?>[]{sessionType},
                    (p, m, a) -> m.getName().equals("getMetadata") ? metadata : unsupported(m.getName()));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("JBake's ContentStore changed: cannot skip its database", e);
        }
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException("no database behind MemoryContentStore (" + method + ")");
    }

    @Override
    public synchronized void close() {
        // Kept after the bake: every bake makes its own store, and the preview re-renders a
        // saved page with the last one before it re-bakes the site.
    }

    /** A copy of the stored document with this uri (JBake's {@code sourceuri}), or null. */
    public synchronized DocumentModel document(String sourceUri) {
        Entry e = bySource.get(sourceUri);
        if (e == null) {
            return null;
        }
        DocumentModel copy = new DocumentModel();
        copy.putAll(e.doc);
        return copy;
    }

    @Override
    public synchronized void shutdown() {
    }

    @Override
    public synchronized void drop() {
        bySource.clear();
        invalidate();
    }

    @Override
    public synchronized boolean isActive() {
        return true;
    }

    @Override
    public synchronized void updateAndClearCacheIfNeeded(boolean needed, File templateFolder) {
        // The stock store records the templates' signature and, on the first bake or a change,
        // deletes every document. This store starts empty every bake: there is nothing to clear.
        if (needed) {
            for (String type : DocumentTypes.getDocumentTypes()) {
                deleteAllByDocType(type);
            }
        }
    }

    // --- Writes ------------------------------------------------------------------------------

    @Override
    public synchronized void addDocument(DocumentModel document) {
        String uri = document.getSourceuri();
        if (bySource.containsKey(uri)) {
            // The stock schema has a unique index on sourceuri.
            throw new IllegalStateException("duplicate document " + uri);
        }
        long n = added++;
        bySource.put(uri, new Entry(document, n % clusters, n / clusters));
        invalidate();
    }

    @Override
    public synchronized void deleteContent(String uri) {
        if (bySource.remove(uri) != null) {
            invalidate();
        }
    }

    @Override
    public synchronized void deleteAllByDocType(String docType) {
        if (bySource.values().removeIf(e -> docType.equals(e.doc.getType()))) {
            invalidate();
        }
    }

    @Override
    public synchronized void markContentAsRendered(DocumentModel document) {
        Entry e = bySource.get(document.getSourceuri());
        if (e != null && Boolean.FALSE.equals(e.doc.getRendered()) && document.getType().equals(e.doc.getType())
                && Boolean.TRUE.equals(e.doc.getCached())) {
            e.doc.setRendered(true);
        }
    }

    private void invalidate() {
        allByType.clear();
        publishedByType.clear();
        publishedByTag.clear();
        publishedPostsByTag.clear();
        allTags = null;
        postTags = null;
    }

    // --- Queries -----------------------------------------------------------------------------

    @Override
    public synchronized long getDocumentCount(String docType) {
        return all(docType).size();
    }

    @Override
    public synchronized long getPublishedCount(String docType) {
        return published(docType).size();
    }

    @Override
    public synchronized DocumentList<DocumentModel> getDocumentByUri(String uri) {
        DocumentList<DocumentModel> list = new DocumentList<>();
        Entry e = bySource.get(uri);
        if (e != null) {
            list.add(e.doc);
        }
        return list;
    }

    @Override
    public synchronized DocumentList<DocumentModel> getDocumentStatus(String uri) {
        DocumentList<DocumentModel> list = new DocumentList<>();
        Entry e = bySource.get(uri);
        if (e != null) {
            // select sha1,rendered
            DocumentModel status = new DocumentModel();
            status.setSha1(e.doc.getSha1());
            status.put(ModelAttributes.RENDERED, e.doc.get(ModelAttributes.RENDERED));
            list.add(status);
        }
        return list;
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        List<DocumentModel> posts = published("post");
        return copy(applyPaging ? page(posts) : posts);
    }

    /** The part of a list that JBake's paging (start, limit) asks for; the whole list without paging. */
    private List<DocumentModel> page(List<DocumentModel> docs) {
        if (getStart() < 0 || getLimit() <= -1) {
            return docs;
        }
        int from = (int) Math.min(getStart(), docs.size());
        int to = (int) Math.min((long) from + getLimit(), docs.size());
        return docs.subList(from, to);
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return copy(publishedPostsByTag.computeIfAbsent(tag, t -> published("post").stream()
                .filter(d -> hasTag(d, t)).toList()));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        return copy(publishedByTag.computeIfAbsent(tag, t -> {
            List<DocumentModel> docs = new ArrayList<>();
            for (String docType : DocumentTypes.getDocumentTypes()) {
                for (DocumentModel d : published(docType)) {
                    if (hasTag(d, t)) {
                        docs.add(d);
                    }
                }
            }
            return docs;
        }));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedContent(String docType) {
        return copy(published(docType));
    }

    /** The same list object every time (until the content changes), so that JBake's
     * DocumentsRenderer, which asks for it once per page, gets it in constant time. */
    @Override
    public synchronized DocumentList<DocumentModel> getAllContent(String docType) {
        return all(docType);
    }

    @Override
    public synchronized DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        if (applyPaging && getStart() >= 0 && getLimit() > -1) {
            return copy(page(all(docType)));
        }
        return all(docType);
    }

    /** Fresh copies: JBake's DocumentsRenderer sets previous/next content on each. */
    @Override
    public synchronized DocumentList<DocumentModel> getUnrenderedContent() {
        DocumentList<DocumentModel> list = new DocumentList<>();
        for (DocumentModel d : sorted(bySource.values().stream().filter(e -> Boolean.FALSE.equals(e.doc.getRendered())).toList())) {
            DocumentModel copy = new DocumentModel();
            copy.putAll(d);
            list.add(copy);
        }
        return list;
    }

    @Override
    public synchronized Set<String> getTags() {
        if (postTags == null) {
            postTags = new HashSet<>();
            for (DocumentModel d : published("post")) {
                Collections.addAll(postTags, d.getTags());
            }
        }
        return new HashSet<>(postTags);
    }

    @Override
    public synchronized Set<String> getAllTags() {
        if (allTags == null) {
            allTags = new HashSet<>();
            for (String docType : DocumentTypes.getDocumentTypes()) {
                for (DocumentModel d : published(docType)) {
                    Collections.addAll(allTags, d.getTags());
                }
            }
        }
        return new HashSet<>(allTags);
    }

    // --- Internals ---------------------------------------------------------------------------

    private IndexedDocumentList all(String docType) {
        return allByType.computeIfAbsent(docType, t -> new IndexedDocumentList(sorted(
                bySource.values().stream().filter(e -> t.equals(e.doc.getType())).toList())));
    }

    private List<DocumentModel> published(String docType) {
        return publishedByType.computeIfAbsent(docType, t -> all(t).stream()
                .filter(d -> ModelAttributes.Status.PUBLISHED.equals(d.getStatus())).toList());
    }

    private static List<DocumentModel> sorted(List<Entry> entries) {
        List<Entry> list = new ArrayList<>(entries);
        list.sort(FETCH_ORDER);
        list.sort(DATE_DESC); // stable, as OrientDB's
        List<DocumentModel> docs = new ArrayList<>(list.size());
        for (Entry e : list) {
            docs.add(e.doc);
        }
        return docs;
    }

    private static boolean hasTag(DocumentModel d, String tag) {
        String[] tags = d.getTags();
        if (tags == null) {
            return false;
        }
        for (String t : tags) {
            if (t.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static DocumentList<DocumentModel> copy(List<DocumentModel> docs) {
        DocumentList<DocumentModel> list = new DocumentList<>();
        list.addAll(docs);
        return list;
    }
}
