package org.explainers.check;

import org.explainers.content.Urls;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a text may contain once Flexmark has rendered it: an allowlist of elements, attributes
 * and addresses, held by jsoup's {@link Safelist} (its {@code Cleaner} removes the rest).
 * Everything Flexmark writes for Markdown is on it, and the raw HTML a newsroom needs (small
 * inline elements, figures, tables, details); nothing that runs script, styles the page,
 * submits a form or loads from another site, except frames from the configured embed hosts.
 */
public final class HtmlPolicy extends Safelist {

    /** Class names Flexmark writes: footnotes, and the language of a fenced code block. */
    private static final Set<String> CLASSES = Set.of("footnotes", "footnote-ref", "footnote-backref");

    private final Set<String> embedHosts;
    /** The list of a text as published: with what {@link Transforms} adds. */
    private final boolean published;

    public HtmlPolicy(Set<String> embedHosts) {
        this(embedHosts, false, null);
    }

    /**
     * The allowlist of a text as the site publishes it: what a text may hold, and what
     * {@link Transforms} adds (an image's size, copies and loading, `dir`, footnote ids named
     * after their file, a figure's credit). Feed readers show the HTML of a feed's entries
     * without the pages' Content-Security-Policy: the output check holds that HTML to this list.
     */
    public static HtmlPolicy published(Set<String> embedHosts, org.explainers.content.SiteAddress site) {
        return new HtmlPolicy(embedHosts, true, site);
    }

    /** As published in a feed, an image's address is absolute: the site's own files, at its address (null for a text as written). */
    private final org.explainers.content.SiteAddress site;

    private String fileProblem(String value) {
        return published && site != null && site.holds(value) ? null : Urls.fileProblem(value);
    }

    private HtmlPolicy(Set<String> embedHosts, boolean published, org.explainers.content.SiteAddress site) {
        this.embedHosts = Set.copyOf(embedHosts);
        this.published = published;
        this.site = site;
        addTags("p", "br", "wbr", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                "em", "strong", "b", "i", "u", "s", "del", "ins", "small", "sub", "sup", "mark", "q", "cite", "abbr",
                "dfn", "kbd", "samp", "var", "time", "span", "div", "ul", "ol", "li", "dl", "dt", "dd",
                "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
                "a", "img", "figure", "figcaption", "details", "summary", "bdi");
        // Not <bdo>: it shows letters and digits in another order than written ("000,05" shown as "50,000"), and the
        // search, the feed and a reviewer's diff read them as written (an attacker's trial). <bdi> and dir order by the script.
        // A quote in another language and script: <q lang="ar" dir="rtl"> (screen readers switch voice; the browser orders the letters).
        addAttributes(":all", "lang", "dir");
        addAttributes("a", "href", "title", "class");
        addAttributes("img", "src", "alt", "title", "width", "height");
        addAttributes("abbr", "title");
        addAttributes("dfn", "title");
        addAttributes("time", "datetime");
        addAttributes("q", "cite");
        addAttributes("blockquote", "cite");
        addAttributes("ol", "start", "reversed");
        addAttributes("li", "id");
        addAttributes("sup", "id");
        addAttributes("div", "class");
        addAttributes("code", "class");
        addAttributes("th", "align", "colspan", "rowspan", "scope");
        addAttributes("td", "align", "colspan", "rowspan");
        addAttributes("col", "span");
        addAttributes("colgroup", "span");
        addAttributes("details", "open");
        if (!embedHosts.isEmpty()) {
            addTags("iframe");
            // frameborder: in every embed code YouTube gives; obsolete, so the bake drops it (Transforms).
            addAttributes("iframe", "src", "title", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy", "frameborder");
            if (published) {
                addAttributes("iframe", "sandbox");
            }
        }
        if (published) {
            addAttributes("img", "srcset", "sizes", "loading", "decoding");
            addAttributes("span", "class");
            addAttributes("a", "aria-label"); // a footnote's way back
            addAttributes("div", "role", "tabindex", "aria-label"); // a table's box
        }
    }

    /**
     * Everything under {@code root} the list refuses, in the tree's order: an element it does not
     * allow (with no attribute: what is inside goes with it), or an attribute of one it keeps.
     */
    public void refusals(Element root, java.util.function.BiConsumer<Element, Attribute> refused) {
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            if (!isSafeTag(e.normalName())) {
                refused.accept(e, null);
                continue;
            }
            for (Attribute a : e.attributes()) {
                if (!isSafeAttribute(e.normalName(), e, a)) {
                    refused.accept(e, a);
                }
            }
        }
    }

    /** What the allowlist depends on besides its code: part of every cached body's key. */
    public String fingerprint() {
        return String.join(",", new java.util.TreeSet<>(embedHosts));
    }

