package org.explainers.bench;

import com.vladsch.flexmark.parser.PegdownExtensions;
import com.vladsch.flexmark.util.ast.Document;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import org.explainers.check.HtmlPolicy;
import org.explainers.content.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The least a build of this site must do, for the benchmark's note on issue 14's cold bar: in
 * one JVM, on two threads, for every Markdown file under a project's content/articles/: read it,
 * Flexmark's parse and render (the build's own set-up), jsoup's parse and {@code Cleaner} with
 * the site's allowlist (issue 12), one Freemarker page around it (a small layout, not the site's
 * templates), the page parsed back by jsoup with every href and src read as a URI (issue 12's
 * output check), and the page written. Nothing else: no JBake Crawler, no header, no topic
 * page, listing, feed, search, related sections, cache, Maven or compiling. Its time is a lower
 * bound of a cold build's, to set beside Hugo's in the same run.
 *
 * <pre>java -cp ... org.explainers.bench.Floor PROJECT_DIR OUT_DIR</pre>
 */
public final class Floor {

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' https:">
            <title>${title}</title><meta name="description" content="${title}">
            <link rel="canonical" href="https://example.org/${path}"><link rel="stylesheet" href="../css/site.css">
            </head><body><a class="skip" href="#main">Skip to content</a>
            <header><nav aria-label="Site"><a href="../index.html">Explainers</a> <a href="../topics/index.html">Topics</a></nav></header>
            <main id="main"><article><h1>${title}</h1>
            ${body?no_esc}
            </article></main><footer><p>Published by Explainers.</p></footer></body></html>
            """;

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project.resolve("content/articles"))) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Constructor<Markdown> make = Markdown.class.getDeclaredConstructor(int.class);
        make.setAccessible(true);
        int extensions = 0;
        for (String name : List.of("TABLES", "FENCED_CODE_BLOCKS", "STRIKETHROUGH", "FOOTNOTES", "DEFINITIONS")) { // jbake.properties
            extensions |= PegdownExtensions.class.getField(name).getInt(null);
        }
        Markdown markdown = make.newInstance(extensions);
        Cleaner cleaner = new Cleaner(new HtmlPolicy(Set.of()));
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        Template layout = new Template("layout", new StringReader(LAYOUT), freemarker);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> done = new ArrayList<>();
        for (Path file : files) {
            done.add(pool.submit(() -> page(file, project, out, markdown, cleaner, layout)));
        }
        long bytes = 0;
        for (Future<Integer> f : done) {
            bytes += f.get();
        }
        pool.shutdown();
        System.out.printf("floor: %d pages, %d KB, %.2f s in the JVM%n", files.size(), bytes / 1024, (System.nanoTime() - start) / 1e9);
    }

    private static int page(Path file, Path project, Path out, Markdown markdown, Cleaner cleaner, Template layout) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int close = lines.subList(1, lines.size()).indexOf("---") + 1;
        String title = lines.stream().filter(l -> l.startsWith("title:")).findFirst().orElse("title: ?").substring(6).strip();
        Document parsed = markdown.parse(lines.subList(close + 1, lines.size()));
        String html = markdown.render(parsed);
        String body = cleaner.clean(Jsoup.parseBodyFragment(html)).body().html();
        String path = project.resolve("content").relativize(file).toString().replace(".md", ".html");
        StringWriter page = new StringWriter();
        layout.process(Map.of("title", title, "body", body, "path", path), page);
        String text = page.toString();
        for (Element e : Jsoup.parse(text).select("[href], [src]")) {
            address(e.attr("href"));
            address(e.attr("src"));
        }
        Path target = out.resolve(path);
        Files.createDirectories(target.getParent());
        byte[] written = text.getBytes(StandardCharsets.UTF_8);
        Files.write(target, written);
        return written.length;
    }

    private static void address(String value) throws IOException {
        if (value.isEmpty()) {
            return;
        }
        try {
            String scheme = new URI(value).getScheme();
            if (scheme != null && !scheme.equals("https") && !scheme.equals("http") && !scheme.equals("mailto")) {
                throw new IOException("refused: " + value);
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
