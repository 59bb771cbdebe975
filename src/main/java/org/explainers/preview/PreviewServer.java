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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
     * right after the saved page is written, {"except":[...]} once the whole site is (every
     * page but those already reloaded).
     */
    static final String RELOAD_SCRIPT = "<script>new EventSource('" + RELOAD_PATH + "').onmessage=function(e){"
            + "var m=JSON.parse(e.data),p=decodeURI(location.pathname).replace(/\\/$/,'/index.html');"
            + "if(m.only?m.only.indexOf(p)>=0:m.except.indexOf(p)<0)location.reload()}</script>";
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
    private final HttpServer server;
    private WatchService watcher;
    private Thread watching;
    /** The last good bake, for {@link #quickRender}. */
    private volatile Oven last;

    /** Binds 127.0.0.1:port (0 = any free port); {@link #start()} bakes and serves. */
    public PreviewServer(Path project, Path site, int port) throws IOException {
        this.project = project;
        this.site = site;
        FrontMatterMarkdownEngine.keepRenderedMarkdown();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        }));
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
        project.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        for (String dir : List.of("content", "templates", "assets")) {
            registerTree(watcher, project.resolve(dir));
        }
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
        for (Path file : saved) {
            quickRender(file, start, shown);
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
                    return; // the whole-site reload below covers this page too
                }
                if (!now.isEmpty()) {
                    shown.addAll(now);
                    tell("only", now);
                    System.out.printf("      %s shown after %d ms%n", String.join(", ", now), (System.nanoTime() - start) / 1_000_000);
                }
            }));
        }
        if (build.run().ok()) {
            last = build.oven();
            tell("except", shown);
        }
    }

    /**
     * Shows a saved section's page before the site is re-baked: its file read again and
     * rendered with the last bake's store and templates (milliseconds, whatever the size of
     * the site). The re-bake that follows replaces it, and reloads the tab only if it differs.
     */
    private void quickRender(Path file, long start, Set<String> shown) {
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

    private void tell(String which, Set<String> pages) {
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

    /** Waits for saved files, lets a burst of saves settle for 50 ms, then re-bakes once. */
    private void watch() throws IOException, InterruptedException {
        while (true) {
            WatchKey key = watcher.take();
            boolean relevant = false;
            Set<Path> saved = new HashSet<>();
            do {
                for (var event : key.pollEvents()) {
                    Path dir = (Path) key.watchable();
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
                rebuild(saved);
            }
        }
    }

    private static void registerTree(WatchService watcher, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        if (path.equals(RELOAD_PATH)) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream body = ex.getResponseBody();
            body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            listeners.add(body); // kept open; written to after each re-bake
            return;
        }
        Path file = site.resolve(path.substring(1)).normalize();
        if (!file.startsWith(site)) {
            send(ex, 403, "text/plain", "Forbidden".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        int status = 200;
        if (!Files.isRegularFile(file)) {
            status = 404;
            file = site.resolve("404.html");
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : "Not found".getBytes(StandardCharsets.UTF_8);
        if (type.startsWith("text/html")) {
            String html = new String(bytes, StandardCharsets.UTF_8);
            int at = html.lastIndexOf("</body>");
            bytes = (at < 0 ? html + RELOAD_SCRIPT : html.substring(0, at) + RELOAD_SCRIPT + html.substring(at))
                    .getBytes(StandardCharsets.UTF_8);
        }
        send(ex, status, type, bytes);
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
