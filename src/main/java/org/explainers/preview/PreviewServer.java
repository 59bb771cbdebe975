package org.explainers.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.explainers.build.SiteBuild;
import org.explainers.jbake.FrontMatterMarkdownEngine;
import org.explainers.jbake.MemoryContentStore;
import org.explainers.jbake.ParallelDocumentsRenderer;
import org.explainers.jbake.SiteExtrasRenderer;

import org.jbake.app.Oven;
import org.jbake.app.Utensils;
import org.jbake.model.DocumentModel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.BindException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Local preview: serves the built site on 127.0.0.1, re-bakes whenever a file under
 * content/, templates/ or assets/ (or jbake.properties) is saved, and reloads the open
 * browser tabs through a small server-sent-events script that only the preview adds.
 */
public final class PreviewServer {

    static final String RELOAD_PATH = "/__reload";
    /**
     * Reloads the tab when a re-bake touched its page. Each event names pages: {"only":[...]}
     * right after a saved page is written, {"except":[...]} once the whole site is (every page
     * but those already reloaded). A tab that was reloading when an event came asks again as
     * it connects: it says which version of the preview its page came from, and the server
     * answers {"reload":true} if the page has changed since.
     */
    static String reloadScript(long version) {
        return "<script>(function(){var p=decodeURI(location.pathname).replace(/\\/$/,'/index.html');"
                + "new EventSource('" + RELOAD_PATH + "?since=" + version + "&page='+encodeURIComponent(p))"
                + ".onmessage=function(e){var m=JSON.parse(e.data);"
                + "if(m.reload||(m.only?m.only.indexOf(p)>=0:m.except.indexOf(p)<0))location.reload()}})()</script>";
    }

    /** A reload event: its number, and the pages it named (only these, or all but these). */
    private record Told(long version, boolean only, Set<String> pages) {
        boolean reloads(String page) {
            return only == pages.contains(page);
        }
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"), Map.entry("csv", "text/csv"));

    private final Path project;
    private final Path site;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    /** The latest reload events, newest last (a tab's page is at most a few events old). */
    private final List<Told> told = new ArrayList<>();
    private long version;
    private final HttpServer server;
    private WatchService watcher;
    private Thread watching;
    private final AtomicInteger rebuilds = new AtomicInteger();
    /** The last good bake, for {@link #quickRender}. */
    private volatile Oven last;

    /** Binds 127.0.0.1:port (0 = any free port); {@link #start()} bakes and serves. */
    public PreviewServer(Path project, Path site, int port) throws IOException {
        this(project, site, "127.0.0.1", port);
    }

