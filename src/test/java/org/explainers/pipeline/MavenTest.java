package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build as Maven users run it, from a copy of the project in a folder whose path has
 * spaces and quotes: no value becomes options (a quote in -Dsite.host or in the path adds
 * none), and a failure ends with Maven's own "Failed to execute goal" line naming the file,
 * the line and the fix, and how many problems there are.
 */
class MavenTest {

    static Path project;

    @BeforeAll
    static void copy(@TempDir Path tmp) throws IOException {
        project = tmp.resolve("My Documents").resolve("it's \"here\"");
        for (String name : List.of("content", "templates", "assets", "src/main", ".mvn")) {
            Fixture.copyTree(Fixture.project().resolve(name), project.resolve(name));
        }
        for (String name : List.of("pom.xml", "jbake.properties", "mvnw")) {
            Files.copy(Fixture.project().resolve(name), project.resolve(name));
        }
        project.resolve("mvnw").toFile().setExecutable(true);
        // The tests' own project is not part of this copy's build.
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        Files.writeString(project.resolve("pom.xml"), pom.replace("<module>src/test</module>", ""), StandardCharsets.UTF_8);
    }

    private static List<String> mvn(String... args) throws Exception {
        return mvn(Map.of(), args);
    }

    /** Maven with these environment variables set; CI=true is removed when one of them is "CI" with an empty value. */
    private static List<String> mvn(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-o", "-B"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        List<String> lines = new ArrayList<>(out.lines().toList());
        lines.add("exit " + p.exitValue());
        return lines;
    }

