package org.explainers.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.explainers.build.SiteBuild;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
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
    static final String RELOAD_SCRIPT = "<script>new EventSource('" + RELOAD_PATH
            + "').onmessage=function(){location.reload()}</script>";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"), Map.entry("csv", "text/csv"));

    private final Path project;
    private final Path site;
    private final int port;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();

    public PreviewServer(Path project, Path site, int port) {
        this.project = project;
        this.site = site;
        this.port = port;
    }

    public void run() throws IOException, InterruptedException {
        rebuild();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        System.out.println("Preview: http://127.0.0.1:" + port + "/  (re-bakes on save; Ctrl+C to stop)");
        watch();
    }

    private void rebuild() {
        SiteBuild.Result result = new SiteBuild(project, site, "http://127.0.0.1:" + port + "/", System.out).run();
        if (result.ok()) {
            for (OutputStream listener : listeners) {
                try {
                    listener.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
                    listener.flush();
                } catch (IOException e) {
                    listeners.remove(listener); // the tab was closed
                }
            }
        }
    }

    /** Waits for saved files, lets a burst of saves settle for 50 ms, then re-bakes once. */
    private void watch() throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            project.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            for (String dir : List.of("content", "templates", "assets")) {
                registerTree(watcher, project.resolve(dir));
            }
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = false;
                do {
                    for (var event : key.pollEvents()) {
                        Path dir = (Path) key.watchable();
                        Path changed = dir.resolve((Path) event.context());
                        if (Files.isDirectory(changed)) {
                            registerTree(watcher, changed);
                        }
                        relevant |= !dir.equals(project) || changed.getFileName().toString().equals("jbake.properties");
                    }
                    key.reset();
                    key = watcher.poll(50, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (relevant) {
                    rebuild();
                }
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
