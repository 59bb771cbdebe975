package org.explainers.content;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file's text as the site publishes it: Flexmark's HTML after the allowlist, and what the
 * checks and the search need from it. The HTML and the words are kept as UTF-8 (half the
 * memory of a String holding typographic quotes) and decoded by whoever uses them.
 */
public final class Body {

    /** One address in the text: its attribute ("href", "src") and element ("a", "img", "iframe"). */
    public record Link(String element, String attribute, String url) {
    }

    private final String key;
    private final byte[] html;
    private final byte[] text;
    private final byte[] words;
    private final List<Link> links;
    private final boolean headings;

    /**
     * @param key      a fingerprint of everything the HTML is made from (the file, Flexmark's options, the
     *                 allowlist, the images it shows): pages that show it are fingerprinted by it
     * @param html     the HTML as UTF-8, its top heading level being 2 (below the page's own h1)
     * @param text     the plain text as UTF-8, for search results' snippets
     * @param words    the text's distinct search words ({@link Text#words}) as UTF-8, separated by spaces
     * @param links    every address in it (a href, img src, iframe src), in document order
     * @param headings whether it has headings of its own (a page moves them below its own)
     */
    public Body(String key, byte[] html, byte[] text, byte[] words, List<Link> links, boolean headings) {
        this.key = key;
        this.html = html;
        this.text = text;
        this.words = words;
        this.links = List.copyOf(links);
        this.headings = headings;
    }

    /** A body just made: its search words are worked out here, once (the cache keeps them). */
    public Body(String key, String html, String text, List<Link> links, boolean headings) {
        this(key, html.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8), words(text), links, headings);
    }

    private static byte[] words(String text) {
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        Text.words(text, distinct::add);
        return String.join(" ", distinct).getBytes(StandardCharsets.UTF_8);
    }

    public String key() {
        return key;
    }

    public String html() {
        return new String(html, StandardCharsets.UTF_8);
    }

    public String text() {
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The text's distinct search words, in the order they first occur. */
    public String[] words() {
        return words.length == 0 ? new String[0] : new String(words, StandardCharsets.UTF_8).split(" ");
    }

    /** The search words' bytes, for the cache (not to be changed). */
    public byte[] wordsBytes() {
        return words;
    }

    /** The HTML's bytes, for the cache (not to be changed). */
    public byte[] htmlBytes() {
        return html;
    }

    /** The plain text's bytes, for the cache (not to be changed). */
    public byte[] textBytes() {
        return text;
    }

    public List<Link> links() {
        return links;
    }

    public boolean headings() {
        return headings;
    }
}