    @Test
    void aQuoteInTheSitesAddressIsRefusedAndAddsNoOption(@TempDir Path elsewhere) throws Exception {
        Path evil = elsewhere.resolve("evil");
        List<String> out = mvn("package", "-Dsite.host=https://x.org/a\" --out " + evil + " \"");
        assertEquals("exit 1", out.get(out.size() - 1), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.contains("-Dsite.host: `https://x.org/a\" --out")
                && l.contains("contains `\"`, which an address cannot hold")), String.join("\n", out));
        assertFalse(Files.exists(evil), "nothing was written outside target/");
    }

    /** A mistyped command is told as such, with the two there are (an editor's trial got the class's usage line). */
    @Test
    void aMistypedCommandIsToldTheCommandsThereAre() throws Exception {
        List<String> out = mvn("package", "-Dbake.command=chek");
        assertEquals("exit 1", out.get(out.size() - 1), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("[ERROR] Failed to execute goal") && l.contains("-Dbake.command=chek is not a command:"
                + " leave it out to build the site, or write -Dbake.command=check to check the content only")), String.join("\n", out));
    }

    @Test
    void theProjectBuildsInAFolderWithSpacesAndQuotes() throws Exception {
        List<String> out = mvn("-q", "package");
        assertEquals(List.of("exit 0"), out, "Maven's -q shows errors only: the build's progress is not told either");
        assertTrue(Files.isRegularFile(project.resolve("target/site/index.html")));
    }

    @Test
    void aFailureEndsWithTheFirstProblemAndHowManyThereAre() throws Exception {
        Path section = project.resolve("content/articles").toFile().listFiles(File -> File.isDirectory())[0].toPath();
        Path file;
        try (var files = Files.list(section)) {
            file = files.filter(p -> p.getFileName().toString().matches("\\d+-.*\\.md")).sorted().findFirst().orElseThrow();
        }
        String before = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, before.replaceFirst("status: published", "status: publsihed"), StandardCharsets.UTF_8);
            List<String> out = mvn("package");
            String rel = project.relativize(file).toString().replace('\\', '/');
            int footer = out.indexOf("[ERROR] ");
            String failed = out.stream().filter(l -> l.startsWith("[ERROR] Failed to execute goal")).findFirst().orElse("");
            assertTrue(failed.contains("1 problem; the first: " + rel + ":"), String.join("\n", out));
            assertTrue(failed.contains("`status: publsihed` is not valid (use `published` or `draft`; did you mean `published`?)"), failed);
            assertTrue(footer > 0 && out.get(footer - 1).equals(failed), "the line before Maven's footer is the failure:\n" + String.join("\n", out));
            assertFalse(out.stream().anyMatch(l -> l.contains("Process exited with an error")));
        } finally {
            Files.writeString(file, before, StandardCharsets.UTF_8);
        }
    }

    /**
     * Outside CI, a build that finds no kept build process runs in Maven's JVM and starts one
     * (Daemon); later builds run there: the same site byte for byte, failures said as before; a
     * client of another environment gets a new one, and it stops when its address goes.
     */
    @Test
    void theKeptBuildProcessBuildsTheSameSiteAndStopsWhenItsAddressGoes() throws Exception {
        Map<String, String> terminal = Map.of("CI", "", "GITHUB_ACTIONS", "");
        String now = "-Dbuild.now=2026-11-30T12:00:00Z";
        Path address = project.resolve("target/daemon/address");
        if (Files.exists(address)) {  // this class's other tests' process
            ProcessHandle earlier = daemon();
            Files.delete(address);
            earlier.onExit().get(30, TimeUnit.SECONDS);
        }
        List<String> here = mvn(terminal, "-q", "package", now, "-Dbuild.daemon=off");
        assertEquals("exit 0", here.get(here.size() - 1), String.join("\n", here));
        assertFalse(Files.exists(address) || Files.exists(project.resolve("target/daemon/starting")), "-Dbuild.daemon=off starts none");
        Map<String, String> inMaven = Fixture.fingerprint(project.resolve("target/site"));

        List<String> first = mvn(terminal, "package", now);
        assertEquals("exit 0", first.get(first.size() - 1), String.join("\n", first));
        assertTrue(first.stream().anyMatch(l -> l.contains("started a build process, pid ")), String.join("\n", first));
        ProcessHandle daemon = listening();
        List<String> quiet = mvn(terminal, "-q", "package", now);
        assertEquals(List.of("exit 0"), quiet, "-q reaches the kept process: errors only");
        List<String> second = mvn(terminal, "package", now);
        assertEquals("exit 0", second.get(second.size() - 1), String.join("\n", second));
        assertFalse(second.stream().anyMatch(l -> l.contains("started a build process")), String.join("\n", second));
        assertTrue(second.stream().anyMatch(l -> l.startsWith("[4/4] Publishing")), "its output is shown: " + String.join("\n", second));
        assertEquals(daemon.pid(), daemon().pid(), "the second build went to the same process");
        assertEquals(inMaven, Fixture.fingerprint(project.resolve("target/site")), "the kept process's site is Maven's own, byte for byte");
        List<String> badNow = mvn(terminal, "package", "-Dbuild.now=yesterday");
        assertTrue(badNow.contains("  -Dbuild.now: `yesterday` is not an instant (write a date, a time and its zone: 2026-11-30T12:00:00Z in UTC,"
                + " or 2026-11-30T12:00:00+01:00)"), "told as a problem is: " + String.join("\n", badNow));
        assertTrue(badNow.contains("BUILD FAILED: 1 problem in the command's options (see above). Nothing was built."), String.join("\n", badNow));
        assertTrue(badNow.stream().anyMatch(l -> l.startsWith("[ERROR] Failed to execute goal") && l.contains("-Dbuild.now: `yesterday` is not an instant")),
                String.join("\n", badNow));

        Path file = project.resolve("content/articles").toFile().listFiles(java.io.File::isDirectory)[0].toPath().resolve("index.md");
        String before = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, before.replaceFirst("status: published", "status: publsihed"), StandardCharsets.UTF_8);
            List<String> failed = mvn(terminal, "package", now);
            assertEquals("exit 1", failed.get(failed.size() - 1), String.join("\n", failed));
            assertTrue(failed.stream().anyMatch(l -> l.startsWith("[ERROR] Failed to execute goal") && l.contains("1 problem; the first: content/articles/")
                    && l.contains("`status: publsihed` is not valid")), String.join("\n", failed));
        } finally {
            Files.writeString(file, before, StandardCharsets.UTF_8);
        }
        assertEquals(daemon.pid(), daemon().pid(), "a failed build keeps the process");

        // Another environment the build reads (Git's here; or a JVM, or code) is another build process: the old one stops.
        List<String> other = mvn(Map.of("CI", "", "GITHUB_ACTIONS", "", "GIT_CONFIG_NOSYSTEM", "1"), "package", now);
        assertEquals("exit 0", other.get(other.size() - 1), String.join("\n", other));
        assertTrue(other.stream().anyMatch(l -> l.contains("the kept build process was made for another build: they differ in GIT_CONFIG_NOSYSTEM;")),
                String.join("\n", other));
        assertTrue(other.stream().anyMatch(l -> l.contains("started a build process")), String.join("\n", other));
        daemon.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(daemon.isAlive(), "the stale process stopped");
        ProcessHandle newer = listening();
        assertTrue(newer.pid() != daemon.pid());

        // A job that cannot be stopped from outside (FreeMarker inside one built-in, past the page's
        // 10 s) fails the build as in Maven's JVM, and the process goes with it.
        Path template = project.resolve("templates/404.ftlh");
        String page = Files.readString(template, StandardCharsets.UTF_8);
        try {
            Files.writeString(template, page + "\n<#assign x = (1..)?filter(i -> i < 0)?first>${x}\n", StandardCharsets.UTF_8);
            List<String> runaway = mvn(Map.of("CI", "", "GITHUB_ACTIONS", "", "GIT_CONFIG_NOSYSTEM", "1"), "package", now);
            assertEquals("exit 1", runaway.get(runaway.size() - 1), String.join("\n", runaway));
            assertTrue(runaway.stream().anyMatch(l -> l.startsWith("[ERROR] Failed to execute goal") && l.contains("templates/404.ftlh:")
                    && l.contains("took longer than 10 s")), String.join("\n", runaway));
        } finally {
            Files.writeString(template, page, StandardCharsets.UTF_8);
        }
        newer.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(newer.isAlive(), "a build that left a job running stops its process");
        assertFalse(Files.exists(address));

        // `./mvnw clean` (here: the address removed) stops it within seconds.
        List<String> again = mvn(Map.of("CI", "", "GITHUB_ACTIONS", "", "GIT_CONFIG_NOSYSTEM", "1"), "package", now);
        assertTrue(again.stream().anyMatch(l -> l.contains("started a build process")), String.join("\n", again));
        ProcessHandle last = listening();
        Files.delete(address);
        last.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(last.isAlive());

        // -Dbuild.daemon=off builds in Maven's JVM and stops a kept process, keeping the site and its cache.
        mvn(Map.of("CI", "", "GITHUB_ACTIONS", "", "GIT_CONFIG_NOSYSTEM", "1"), "-q", "package", now);
        ProcessHandle kept = listening();
        List<String> off = mvn(Map.of("CI", "", "GITHUB_ACTIONS", "", "GIT_CONFIG_NOSYSTEM", "1"), "package", now, "-Dbuild.daemon=off");
        assertEquals("exit 0", off.get(off.size() - 1), String.join("\n", off));
        assertTrue(off.stream().anyMatch(l -> l.contains("(stopped the kept build process, pid " + kept.pid())), String.join("\n", off));
        kept.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(kept.isAlive());
        assertTrue(Files.isDirectory(project.resolve("target/cache")));
    }

    /**
     * What a pull request can put in target/ (it is ignored, but `git add -f` commits it) is not
     * trusted: a link at target/daemon is not followed, and an address whose listener cannot
     * show the token gets no build (the build runs in Maven's JVM, and says so).
     */
    @Test
    void aLinkOrAnAddressLeftInTargetIsNotTrusted(@TempDir Path elsewhere) throws Exception {
        Map<String, String> terminal = Map.of("CI", "", "GITHUB_ACTIONS", "");
        Path daemonDir = project.resolve("target/daemon");
        if (Files.exists(daemonDir.resolve("address"))) {
            ProcessHandle earlier = daemon();
            Files.delete(daemonDir.resolve("address"));
            earlier.onExit().get(30, TimeUnit.SECONDS);
        }
        org.explainers.content.Trees.delete(daemonDir);
        Path victim = Files.createDirectories(elsewhere.resolve("victim"));
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(daemonDir, victim);
        try {
            List<String> linked = mvn(terminal, "package");
            assertEquals("exit 0", linked.get(linked.size() - 1), String.join("\n", linked));
            assertFalse(linked.stream().anyMatch(l -> l.contains("started a build process")), String.join("\n", linked));
            try (var files = Files.list(victim)) {
                assertEquals(List.of(), files.toList(), "nothing is written through the link");
            }
        } finally {
            Files.delete(daemonDir);
        }

        // A listener that does not hold the token (an attacker's trial: one on a dead daemon's port, its pid taken by a
        // process whose arguments look like a daemon's), answering with made-up proofs and output.
        Files.createDirectories(daemonDir);
        Process lookalike = new ProcessBuilder("bash", "-c", "sleep 120; true", "org.explainers.pipeline.Daemon", project.toString()).start();
        java.util.concurrent.atomic.AtomicReference<byte[]> heard = new java.util.concurrent.atomic.AtomicReference<>();
        try (java.net.ServerSocket fake = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = fake.accept()) {
                    var out = new java.io.DataOutputStream(s.getOutputStream());
                    out.write(new byte[64]); // a nonce and a proof
                    out.write('a');
                    out.write(0);
                    out.write('e');
                    out.writeInt(3);
                    out.write(new byte[]{1, 'o', 'k'});
                    out.flush();
                    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                    heard.set(new byte[0]);
                    for (int b = s.getInputStream().read(); b >= 0; b = s.getInputStream().read()) {
                        got.write(b);
                        heard.set(got.toByteArray());
                    }
                } catch (IOException e) {
                    // the client went
                }
            });
            answer.setDaemon(true);
            answer.start();
            Files.writeString(daemonDir.resolve("address"), "port=" + fake.getLocalPort() + "\ntoken=" + "0".repeat(64) + "\npid=" + lookalike.pid() + "\n");
            List<String> faked;
            try {
                faked = mvn(terminal, "package");
            } finally {
                lookalike.destroy();
            }
            assertTrue(faked.stream().anyMatch(l -> l.contains("(target/daemon/address names a process that is not this project's build process;"
                    + " building here)")), String.join("\n", faked));
            assertEquals("exit 0", faked.get(faked.size() - 1), String.join("\n", faked));
            assertTrue(faked.stream().anyMatch(l -> l.startsWith("[4/4] Publishing")), "the build ran in Maven's JVM: " + String.join("\n", faked));
            assertTrue(faked.stream().anyMatch(l -> l.contains("started a build process")), String.join("\n", faked));
            answer.join(10_000);
            assertEquals(32, heard.get().length, "the listener heard the client's nonce only: not the token, nor the command");
        }
        ProcessHandle started = listening();
        Files.delete(daemonDir.resolve("address"));
        started.onExit().get(30, TimeUnit.SECONDS);
    }

    /** The kept build process once it listens (it reads the project first). */
    private static ProcessHandle listening() throws Exception {
        for (int i = 0; i < 600 && !Files.exists(project.resolve("target/daemon/address")); i++) {
            Thread.sleep(100);
        }
        return daemon();
    }

    private static ProcessHandle daemon() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(project.resolve("target/daemon/address"))) {
            p.load(in);
        }
        ProcessHandle h = ProcessHandle.of(Long.parseLong(p.getProperty("pid"))).orElseThrow();
        assertTrue(h.isAlive());
        return h;
    }

    @Test
    void theCheckOnlyCommandWorksInAFreshCopy() throws Exception {
        List<String> out = mvn("package", "-Dbake.command=check");
        assertEquals("exit 0", out.get(out.size() - 1), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("Content is fine")), String.join("\n", out));
    }
}
