package org.explainers.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A copy of this project's site sources in a temporary folder, to build variations of. */
public final class TempProject {

    public final Path dir;
    private String lastLog = "";

    public TempProject(Path parent) {
        this.dir = parent.resolve("project");
        try {
            for (String name : List.of("content", "templates", "assets")) {
                copyTree(Path.of(name), dir.resolve(name));
            }
            Files.copy(Path.of("jbake.properties"), dir.resolve("jbake.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path site() {
        return dir.resolve("target/site");
    }

    public Path write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds into target/site the way ./mvnw package does; the console output is kept in {@link #log()}. */
    public SiteBuild.Result build() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SiteBuild.Result r = new SiteBuild(dir, site(), null, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        lastLog = bytes.toString(StandardCharsets.UTF_8);
        return r;
    }

    public String log() {
        return lastLog;
    }

    /** SHA-256 of every file of the built site, by relative path. */
    public Map<String, String> fingerprint() {
        return fingerprint(site());
    }

    /** SHA-256 of every file under a folder, by relative path. */
    public static Map<String, String> fingerprint(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                hashes.put(root.relativize(p).toString(), HexFormat.of().formatHex(digest));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    /** Copies a folder and everything in it. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
