package org.explainers.pipeline;

import org.explainers.preview.PreviewServer;

import java.io.PrintStream;
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
 *   build --project DIR [--site-host URL] [--now 2026-11-30T12:00:00Z] [--out DIR] [--daemon auto|off] [--quiet true]
 *   check --project DIR [--daemon auto|off]
 *   serve --project DIR [--port 8820] [--host 127.0.0.1] [--daemon auto|off]   (off: stops a kept build process)
 * </pre>
 * An empty value means the option's default (Maven passes an unset property as nothing).
 * {@code --daemon auto} (what pom.xml passes) builds in a JVM kept for the next builds
 * ({@link Daemon}); without it, or on a build server (CI), the build runs here.
 */
public final class Main {

    /** pom.xml's value of site.host when none is given: the address in jbake.properties. */
    static final String SITE_HOST_DEFAULT = "jbake.properties";
    private static final List<String> OPTIONS = List.of("project", "site-host", "now", "out", "port", "host", "daemon", "quiet");

    private Main() {
    }

    /** A build that failed: its message is the first problem and how many there are. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** A command line, read: the command and each option given a value. */
    record Command(String name, Map<String, String> options) {

        static Command parse(List<String> args) {
            if (!args.isEmpty() && !List.of("build", "check", "serve").contains(args.get(0)) && !args.get(0).startsWith("-")) {
                throw new Failed("-Dbake.command=" + args.get(0) + " is not a command: leave it out to build the site, or write -Dbake.command=check"
                        + " to check the content only");
            }
            if (args.isEmpty() || !List.of("build", "check", "serve").contains(args.get(0))) {
                throw new Failed("usage: build|check|serve --project DIR [--site-host URL] [--now INSTANT] [--out DIR] [--port N] [--host ADDRESS] [--daemon auto|off] [--quiet true]");
            }
            Map<String, String> options = new HashMap<>();
            for (int i = 1; i < args.size(); i += 2) {
                String arg = args.get(i);
                String key = arg.startsWith("--") ? arg.substring(2) : "";
                if (!OPTIONS.contains(key) || i + 1 >= args.size()) {
                    throw new Failed("unknown option, or an option without its value: " + arg);
                }
                String value = args.get(i + 1);
                if (key.equals("site-host") && !value.equals(SITE_HOST_DEFAULT)) {
                    options.put(key, value.strip()); // empty too: `-Dsite.host=$HOST` with HOST unset is refused, not built for the example address
                } else if (!value.isBlank() && !key.equals("site-host")) {
                    options.put(key, value.strip());
                }
            }
            String daemon = options.getOrDefault("daemon", "off").toLowerCase(java.util.Locale.ROOT);
            if (List.of("off", "false", "no").contains(daemon)) {
                options.put("daemon", "off");
            } else if (List.of("auto", "on", "true", "yes").contains(daemon)) {
                options.put("daemon", "auto");
            } else {
                throw new Failed("-Dbuild.daemon=" + daemon + " is neither `auto` nor `off` (leave it out, or write -Dbuild.daemon=off to build without a kept process)");
            }
            return new Command(args.get(0), Map.copyOf(options));
        }

        Path project() {
            return Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        }

        /**
         * Whether to build in the kept JVM: asked for, into target/site, not on a build server
         * (where nothing outlives the job), and no -Dexplainers.* setting given to this JVM (the
         * daemon would not see it).
         */
        boolean daemon() {
            return !name.equals("serve") && !options.containsKey("out") && options.getOrDefault("daemon", "off").equals("auto")
                    && Daemon.SERVERS.stream().noneMatch(v -> System.getenv(v) != null && !List.of("", "false", "0").contains(System.getenv(v)))
                    && System.getProperties().stringPropertyNames().stream().noneMatch(p -> p.startsWith("explainers."));
        }

        /** The build this command asks for, in this JVM, telling its progress to {@code out}. */
        Build.Result run(PrintStream out) {
            return build(out).run();
        }

        Build build(PrintStream out) {
            Instant now;
            try {
                now = options.containsKey("now") ? Instant.parse(options.get("now")) : Instant.now();
            } catch (DateTimeParseException e) {
                // Told as any problem is, with the line that ends a failed build, before Maven's own lines.
                String problem = "-Dbuild.now: `" + options.get("now") + "` is not an instant (write a date, a time and its zone: 2026-11-30T12:00:00Z"
                        + " in UTC, or 2026-11-30T12:00:00+01:00)";
                out.println("  " + problem);
                out.println("BUILD FAILED: 1 problem in the command's options (see above). Nothing was built.");
                throw new Failed(problem);
            }
            Path project = project();
            Path site = options.containsKey("out") ? Path.of(options.get("out")).toAbsolutePath().normalize() : project.resolve("target/site");
            return new Build(new Build.Options(project, site, options.get("site-host"), now, name.equals("check"), false), out, notes(out));
        }

        /** Where lines that tell progress go: nowhere under Maven's -q, which shows errors only. */
        PrintStream notes(PrintStream out) {
            return "true".equals(options.get("quiet")) ? new PrintStream(java.io.OutputStream.nullOutputStream()) : out;
        }
    }

    public static void main(String[] args) throws Exception {
        Logs.quiet();
        // Maven passes an unset property as null.
        List<String> line = new java.util.ArrayList<>(java.util.Arrays.stream(args).map(a -> a == null ? "" : a).toList());
        // Maven's -q sets its logger to errors only, as this property; the build's progress follows it (also in the kept process).
        if ("error".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"))) {
            line.addAll(List.of("--quiet", "true"));
        }
        Command command = Command.parse(line);
        PrintStream notes = command.notes(System.out);
        if (line.contains("--daemon") && command.options().get("daemon").equals("off")) {
            Daemon.stop(command.project(), notes); // -Dbuild.daemon=off: none kept, now or later (the preview's too: a new user's trial)
        }
        if (command.name().equals("serve")) {
            if (PreviewServer.main(command.project(), command.options().get("host"), command.options().get("port")) != 0) {
                throw new Failed("the preview could not start (see above)");
            }
            return;
        }
        Daemon daemon = command.daemon() ? Daemon.of(command.project(), notes) : null;
        Daemon.Reply reply = daemon != null ? daemon.build(line, System.out, notes) : null;
        if (reply == Daemon.STOPPED) {
            notes.println("      (the kept build process stopped during the build: building here)");
            reply = null;
        }
        if (reply == null) {
            reply = Daemon.Reply.of(command.run(System.out));
            if (daemon != null) {
                daemon.start(notes);
            }
        }
        if (!reply.ok()) {
            throw new Failed(reply.summary());
        }
    }
}
