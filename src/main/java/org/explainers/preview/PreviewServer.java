package org.explainers.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.explainers.bake.Output;
import org.explainers.check.BodyCache;
import org.explainers.content.Problem;
import org.explainers.content.Urls;
import org.explainers.pipeline.Build;
import org.explainers.publish.Publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The local preview: serves the site with its drafts and scheduled pieces, re-bakes whenever a
 * file under content/, templates/ or assets/ (or jbake.properties) is saved, and tells the open
 * tabs through an event stream: the pages that changed reload, and when the build fails every
 * tab shows the problems over the page until they are fixed.
 */
public final class PreviewServer {

    static final String EVENTS = "/__preview/events";
    static final String SCRIPT = "/__preview/preview.js";
    /** At most this many requests are served at once; the event streams hold no thread. */
    private static final int THREADS = 8;

    static {
        // A request must arrive whole within 10 s (the JDK's server reads these once, at start).
        System.setProperty("sun.net.httpserver.maxReqTime", "10");
        System.setProperty("sun.net.httpserver.maxReqHeaders", "100");
    }

    private final Path project;
    /** The preview's "now": the system's, or a test's. */
    private final java.time.Clock clock;
    /** When the first scheduled piece goes out: the preview re-bakes then, so that its banner goes without a save. */
    private volatile Instant nextScheduled;
    private final Path site;
    private final boolean open;
    private final Set<String> machineNames;
    private final HttpServer server;
    private final ExecutorService threads;
    /** Open event streams, mostly oldest first (see {@link Listener#opened}). */
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** A tab's event stream: closed when a write to it fails (the tab went away) or when too many are open. */
    private record Listener(HttpExchange exchange, OutputStream body, long opened) {
    }

