package org.explainers.content;

import org.jbake.app.configuration.JBakeConfiguration;

/**
 * Where the pages that are not content files go, from JBake's own settings where it has one
 * (index, archive, feed, sitemap, 404, topic pages) and this site's fixed choices otherwise.
 * Every path is from the site root.
 */
public record SitePaths(String index, String archive, String feed, String sitemap, String notFound,
                        String topics, String authors, String search) {

    static SitePaths of(JBakeConfiguration c) {
        return new SitePaths(c.getIndexFileName(), c.getArchiveFileName(), c.getFeedFileName(), c.getSiteMapFileName(),
                c.getError404FileName(), c.getTagPathName(), "authors", "search");
    }

    /** The topic index, {@code topics/index.html}. */
    public String topicIndex() {
        return topics + "/" + index;
    }

    public String topic(String slug) {
        return topics + "/" + slug + ".html";
    }

    public String topicFeed(String slug) {
        return topics + "/" + slug + ".xml";
    }

    /** The authors' index, {@code authors/index.html}. */
    public String authorIndex() {
        return authors + "/" + index;
    }

    public String author(String slug) {
        return authors + "/" + slug + ".html";
    }

    public String authorFeed(String slug) {
        return authors + "/" + slug + ".xml";
    }

    /** A month of the archive: archive/2026/11.html. */
    public String month(int year, int month) {
        return stem(archive) + "/" + year + "/" + String.format(java.util.Locale.ROOT, "%02d", month) + ".html";
    }

    /** The page a Markdown file under content/ makes: {@code a/b.md} is {@code a/b.html}. */
    public static String page(String source) {
        return source.substring(0, source.length() - 3) + ".html";
    }

    /** Page {@code n} (from the oldest) of a paged list whose newest page is {@code base}: base "topics/x.html", page 2 "topics/x/2.html". */
    public static String numbered(String base, int n) {
        return stem(base) + "/" + n + ".html";
    }

    private static String stem(String path) {
        return path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
    }
}