    /**
     * Binds host:port. Only this machine can reach 127.0.0.1; 0.0.0.0 lets others in, which a
     * preview inside a container or a VM needs (docker run -p 8820:8820 ...).
     */
    public PreviewServer(Path project, Path site, String host, int port) throws IOException {
        this.project = project;
        this.site = site;
        FrontMatterMarkdownEngine.keepRenderedMarkdown();
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new PortInUseException(port);
        }
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        }));
    }

    /** The port is taken: most often by a preview still running in another terminal. */
    public static final class PortInUseException extends IOException {
        public PortInUseException(int port) {
            super("port " + port + " is already in use (is another preview running?). Stop it, or use another port: "
                    + "./mvnw -Ppreview package -Dpreview.port=" + (port == 8820 ? 8821 : port + 1));
        }
    }

    /** The preview's address, e.g. http://127.0.0.1:8820/ */
    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Serves until the process ends (Ctrl+C). */
    public void run() throws IOException, InterruptedException {
        start();
        System.out.println("Preview: " + address() + "  (re-bakes on save; Ctrl+C to stop)");
        watching.join();
    }

    /** Bakes, starts serving, and watches the sources on a background thread. */
    public void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(project, watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        registerSourceTrees();
        rebuild(Set.of());
        server.start();
        watching = new Thread(() -> {
            try {
                watch();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // stopped
            } catch (IOException e) {
                System.out.println("Preview stopped watching: " + e.getMessage());
            }
        }, "preview-watch");
        watching.start();
    }

    /** Stops serving and watching, after the re-bake under way (if any) has finished. */
    public void stop() throws IOException, InterruptedException {
        server.stop(0);
        watcher.close();
        watching.join();
    }

    /**
     * Re-bakes the site. The pages of saved sections (and their article pages) are rendered
     * first and copied into the served folder at once, so their tabs reload without waiting
     * for the rest of the site; the finished site then replaces the folder as in a build.
     */
    private void rebuild(Set<Path> saved) {
        long start = System.nanoTime();
        Set<String> shown = ConcurrentHashMap.newKeySet();
        Map<Path, byte[]> replaced = new HashMap<>();
        for (Path file : saved) {
            quickRender(file, start, shown, replaced);
        }
        SiteBuild build = new SiteBuild(project, site, address(), System.out);
        Set<String> first = pagesOf(saved);
        if (!first.isEmpty()) {
            build.renderFirst(new ParallelDocumentsRenderer.FirstPages(first, (staging, uris) -> {
                Set<String> now = new TreeSet<>();
                try {
                    for (String uri : uris) {
                        Path from = staging.resolve(uri);
                        Path to = site.resolve(uri);
                        if (shown.contains("/" + uri) && Files.exists(to) && Files.mismatch(from, to) < 0) {
                            continue; // the quick render was right: no second reload
                        }
                        Files.createDirectories(to.getParent());
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                        now.add("/" + uri);
                    }
                } catch (IOException e) {
                    uris.forEach(uri -> shown.remove("/" + uri)); // the whole-site reload below covers them
                    return;
                }
                if (!now.isEmpty()) {
                    shown.addAll(now);
                    tell("only", now);
                    System.out.printf("      %s shown after %d ms%n", String.join(", ", now), (System.nanoTime() - start) / 1_000_000);
                }
            }));
        }
        boolean ok = build.run().ok();
        if (ok) {
            last = build.oven();
        } else if (!replaced.isEmpty()) {
            restore(replaced); // the build failed: back to the last good pages
        }
        rebuilds.incrementAndGet();
        if (ok) {
            tell("except", shown);
        }
    }

    /** How many re-bakes (good or failed) have finished since the preview started. */
    public int rebuilds() {
        return rebuilds.get();
    }

    private void restore(Map<Path, byte[]> replaced) {
        Set<String> pages = new TreeSet<>();
        replaced.forEach((file, bytes) -> {
            try {
                Files.write(file, bytes);
                pages.add("/" + site.relativize(file).toString().replace('\\', '/'));
            } catch (IOException e) {
                System.out.println("  (could not restore " + file + ": " + e.getMessage() + ")");
            }
        });
        tell("only", pages);
    }

    /**
     * Shows a saved section's page before the site is re-baked: its file read again and
     * rendered with the last bake's store and templates (milliseconds, whatever the size of
     * the site). The re-bake that follows replaces it, and reloads the tab only if it differs.
     */
    private void quickRender(Path file, long start, Set<String> shown, Map<Path, byte[]> replaced) {
        Set<String> pages = pagesOf(Set.of(file));
        if (last == null || pages.size() != 2) {
            return;
        }
        String uri = pages.stream().filter(p -> !p.endsWith("/index.html")).findFirst().orElseThrow();
        try {
            Utensils utensils = last.getUtensils();
            if (!(utensils.getContentStore() instanceof MemoryContentStore store)) {
                return;
            }
            DocumentModel doc = FrontMatterMarkdownEngine.reparse(utensils.getConfiguration(), file.toFile(), store.document(uri));
            if (doc == null) {
                return;
            }
            ParallelDocumentsRenderer.setNeighbours(store, doc);
            utensils.getRenderer().render(doc); // into the last bake's staging folder, cleared by the next bake
            Path to = site.resolve(uri);
            if (!Files.isRegularFile(to)) {
                return;
            }
            replaced.put(to, Files.readAllBytes(to));
            Files.copy(utensils.getConfiguration().getDestinationFolder().toPath().resolve(uri), to, StandardCopyOption.REPLACE_EXISTING);
            shown.add("/" + uri);
            tell("only", Set.of("/" + uri));
            System.out.printf("      %s shown after %d ms (the whole site follows)%n", uri, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            // the re-bake reports whatever is wrong
        }
    }

    /** The pages made from saved Markdown files: a section's own page and its article's page. */
    private Set<String> pagesOf(Set<Path> saved) {
        Path content = project.resolve("content");
        Set<String> pages = new TreeSet<>();
        for (Path file : saved) {
            String name = file.getFileName().toString();
            if (file.startsWith(content) && name.endsWith(".md") && !file.startsWith(content.resolve("_data"))) {
                String uri = content.relativize(file).toString().replace('\\', '/');
                pages.add(uri.substring(0, uri.length() - 3) + ".html");
                String folder = uri.contains("/") ? uri.substring(0, uri.lastIndexOf('/') + 1) : "";
                pages.add(folder + "index.html");
            }
        }
        return pages;
    }

    private synchronized void tell(String which, Set<String> pages) {
        told.add(new Told(++version, which.equals("only"), Set.copyOf(pages)));
        if (told.size() > 100) {
            told.remove(0);
        }
        StringBuilder json = new StringBuilder("data: {\"" + which + "\":[");
        for (String page : pages) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append(SiteExtrasRenderer.json(page));
        }
        byte[] event = json.append("]}\n\n").toString().getBytes(StandardCharsets.UTF_8);
        for (OutputStream listener : listeners) {
            try {
                listener.write(event);
                listener.flush();
            } catch (IOException e) {
                listeners.remove(listener); // the tab was closed
            }
        }
    }

    /** Opens a tab's event stream, and reloads it at once if its page changed while it loaded. */
    private synchronized void listen(OutputStream body, String page, long since) throws IOException {
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        boolean missed = !told.isEmpty() && told.get(0).version() > since + 1; // older than we remember
        for (Told t : told) {
            missed |= t.version() > since && t.reloads(page);
        }
        if (missed) {
            body.write("data: {\"reload\":true}\n\n".getBytes(StandardCharsets.UTF_8));
        }
        body.flush();
        listeners.add(body); // kept open; written to after each re-bake
    }

    private synchronized long version() {
        return version;
    }


    /** Waits for saved files, lets a burst of saves settle for 50 ms, then re-bakes once. */
    private void watch() throws IOException, InterruptedException {
        while (true) {
            WatchKey key = watcher.take();
            boolean relevant = false;
            Set<Path> saved = new HashSet<>();
            do {
                for (var event : key.pollEvents()) {
                    Path dir = (Path) key.watchable();
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        // Too many changes at once (a checkout, a folder of images): which files
                        // is unknown, so watch any new folders and re-bake everything.
                        registerSourceTrees();
                        relevant = true;
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (Files.isDirectory(changed) && !dir.equals(project)) {
                        registerTree(watcher, changed); // a new folder in content/, templates/ or assets/
                    }
                    relevant |= !dir.equals(project) || changed.getFileName().toString().equals("jbake.properties");
                    saved.add(changed);
                }
                key.reset();
                key = watcher.poll(50, TimeUnit.MILLISECONDS);
            } while (key != null);
            if (relevant) {
                try {
                    rebuild(saved);
                } catch (RuntimeException e) {
                    // E.g. a file that vanished mid-read (an editor's temporary file): the next
                    // save re-bakes; the preview must not stop watching.
                    System.out.println("Re-bake failed: " + e + " (the last good preview stays up; save again to retry)");
                }
            }
        }
    }

    /**
     * Watches a folder. Where the JDK has no native file events (macOS), it polls every 10 s
     * unless asked for its highest sensitivity (2 s); elsewhere that request changes nothing.
     */
    private static void register(Path dir, WatchService watcher, WatchEvent.Kind<?>... kinds) throws IOException {
        dir.register(watcher, kinds, com.sun.nio.file.SensitivityWatchEventModifier.HIGH);
    }

    /** Every folder of content/, templates/ and assets/ (registering one again changes nothing). */
    private void registerSourceTrees() throws IOException {
        for (String dir : List.of("content", "templates", "assets")) {
            registerTree(watcher, project.resolve(dir));
        }
    }

    private static void registerTree(WatchService watcher, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                register(d, watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath(); // percent-decoded; '+' stays '+' (it is not a form)
        if (path.equals(RELOAD_PATH)) {
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            long since;
            try {
                since = Long.parseLong(query.getOrDefault("since", "0"));
            } catch (NumberFormatException e) {
                since = 0;
            }
            listen(ex.getResponseBody(), query.getOrDefault("page", ""), since);
            return;
        }
        Path file;
        try {
            file = site.resolve(path.substring(1)).normalize();
        } catch (InvalidPathException e) { // e.g. %00, or on Windows a ':' or '*'
            send(ex, 400, "text/plain", "Bad request".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!file.startsWith(site)) {
            send(ex, 403, "text/plain", "Forbidden".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                // A folder's page links relative to the folder: /articles/x must become /articles/x/.
                ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/");
                send(ex, 301, "text/plain", "Moved".getBytes(StandardCharsets.UTF_8));
                return;
            }
            file = file.resolve("index.html");
        }
        int status = 200;
        if (!Files.isRegularFile(file)) {
            status = 404;
            file = site.resolve("404.html");
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        long loaded = version(); // before the file: a page newer than its number only reloads once more
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : "Not found".getBytes(StandardCharsets.UTF_8);
        if (type.startsWith("text/html")) {
            String html = new String(bytes, StandardCharsets.UTF_8);
            int at = html.lastIndexOf("</body>");
            String script = reloadScript(loaded);
            bytes = (at < 0 ? html + script : html.substring(0, at) + script + html.substring(at))
                    .getBytes(StandardCharsets.UTF_8);
        }
        send(ex, status, type, bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
