package org.explainers.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Markdown body of every file: links and images must point at something the site
 * will contain, images need alt text, and nothing may run script, since the text comes from
 * outside contributors.
 */
final class BodyChecker {

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("(!?)\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+[\"'(][^)]*)?\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(href|src)\\s*=\\s*([\"'])(.*?)\\2", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\\s]*)>");
    private static final Pattern IMG_TAG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*([\"'])\\s*[^\"'\\s]", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE_TAG = Pattern.compile(
            "<\\s*(script|iframe|object|embed|style|frame|frameset|applet|base|meta|link|form)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^>]*?\\s(on[a-zA-Z]+)\\s*=", Pattern.CASE_INSENSITIVE);

    private final ContentIndex index;
    /** Output path (e.g. articles/a/01-b.html) to the ids a link may point at; null = any id. */
    private final Map<String, Set<String>> pages = new HashMap<>();
    private final Set<String> draftPages = new HashSet<>();

    BodyChecker(ContentIndex index) {
        this.index = index;
        for (ContentIndex.Article a : index.articlesBySlug().values()) {
            if (a.source == null) {
                continue;
            }
            Set<String> ids = new HashSet<>(Set.of("main", "contents"));
            for (ContentIndex.Section s : a.sections) {
                ids.add(s.anchor);
                if (s.draft()) {
                    draftPages.add(s.uri());
                }
            }
            pages.put(a.uri(), ids);
            if ("draft".equals(a.header.get("status"))) {
                draftPages.add(a.uri());
            }
        }
        for (String topic : index.vocabulary().topics().keySet()) {
            pages.put("topics/" + topic + ".html", Set.of("main"));
        }
        for (String page : List.of("index.html", "archive.html", "topics/index.html", "404.html", "feed.xml")) {
            pages.put(page, Set.of("main"));
        }
        for (String media : index.mediaFiles()) {
            pages.put(media, Set.of());
        }
        for (String page : index.unreadablePages()) {
            pages.put(page, null); // reported on its own; any anchor may be there
            String article = page.substring(0, page.lastIndexOf('/') + 1) + "index.html";
            String anchor = page.substring(page.lastIndexOf('/') + 1).replaceFirst("^[0-9]+-", "").replaceFirst("\\.html$", "");
            if (pages.get(article) != null) {
                pages.get(article).add(anchor);
            }
        }
    }

    void check(Collection<ContentIndex.Body> bodies, List<Problem> problems) {
        // A section page's ids, so that links between sections can be checked. Headings in a
        // section's text get no id (Flexmark writes none), so a link cannot point at one.
        for (ContentIndex.Body body : bodies) {
            ContentIndex.Section s = index.section(body.source());
            if (s != null) {
                pages.put(s.uri(), new HashSet<>(Set.of("main")));
            }
        }
        for (ContentIndex.Body body : bodies) {
            checkBody(body, problems);
        }
    }

    private void checkBody(ContentIndex.Body body, List<Problem> problems) {
        String path = "content/" + body.source();
        String pageUri = body.source().substring(0, body.source().length() - 3) + ".html";
        boolean published = !draftPages.contains(pageUri);
        String fence = null;
        for (int i = 0; i < body.lines().size(); i++) {
            String raw = body.lines().get(i);
            int line = body.firstLine() + i;
            Matcher f = FENCE.matcher(raw);
            if (fence != null) {
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()) {
                    fence = null;
                }
                continue;
            }
            if (f.find()) {
                fence = f.group(1);
                continue;
            }
            String text = raw.indexOf('`') >= 0 ? CODE_SPAN.matcher(raw).replaceAll("") : raw;
            boolean html = text.indexOf('<') >= 0;
            boolean brackets = text.indexOf('[') >= 0;

            Matcher m = UNSAFE_TAG.matcher(text);
            while (html && m.find()) {
                problems.add(Problem.error(path, line, "raw <" + m.group(1).toLowerCase(Locale.ROOT) + "> is not allowed",
                        "content may not embed scripts, frames, objects or styles; remove it, or put it in `code` to show it as text"));
            }
            m = HANDLER.matcher(text);
            while (html && m.find()) {
                problems.add(Problem.error(path, line, "inline event handler `" + m.group(1) + "=` is not allowed",
                        "remove the attribute; content may not run script"));
            }
            m = IMG_TAG.matcher(text);
            while (html && m.find()) {
                if (!ALT.matcher(m.group()).find()) {
                    problems.add(Problem.error(path, line, "image has no alt text",
                            "add alt=\"what the image shows\" to the <img> tag"));
                }
            }
            m = LINK.matcher(text);
            while (brackets && m.find()) {
                boolean image = !m.group(1).isEmpty();
                if (image && m.group(2).isBlank()) {
                    problems.add(Problem.error(path, line, "image " + m.group(3) + " has no alt text",
                            "describe the image between the brackets: ![What the image shows](" + m.group(3) + ")"));
                }
                checkTarget(path, line, pageUri, m.group(3), image, published, problems);
            }
            m = REFERENCE.matcher(text);
            if (brackets && m.matches()) {
                checkTarget(path, line, pageUri, m.group(1), false, published, problems);
            }
            m = ATTRIBUTE.matcher(text);
            while (html && m.find()) {
                checkTarget(path, line, pageUri, m.group(3), m.group(1).equalsIgnoreCase("src"), published, problems);
            }
            m = AUTOLINK.matcher(text);
            while (html && m.find()) {
                checkTarget(path, line, pageUri, m.group(1), false, published, problems);
            }
        }
    }

    private void checkTarget(String path, int line, String pageUri, String target, boolean image, boolean published,
                             List<Problem> problems) {
        String squeezed = target.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
        if (squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:") || squeezed.startsWith("data:text/html")) {
            problems.add(Problem.error(path, line, "a `" + squeezed.substring(0, squeezed.indexOf(':') + 1) + "` URL is not allowed",
                    "link to a page instead; content may not run script"));
            return;
        }
        if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
            return; // external (http:, mailto:, ...): not ours to check
        }
        String what = image ? "image" : "link";
        String file = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            file = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        String resolved;
        try {
            resolved = file.isEmpty() ? pageUri : new URI(null, null, pageUri, null).resolve(new URI(null, null, file, null)).getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(Problem.error(path, line, what + " `" + target + "` is not a valid address", "check the spelling"));
            return;
        }
        if (resolved.startsWith("/") || resolved.startsWith("../")) {
            problems.add(Problem.error(path, line, what + " `" + target + "` leaves the site",
                    "use a relative link such as ../other-article/index.html, never one starting with /"));
            return;
        }
        if (resolved.endsWith(".md")) {
            resolved = resolved.substring(0, resolved.length() - 3) + ".html"; // links to sources work in Git previews and are rewritten
        }
        if (pages.containsKey(resolved) && pages.get(resolved) == null) {
            return;
        }
        Set<String> ids = pages.get(resolved);
        if (ids == null) {
            String kind = resolved.substring(resolved.lastIndexOf('.') + 1);
            String near = Text.closest(resolved, // an image for an image, a page for a page
                    pages.keySet().stream().filter(p -> p.endsWith("." + kind)).toList());
            problems.add(Problem.error(path, line, what + " `" + target + "` points to " + resolved + ", which the site does not have",
                    near != null ? "did you mean `" + relative(pageUri, near) + "`?" : "check the file name; links are relative to this file"));
            return;
        }
        if (published && draftPages.contains(resolved)) {
            problems.add(Problem.error(path, line, what + " `" + target + "` points to a draft",
                    "publish that page first, or remove the link"));
            return;
        }
        if (anchor != null && !anchor.isEmpty() && !ids.contains(anchor)) {
            problems.add(Problem.error(path, line, "anchor `#" + anchor + "` does not exist in " + resolved,
                    ids.isEmpty() ? "remove the #anchor" : "use one of " + String.join(", ", new java.util.TreeSet<>(ids))
                            + Text.didYouMean(anchor, ids)));
        }
    }

    /** A relative link from page {@code from} to {@code to}, for suggestions. */
    static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            out.append("../");
        }
        for (int i = common; i < b.length; i++) {
            out.append(b[i]).append(i < b.length - 1 ? "/" : "");
        }
        return out.toString();
    }
}
