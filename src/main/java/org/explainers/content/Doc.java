package org.explainers.content;

import java.util.List;

/**
 * One Markdown file of the site, as read: its place, its header and its text. The body is
 * rendered and checked later ({@link #body}); until then only the Markdown is known.
 */
public abstract sealed class Doc permits Article, Section, Page {

    public final Schema.Kind kind;
    /** Path relative to content/, with forward slashes, e.g. {@code articles/a/01-b.md}. */
    public final String source;
    public final Header header;
    /** The Markdown below the header, as lines. */
    public final List<String> markdown;
    /** The file's line number of the first Markdown line. */
    public final int firstLine;
    /** The page's path from the site root, as JBake's crawl named it ({@code articles/a/01-b.html}). */
    String uri;
    /** Content fingerprint from JBake's crawl (SHA-1 of the file). */
    String sha1;
    Body body;

    Doc(Schema.Kind kind, String source, Header header, List<String> markdown, int firstLine) {
        this.kind = kind;
        this.source = source;
        this.header = header;
        this.markdown = markdown;
        this.firstLine = firstLine;
    }

    /** The file's path for messages, e.g. content/articles/a/01-b.md. */
    public String path() {
        return "content/" + source;
    }

    public String uri() {
        return uri;
    }

    public String sha1() {
        return sha1;
    }

    public Body body() {
        return body;
    }

    public void body(Body body) {
        this.body = body;
    }

    public String title() {
        String t = header.text("title");
        return t == null ? source : t;
    }

    public String summary() {
        String s = header.text("summary");
        return s == null ? "" : s;
    }

    public Moment date() {
        return (Moment) header.get("date");
    }

    public Moment updated() {
        return (Moment) header.get("updated");
    }

    /** Whether the header says `status: draft`. */
    public boolean draft() {
        return !"published".equals(header.text("status"));
    }

    /** The folder it sits in, relative to content/ with its slash ("articles/a/"). */
    public String folder() {
        return source.substring(0, source.lastIndexOf('/') + 1);
    }

    /** The file name without its folder ("01-b.md"). */
    public String fileName() {
        return source.substring(source.lastIndexOf('/') + 1);
    }
}
