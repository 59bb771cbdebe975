package org.explainers.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** content/, which the file is in: its path is made when the file is read again (10,000 paths fewer to hold). */
    private final Path content;
    /** The Markdown below the header, as lines, from the crawl until the body is made (then read again if asked for). */
    private List<String> markdown;
    /** The file's line number of the first Markdown line. */
    public final int firstLine;
    /** The page's path from the site root, as JBake's crawl named it ({@code articles/a/01-b.html}). */
    String uri;
    /** Content fingerprint from JBake's crawl (SHA-1 of the file). */
    String sha1;
    Body body;
    /** Whether the file read again for its Markdown is no longer the one its header was read from. */
    private boolean changed;

    Doc(Schema.Kind kind, String source, Path content, Header header, List<String> markdown, int firstLine) {
        this.kind = kind;
        this.source = source;
        this.content = content;
        this.header = header;
        this.markdown = markdown;
        this.firstLine = firstLine;
    }

    /**
     * The Markdown below the header, as lines. A large site's Markdown is not kept in memory
     * once its bodies are made: a file the build did not need to read again (its body was
     * cached) or no longer holds is read here, for a check's line numbers.
     */
    public synchronized List<String> markdown() {
        if (markdown == null) {
            try {
                byte[] bytes = Files.readAllBytes(content.resolve(source));
                changed = !Crawl.sha1(bytes).equals(sha1);
                SourceText text = SourceText.decode(path(), bytes, SourceText.MAX_BYTES, true, new Problems());
                markdown = text == null || header.bodyStart > text.lines.size() ? List.of() : text.lines.subList(header.bodyStart, text.lines.size());
            } catch (IOException e) {
                changed = true; // removed since the crawl read it: not the text the build recorded either
                return List.of();
            }
        }
        return markdown;
    }

    /**
     * Whether the Markdown came from another version of the file than the header (it was saved
     * during the build): the build stops there rather than publish a text it did not record.
     */
    public synchronized boolean changedSinceRead() {
        return changed;
    }

    /** Lets go of the Markdown once the body is made. */
    public synchronized void release() {
        markdown = null;
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

    /** Its text's HTML in bytes (0 before it has a body): what pages showing it are bounded by. */
    public long htmlSize() {
        return body == null ? 0 : body.htmlSize();
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

    /** The file whose date holds it back while it is scheduled (a section's may be its explainer's). */
    public Doc datedBy() {
        return this;
    }

    public Moment updated() {
        return (Moment) header.get("updated");
    }

    /** The file's former names (`moved_from`), as written, relative to its folder; none when it has none. */
    @SuppressWarnings("unchecked")
    public List<String> movedFrom() {
        List<String> names = (List<String>) header.get("moved_from");
        return names == null ? List.of() : names;
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
