package org.explainers.content;

import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.DocumentList;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;
import org.yaml.snakeyaml.nodes.Node;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Reads every Markdown file with JBake's {@link Crawler}: it walks content/ (sorted, skipping
 * hidden and ignored folders), names each page's output path and fingerprints the file, and
 * hands each file to this site's engine, which reads the header by the {@link Schema}. The
 * Markdown itself is rendered later, on every core ({@code check.Bodies}).
 */
public final class Crawl {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The number a section's file name starts with, which its anchor leaves out. */
    /** Ids the article page itself uses: no section may take one as its #anchor. */
    static final Set<String> RESERVED_IDS = Set.of("main", "contents", "toc-title", "search-q", "search-status",
            "search-results", "related-title", "topics-title", "latest-title", "corrections-title", "byline", "parts-title", "all-corrections");

    /** The end of a footnote's id on the explainer's page (Flexmark's fn-1, fnref-1, fnref-1-2, after the section's name). */
    static final java.util.regex.Pattern NOTE_ID = java.util.regex.Pattern.compile(".+-fn(ref)?-[0-9]+(-[0-9]+)?");

    private Crawl() {
    }



    /**
     * Crawls content/ and returns its Markdown files, in the order of their paths. A file whose
     * {@link Stamp} vouches for it is taken from the {@link DocCache} as it is; the others are
     * crawled by JBake (from a copy of just them when some files are vouched for), and one whose
     * SHA-1 is the one in the cache is "identical" to JBake and not read again. JBake looks
     * engines up in one registry for the whole JVM, so the engine is registered here, just
     * before the crawl that uses it, and crawls in one JVM take turns.
     *
     * @param scratch a folder for the copy the crawl reads (removed afterwards)
     */
    public static Crawled read(Project project, Inputs inputs, Map<Vocabulary.Spec, Vocabulary> vocabularies,
                                 Set<String> layouts, DocCache cache, Path scratch, Problems problems) {
        Engine engine = new Engine(project, Set.copyOf(inputs.media), Set.copyOf(inputs.refused), vocabularies, layouts, problems);
        Map<String, List<String>> mediaByFolder = new java.util.HashMap<>();
        for (String m : inputs.media) {
            mediaByFolder.computeIfAbsent(m.substring(0, m.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(m);
        }
        java.util.function.Function<String, List<String>> mediaOf = source ->
                mediaByFolder.getOrDefault(source.substring(0, source.lastIndexOf('/') + 1), List.of());
        // JBake's crawl is one thread: the files it will ask for are read and their headers
        // parsed ahead of it, on every core; it takes each as it comes to it. A file that looks
        // as the cache has it (same size and time) is left to JBake's SHA-1, which decides.
        ExecutorService ahead = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), Jobs.daemons("crawl-ahead"));
        Collector store = new Collector(cache, mediaOf);
        Set<String> ignoring = new java.util.HashSet<>();
        inputs.ignoreFiles.forEach(f -> ignoring.add(f.substring(0, f.lastIndexOf('/') + 1)));
        List<DocCache.Entry> vouched = new ArrayList<>();
        List<String> toCrawl = new ArrayList<>();
        try {
            for (String source : inputs.markdown) {
                Path file = project.content.resolve(source);
                Stamp now = inputs.stamps.get(source);
                DocCache.Entry known = cache.bySource(source);
                boolean sameMedia = known != null && known.media().equals(mediaOf.apply(source));
                // A file in a folder with an ignore file is left to the crawl, which skips it (and that is reported).
                if (sameMedia && (ignoring.isEmpty() || !ignored(source, ignoring)) && known.stamp().vouchesFor(now)) {
                    vouched.add(known);
                    continue;
                }
                toCrawl.add(source);
                if (!(sameMedia && known.stamp().looksLike(now))) {
                    engine.ahead.put(source, CompletableFuture.supplyAsync(() -> engine.read(source, file), ahead));
                }
            }
            if (!toCrawl.isEmpty() && !crawl(project, vouched.isEmpty() ? null : toCrawl, inputs.ignoreFiles, scratch, engine, store, problems)) {
                return new Crawled(List.of(), Set.of()); // reported
            }
        } finally {
            ahead.shutdownNow();
        }
        List<Doc> docs = new ArrayList<>();
        Set<String> crawled = new java.util.HashSet<>();
        for (DocCache.Entry e : vouched) {
            docs.add(fromCache(project, e));
            cache.keep(e);
            crawled.add(e.source());
        }
        for (String uri : store.asked) {
            DocumentModel model = store.documents.get(uri);
            Doc doc;
            if (model != null) {
                if (!(model.get(Engine.DOC) instanceof Doc read)) {
                    continue; // a file for one of JBake's other engines: Inputs reported it
                }
                doc = read;
                doc.uri = model.getUri();
                // The SHA-1 of the bytes this header was read from (JBake hashed the file a moment
                // later; if it was saved in between, the next build sees the difference).
                Seen seen = engine.seen.get(doc.source);
                doc.sha1 = seen == null ? model.getSha1() : seen.sha1();
                if (seen != null && !problems.hasErrorIn(doc.path()) && !engine.warned.contains(doc.source)) {
                    cache.add(new DocCache.Entry(doc.uri, doc.source, doc.sha1, seen.stamp(), mediaOf.apply(doc.source),
                            doc.kind, doc.firstLine, doc.header));
                }
            } else if (!store.deleted.contains(uri) && store.identical(uri) != null) {
                DocCache.Entry e = store.identical(uri);
                doc = fromCache(project, e);
                Seen seen = engine.seen.get(e.source());
                // The same bytes as before (JBake's SHA-1 says so): the file's new stamp, taken
                // before the crawl hashed it, is kept, so that the next build need not hash it.
                Stamp stamp = seen != null ? (seen.sha1().equals(e.sha1()) ? seen.stamp() : e.stamp()) : inputs.stamps.get(e.source());
                cache.add(new DocCache.Entry(e.uri(), e.source(), e.sha1(), stamp, e.media(), e.kind(), e.firstLine(), e.header()));
            } else {
                continue;
            }
            docs.add(doc);
            crawled.add(doc.source);
        }
        crawled.addAll(engine.rejected);
        Set<String> skipping = new java.util.TreeSet<>(Orders.PATHS);
        for (String source : inputs.markdown) {
            if (!crawled.contains(source) && !ignoring.isEmpty() && ignored(source, ignoring)) {
                // Told once, at the ignore file that made the crawl skip the folder's texts.
                for (String f : inputs.ignoreFiles) {
                    if (source.startsWith(f.substring(0, f.lastIndexOf('/') + 1))) {
                        skipping.add(f);
                    }
                }
            } else if (!crawled.contains(source)) {
                problems.error("content/" + source, 0, "JBake's crawl skipped this file (is there a .jbakeignore in its folder?)",
                        "move it to content/articles/<article>/ or content/pages/, where the crawl reads it");
            }
        }
        for (String f : skipping) {
            problems.error("content/" + f, 0, "JBake's crawl skips the texts in this folder and below it because of this file, so they are not published",
                    "delete it; a text that is not ready is kept back with `status: draft` in its header");
        }
        for (Doc d : docs) {
            // Told in every build, read or taken from the cache: its `order` places it; the number keeps
            // the folder, and a pull request's list of files, in reading order.
            String name = d.source.substring(d.source.lastIndexOf('/') + 1, d.source.length() - 3);
            if (d.kind == Schema.Kind.SECTION && !Text.numbered(name)) {
                int order = d instanceof Section s && s.order() < 100 ? s.order() : 7; // its own when it has one to show, else an example
                problems.warning(d.path(), 0, "the section's file name has no number in front", "rename it `<nn>-" + name + ".md`, <nn> its"
                        + " `order` in two digits (`" + String.format(java.util.Locale.ROOT, "%02d", order) + "-" + name + ".md`);"
                        + " the part after the number stays its #anchor");
            }
        }
        docs.sort(java.util.Comparator.comparing((Doc d) -> d.source, Orders.PATHS));
        return new Crawled(docs, Set.copyOf(engine.seen.keySet()));
    }

