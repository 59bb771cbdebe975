package org.explainers.build;

import org.explainers.content.ContentIndex;
import org.explainers.preview.PreviewServer;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The build's entry point, run by Maven ({@code ./mvnw package}) in its own JVM.
 * <pre>
 *   build --project DIR [--site-host URL] [--out DIR]   check and bake into DIR/target/site
 *         [--stock]                                     with JBake's default (OrientDB) store, for comparison
 *   check --project DIR                                 only check content/
 *   serve --project DIR [--port 8820] [--host 127.0.0.1] preview with re-bake and live reload
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> options = options(args);
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        Path target = project.resolve("target");
        Files.createDirectories(target);
        quietLogs(target.resolve("bake.log"));
        Path out = options.containsKey("out") ? Path.of(options.get("out")).toAbsolutePath().normalize() : target.resolve("site");

        switch (args[0]) {
            case "build" -> {
                ClassArchive.checkBefore();
                SiteBuild.Result r = new SiteBuild(project, out, options.get("site-host"), System.out,
                        options.containsKey("stock")).run();
                if (r.ok()) {
                    ClassArchive.afterSuccess(System.out);
                    MavenArchive.refresh(project, System.out);
                }
                System.exit(r.ok() ? 0 : 1);
            }
            case "check" -> {
                ContentIndex index = ContentIndex.load(project.resolve("content"));
                index.problems().forEach(System.out::println);
                System.out.println(index.hasErrors() ? "Content has errors." : "Content is fine.");
                System.exit(index.hasErrors() ? 1 : 0);
            }
            case "serve" -> {
                String port = options.getOrDefault("port", "8820");
                if (!port.matches("\\d{1,5}")) {
                    System.out.println("The preview port `" + port + "` is not a number: use e.g. -Dpreview.port=8820");
                    System.exit(2);
                }
                try {
                    new PreviewServer(project, out, options.getOrDefault("host", "127.0.0.1"), Integer.parseInt(port)).run();
                } catch (PreviewServer.PortInUseException e) {
                    System.out.println("The preview cannot start: " + e.getMessage());
                    System.exit(1);
                }
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
                options.put(key, value);
            }
        }
        return options;
    }

    /** Everything JBake and its database log goes to target/bake.log instead of the console. */
    private static void quietLogs(Path logFile) {
        System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
        System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // OrientDB prints its start-up banner unless told not to.
        System.setProperty("log.console.level", "OFF");
        System.setProperty("log.file.level", "OFF");
    }

    private static void usage() {
        System.out.println("usage: Main build|check|serve --project DIR [--site-host URL] [--port N]");
    }
}