    @Override
    public boolean isSafeAttribute(String tag, Element el, Attribute attr) {
        if (!super.isSafeAttribute(tag, el, attr)) {
            return false;
        }
        return why(tag, el, attr.getKey(), attr.getValue()) == null;
    }

    /** An image's width as the build wrote it (the column's when there is none). */
    private static int width(Element img) {
        try {
            return img == null ? org.explainers.content.Images.COLUMN : Integer.parseInt(img.attr("width"));
        } catch (NumberFormatException e) {
            return org.explainers.content.Images.COLUMN;
        }
    }

    /** Why an attribute the list names for this element still cannot keep its value, or null. */
    String why(String tag, Element el, String key, String value) {
        switch (key) {
            case "href", "cite" -> {
                String p = Urls.linkProblem(value);
                p = p != null || published ? p : Urls.localProblem(value);
                return p == null ? null : "the address `" + value + "` " + p;
            }
            case "src" -> {
                String p = tag.equals("iframe") ? Urls.embedProblem(value, embedHosts) : fileProblem(value);
                return p == null ? null : "the " + (tag.equals("img") ? "image" : "frame") + " `" + value + "` " + p;
            }
            case "id" -> {
                return value.matches((published ? "[A-Za-z0-9._-]{1,200}-" : "") + "fn(ref)?-[A-Za-z0-9_-]{1,40}") ? null
                        : "an `id` is not allowed in the text (the page's own ids could clash)";
            }
            case "srcset" -> {
                if (!published) {
                    return null; // a text's own: not on the list
                }
                for (Urls.Candidate candidate : Urls.srcset(value)) {
                    String p = fileProblem(candidate.url());
                    if (p != null) {
                        return "the image `" + candidate.url() + "` " + p;
                    }
                }
                return null;
            }
            case "sizes", "loading", "decoding" -> {
                if (!published || tag.equals("iframe")) {
                    return null; // a text's own frame says how it loads
                }
                String made = key.equals("sizes") ? org.explainers.content.Images.sizes(width(el)) : Map.of("loading", "lazy", "decoding", "async").get(key);
                return value.equals(made) ? null : "`" + key + "` is the build's, `" + made + "`";
            }
            case "class" -> {
                // A footnote's marker or way back leads to a note of this text: one by hand to another site looked
                // like Flexmark's own marker (an attacker's trial). Asked of a text as written: a feed's are made absolute.
                if (!published && tag.equals("a") && CLASSES.contains(value) && !el.attr("href").startsWith("#")) {
                    return "class `" + value + "` belongs only on a link to a note of this text (`#…`) (write footnotes as `[^1]`)";
                }
                // The notes' block is Flexmark's, at the text's end: nested in itself, its smaller type hid a sentence (an attacker's trial).
                if (!published && value.equals("footnotes") && !(tag.equals("div") && el.parent() != null && el.parent().normalName().equals("body"))) {
                    return "class `footnotes` belongs only to the notes Flexmark writes at the text's end (write footnotes as `[^1]`)";
                }
                boolean ok = CLASSES.contains(value) || tag.equals("code") && value.matches("language-[A-Za-z0-9_+-]{1,30}")
                        || published && tag.equals("span") && value.equals("credit")
                        || published && tag.equals("div") && value.equals(Transforms.TABLE_BOX);
                return ok ? null : "class `" + value + "` is not allowed (the site's stylesheet does the styling)";
            }
            case "allow" -> {
                // What embed codes ask (YouTube's list), each for the frame's own site: a text may not hand a frame the
                // reader's camera, microphone, location or payments (an attacker's trial: `camera *; geolocation *`).
                for (String directive : value.split(";")) {
                    String[] parts = directive.strip().split("\\s+");
                    if (!parts[0].isEmpty() && (!FRAME_FEATURES.contains(parts[0].toLowerCase(Locale.ROOT)) || parts.length > 2
                            || parts.length == 2 && !Set.of("'src'", "'self'").contains(parts[1].toLowerCase(Locale.ROOT)))) {
                        return "`allow` gives the frame `" + directive.strip() + "`; a frame may have only " + String.join(", ", new java.util.TreeSet<>(FRAME_FEATURES))
                                + ", for its own site";
                    }
                }
                return null;
            }
            case "referrerpolicy" -> {
                // As the output check wants it, told at the text's line (an attacker's trial: `unsafe-url` passed the content check).
                return REFERRERS.contains(value.strip().toLowerCase(Locale.ROOT)) ? null : "referrerpolicy `" + value + "` sends readers' addresses to"
                        + " other sites (use one of " + String.join(", ", new java.util.TreeSet<>(REFERRERS)) + ", or none)";
            }
            case "role", "tabindex" -> {
                // The box the build puts around a table (Transforms.tables): a region the keyboard reaches.
                return published && tag.equals("div") && value.equals(key.equals("role") ? "region" : "0") ? null : "`" + key + "` is the build's";
            }
            case "sandbox" -> {
                return published && value.equals(Transforms.SANDBOX) ? null : "`sandbox` is the build's, `" + Transforms.SANDBOX + "`";
            }
            case "dir" -> {
                return Set.of("ltr", "rtl", "auto").contains(value.toLowerCase(Locale.ROOT)) ? null : "dir `" + value + "` is not ltr, rtl or auto";
            }
            case "lang" -> {
                String problem = org.explainers.content.Text.languageProblem(value);
                return problem == null ? null : "lang `" + value + "` is not a language tag (en, ar, uk, pt-BR)" + problem;
            }
            case "align" -> {
                return Set.of("left", "right", "center").contains(value.toLowerCase(Locale.ROOT)) ? null : "align `" + value + "` is not allowed";
            }
            case "width", "height", "colspan", "rowspan", "span" -> {
                return value.matches("[0-9]{1,5}") ? null : "`" + key + "` must be a number";
            }
            case "start" -> {
                return value.matches("-?[0-9]{1,9}") ? null : "`start` must be a number"; // Markdown's lists start at up to 9 digits
            }
            default -> {
                return null;
            }
        }
    }

