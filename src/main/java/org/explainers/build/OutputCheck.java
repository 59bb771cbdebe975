package org.explainers.build;

import org.explainers.content.ContentIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the baked folder against the content: JBake drops a file it cannot read with only
 * a warning, and renders drafts as {@code *-draft.html}; here either fails the build.
 */
final class OutputCheck {

    private OutputCheck() {
    }

    private static final Pattern DRAFT_FILE = Pattern.compile(".*-draft\\.[a-z]+$");

    /**
     * @param problems expected files that are missing and files that must not exist; empty when all is well
     * @param pages    HTML files in the baked folder
     * @param files    all files in the baked folder
     */
    record Report(List<String> problems, int pages, int files) {
    }

    static Report check(ContentIndex index, Path site) {
        Set<String> expected = new LinkedHashSet<>(List.of("index.html", "archive.html", "404.html", "feed.xml",
                "sitemap.xml", "robots.txt", "search-index.js", "topics/index.html"));
        for (ContentIndex.Section s : index.publishedSections()) {
            for (String topic : s.topics) {
                expected.add("topics/" + topic + ".html");
                expected.add("topics/" + topic + ".xml");
            }
        }
        Set<String> drafts = new LinkedHashSet<>();
        for (ContentIndex.Article a : index.articles()) {
            (a.published() ? expected : drafts).add(a.uri());
            for (ContentIndex.Section s : a.sections) {
                (s.published() ? expected : drafts).add(s.uri());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String file : expected) {
            if (!Files.isRegularFile(site.resolve(file))) {
                problems.add("missing from the baked site: " + file + " (JBake skipped it; see target/bake.log)");
            }
        }
        int pages = 0;
        int files = 0;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = site.relativize(p).toString().replace('\\', '/');
                if (drafts.contains(rel) || DRAFT_FILE.matcher(rel).matches()) {
                    problems.add("a draft was rendered: " + rel);
                }
                files++;
                pages += rel.endsWith(".html") ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Report(problems, pages, files);
    }
}