    /** The most event streams kept open: a page elsewhere could open them by the thousand and use up the preview's files. */
    static final int MAX_LISTENERS = 64;
    /** A comment sent to every stream this often: a write is how a stream closed by its tab is found (and its socket freed). */
    private static final long HEARTBEAT_SECONDS = 10;
    private final java.util.concurrent.ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            org.explainers.content.Jobs.daemons("preview-heartbeat"));
    private final AtomicInteger rebuilds = new AtomicInteger();
    private WatchService watcher;
    private Thread watching;
    private BodyCache bodies;
    /** The problems of the last build, when it failed; null when it succeeded. */
    private volatile List<Problem> failed;
    /** What the site's own build would refuse of the last good preview build (see {@link Build.Result#asPublished}). */
    private volatile List<Problem> notices = List.of();
    /** Pages whose data changed in the last good build, by path, with a version number. */
    private volatile long version;
    private final Map<String, Long> changedIn = new HashMap<>();
    /** The last version in which a file every page uses changed ({@link #sharedByPages}). */
    private long allChangedIn;

    /** Whether a file of the site is one that pages load whatever they show: the assets' styles, scripts, fonts, images and icons. */
    static boolean sharedByPages(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/fonts/") || path.startsWith("/images/")
                || path.indexOf('/', 1) < 0 && !path.endsWith(".html") && !path.endsWith(".xml") && !path.endsWith(".txt");
    }

    /**
     * Binds host:port (0 = any free port). 127.0.0.1 lets only this machine in; 0.0.0.0 lets
     * others in, which a preview inside a container or a VM needs.
     */
    public PreviewServer(Path project, String host, int port) throws IOException {
        this(project, host, port, java.time.Clock.systemUTC());
    }

    PreviewServer(Path project, String host, int port, java.time.Clock clock) throws IOException {
        this.clock = clock;
        this.project = project.toAbsolutePath().normalize();
        this.site = this.project.resolve("target/preview");
        this.open = !isLoopback(host);
        this.machineNames = open ? machineNames() : Set.of();
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 50);
        } catch (BindException e) {
            throw new PortInUseException(port, free(host, port), host);
        }
        server.createContext("/", this::serve);
        threads = Executors.newFixedThreadPool(THREADS, org.explainers.content.Jobs.daemons("preview-http"));
        server.setExecutor(threads);
    }

    /** The port is taken: most often by a preview still running in another terminal. */
    public static final class PortInUseException extends IOException {
        public PortInUseException(int port, int free, String host) {
            super("port " + port + " is already in use (is another preview running?). Stop it, or use another port"
                    + (free > 0 ? ", one free now: ./mvnw -Ppreview package" + (isLoopback(host) ? "" : " -Dpreview.host=" + host) + " -Dpreview.port=" + free
                    : ": -Dpreview.port=<a free port>"));
        }
    }

    /** The first port after {@code port} (among the next 100) that this host lets the preview have now; 0 if none. */
    private static int free(String host, int port) {
        for (int p = port + 1; p <= Math.min(65535, port + 100); p++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new InetSocketAddress(host, p));
                return p;
            } catch (IOException e) {
                // taken: the next
            }
        }
        return 0;
    }

    /** Runs the preview until the process ends; the exit code for the command line. */
    public static int main(Path project, String host, String port) throws IOException, InterruptedException {
        String p = port == null ? "8820" : port.strip();
        if (!p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
            System.out.println("The preview port `" + p + "` is not a port number: use e.g. -Dpreview.port=8820");
            return 2;
        }
        PreviewServer preview;
        try {
            preview = new PreviewServer(project, host == null ? "127.0.0.1" : host.strip(), Integer.parseInt(p));
        } catch (PortInUseException e) {
            System.out.println("The preview cannot start: " + e.getMessage());
            return 1;
        }
        preview.start();
        System.out.println("Preview: " + preview.address() + "  (drafts and scheduled pieces shown; re-bakes on save; Ctrl+C to stop)");
        Runtime.getRuntime().addShutdownHook(new Thread(preview::close));
        preview.watching.join();
        return 0;
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Bakes, starts serving, and watches the sources on a background thread. */
    public void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(project, watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        registerSourceTrees();
        rebuild();
        server.start();
        heartbeat.scheduleWithFixedDelay(() -> broadcast(": ping\n\n".getBytes(StandardCharsets.UTF_8)), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
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

    /** Stops serving and watching. */
    public void close() {
        heartbeat.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
        try {
            if (watcher != null) {
                watcher.close();
            }
            if (watching != null) {
                watching.join(2000);
            }
        } catch (IOException | InterruptedException e) {
            // stopping anyway
        }
    }

    /** How many re-bakes (good or failed) have finished since the preview started. */
    public int rebuilds() {
        return rebuilds.get();
    }

    /**
     * A render past its limit that could not be stopped (a built-in working through billions of
     * items): its thread runs on, and the preview no longer re-bakes, since each bake would leave
     * another (an attacker's trial: eight threads spun after four saves, the template mended).
     */
    private volatile Problem wedged;

    /** Re-bakes the site; tells the tabs what changed, or what is wrong. */
    private void rebuild() {
        if (wedged != null) {
            System.out.println(wedged.message() + " (" + wedged.fix() + ")");
            tell(problemsEvent(failed));
            rebuilds.incrementAndGet();
            return;
        }
        Map<String, Output.Entry> before = manifest();
        nextScheduled = null; // a build that fails before it knows leaves nothing to wait for (no re-bake in a loop)
        Build build = new Build(new Build.Options(project, site, address(), clock.instant(), false, true), System.out);
        if (bodies != null) {
            build.reuse(bodies);
        }
        Build.Result result;
        try {
            result = bake(build);
        } catch (RuntimeException e) {
            System.out.println("Re-bake failed: " + e + " (the last good preview stays up; save again to retry)");
            rebuilds.incrementAndGet();
            return;
        }
        if (build.bodies() != null) {
            bodies = build.bodies();
        }
        nextScheduled = build.nextScheduled();
        if (result.ok()) {
            Map<String, Output.Entry> after = manifest();
            Set<String> changed = new TreeSet<>();
            after.forEach((path, entry) -> {
                Output.Entry old = before.get(path);
                if (old == null || !old.key().equals(entry.key())) {
                    changed.add("/" + path);
                }
            });
            boolean wasFailing = failed != null;
            failed = null;
            // A stylesheet, script, font or image of assets/ changed: every page shows it (an editor's trial: a
            // saved stylesheet left the open tabs as they were).
            boolean everyPage = changed.stream().anyMatch(PreviewServer::sharedByPages);
            synchronized (this) {
                version++;
                changed.forEach(p -> changedIn.put(p, version));
                if (everyPage) {
                    allChangedIn = version;
                }
            }
            notices = result.asPublished();
            tell("{\"ok\":true,\"version\":" + version + ",\"changed\":" + json(changed) + (everyPage ? ",\"all\":true" : "")
                    + (wasFailing ? ",\"fixed\":true" : "") + ",\"notices\":" + problemsJson(notices) + "}");
        } else {
            failed = result.problems().stream().filter(p -> !p.warning()).toList();
            List<String> running = org.explainers.content.Jobs.leftRunning(BAKES);
            if (!running.isEmpty()) {
                wedged = new Problem("templates/", 0, "a page's render could not be stopped and still runs in the preview (" + String.join(", ", running)
                        + "), so the preview no longer re-bakes", "mend what the other problems name, then restart the preview: Ctrl+C, then"
                        + " ./mvnw -Ppreview package", false);
                failed = java.util.stream.Stream.concat(failed.stream(), java.util.stream.Stream.of(wedged)).toList();
                System.out.println(wedged.message() + " (" + wedged.fix() + ")");
            }
            tell(problemsEvent(failed));
        }
        rebuilds.incrementAndGet();
    }

    /** The bakes' threads and those their pools start, as the kept build process has them: what a bake leaves running is among them. */
    private static final ThreadGroup BAKES = new ThreadGroup("preview-bakes");

    /** Runs the build on a thread of {@link #BAKES}, and waits for it. */
    private static Build.Result bake(Build build) {
        java.util.concurrent.CompletableFuture<Build.Result> done = new java.util.concurrent.CompletableFuture<>();
        new Thread(BAKES, () -> {
            try {
                done.complete(build.run());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, "preview-bake").start();
        try {
            return done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private Map<String, Output.Entry> manifest() {
        Path current = Publish.current(site);
        return current == null ? Map.of() : Output.readManifest(Output.manifestOf(current)); // none: every page counts as changed
    }

    static String problemsEvent(List<Problem> problems) {
        return "{\"problems\":" + problemsJson(problems) + ",\"count\":" + problems.size() + "}";
    }

    /** At most 100 problems as a JSON array of file, line, message and fix. */
    static String problemsJson(List<Problem> problems) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < problems.size() && i < 100; i++) {
            Problem p = problems.get(i);
            json.append(i == 0 ? "" : ",").append("{\"file\":").append(string(p.path())).append(",\"line\":").append(p.line())
                    .append(",\"message\":").append(string(p.message())).append(",\"fix\":").append(string(p.fix())).append('}');
        }
        return json.append(']').toString();
    }

    private void tell(String json) {
        broadcast(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes to every open stream; one whose tab is gone is closed. */
    private void broadcast(byte[] event) {
        for (Listener listener : listeners) {
            try {
                synchronized (listener) {
                    listener.body().write(event);
                    listener.body().flush();
                }
            } catch (IOException e) {
                drop(listener); // the tab was closed
            }
        }
    }

    private void drop(Listener listener) {
        synchronized (listeners) {
            listeners.remove(listener);
        }
        synchronized (listener) { // not while a heartbeat or an event is being written to it
            listener.exchange().close();
        }
    }

    /** Opens a tab's event stream; a tab whose page changed or broke since it loaded hears so at once. */
    private void listen(HttpExchange ex, String page, long since) throws IOException {
        // When it came, before its headers go out: a tab (or a test) opening the next stream once this one's response has
        // begun may be listed before it, on another thread; the oldest dropped is the one that came first.
        long opened = System.nanoTime();
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
        ex.sendResponseHeaders(200, 0);
        OutputStream body = ex.getResponseBody();
        StringBuilder first = new StringBuilder(": connected\n\n");
        List<Problem> problems = failed;
        if (problems != null) {
            first.append("data: ").append(problemsEvent(problems)).append("\n\n");
        } else {
            synchronized (this) {
                Long changed = changedIn.get(page);
                boolean reload = changed != null && changed > since || allChangedIn > since;
                if (reload || !notices.isEmpty()) {
                    first.append("data: {\"ok\":true,\"version\":").append(version).append(",\"changed\":[").append(reload ? string(page) : "")
                            .append("],\"notices\":").append(problemsJson(notices)).append("}\n\n");
                }
            }
        }
        Listener me = new Listener(ex, body, opened);
        List<Listener> over = new ArrayList<>();
        // Listed before its first event is sent: an event meanwhile waits for the first.
        synchronized (me) {
            synchronized (listeners) {
                listeners.add(me); // kept open; written to after each re-bake
                while (listeners.size() > MAX_LISTENERS) {
                    Listener oldest = listeners.stream().min(java.util.Comparator.comparingLong(Listener::opened)).orElseThrow();
                    listeners.remove(oldest);
                    over.add(oldest); // its tab reconnects if it is still open
                }
            }
            body.write(first.toString().getBytes(StandardCharsets.UTF_8));
            body.flush();
        }
        over.forEach(this::drop); // closed outside the list's lock: a stalled tab holds up no other
    }

    /**
     * Waits for saved files, lets a burst of saves settle for 50 ms, then re-bakes once; re-bakes
     * unasked when a scheduled piece's time comes (its banner stayed until the next save).
     */
    private void watch() throws IOException, InterruptedException {
        while (true) {
            Instant next = nextScheduled;
            WatchKey key = next == null ? watcher.take() : watcher.poll(Math.max(0, java.time.Duration.between(clock.instant(), next).toMillis()) + 1,
                    TimeUnit.MILLISECONDS);
            if (key == null) {
                if (!clock.instant().isBefore(next)) {
                    rebuild();
                }
                continue;
            }
            boolean relevant = false;
            do {
                for (WatchEvent<?> event : key.pollEvents()) {
                    Path dir = (Path) key.watchable();
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        // Too many changes at once (a checkout, a folder of images): watch any new folders, re-bake.
                        registerSourceTrees();
                        relevant = true;
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (!dir.equals(project) && Files.isDirectory(changed) && !Files.isSymbolicLink(changed)) {
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

    /**
     * Watches a folder. Where the JDK has no native file events (macOS), it polls every 10 s
     * unless asked for its highest sensitivity (2 s); elsewhere that request changes nothing.
     */
    private static void register(Path dir, WatchService watcher, WatchEvent.Kind<?>... kinds) throws IOException {
        dir.register(watcher, kinds, com.sun.nio.file.SensitivityWatchEventModifier.HIGH);
    }

    private void registerSourceTrees() throws IOException {
        for (String dir : List.of("content", "templates", "assets")) {
            registerTree(watcher, project.resolve(dir));
        }
    }

    private static void registerTree(WatchService watcher, Path root) throws IOException {
        if (!Files.isDirectory(root) || Files.isSymbolicLink(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) { // links are not followed (the build refuses them)
            for (Path d : dirs.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                register(d, watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    // ------------------------------------------------------------------ serving

    private void serve(HttpExchange ex) throws IOException {
        boolean stream = false;
        try {
            if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                // DNS rebinding: a web page the editor visits could otherwise read the preview.
                send(ex, 403, "text/plain; charset=utf-8", (open ? "This preview answers to its machine's addresses and name only (127.0.0.1,"
                        + " localhost, an IP address" + machineNames.stream().sorted().map(n -> ", " + n).collect(java.util.stream.Collectors.joining()) + ")."
                        : "This preview only answers to 127.0.0.1 and localhost.").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String from = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
            boolean opened = "navigate".equals(ex.getRequestHeaders().getFirst("Sec-Fetch-Mode"))
                    && "document".equals(ex.getRequestHeaders().getFirst("Sec-Fetch-Dest")); // a link followed: the page elsewhere reads nothing
            if (from != null && !from.equals("same-origin") && !from.equals("none") && !opened) {
                // A page elsewhere loading the preview's files as scripts (the search's hold drafts) or opening its event streams.
                send(ex, 403, "text/plain; charset=utf-8", "The preview answers its own pages only.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "Only GET".getBytes(StandardCharsets.UTF_8));
                return;
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath(); // percent-decoded; '+' stays '+' (it is not a form)
            if (path.equals(EVENTS)) {
                Map<String, String> query = query(uri.getRawQuery());
                long since;
                try {
                    since = Long.parseLong(query.getOrDefault("since", "0"));
                } catch (NumberFormatException e) {
                    since = 0;
                }
                listen(ex, query.getOrDefault("page", "/"), since);
                stream = true; // it stays open, written to after each re-bake
                return;
            }
            if (path.equals(SCRIPT)) {
                try (InputStream in = PreviewServer.class.getResourceAsStream("preview.js")) {
                    send(ex, 200, "text/javascript; charset=utf-8", in.readAllBytes());
                }
                return;
            }
            serveFile(ex, path);
        } catch (IOException e) {
            // the browser went away
        } finally {
            if (!stream) {
                ex.close();
            }
        }
    }

    private void serveFile(HttpExchange ex, String path) throws IOException {
        Path root = Publish.current(site);
        Path file = null;
        if (root != null) {
            try {
                file = root.resolve(path.substring(1)).normalize();
            } catch (InvalidPathException e) { // e.g. %00, or on Windows a ':' or '*'
                send(ex, 400, "text/plain; charset=utf-8", "Bad request".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!file.startsWith(root)) {
                send(ex, 403, "text/plain; charset=utf-8", "Forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    // A folder's page links relative to the folder: /articles/x must become /articles/x/.
                    ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/");
                    send(ex, 301, "text/plain; charset=utf-8", "Moved".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                file = file.resolve("index.html");
            }
        }
        long loaded = version;
        if (file == null || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root.toRealPath())) {
            List<Problem> problems = failed;
            byte[] page = problems != null ? problemsPage(problems, loaded)
                    : root != null && Files.isRegularFile(root.resolve("404.html")) ? withScript(Files.readAllBytes(root.resolve("404.html")), loaded, path)
                    : "Not found".getBytes(StandardCharsets.UTF_8);
            send(ex, 404, "text/html; charset=utf-8", page);
            return;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
        byte[] bytes = Files.readAllBytes(file);
        if (type.startsWith("text/html")) {
            bytes = withScript(bytes, loaded, path);
        }
        send(ex, 200, type, bytes);
    }

    /** The page with the preview's script, which the page's own policy lets in (a file of the same site). */
    private static byte[] withScript(byte[] html, long version, String page) {
        String text = new String(html, StandardCharsets.UTF_8);
        String script = "<script src=\"" + SCRIPT + "\" data-since=\"" + version + "\" defer></script>";
        int at = text.lastIndexOf("</body>");
        return (at < 0 ? text + script : text.substring(0, at) + script + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** What a missing page shows while the build is failing: the problems (a new article with one has no page yet). */
    private static byte[] problemsPage(List<Problem> problems, long version) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; connect-src 'self'\">"
                + "<title>The preview could not be updated</title></head><body><main><h1>The preview could not be updated</h1><ul>");
        for (Problem p : problems) {
            html.append("<li>").append(escape(p.toString())).append("</li>");
        }
        html.append("</ul></main></body></html>");
        return withScript(html.toString().getBytes(StandardCharsets.UTF_8), version, "");
    }

    /**
     * Whether a request names the preview as its own machine does: on the loopback, 127.0.0.1 or
     * localhost; opened to the network (-Dpreview.host), also any IP address and the machine's
     * own name. A name in another domain is a page elsewhere whose name now leads here (DNS
     * rebinding: an attacker's trial read the drafts' search files through one while the preview
     * was opened to the network).
     */
    private boolean hostAllowed(String host) {
        if (host == null || host.startsWith("[") && host.indexOf(']') < 0) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        name = name.toLowerCase(Locale.ROOT);
        if (name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]") || name.endsWith(".localhost")) {
            return true;
        }
        return open && (name.startsWith("[") || Urls.ipv4(name) != null || machineNames.contains(name));
    }

    /** This machine's own names, as a browser on the network may call it: its host name, with or without a .local suffix. */
    private static Set<String> machineNames() {
        Set<String> names = new java.util.HashSet<>();
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            names.add(name);
            names.add(name.endsWith(".local") ? name.substring(0, name.length() - 6) : name + ".local");
        } catch (IOException e) {
            // no name: addresses only
        }
        return names;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"));

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin"); // browsers without Sec-Fetch-Site: no file of it in another site's page
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String json(Set<String> items) {
        List<String> list = new ArrayList<>();
        items.forEach(i -> list.add(string(i)));
        return "[" + String.join(",", list) + "]";
    }

    private static String string(String s) {
        return org.explainers.bake.Json.string(s);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
