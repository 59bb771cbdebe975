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
import java.util.Locale;
import java.util.Set;

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
        // Streamed: for a large site the index is tens of megabytes. Entries are made a chunk at
        // a time on every core (at 10,000 sections this job alone outlasted all the pages).
        try (Writer js = Files.newBufferedWriter(site.resolve(SEARCH_INDEX), StandardCharsets.UTF_8)) {
            js.write("window.SEARCH_INDEX=[");
            for (int from = 0; from < sections.size(); from += 256) {
                List<DocumentModel> chunk = sections.subList(from, Math.min(from + 256, sections.size()));
                List<String> entries = chunk.parallelStream().map(SiteExtrasRenderer::searchEntry).toList();
                for (int i = 0; i < entries.size(); i++) {
                    js.write(from + i > 0 ? ",\n" : "\n");
                    js.write(entries.get(i));
                }
            }
            js.write("\n];\n");
        }
    }

    private static String searchEntry(DocumentModel d) {
        StringBuilder topics = new StringBuilder();
        if (d.get("topic_list") instanceof List<?> list) {
            for (Object t : list) {
                topics.append(topics.length() > 0 ? ", " : "").append(((Map<?, ?>) t).get("name"));
            }
        }
        return "{\"t\":" + json(d.getTitle()) + ","
                + "\"u\":" + json(d.getUri()) + ","
                + "\"s\":" + json(String.valueOf(d.get("summary"))) + ","
                + "\"a\":" + json(String.valueOf(d.get("article_title"))) + ","
                + "\"k\":" + json(topics.toString()) + ","
                + "\"x\":" + json(plainText(d.getBody())) + "}";
    }

    private static final Set<String> BLOCK_TAGS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div",
            "td", "th", "tr", "blockquote", "pre", "dd", "dt", "ol", "ul", "table", "hr", "sup");

    /**
     * The words of a rendered body for the search index: block tags become spaces, other tags
     * go, entities are decoded and runs of white space become one space. One pass over the
     * text per step instead of regular expressions: this is a large part of a big site's bake.
     */
    static String plainText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            int end = lt < 0 ? -1 : html.indexOf('>', lt + 1);
            if (end < 0) {
                text.append(html, i, n);
                break;
            }
            text.append(html, i, lt);
            int from = lt + 1 < end && html.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
            int to = from;
            while (to < end && isWordChar(html.charAt(to))) {
                to++;
            }
            if (BLOCK_TAGS.contains(html.substring(from, to).toLowerCase(Locale.ROOT))) {
                text.append(' ');
            }
            i = end + 1;
        }
        String decoded = text.indexOf("&") < 0 ? text.toString() : Parser.unescapeEntities(text.toString(), false);
        StringBuilder out = new StringBuilder(decoded.length());
        int length = decoded.length();
        int at = 0;
        while (at < length) {
            int word = at;
            while (word < length && !isSpace(decoded.charAt(word))) {
                word++;
            }
            out.append(decoded, at, word);
            if (word == length) {
                break;
            }
            out.append(' ');
            while (word < length && isSpace(decoded.charAt(word))) {
                word++;
            }
            at = word;
        }
        return out.toString().strip();
    }

    private static void writeRobots(JBakeConfiguration config) throws IOException {
        String host = config.getSiteHost();
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + host + (host.endsWith("/") ? "" : "/") + config.getSiteMapFileName() + "\n";
        Files.writeString(config.getDestinationFolder().toPath().resolve("robots.txt"), robots, StandardCharsets.UTF_8);
    }


    /** A regular expression's {@code \\s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A regular expression's {@code \\w}: where a tag name ends. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        String hex = Integer.toHexString(c);
        out.append("\\u").append("0000", hex.length(), 4).append(hex);
    }

    /** A JSON string literal that is also safe inside any HTML or script context. */
    public static String json(String s) {
        String v = s == null ? "" : s;
        StringBuilder out = new StringBuilder(v.length() + 16).append('"');
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            boolean unicode = escape == null && (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029');
            if (escape != null || unicode) {
                out.append(v, from, i);
                if (unicode) {
                    unicodeEscape(out, c);
                } else {
                    out.append(escape);
                }
                from = i + 1;
            }
        }
        return out.append(v, from, v.length()).append('"').toString();
    }
}
