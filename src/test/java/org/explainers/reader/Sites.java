package org.explainers.reader;

import org.explainers.fixtures.Fixture;
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

/**
 * The built sites the reader tests read: the one `./mvnw package` made of the real content
 * (target/site), and the newsroom fixture's (built once per test run), which has what the real
 * content may lack: drafts, a scheduled piece, several authors, figures, corrections, pages.
 */
public final class Sites {

    private static Path fixture;

    private Sites() {
    }

    /** target/site, which `./mvnw verify` builds before the tests. */
    public static Path real() {
        Path site = Path.of("target/site").toAbsolutePath();
        assertTrue(Files.isRegularFile(site.resolve("index.html")),
                "target/site/index.html is missing: run the tests with ./mvnw verify, which builds the site first");
        return site;
    }

    /** The newsroom fixture's site. */
    public static synchronized Path fixture() {
        if (fixture == null) {
            try {
                Path dir = Path.of("target/fixture-sites/newsroom").toAbsolutePath();
                if (Files.exists(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Fixture f = Fixture.newsroom(dir);
                assertTrue(f.build().ok(), f.log());
                fixture = f.site();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixture;
    }

    /** Both, for parameterized tests. */
    public static Stream<Path> both() {
        return Stream.of(real(), fixture());
    }

    /** Every file of a site with this ending, as paths from its root, sorted. */
    public static List<String> files(Path site, String suffix) {
        return Fixture.files(site).stream().filter(p -> p.endsWith(suffix)).toList();
    }

    public static Document page(Path site, String relative) {
        return Jsoup.parse(text(site, relative), site.resolve(relative).toUri().toString());
    }

    public static String text(Path site, String relative) {
        try {
            return Files.readString(site.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site's address, from the home page's canonical link. */
    public static String host(Path site) {
        return page(site, "index.html").selectFirst("link[rel=canonical]").attr("href");
    }
}
