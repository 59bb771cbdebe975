package org.explainers.preview;

import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview as an attacker on the editor's machine or network would try it: it answers only
 * to loopback names (a web page cannot read it through DNS rebinding), holds a bounded number
 * of threads whatever is sent to it, keeps to its folder, and stops with the process.
 */
class PreviewServerTest {

    private PreviewServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private PreviewServer start(Path tmp) throws IOException {
        Fixture f = Fixture.newsroom(tmp);
        server = new PreviewServer(f.dir, "127.0.0.1", 0);
        server.start();
        return server;
    }

    /** A raw HTTP request; returns the status line. */
    static String request(int port, String raw) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }

    static int port(PreviewServer s) {
        return Integer.parseInt(s.address().replaceAll(".*:(\\d+)/", "$1"));
    }

    /**
     * A render thread still running after a failed bake is seen (then the preview stops
     * re-baking and says to restart it, and the kept build process stops: an attacker's trial
     * piled up spinning threads save after save); one that ends in time is not.
     */
    @Test
    void aRenderStillRunningAfterABakeIsSeen() throws Exception {
        ThreadGroup bakes = new ThreadGroup("test-bakes");
        java.util.concurrent.atomic.AtomicBoolean spin = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread render = new Thread(bakes, () -> {
            long n = 0;
            while (spin.get()) {
                n++; // as a built-in working through billions of items: running, not waiting
            }
            assertTrue(n >= 0);
        }, "bake");
        render.setDaemon(true);
        render.start();
        try {
            assertEquals(List.of("bake"), org.explainers.content.Jobs.leftRunning(bakes));
        } finally {
            spin.set(false);
            render.join(5_000);
        }
        assertEquals(List.of(), org.explainers.content.Jobs.leftRunning(bakes));
    }

    @Test
    void itAnswersOnlyToLoopbackNames(@TempDir Path tmp) throws Exception {
        int port = port(start(tmp));
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", request(port, "GET /index.html HTTP/1.1\r\nHost: attacker.example:" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", request(port, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1.attacker.example\r\n\r\n"));
    }

    /**
     * Opened to the network (-Dpreview.host, as README says for a container or a VM), it still
     * answers only to its machine's addresses and name (an attacker's trial read the drafts
     * through another domain's name, made to lead here: DNS rebinding).
     */
    @Test
    void openedToTheNetworkItStillAnswersOnlyToItsOwnAddresses(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        server = new PreviewServer(f.dir, "0.0.0.0", 0);
        server.start();
        int port = port(server);
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: 192.168.1.20:" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: [fd00::5]:" + port + "\r\n\r\n"));
        String own = java.net.InetAddress.getLocalHost().getHostName();
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: " + own + ":" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", request(port, "GET /search/index.js HTTP/1.1\r\nHost: rebind.attacker.example:" + port + "\r\n\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", request(port, "GET /index.html HTTP/1.1\r\nHost: 192.168.1.20.attacker.example\r\n\r\n"));
    }

    /**
     * A page elsewhere may not load the preview's files (its search holds drafts) or open its
     * event streams: browsers say where a request comes from, and are told the files are the
     * preview's own. Streams past the bound are closed, the oldest first.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS) // the heartbeat keeps a stream that is never closed readable
    void otherSitesCannotReadThePreviewOrHoldItsStreams(@TempDir Path tmp) throws Exception {
        int port = port(start(tmp));
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        assertEquals("HTTP/1.1 403 Forbidden", request(port, "GET /search/index.js HTTP/1.1\r\n" + host + "Sec-Fetch-Site: cross-site\r\n\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", request(port, "GET /search/index.js HTTP/1.1\r\n" + host + "Sec-Fetch-Site: same-site\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", request(port, "GET /search/index.js HTTP/1.1\r\n" + host + "Sec-Fetch-Site: same-origin\r\n\r\n"));
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.address() + "search/index.js")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("same-origin", r.headers().firstValue("Cross-Origin-Resource-Policy").orElse(""));
        List<Socket> streams = new ArrayList<>();
        try {
            for (int i = 0; i < PreviewServer.MAX_LISTENERS + 1; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.setSoTimeout(20_000);
                s.getOutputStream().write(("GET " + PreviewServer.EVENTS + " HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                streams.add(s);
                s.getInputStream().read(); // the response has begun: the stream is open
            }
            // The first stream's response ends (the last chunk of its body) when one too many opens.
            InputStream first = streams.get(0).getInputStream();
            StringBuilder read = new StringBuilder();
            while (!read.toString().endsWith("\r\n0\r\n\r\n")) {
                int c = first.read();
                if (c < 0) {
                    break;
                }
                read.append((char) c);
            }
            assertTrue(read.toString().endsWith("\r\n0\r\n\r\n"), read.toString());
        } finally {
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    @Test
    void itKeepsToItsFolder(@TempDir Path tmp) throws Exception {
        int port = port(start(tmp));
        String host = "Host: 127.0.0.1:" + port + "\r\n\r\n";
        assertTrue(request(port, "GET /../../../../etc/passwd HTTP/1.1\r\n" + host).matches("HTTP/1.1 40[34] .*"));
        assertEquals("HTTP/1.1 400 Bad Request", request(port, "GET /%00 HTTP/1.1\r\n" + host));
        assertEquals("HTTP/1.1 301 Moved Permanently", request(port, "GET /articles/election-primer HTTP/1.1\r\n" + host));
        assertEquals("HTTP/1.1 405 Method Not Allowed", request(port, "POST /index.html HTTP/1.1\r\nContent-Length: 0\r\n" + host));
    }

    @Test
    void halfSentRequestsHoldABoundedNumberOfThreadsAndTimeOut(@TempDir Path tmp) throws Exception {
        int port = port(start(tmp));
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                slow.add(s);
            }
            Thread.sleep(1000);
            long threads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("preview-http")).count();
            assertTrue(threads <= 8, threads + " threads for 200 half-sent requests");
            long start = System.nanoTime();
            assertEquals("HTTP/1.1 200 OK", request(port, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n"));
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 20, "a real request is served once the slow ones time out");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /**
     * The preview shows drafts, so a link to one works there; the site's own build refuses it (an
     * editor's trial: found only in the pull request). The preview's build passes and says so as a
     * warning, and a tab's event stream carries it as a notice to show over the page.
     */
    @Test
    void whatTheSitesBuildWouldRefuseIsToldInThePreview(@TempDir Path tmp) throws Exception {
        org.explainers.fixtures.Fixture f = org.explainers.content.ContentChecksTest.validTree(tmp);
        String dir = "content/articles/a/";
        f.write(dir + "02-two.md", org.explainers.content.ContentChecksTest.section(2, "", "").replace("status: published", "status: draft"));
        f.write(dir + "01-one.md", org.explainers.content.ContentChecksTest.section(1, "", "See [what comes next](02-two.md).\n"));
        org.explainers.pipeline.Build.Result r = f.build(new org.explainers.pipeline.Build.Options(f.dir, f.site(), org.explainers.fixtures.Fixture.HOST,
                org.explainers.fixtures.Fixture.NOW, false, true));
        assertTrue(r.ok(), f.log());
        String expected = dir + "01-one.md:14: warning: " + org.explainers.pipeline.Build.AS_PUBLISHED + "link `02-two.md` points to a draft (publish that page"
                + " first, or remove the link)";
        assertTrue(r.problems().stream().anyMatch(p -> p.warning() && p.toString().equals(expected)),
                expected + "\ngot:\n" + String.join("\n", org.explainers.fixtures.Fixture.messages(r)));
        assertEquals(List.of(dir + "01-one.md:14: link `02-two.md` points to a draft (publish that page first, or remove the link)"),
                r.asPublished().stream().map(Object::toString).toList());

        server = new PreviewServer(f.dir, "127.0.0.1", 0);
        server.start();
        int port = port(server);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /__preview/events?since=0&page=%2Findex.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String notice = null;
            // The stream's first lines (after the headers): a heartbeat every few seconds keeps it open, so a bounded number.
            for (int i = 0; i < 40 && notice == null; i++) {
                String line = in.readLine();
                notice = line != null && line.startsWith("data: ") && line.contains("\"notices\"") ? line : null;
            }
            assertTrue(notice != null && notice.contains("points to a draft"), String.valueOf(notice));
            assertFalse(notice.contains("leaves drafts and scheduled pieces out"), "the panel's heading says that once: " + notice);
        }
    }

    @Test
    void aFailedSaveShowsItsProblemsWhereThePageWouldBe(@TempDir Path tmp) throws Exception {
        PreviewServer s = start(tmp);
        int port = port(s);
        Path section = tmp.resolve("project/content/articles/new-one/01-first.md");
        java.nio.file.Files.createDirectories(section.getParent());
        java.nio.file.Files.writeString(tmp.resolve("project/content/articles/new-one/index.md"), "---\ntitle: New\ntype: article\n"
                + "date: 2026-11-29\nstatus: published\nauthors: [ana-reyes]\nsummary: New.\n---\n");
        java.nio.file.Files.writeString(section, "---\ntitle: First\ntype: section\narticle: new-one\norder: 1\ndate: 2026-11-29\n"
                + "status: published\ntopics: [enrgy]\nsummary: First.\n---\n\nText.\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int before = s.rebuilds();
        while (s.rebuilds() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /articles/new-one/01-first.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 404"), response);
            assertTrue(response.contains("content/articles/new-one/01-first.md:8: unknown topic `enrgy` (did you mean `energy`?"), response);
        }
    }

    /**
     * A scheduled piece's banner goes when its time comes, without a save (an editor's trial: it
     * stayed "held back" until the next save). The preview's clock is set a few seconds before the
     * minute the section is scheduled for.
     */
    @Test
    void aScheduledPieceIsShownPublishedWhenItsTimeComes(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        java.util.Properties settings = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(f.dir.resolve("jbake.properties"))) {
            settings.load(in);
        }
        java.time.ZoneId zone = java.time.ZoneId.of(settings.getProperty("site.timezone"));
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(java.time.Duration.ofMinutes(2));
        f.write("content/articles/new-one/index.md", "---\ntitle: New\ntype: article\ndate: 2026-11-29\nstatus: published\nauthors: [ana-reyes]\n"
                + "summary: New.\n---\n");
        f.write("content/articles/new-one/01-first.md", "---\ntitle: First\ntype: section\narticle: new-one\norder: 1\ndate: "
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone))
                + "\nstatus: published\ntopics: [energy]\nsummary: First.\n---\n\nText.\n");
        java.time.Clock clock = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.between(java.time.Instant.now(), at.minusSeconds(10)));
        server = new PreviewServer(f.dir, "127.0.0.1", 0, clock);
        server.start();
        int port = port(server);
        String page = "GET /articles/new-one/01-first.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
        assertTrue(get(port, page).contains("held back until"), "scheduled at first");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.rebuilds() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, server.rebuilds(), "re-baked once when its time came, with nothing saved");
        String after = get(port, page);
        assertTrue(after.startsWith("HTTP/1.1 200") && !after.contains("held back until") && after.contains("Text."), after);
    }

    private static String get(int port, String raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theServerStopsWithItsProcess(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.explainers.pipeline.Shell", "serve", "--project", f.dir.toString(),
                "--port", String.valueOf(port));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        InputStream out = p.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("Preview: ")) {
            int c = out.read();
            assertTrue(c >= 0, seen.toString());
            seen.append((char) c);
        }
        assertEquals("HTTP/1.1 200 OK", request(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n"));
        p.destroy(); // SIGTERM, as an IDE's stop button sends
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the preview ended");
        try (ServerSocket again = new ServerSocket(port, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort(), "the port is free again");
        }
    }
}