    /** The documents, and the files (by source) read in this build: the others' headers came from the cache. */
    public record Crawled(List<Doc> docs, Set<String> fresh) {
        public int read() {
            return fresh.size();
        }
    }

    /**
     * Runs JBake's crawl over content/, or over a copy of just {@code only} when that is given
     * (copies, not links: a link would change the file's {@link Stamp}), with the ignore files,
     * so that the crawl skips what it skips in content/. False if the copy could not be made.
     */
    @SuppressWarnings("deprecation") // JBake's one-argument configuration takes the layered settings as they are; the other sets the folders again
    private static boolean crawl(Project project, List<String> only, List<String> ignoreFiles, Path scratch, Engine engine,
                                 Collector store, Problems problems) {
        Path copy = null;
        JBakeConfiguration config = project.jbake;
        try {
            if (only != null) {
                Files.createDirectories(scratch);
                removeLeftovers(scratch);
                copy = Files.createTempDirectory(scratch, "crawl-");
                for (String source : concat(only, ignoreFiles)) {
                    Path to = copy.resolve(source);
                    Files.createDirectories(to.getParent());
                    Files.copy(project.content.resolve(source), to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
                org.apache.commons.configuration2.CompositeConfiguration layered = new org.apache.commons.configuration2.CompositeConfiguration();
                org.apache.commons.configuration2.BaseConfiguration folder = new org.apache.commons.configuration2.BaseConfiguration();
                folder.setProperty(CONTENT_FOLDER, copy.toFile());
                layered.addConfiguration(folder);
                layered.addConfiguration(project.jbake.getCompositeConfiguration());
                config = new org.jbake.app.configuration.DefaultJBakeConfiguration(layered);
                engine.root = copy.toAbsolutePath().normalize();
            }
            synchronized (Crawl.class) {
                Engines.register("md", engine);
                // JBake's other engines (HTML, AsciiDoc, YAML) never read a file of this site:
                // Inputs reports any such file, and the crawl skips it.
                for (String ext : Engines.getRecognizedExtensions()) {
                    if (!ext.equals("md")) {
                        Engines.register(ext, SKIP);
                    }
                }
                for (Schema.Kind kind : Schema.Kind.values()) {
                    DocumentTypes.addDocumentType(kind.name);
                }
                new Crawler(store, config).crawl();
            }
            return true;
        } catch (IOException e) {
            problems.error("content/", 0, "cannot be copied for the crawl: " + e.getMessage(), "check the disk space under target/");
            return false;
        } finally {
            if (copy != null) {
                try {
                    Trees.delete(copy);
                } catch (IOException e) {
                    // left under target/cache; a clean build removes it
                }
            }
        }
    }

    /** Whether one of the folders a file is in holds an ignore file (folders end with '/', content/ is ""). */
    private static boolean ignored(String source, Set<String> ignoring) {
        int end = -1;
        do {
            if (ignoring.contains(source.substring(0, end + 1))) {
                return true;
            }
            end = source.indexOf('/', end + 1);
        } while (end >= 0);
        return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Copies an interrupted build left behind (an hour old: another build may be crawling its own right now). */
    private static void removeLeftovers(Path scratch) throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (java.util.stream.Stream<Path> list = Files.list(scratch)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith("crawl-")).toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < hourAgo) {
                    Trees.delete(p);
                }
            }
        }
    }

    /** JBake's key for the content folder in its configuration. */
    private static final String CONTENT_FOLDER = "contentFolder";

    /** A document as the cache has it. */
    private static Doc fromCache(Project project, DocCache.Entry e) {
        Doc doc = make(e.kind(), e.source(), project.content, e.header(), null, e.firstLine());
        doc.uri = e.uri();
        doc.sha1 = e.sha1();
        return doc;
    }

    /** A file as it was read: its stamp (taken before reading) and the SHA-1 of the bytes read (lower-case hex, as JBake's crawl writes it). */
    record Seen(Stamp stamp, String sha1) {
    }

    static String sha1(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A section's anchor: its file's name after the number and hyphen ({@code 03-who-votes} → {@code who-votes}). */
    static String anchor(String name) {
        int digits = 0;
        while (digits < name.length() && name.charAt(digits) >= '0' && name.charAt(digits) <= '9') {
            digits++;
        }
        return digits > 0 && digits < name.length() && name.charAt(digits) == '-' ? name.substring(digits + 1) : name;
    }

    /** A document of its kind, named by its path. */
    static Doc make(Schema.Kind kind, String source, Path content, Header header, List<String> body, int first) {
        String[] parts = source.split("/");
        String name = parts[parts.length - 1].substring(0, parts[parts.length - 1].length() - 3);
        return switch (kind) {
            case ARTICLE -> new Article(parts[1], source, content, header, body, first);
            case SECTION -> new Section(anchor(name), source, content, header, body, first);
            case PAGE -> new Page(name, source, content, header, body, first);
        };
    }

    private static final ParserEngine SKIP = new ParserEngine() {
        @Override
        public DocumentModel parse(JBakeConfiguration config, File file) {
            return null;
        }

        @Override
        @Deprecated
        public Map<String, Object> parse(org.apache.commons.configuration2.Configuration config, File file, String contentPath) {
            return null;
        }
    };

    /**
     * JBake's content store, reduced to what its crawl asks of it: which files it has seen
     * (those in the cache, with their SHA-1), and the documents it read.
     */
    private static final class Collector extends ContentStore {
        private final DocCache cache;
        private final java.util.function.Function<String, List<String>> mediaOf;
        /** Every document's address, in the order the crawl came to it. */
        final List<String> asked = new ArrayList<>();
        final Map<String, DocumentModel> documents = new java.util.HashMap<>();
        final Set<String> deleted = new java.util.HashSet<>();

        Collector(DocCache cache, java.util.function.Function<String, List<String>> mediaOf) {
            super("memory", "crawl");
            this.cache = cache;
            this.mediaOf = mediaOf;
        }

        /** The cached entry for an address, if the images beside its file are still those it was read with. */
        DocCache.Entry identical(String uri) {
            DocCache.Entry e = cache.get(uri);
            return e != null && e.media().equals(mediaOf.apply(e.source())) ? e : null;
        }

        @Override
        public DocumentList<DocumentModel> getDocumentStatus(String uri) {
            asked.add(uri);
            DocumentList<DocumentModel> list = new DocumentList<>();
            DocCache.Entry e = identical(uri);
            if (e != null) {
                DocumentModel seen = new DocumentModel();
                seen.setUri(uri);
                seen.setSha1(e.sha1());
                seen.setRendered(true);
                list.add(seen);
            }
            return list;
        }

        @Override
        public void addDocument(DocumentModel document) {
            documents.put(document.getUri(), document);
        }

        @Override
        public long getDocumentCount(String docType) {
            return documents.values().stream().filter(d -> docType.equals(d.getType())).count();
        }

        @Override
        public void deleteContent(String uri) {
            deleted.add(uri);
            documents.remove(uri);
        }
    }

    /** The engine JBake's crawl calls for each .md file: front matter read by the schema. */
    private static final class Engine implements ParserEngine {
        static final String DOC = "explainers.doc";
        private final Project project;
        private final byte[] machineFolder;
        private final Set<String> media;
        private final Map<Vocabulary.Spec, Vocabulary> vocabularies;
        private final Set<String> layouts;
        private final Problems problems;
        /** Files read but not made documents (wrong place, unreadable): reported already. */
        final List<String> rejected = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Files being read ahead of the crawl, by path relative to content/. */
        final Map<String, CompletableFuture<Doc>> ahead = new java.util.concurrent.ConcurrentHashMap<>();
        /** Files whose reading gave a warning. */
        final Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** The size, time and SHA-1 of each file read, for the cache. */
        final Map<String, Seen> seen = new java.util.concurrent.ConcurrentHashMap<>();
        /** The folder the crawl walks: content/, or the copy of the files it is shown. */
        Path root;

        private final Set<String> refused;

        Engine(Project project, Set<String> media, Set<String> refused, Map<Vocabulary.Spec, Vocabulary> vocabularies, Set<String> layouts,
               Problems problems) {
            this.project = project;
            this.machineFolder = project.machineFolder().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.media = media;
            this.refused = refused;
            this.vocabularies = vocabularies;
            this.layouts = layouts;
            this.problems = problems;
            this.root = project.content;
        }

        @Override
        @Deprecated
        public java.util.Map<String, Object> parse(org.apache.commons.configuration2.Configuration config, File file, String contentPath) {
            throw new UnsupportedOperationException("JBake's crawl calls parse(JBakeConfiguration, File)");
        }

        @Override
        public DocumentModel parse(JBakeConfiguration config, File file) {
            String source = root.relativize(file.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/');
            CompletableFuture<Doc> read = ahead.get(source);
            Doc doc = read != null ? read.join() : read(source, project.content.resolve(source));
            if (doc == null) {
                rejected.add(source);
                return null;
            }
            DocumentModel model = new DocumentModel();
            model.setType(doc.kind.name);
            model.setStatus(doc.draft() ? "draft" : "published");
            model.setTitle(doc.title());
            model.put(DOC, doc);
            return model;
        }

        private Doc read(String source, Path file) {
            String path = "content/" + source;
            String[] parts = source.split("/");
            String name = parts[parts.length - 1].substring(0, parts[parts.length - 1].length() - 3);
            Schema.Kind kind;
            if (parts.length == 3 && parts[0].equals(Schema.ARTICLES)) {
                kind = name.equals("index") ? Schema.Kind.ARTICLE : Schema.Kind.SECTION;
                if (!SLUG.matcher(parts[1]).matches()) {
                    String slug = Text.slugify(parts[1]);
                    // The name it would get may be another explainer's (`Gas-Winter/` beside `gas-winter/`): renaming would merge the two.
                    Path other = file.getParent().resolveSibling(slug);
                    boolean taken;
                    try {
                        taken = Files.isDirectory(other) && !Files.isSameFile(other, file.getParent()); // itself, on a disk ignoring capitals
                    } catch (java.io.IOException e) {
                        taken = false;
                    }
                    problems.error(path, 0, "the article folder `" + parts[1] + "` is not a slug", taken
                            ? "content/articles/" + slug + "/ is another explainer: move the files into it if they are its, or give this folder"
                                    + " another name of lowercase letters, digits and hyphens"
                            : "rename it to `" + slug + "`: lowercase letters, digits, hyphens");
                    return null;
                }
            } else if (parts.length == 2 && parts[0].equals(Schema.PAGES)) {
                kind = Schema.Kind.PAGE;
            } else {
                problems.error(path, 0, "a Markdown file outside an article folder or content/pages/",
                        "put an article's files in content/articles/<article-slug>/ (index.md and <nn>-<name>.md), a standalone page in content/pages/");
                return null;
            }
            if (!SLUG.matcher(name).matches()) {
                // `02-x (1).md`, `02-x copy.md`: the copy a file manager or a download makes of a file that is there.
                String original = name.replaceFirst("( \\(\\d+\\)| copy( \\d+)?| - Copy( \\(\\d+\\))?)$", "");
                boolean copy = !original.equals(name) && Files.isRegularFile(file.resolveSibling(original + ".md"));
                problems.error(path, 0, "the file name `" + parts[parts.length - 1] + "` is not a slug", copy
                        ? "it looks like a copy of " + original + ".md: delete it if it is one; else rename it to `" + Text.slugify(name) + ".md`"
                        : "rename it to `" + Text.slugify(name) + ".md`: lowercase letters, digits, hyphens");
                return null;
            }
            SourceText text;
            try {
                Stamp stamp = Stamp.of(file);
                byte[] bytes = Files.readAllBytes(file);
                seen.put(source, new Seen(stamp, sha1(bytes)));
                text = SourceText.decode(path, bytes, SourceText.MAX_BYTES, true, problems);
                SourceText.noMachineFolder(path, bytes, machineFolder, problems);
                if (text != null && text.warned) {
                    warned.add(source); // not kept in the cache: read again, and its warning told again, in every build
                }
            } catch (IOException e) {
                problems.error(path, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
                return null;
            }
            if (text == null) {
                return null;
            }
            String folder = source.substring(0, source.lastIndexOf('/') + 1);
            Header header = Header.read(text, new Context(path, kind, folder));
            if (header.bodyStart < 0) {
                return null;
            }
            List<String> body = text.lines.subList(header.bodyStart, text.lines.size());
            if (kind == Schema.Kind.SECTION) {
                String anchor = anchor(name);
                if (RESERVED_IDS.contains(anchor) || anchor.equals("index")) {
                    problems.error(path, 0, "the section name `" + anchor + "` is reserved for the page itself (#" + anchor + ")",
                            "rename the file, e.g. to `" + name.replace(anchor, anchor + "-section") + ".md`");
                } else if (NOTE_ID.matcher(anchor).matches()) {
                    // The explainer's page gives a section's notes the ids <section>-fn-1 and <section>-fnref-1: a section
                    // named so took a note's links to itself (an attacker's trial: `13-zz-fn-1.md` beside `12-zz.md`).
                    problems.error(path, 0, "the section name `" + anchor + "` ends as the id of a footnote does (`-fn-1`, `-fnref-1`), which the"
                            + " explainer's page gives its sections' notes", "rename the file, e.g. to `" + name.replaceFirst("-fn(ref)?-", "-note-") + ".md`");
                }
            }
            return make(kind, source, project.content, header, body, header.bodyStart + 1);
        }

        /** What reading one file's header needs. */
        private final class Context implements FieldType.Context {
            private final String path;
            private final Schema.Kind kind;
            private final String folder;

            Context(String path, Schema.Kind kind, String folder) {
                this.path = path;
                this.kind = kind;
                this.folder = folder;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public int line(Node node) {
                return node.getStartMark().getLine() + 2; // line 1 is the opening ---
            }

            @Override
            public Problems problems() {
                return problems;
            }

            @Override
            public ZoneId zone() {
                return project.zone;
            }

            @Override
            public Vocabulary vocabulary(Vocabulary.Spec spec) {
                return vocabularies.get(spec);
            }

            @Override
            public Set<String> media() {
                return media;
            }

            @Override
            public Set<String> refused() {
                return refused;
            }

            @Override
            public String folder() {
                return folder;
            }

            @Override
            public Set<String> layouts() {
                return layouts;
            }

            @Override
            public Schema.Kind kind() {
                return kind;
            }
        }
    }
}
