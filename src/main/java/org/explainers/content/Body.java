package org.explainers.content;

import java.util.List;

/**
 * A file's text as the site publishes it: Flexmark's HTML after the allowlist, and what the
 * checks and the search need from it.
 *
 * @param key      a fingerprint of everything the HTML is made from (the file, Flexmark's options, the
 *                 allowlist, the images it shows): pages that show it are fingerprinted by it
 * @param html     the HTML, its top heading level being 2 (below the page's own h1)
 * @param text     the words, for the search index and feeds' summaries
 * @param links    every address in it (a href, img src, iframe src), in document order
 * @param headings whether it has headings of its own (a page moves them below its own)
 */
public record Body(String key, String html, String text, List<Link> links, boolean headings) {

    /** One address in the text: its attribute ("href", "src") and element ("a", "img", "iframe"). */
    public record Link(String element, String attribute, String url) {
    }
}
