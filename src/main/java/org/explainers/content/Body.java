package org.explainers.content;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A file's text as the site publishes it: Flexmark's HTML after the allowlist, and what the
 * checks and the search need from it. The HTML and the words are kept as UTF-8 (half the
 * memory of a String holding typographic quotes) and decoded by whoever uses them; a body
 * taken from the cache leaves them in the cache's file until a page or the search asks.
 */
public final class Body {

    /** One address in the text: its attribute ("href", "src") and element ("a", "img", "iframe"). */
    public record Link(String element, String attribute, String url) {
    }

    /**
     * A run of bytes in a cache file, read when it is asked for. The file was checked whole when
     * the cache was read, and stays open: a cache written since (moved into place) does not
     * change what this reads. A RandomAccessFile, not a FileChannel: an interrupted thread (a
     * failed bake stops its pool) closes a channel for every later read, the preview's included.
     */
    public record Stored(RandomAccessFile file, long at, int length) implements Supplier<byte[]> {
        @Override
        public byte[] get() {
            byte[] bytes = new byte[length];
            try {
                synchronized (file) {
                    file.seek(at);
                    file.readFully(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes;
        }
    }

    private final String key;
    private final Supplier<byte[]> html;
    private final Supplier<byte[]> text;
    private final Supplier<byte[]> words;
    private final List<Link> links;
    private final boolean headings;
    private final int cells;
    private final int wordCount;

    /**
     * @param key      a fingerprint of everything the HTML is made from (the file, Flexmark's options, the
     *                 allowlist, the images it shows): pages that show it are fingerprinted by it
     * @param html     the HTML as UTF-8, its top heading level being 2 (below the page's own h1)
     * @param text     the plain text as UTF-8, for search results' snippets
     * @param words    the text's distinct search words ({@link Text#words}) as UTF-8, separated by spaces
     * @param links    every address in it (a href, img src, iframe src), in document order
     * @param headings whether it has headings of its own (a page moves them below its own)
     * @param cells    the cells of its tables' grids, spans counted (a page showing many texts is bounded by their sum)
     * @param wordCount its words as a reader reads them ({@link Text#readingWords}), for an explainer's reading time
     */
    public Body(String key, Supplier<byte[]> html, Supplier<byte[]> text, Supplier<byte[]> words, List<Link> links, boolean headings, int cells,
                int wordCount) {
        this.key = key;
        this.html = html;
        this.text = text;
        this.words = words;
        this.links = List.copyOf(links);
        this.headings = headings;
        this.cells = cells;
        this.wordCount = wordCount;
    }

    /** A body just made: its search words are worked out here, once (the cache keeps them). */
    public Body(String key, String html, String text, List<Link> links, boolean headings, int cells) {
        this(key, held(html.getBytes(StandardCharsets.UTF_8)), held(text.getBytes(StandardCharsets.UTF_8)), held(words(text)), links, headings, cells,
                Text.readingWords(text));
    }

    /** Bytes in memory. */
    public static Supplier<byte[]> held(byte[] bytes) {
        return () -> bytes;
    }

    private static byte[] words(String text) {
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        Text.words(text, distinct::add);
        return String.join(" ", distinct).getBytes(StandardCharsets.UTF_8);
    }

    public String key() {
        return key;
    }

    /** Whether the text has no words at all (jsoup's text is trimmed), without reading it: asked of every page in every build. */
    public boolean textless() {
        return text instanceof Stored s ? s.length() == 0 : text.get().length == 0;
    }

    /** The HTML's size in bytes (UTF-8), without reading it. */
    public int htmlSize() {
        return html instanceof Stored s ? s.length() : html.get().length;
    }

    public String html() {
        return new String(html.get(), StandardCharsets.UTF_8);
    }

    public String text() {
        return new String(text.get(), StandardCharsets.UTF_8);
    }

    /** The text's distinct search words, in the order they first occur. */
    public String[] words() {
        byte[] w = words.get();
        return w.length == 0 ? new String[0] : new String(w, StandardCharsets.UTF_8).split(" ");
    }

    /** The search words' bytes, for the cache (not to be changed). */
    public byte[] wordsBytes() {
        return words.get();
    }

    /** The HTML's bytes, for the cache (not to be changed). */
    public byte[] htmlBytes() {
        return html.get();
    }

    /** The plain text's bytes, for the cache (not to be changed). */
    public byte[] textBytes() {
        return text.get();
    }

    public List<Link> links() {
        return links;
    }

    public boolean headings() {
        return headings;
    }

    /** The cells of its tables' grids, spans counted. */
    public int cells() {
        return cells;
    }

    /** Its words as a reader reads them ({@link Text#readingWords}). */
    public int wordCount() {
        return wordCount;
    }
}
