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

    /** Descriptions that say nothing of an image: a word for any image. */
    public static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("image", "picture", "photo", "photograph", "img", "graphic",
            "screenshot", "alt", "alt text", "placeholder", "description", "caption");

    /** Whether {@code alt} says nothing of the image {@code src}: a word for any image, or its file's name. */
    public static boolean describesNothing(String alt, String src) {
        String a = alt.strip().toLowerCase(java.util.Locale.ROOT);
        String name = src.substring(src.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        // A camera's or a phone's name for it too, without its extension (an editor's trial: `![IMG_4032](IMG_4032.jpg)`, read out as
        // "IMG underscore 4032"); a name of words (`![Map](map.png)`) may be meant.
        String stem = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
        return PLACEHOLDERS.contains(a) || a.equals(name) || a.equals(stem) && stem.matches(".*[0-9]{4}.*"); // a camera's number: not a logo's `3M`
    }
}