    /** The referrer policies that send other sites no more than the site's own address. */
    public static final Set<String> REFERRERS = Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");

    /** What an embedded frame may use (the features embed codes ask for). */
    static final Set<String> FRAME_FEATURES = Set.of("accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen", "gyroscope",
            "picture-in-picture", "web-share");

    /** What to write instead of an element the list does not allow. */
    static final Map<String, String> TAG_FIXES = Map.ofEntries(
            Map.entry("script", "content may not run code; to show code, put it in `backticks`"),
            Map.entry("style", "the site's stylesheet does the styling; remove it"),
            Map.entry("iframe", "embed only pages from the hosts listed in jbake.properties (embed.hosts)"),
            Map.entry("object", "embed only pages from the hosts listed in jbake.properties (embed.hosts), in an <iframe>"),
            Map.entry("embed", "embed only pages from the hosts listed in jbake.properties (embed.hosts), in an <iframe>"),
            Map.entry("form", "the site has no forms; link to the form's page instead"),
            Map.entry("input", "the site has no forms; link to the form's page instead"),
            Map.entry("button", "the site has no forms; link to the page instead"),
            Map.entry("svg", "export the graphic as a PNG beside the text and use ![description](file.png)"),
            Map.entry("bdo", "write the text in the order it is read; for a name or quote in another script, `<bdi>` or `dir` lets the browser order it"),
            Map.entry("math", "write the formula as text, or as an image with a description"),
            Map.entry("link", "the site's stylesheet and scripts are its own; remove it"),
            Map.entry("meta", "remove it; the page's head is made by the templates"),
            Map.entry("base", "remove it; it would redirect every link of the page"),
            Map.entry("center", "delete the <center> and </center> tags (the text stays); the site sets the layout"),
            Map.entry("font", "delete the <font> and </font> tags (the text stays); the site's stylesheet sets the type"));

    /** As {@link #tagFix}, for this site: a frame where no host may be embedded yet says so. */
    String tagFixFor(String tag) {
        return tag.equals("iframe") && embedHosts.isEmpty() ? "this site embeds no other site's pages yet: a maintainer lists the hosts it may"
                + " in jbake.properties (e.g. embed.hosts=www.youtube-nocookie.com); until then, link to the page" : tagFix(tag);
    }

    static String tagFix(String tag) {
        return TAG_FIXES.getOrDefault(tag, "use Markdown, or one of the elements CONTRIBUTING.md lists; to show a < as text, write \\<");
    }

    /** What to write instead of an attribute the list does not allow, or whose value it refuses. */
    static String attributeFix(String tag, String key, String value) {
        if (key.startsWith("on")) {
            return "content may not run script: remove the attribute";
        }
        return switch (key) {
            case "href" -> java.util.Objects.requireNonNullElse(Urls.linkFix(value),
                    "link to https:, http:, mailto:, tel:, or to a page of the site by its file: [text](other-section.md)");
            case "src" -> tag.equals("img") ? "put the image beside the text and write ![what it shows](file.png)"
                    : "embed only from the hosts in jbake.properties (embed.hosts)";
            case "style" -> "remove it; the site's stylesheet does the styling";
            case "target" -> "remove it; links open where the reader chooses";
            case "allow" -> "keep only those in `allow`, without `*` or other sites: allow=\"autoplay; encrypted-media; picture-in-picture\"";
            case "id" -> "remove it; link to a section by its file name instead";
            default -> "remove the attribute";
        };
    }
}
