package org.explainers.pipeline;

import org.explainers.preview.PreviewServer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The build from the command line, for the benchmark, the tests' child processes and anyone
 * without Maven. Each option is one argument followed by its value, never split again.
 * <pre>
 *   build --project DIR [--site-host URL] [--now 2026-11-30T12:00:00Z] [--out DIR]
 *   check --project DIR
 *   serve --project DIR [--port 8820] [--host 127.0.0.1]
 * </pre>
 */
public final class Main {

    private static final List<String> OPTIONS = List.of("project", "site-host", "now", "out", "port", "host");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Logs.quiet();
        if (args.length == 0 || !List.of("build", "check", "serve").contains(args[0])) {
            System.out.println("usage: build|check|serve --project DIR [--site-host URL] [--now INSTANT] [--out DIR] [--port N] [--host ADDRESS]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(key) || i + 1 >= args.length) {
                System.out.println("unknown option or missing value: " + args[i]);
                System.exit(2);
            }
            options.put(key, args[i + 1]);
        }
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        if (args[0].equals("serve")) {
            int code = PreviewServer.main(project, options.get("host"), options.get("port"));
            System.exit(code);
        }
        Instant now;
        try {
            now = options.containsKey("now") ? Instant.parse(options.get("now")) : Instant.now();
        } catch (DateTimeParseException e) {
            System.out.println("--now " + options.get("now") + " is not an instant such as 2026-11-30T12:00:00Z");
            System.exit(2);
            return;
        }
        Path site = options.containsKey("out") ? Path.of(options.get("out")).toAbsolutePath().normalize() : project.resolve("target/site");
        Build.Result r = new Build(new Build.Options(project, site, options.get("site-host"), now, args[0].equals("check"), false),
                System.out).run();
        System.exit(r.ok() ? 0 : 1);
    }
}
