package org.explainers.site;

import org.explainers.content.ContentIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site that {@code ./mvnw package} wrote to target/site/, as the tests read it. */
public final class BuiltSite {

    public static final Path ROOT = Path.of("target", "site").toAbsolutePath();

    private BuiltSite() {
    }

    /** Fails clearly when the tests run without a built site. */
    public static Path root() {
        assertTrue(Files.isRegularFile(ROOT.resolve("index.html")),
                "target/site/index.html is missing: run the tests with ./mvnw verify, which builds the site first");
        return ROOT;
    }

    /** Every file of the site, as paths relative to its root with forward slashes. */
    public static List<String> files(String suffix) {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> pages() {
        return files(".html");
    }

    public static Document page(String relative) {
        Path file = root().resolve(relative);
        assertTrue(Files.isRegularFile(file), "the site has no " + relative);
        try {
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), file.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as the build read it. */
    public static ContentIndex content() {
        return ContentIndex.load(Path.of("content"));
    }
}
