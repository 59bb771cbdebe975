package org.explainers.content;

/**
 * An image named in a header (an article's lead image).
 *
 * @param src     the file, relative to the Markdown file (e.g. {@code lead.png})
 * @param alt     what it shows, for readers who cannot see it
 * @param caption optional caption, or null
 * @param credit  optional credit line, or null
 */
public record Image(String src, String alt, String caption, String credit) {
}
