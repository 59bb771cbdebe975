package org.explainers.pipeline;

import org.explainers.preview.PreviewServer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's entry point. Maven runs it in its own JVM (exec:java, see pom.xml): each option
 * is one argument followed by its value, never split again, and a failure is thrown, so that
 * Maven's "Failed to execute goal" line states it. From a shell, {@link Shell} runs the same.
 * <pre>
 *   build --project DIR [--site-host URL] [--now 2026-11-30T12:00:00Z] [--out DIR]
 *   check --project DIR
 *   serve --project DIR [--port 8820] [--host 127.0.0.1]
 * </pre>
 * An empty value means the option's default (Maven passes an unset property as nothing).
 */
public final class Main {

    private static final List<String> OPTIONS = List.of("project", "site-host", "now", "out", "port", "host");

    private Main() {
    }

    /** A build that failed: its message is the first problem and how many there are. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    public static void main(String[] args) throws Exception {
        Logs.quiet();
        if (args.length == 0 || !List.of("build", "check", "serve").contains(args[0])) {
            throw new Failed("usage: build|check|serve --project DIR [--site-host URL] [--now INSTANT] [--out DIR] [--port N] [--host ADDRESS]");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String key = args[i] != null && args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(key) || i + 1 >= args.length) {
                throw new Failed("unknown option, or an option without its value: " + args[i]);
            }
            if (args[i + 1] != null && !args[i + 1].isBlank()) {
                options.put(key, args[i + 1]);
            }
        }
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        if (args[0].equals("serve")) {
            if (PreviewServer.main(project, options.get("host"), options.get("port")) != 0) {
                throw new Failed("the preview could not start (see above)");
            }
            return;
        }
        Instant now;
        try {
            now = options.containsKey("now") ? Instant.parse(options.get("now").strip()) : Instant.now();
        } catch (DateTimeParseException e) {
            throw new Failed("-Dbuild.now=" + options.get("now") + " is not an instant: write it as 2026-11-30T12:00:00Z");
        }
        Path site = options.containsKey("out") ? Path.of(options.get("out")).toAbsolutePath().normalize() : project.resolve("target/site");
        Build.Result r = new Build(new Build.Options(project, site, options.get("site-host"), now, args[0].equals("check"), false),
                System.out).run();
        if (!r.ok()) {
            throw new Failed(r.summary());
        }
    }
}
