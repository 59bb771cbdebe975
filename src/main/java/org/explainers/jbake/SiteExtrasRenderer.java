package org.explainers.jbake;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;
import org.jsoup.parser.Parser;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The outputs JBake has no renderer for, added to its pipeline as one more {@link RenderingTool}
 * (found through {@code META-INF/services}):
 * <ul>
 *   <li>{@code topics/<slug>.xml}: an Atom feed per topic, from the {@code topic-feed.ftlx} template;</li>
 *   <li>{@code search-index.js}: the search index, a script so that search works from {@code file://};</li>
 *   <li>{@code robots.txt}, pointing at the sitemap.</li>
 * </ul>
 */
public class SiteExtrasRenderer implements RenderingTool {

    /** The page type whose template renders a topic feed ({@code template.topicfeed.file}). */
    public static final String TOPIC_FEED = "topicfeed";
    public static final String SEARCH_INDEX = "search-index.js";

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (db instanceof MemoryContentStore) {
            return 0; // ParallelDocumentsRenderer ran these jobs alongside the pages
        }
        int count = 0;
        for (Callable<Integer> job : jobs(renderer, db, config)) {
            try {
                count += job.call();
            } catch (RenderingException e) {
                throw e;
            } catch (Exception e) {
                throw new RenderingException(e);
            }
        }
        return count;
    }

    /**
     * The extras as independent jobs, the longest first: the search index, a feed per topic,
     * robots.txt. Each returns the number of files it wrote.
     */
    static List<Callable<Integer>> jobs(Renderer renderer, ContentStore db, JBakeConfiguration config) {
        List<Callable<Integer>> jobs = new ArrayList<>();
        jobs.add(() -> {
            writeSearchIndex(config.getDestinationFolder().toPath(), sorted(db.getPublishedContent("section")));
            return 1;
        });
        if (config.getTemplateFileByDocType(TOPIC_FEED) != null) {
            for (String tag : new java.util.TreeSet<>(db.getAllTags())) {
                jobs.add(() -> {
                    renderTopicFeed(renderer, db, config, tag);
                    return 1;
                });
            }
        }
        jobs.add(() -> {
            writeRobots(config);
            return 1;
        });
        return jobs;
    }

    @Override
    @Deprecated
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath, CompositeConfiguration config) {
        throw new UnsupportedOperationException("use render(Renderer, ContentStore, JBakeConfiguration)");
    }

    private static List<DocumentModel> sorted(List<DocumentModel> docs) {
        List<DocumentModel> list = new ArrayList<>(docs);
        list.sort(Comparator.comparing(d -> String.valueOf(d.get("sort_key"))));
        return list;
    }

    private static void renderTopicFeed(Renderer renderer, ContentStore db, JBakeConfiguration config, String tag) throws Exception {
        List<DocumentModel> entries = new ArrayList<>(db.getPublishedDocumentsByTag(tag));
        entries.sort(Comparator.comparing((DocumentModel d) -> d.getDate()).reversed()
                .thenComparing(d -> String.valueOf(d.get("sort_key"))));
        DocumentModel feed = new DocumentModel();
        feed.setType(TOPIC_FEED);
        feed.setStatus("published");
        feed.setUri(config.getTagPathName() + "/" + tag + ".xml");
        feed.setRootPath("../");
        feed.put("tag", tag);
        feed.put("entries", entries);
        Date newest = entries.stream().map(DocumentModel::getDate).max(Date::compareTo).orElse(new Date(0));
        feed.setDate(newest);
        renderer.render(feed);
    }

    private static void writeSearchIndex(Path site, List<DocumentModel> sections) throws IOException {
        // Streamed: for a large site the index is tens of megabytes.
        try (Writer js = Files.newBufferedWriter(site.resolve(SEARCH_INDEX), StandardCharsets.UTF_8)) {
            js.write("window.SEARCH_INDEX=[");
            for (int i = 0; i < sections.size(); i++) {
                DocumentModel d = sections.get(i);
                StringBuilder topics = new StringBuilder();
                if (d.get("topic_list") instanceof List<?> list) {
                    for (Object t : list) {
                        topics.append(topics.length() > 0 ? ", " : "").append(((Map<?, ?>) t).get("name"));
                    }
                }
                js.write((i > 0 ? ",\n{" : "\n{")
                        + "\"t\":" + json(d.getTitle()) + ","
                        + "\"u\":" + json(d.getUri()) + ","
                        + "\"s\":" + json(String.valueOf(d.get("summary"))) + ","
                        + "\"a\":" + json(String.valueOf(d.get("article_title"))) + ","
                        + "\"k\":" + json(topics.toString()) + ","
                        + "\"x\":" + json(plainText(d.getBody())) + "}");
            }
            js.write("\n];\n");
        }
    }

    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?:p|li|h[1-6]|br|div|td|th|tr|blockquote|pre|dd|dt|ol|ul|table|hr|sup)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** The words of a rendered body for the search index: tags dropped, entities decoded. */
    static String plainText(String html) {
        String text = TAG.matcher(BLOCK_TAG.matcher(html).replaceAll(" ")).replaceAll("");
        return Parser.unescapeEntities(text, false).replaceAll("\\s+", " ").strip();
    }

    private static void writeRobots(JBakeConfiguration config) throws IOException {
        String host = config.getSiteHost();
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + host + (host.endsWith("/") ? "" : "/") + config.getSiteMapFileName() + "\n";
        Files.writeString(config.getDestinationFolder().toPath().resolve("robots.txt"), robots, StandardCharsets.UTF_8);
    }

    /** A JSON string literal that is also safe inside any HTML or script context. */
    public static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
