package org.explainers.verify;

import org.explainers.bake.Output;
import org.explainers.check.HtmlPolicy;
import org.explainers.content.Doc;
import org.explainers.content.Problems;
import org.explainers.content.Project;
import org.explainers.content.Site;
import org.explainers.content.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the baked folder as a browser and a feed reader would, before it is published: every
 * page is there and no draft is; each page carries the site's Content-Security-Policy, runs no
 * inline script and points only at allowed addresses, whatever put them there (a body, a
 * header, a vocabulary, the configuration or a template); every feed and sitemap is
 * well-formed XML; and every link between pages leads to a file the site has.
 */
public final class OutputCheck {

    /** Attributes that hold an address, by element ("*": any element). */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction", "poster",
            "data", "cite", "background", "ping", "manifest", "longdesc", "usemap", "codebase", "xlink:href", "content", "imagesrcset");
    /** Microdata's attributes: claims about the page (its publisher, its address) that the JSON-LD's checks would not see. */
    private static final Set<String> MICRODATA = Set.of("itemscope", "itemprop", "itemtype", "itemid", "itemref");
    /** RDFa's, which search engines read alike (`property` is Open Graph's too, on <meta> only). */
    private static final Set<String> RDFA = Set.of("vocab", "typeof", "resource", "about", "prefix", "datatype", "inlist");
    /** The elements whose rel="opener" lets the page they open navigate this one. */
    private static final Set<String> OPENERS = Set.of("a", "area", "form");

    /**
     * Elements no page may have: those that load or run other documents, and those a browser
     * parses otherwise than this check's parser does (a browser with scripting reads <noscript>
     * as raw text, so `</noscript>` in an attribute ends it there and what follows runs; a
     * <template>'s content is inert to a browser; the old raw-text elements), or with foreign
     * content, where the two parsers' rules differ.
     */
    private static final Set<String> FORBIDDEN = Set.of("base", "object", "embed", "applet", "frame", "frameset", "portal",
            "noscript", "template", "noembed", "noframes", "xmp", "plaintext", "listing", "svg", "math");

    /**
     * The relations a {@code <link>} may have: none that opens a connection the policy does not
     * govern ({@code preconnect} and {@code dns-prefetch} reach any host, carrying what their
     * names say), nor loads another page ahead ({@code prefetch}, {@code prerender}).
     */
    private static final Set<String> LINK_RELS = Set.of("stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload",
            "canonical", "alternate", "prev", "next", "author", "license", "search");
    /** What a {@code <meta http-equiv>} may say: the policy, a refresh (judged as a link); the encoding is `<meta charset>`'s. */
    private static final Set<String> META_EQUIV = Set.of("content-security-policy", "refresh");
    /**
     * The names a {@code <meta name>} may have. Others are read by search engines and other sites
     * as the owner's word: a verification token hands the site to whoever made it (Search
     * Console, Bing, Facebook), `googlebot` rules take pages out of search.
     */
    private static final Set<String> META_NAMES = Set.of("description", "viewport", "color-scheme", "theme-color", "referrer", "robots",
            "generator", "author", "keywords", "twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt");
    /** The Open Graph properties a {@code <meta property>} may have (og:see_also, og:video and such would lead elsewhere). */
    private static final Set<String> META_PROPERTIES = Set.of("og:url", "og:site_name", "og:title", "og:description", "og:type", "og:locale",
            "og:image", "og:image:url", "og:image:secure_url", "og:image:alt", "og:image:width", "og:image:height", "og:image:type",
            "article:published_time", "article:modified_time", "article:tag", "article:section");
    /** The {@code <meta>}s whose content is an address that shares and previews use: the site's own, as its canonical links. */
    private static final Set<String> META_ADDRESSES = Set.of("og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image");
    /** Referrer policies that never send a page's full address to another site. */
    private static final Set<String> REFERRERS = org.explainers.check.HtmlPolicy.REFERRERS;

    /** The vocabularies of the site's XML files: Atom for the feeds, sitemaps and their index. */
    private static final Set<String> XML_NAMESPACES = Set.of("http://www.w3.org/2005/Atom", "http://www.sitemaps.org/schemas/sitemap/0.9");

    private final Site site;
    private final Project project;
    private final Problems problems;
    private final String csp;
    /** What the HTML inside a feed may hold: a text's allowlist, as published. */
    private final HtmlPolicy feedPolicy;

    public OutputCheck(Site site, Project project, String csp, Problems problems) {
        this.site = site;
        this.project = project;
        this.feedPolicy = HtmlPolicy.published(project.embedHosts, project.address);
        this.csp = csp;
        this.problems = problems;
    }

    /**
     * Problems told per file: a template that writes a million broken links made millions of
     * problems (gigabytes, minutes); past these, one line says there are more.
     */
    private static final int MAX_PER_FILE = 20;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> told = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();

    private void report(String file, String message, String fix) {
        if (!seen.computeIfAbsent(file, k -> ConcurrentHashMap.newKeySet()).add(message + '\0' + fix)) {
            return; // the same problem again (a link in the header and the footer): told once, counted once
        }
        int n = told.computeIfAbsent(file, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        if (n <= MAX_PER_FILE) {
            problems.error(file, 0, message, fix);
        } else if (n == MAX_PER_FILE + 1) {
            problems.error(file, 0, "has more problems than these " + MAX_PER_FILE, "fix them and build again to see the others");
        }
    }

    /** The site's numbers, for the summary line. */
    public record Report(int pages, int files) {
    }

    /** The pages the sitemap leaves out (the 404 page, redirects): only they may tell search engines to pass them by. */
    private Set<String> unlisted = Set.of();

    /**
     * @param expected every page and feed the bake planned
     * @param unlisted those of them the sitemap leaves out
     */
    public Report run(Output out, Collection<String> expected, Set<String> unlisted) throws IOException {
        this.unlisted = unlisted;
        for (String path : expected) {
            if (!out.has(path)) {
                report("site/" + path, "was not written", "see the problems above; a template may have failed");
            } else if (!path.endsWith(".html") && !path.endsWith(".xml")) {
                // Only .html and .xml files are read back below: a page by another name (.htm, .xhtml) would pass unread.
                report("site/" + path, "is a page whose name ends neither in .html nor .xml, which this check reads", "this is a bug in the build");
            }
        }
        for (Doc d : site.docs()) {
            if (!site.listed(d) && out.has(d.uri())) {
                report(d.path(), "a " + site.state(d).name().toLowerCase(java.util.Locale.ROOT) + " was written to " + d.uri(), "this is a bug in the build");
            }
        }
        Map<String, List<String>> links = new ConcurrentHashMap<>();
        List<String> fresh = out.fresh().stream()
                .filter(p -> p.endsWith(".html") || p.endsWith(".xml")).toList();
        byte[] templatesFolder = project.machineFolder().getBytes(StandardCharsets.UTF_8);
        fresh.parallelStream().forEach(path -> {
            try {
                // Both scans below run over the bytes, before they are decoded: over the String, one
                // character at a time, they were ~5% of a cold build's CPU at 10,000 sections.
                byte[] bytes = Files.readAllBytes(Output.file(out.dir, path));
                int control = control(bytes);
                if (control >= 0) {
                    report("site/" + path, "has an invisible control character U+" + String.format(java.util.Locale.ROOT, "%04X", control)
                            + " (an encoding's escape, or a character a browser reads otherwise)", "a template writes it; remove it");
                }
                String text = new String(bytes, StandardCharsets.UTF_8); // the build wrote it from Java's Strings: UTF-8 as it should be
                if (org.explainers.content.Text.indexOf(bytes, templatesFolder) >= 0) {
                    // The templates' folder on the machine that builds: a template printing a path (FreeMarker's own messages name it templates/).
                    report("site/" + path, "shows a folder of the machine that builds (" + project.templates + ")",
                            "a template prints an error message or a path; remove it");
                }
                if (path.endsWith(".html")) {
                    links.put(path, page(path, text));
                } else {
                    xml(path, text);
                }
            } catch (IOException e) {
                report("site/" + path, "cannot be read back: " + e.getMessage(), "check the disk");
            }
        });
        links.forEach(out::links);
        Map<String, Output.Entry> files = out.entries();
        int pages = (int) files.keySet().stream().filter(p -> p.endsWith(".html")).count();
        java.util.SortedMap<String, List<String>> broken = new java.util.TreeMap<>(); // reported by page, then in the page's order
        for (Map.Entry<String, Output.Entry> e : out.linksToCheck().entrySet()) {
            for (String target : e.getValue().links()) {
                if (!out.has(target) && !out.has(target + (target.isEmpty() || target.endsWith("/") ? "" : "/") + "index.html")) {
                    broken.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(target);
                }
            }
        }
        broken.forEach((page, targets) -> targets.forEach(target -> report("site/" + page,
                "links to " + target + ", which the site does not have", "a template or a text points at a page that is not made; fix the link")));
        return new Report(pages, files.size());
    }

    /** Checks one page; returns the site paths it links to. */
    List<String> page(String path, String html) {
        Document doc = Jsoup.parse(html);
        String where = "site/" + path;
        List<String> internal = new ArrayList<>();
        // The policy holds for what comes after it: it is <head>'s first element but for <meta charset>.
        Element meta = doc.head().selectFirst("meta[http-equiv=Content-Security-Policy]");
        if (meta == null || !meta.attr("content").equals(csp) || meta.parent() != doc.head()
                || meta.previousElementSiblings().stream().anyMatch(e -> !(e.normalName().equals("meta") && e.hasAttr("charset")))) {
            report(where, "the page does not carry the site's Content-Security-Policy as the first element of <head>",
                    "build every page on templates/layout.ftlh, which adds it");
        }
        // Every page is checked as UTF-8 and must be read so: another encoding (ISO-2022-JP's escapes) would hide markup from this check.
        Element first = doc.head().children().first();
        if (first == null || !first.normalName().equals("meta") || !first.attr("charset").strip().equalsIgnoreCase("utf-8")
                || doc.select("meta[charset]").size() != 1) {
            report(where, "the page does not declare UTF-8, and only UTF-8, as <head>'s first element (<meta charset=\"utf-8\">)",
                    "keep templates/layout.ftlh's <meta charset=\"utf-8\"> first, and no other encoding");
        }
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (FORBIDDEN.contains(tag)) {
                report(where, "has a <" + tag + "> element", "remove it from the template");
            }
            if (e.hasAttr("referrerpolicy") && !REFERRERS.contains(e.attr("referrerpolicy").strip().toLowerCase(java.util.Locale.ROOT))) {
                report(where, "has referrerpolicy=\"" + e.attr("referrerpolicy") + "\" on <" + tag + ">, which sends readers' addresses to other sites",
                        "use one of " + String.join(", ", new java.util.TreeSet<>(REFERRERS)) + ", or none");
            }
            if (tag.equals("link")) {
                for (String rel : rels(e)) {
                    if (!LINK_RELS.contains(rel)) {
                        report(where, "has <link rel=\"" + rel + "\">, which the site's pages do not use (it may reach other hosts)",
                                "remove it; a <link> is one of " + String.join(", ", new java.util.TreeSet<>(LINK_RELS)));
                    }
                }
            }
            if (tag.equals("meta")) {
                meta(where, path, e, internal);
            }
            if (OPENERS.contains(tag) && e.hasAttr("rel") && rels(e).contains("opener")) {
                report(where, "has rel=\"opener\" on <" + tag + "> (the page it opens could navigate this one)", "remove it");
            }
            // rel="me" is the page's word that the address it leads to is the same person: Mastodon shows the site as
            // that account's, IndieAuth signs its holder in as the site. Only an author's page says so, of the author's link.
            if (e.hasAttr("rel") && rels(e).contains("me") && !(tag.equals("a") && path.startsWith(project.paths.authors() + "/"))) {
                report(where, "has rel=\"me\" on <" + tag + ">, which claims the address it leads to as the page's owner's",
                        "remove it; an author's page alone links to the author's own page so");
            }
            if (e.hasAttr("download")) {
                report(where, "has a `download` attribute on <" + tag + "> (readers would save a file of the site under the name it gives)", "remove it");
            }
            if (tag.equals("script") && !e.hasAttr("src") && !e.attr("type").equals("application/ld+json")) {
                report(where, "has an inline script", "put scripts in assets/js/ and load them with <script src>");
            } else if (tag.equals("script") && !e.hasAttr("src")) {
                linkedData(where, e.data());
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
                if (key.startsWith("on")) {
                    report(where, "has an event handler attribute `" + key + "` on <" + tag + ">", "remove it; scripts go in assets/js/");
                } else if (key.equals("data-index") && !a.getValue().equals(project.paths.search() + "/")
                        || key.equals("data-root") && !a.getValue().equals("../".repeat((int) path.chars().filter(c -> c == '/').count()))
                        && !a.getValue().equals(project.address.path())) {
                    // The site's script loads the search's files from data-root + data-index as scripts: only from the search's folder.
                    report(where, "has " + key + "=\"" + a.getValue() + "\" on <" + tag + ">, from which the site's search would load scripts",
                            "write " + key + "=\"" + (key.equals("data-index") ? "${site.paths.search}" : "${l.root()}") + "\", as templates/layout.ftlh does");
                } else if (MICRODATA.contains(key) && !(tag.equals("meta") && key.equals("itemprop")) // a <meta>'s itemprop: meta()
                        || RDFA.contains(key) || key.equals("property") && !tag.equals("meta")) {
                    report(where, "has microdata or RDFa (`" + key + "`) on <" + tag + ">, which search engines read as claims about the page",
                            "remove it; the page's structured data is its JSON-LD, whose addresses are checked");
                } else if (key.equals("attributionsrc")) {
                    report(where, "has `attributionsrc` on <" + tag + "> (it registers the reader with an advertiser's attribution reporting)", "remove it");
                } else if (key.equals("srcdoc")) {
                    report(where, "has a `srcdoc` attribute on <" + tag + "> (a document of its own, outside the checks)", "remove it");
                } else if (URL_ATTRIBUTES.contains(key) && !key.equals("content")) { // a <meta>'s content: meta()
                    address(where, path, tag, e, key, a.getValue(), internal);
                }
            }
        }
        return internal;
    }

    /**
     * The first control character of a page in UTF-8 (but tab, line feed, form feed and carriage
     * return), or -1: C0 and DEL are bytes of their own; C1 (U+0080 to U+009F) is 0xC2 and a
     * second byte 0x80 to 0x9F, and 0xC2 is only ever a first byte.
     */
    static int control(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' || b == 0x7F) {
                return b;
            }
            if (b == 0xC2 && i + 1 < utf8.length && (utf8[i + 1] & 0xFF) >= 0x80 && (utf8[i + 1] & 0xFF) <= 0x9F) {
                return utf8[i + 1] & 0xFF;
            }
        }
        return -1;
    }

    /** An element's relations, as HTML reads its `rel`: tokens between ASCII spaces, in lower case. */
    private static List<String> rels(Element e) {
        return java.util.Arrays.stream(e.attr("rel").toLowerCase(java.util.Locale.ROOT).split("[ \\t\\n\\f\\r]+"))
                .filter(r -> !r.isEmpty()).toList();
    }

    /** What was decided for an address in an element, by element, attribute, rel and address: pages repeat their links. */
    private final Map<String, String> decided = new ConcurrentHashMap<>();
    /** Site paths of relative addresses, by the page's folder and the address. */
    private final Map<String, String> resolved = new ConcurrentHashMap<>();
    private static final String NONE = "";

    private void address(String where, String path, String tag, Element e, String key, String value, List<String> internal) {
        if (key.equals("srcset") || key.equals("imagesrcset")) {
            for (Urls.Candidate candidate : Urls.srcset(value)) {
                address(where, path, tag, e, "src", candidate.url(), internal);
            }
            return;
        }
        String memo = tag + ' ' + key + ' ' + e.attr("rel") + ' ' + value;
        String problem = decided.get(memo);
        if (problem == null) {
            String judged = judge(tag, key, e, value);
            problem = judged == null ? NONE : judged;
            decided.put(memo, problem);
        }
        if (!problem.isEmpty()) {
            report(where, "<" + tag + " " + key + "=\"" + value + "\"> " + problem, "fix the template or the text that writes it");
            return;
        }
        boolean script = tag.equals("script") || tag.equals("link") && (rels(e).contains("modulepreload")
                || e.attr("as").equalsIgnoreCase("script") || e.attr("as").equalsIgnoreCase("worker"));
        String read = Urls.asBrowserReads(value);
        if (script && (read.isEmpty() || read.startsWith("#") || read.startsWith("?"))) {
            // The page itself, fetched as a script: a page written to be JavaScript too (`<!--` opens a JS comment) would run.
            report(where, "<" + tag + " " + key + "=\"" + value + "\"> loads the page itself as a script", "load scripts from assets/js/ only");
            return;
        }
        String folder = path.substring(0, path.lastIndexOf('/') + 1);
        String target = resolved.computeIfAbsent(folder + '\0' + value, k -> {
            String t = internal(path, value, project.address.path());
            return t == null ? NONE : t;
        });
        if (!target.isEmpty()) {
            internal.add(target);
            // A script is the site's own (assets/js/, which maintainers review) or the search's; any other file of the site
            // (a font or an image an editor may change) would run as one if a page loaded it so.
            if (script && !target.startsWith("js/") && !target.startsWith(project.paths.search() + "/")) {
                report(where, "<" + tag + " " + key + "=\"" + value + "\"> loads " + target + " as a script; scripts are the site's js/ files",
                        "load scripts from assets/js/ only");
            }
        }
    }

    /**
     * A {@code <meta>}: one of charset, http-equiv, name or property, each from a short list, and
     * an address in it the site's own. A template could otherwise take the site out of search
     * engines (robots), hand it to another owner (a verification token), credit shares to another
     * host (og:url), or reload every page on a timer (a refresh without an address).
     */
    private void meta(String where, String path, Element e, List<String> internal) {
        int kinds = (e.hasAttr("charset") ? 1 : 0) + (e.hasAttr("http-equiv") ? 1 : 0) + (e.hasAttr("name") ? 1 : 0) + (e.hasAttr("property") ? 1 : 0);
        if (kinds != 1 || e.hasAttr("itemprop")) {
            report(where, "has a <meta> with " + (e.hasAttr("itemprop") ? "itemprop (microdata, which search engines read)"
                    : kinds == 0 ? "none of charset, http-equiv, name and property" : "more than one of charset, http-equiv, name and property"),
                    "give each <meta> one of charset, http-equiv, name or property, as templates/partials/seo.ftlh does");
            return;
        }
        String content = e.attr("content");
        if (e.hasAttr("http-equiv")) {
            String equiv = e.attr("http-equiv").strip().toLowerCase(java.util.Locale.ROOT);
            if (!META_EQUIV.contains(equiv)) {
                report(where, "has <meta http-equiv=\"" + e.attr("http-equiv") + "\">", "remove it from the template");
            } else if (equiv.equals("refresh")) { // a page left at a moved file's old address: "0; url=..."
                String url = refreshUrl(content);
                if (url == null || Urls.linkProblem(url) != null || !"".equals(Urls.scheme(url)) || !ownPath(url)) {
                    report(where, "<meta http-equiv=\"refresh\" content=\"" + content + "\"> must lead to a page of the site"
                            + (url == null ? " (without an address it reloads the page, again and again)" : ""), "fix the template that writes it");
                } else if (internal(path, url, project.address.path()) != null) {
                    internal.add(internal(path, url, project.address.path()));
                }
            }
            return;
        }
        String name = (e.hasAttr("name") ? e.attr("name") : e.attr("property")).strip().toLowerCase(java.util.Locale.ROOT);
        String attribute = e.hasAttr("name") ? "name" : "property";
        String said = "<meta " + attribute + "=\"" + e.attr(attribute) + "\">";
        Set<String> allowed = e.hasAttr("name") ? META_NAMES : META_PROPERTIES;
        if (e.hasAttr("charset")) {
            return;
        } else if (!allowed.contains(name)) {
            report(where, "has " + said + ", which the site's pages do not use (search engines and other sites read such tags as the owner's"
                    + " word: a verification token, indexing rules)", "remove it; <meta " + attribute + "> is one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)));
        } else if (name.equals("robots") && !unlisted.contains(path)) {
            report(where, "has <meta name=\"robots\" content=\"" + content + "\"> on a page the sitemap lists",
                    "remove it: only pages the sitemap leaves out (the 404 page, redirects) tell search engines to pass them by");
        } else if (name.equals("referrer") && !REFERRERS.contains(content.strip().toLowerCase(java.util.Locale.ROOT))) {
            report(where, "has <meta name=\"referrer\" content=\"" + content + "\">, which sends readers' addresses to other sites",
                    "use one of " + String.join(", ", new java.util.TreeSet<>(REFERRERS)) + ", or none");
        } else if (META_ADDRESSES.contains(name)) {
            if (!own(content)) {
                report(where, "<meta " + attribute + "=\"" + e.attr(attribute) + "\" content=\"" + content + "\"> " + NOT_OWN + project.address.base(),
                        "write the site's own address, as templates/partials/seo.ftlh does (l.abs)");
            } else if (internal(path, ownRelative(content), project.address.path()) != null) {
                internal.add(internal(path, ownRelative(content), project.address.path()));
            }
        }
    }

    /** An absolute address on the site as a path from the host's root, as the 404 page's links are (checked as those). */
    private String ownRelative(String url) {
        String read = Urls.asBrowserReads(url);
        return project.address.path() + read.substring(project.address.base().length());
    }

    /**
     * Structured data (JSON-LD), as JSON: search engines read its addresses as the page's own
     * (url, @id), its author's and publisher's, and its search box's. Every string that is an
     * address of the web must be the site's own; the vocabulary must be schema.org's.
     */
    private void linkedData(String where, String json) {
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(json)) {
            for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    continue;
                }
                String value = parser.getText();
                String read = Urls.asBrowserReads(value);
                String scheme = Urls.scheme(value);
                // A text property is read as text ("headline": "Data: who holds yours" is a headline, not a data: address).
                boolean address = !TEXT_KEYS.contains(parser.currentName()) && (read.startsWith("//") || scheme != null && WEB_SCHEMES.contains(scheme));
                if ("@context".equals(parser.currentName())) {
                    if (!SCHEMA_ORG.contains(value)) {
                        report(where, "has JSON-LD whose @context is \"" + value + "\", not schema.org's", "write \"@context\":\"https://schema.org\"");
                    }
                } else if (address && !own(value)) {
                    report(where, "has JSON-LD whose \"" + parser.currentName() + "\" is " + value + ", which " + NOT_OWN + project.address.base(),
                            "write the site's own address, as templates/partials/seo.ftlh does (l.abs)");
                }
            }
        } catch (IOException e) {
            report(where, "has JSON-LD that is not well-formed JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix the template that writes it (templates/partials/seo.ftlh)");
        }
    }

    /** Strict JSON, one value: what search engines take. */
    private static final com.fasterxml.jackson.core.JsonFactory JSON = com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Schemes an address may lead elsewhere by (javascript: and data: too: a reader of the data may open them). */
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ftp", "ws", "wss", "javascript", "data", "vbscript", "file", "blob");
    /** schema.org's properties whose values are text, never an address (an editor's headline or summary may begin "Data:" or "File:"). */
    private static final Set<String> TEXT_KEYS = Set.of("headline", "alternativeHeadline", "description", "disambiguatingDescription", "name",
            "alternateName", "jobTitle", "text", "articleBody", "abstract", "caption", "keywords", "articleSection", "inLanguage");
    private static final Set<String> SCHEMA_ORG = Set.of("https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/");

    /**
     * The address a refresh's content leads to, read as browsers read it (HTML's "shared
     * declarative refresh steps"; jsoup does not read it): a time, then `;` or `,`, then the
     * address, with or without `url=` and quotes. Null when there is none (the page reloads
     * itself) or browsers ignore the content.
     */
    static String refreshUrl(String content) {
        String s = content;
        int i = skipSpace(s, 0);
        int time = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80 || s.charAt(i) == '.')) {
            i++;
        }
        if (i == time || i == s.length()) {
            return null;
        }
        char c = s.charAt(i);
        if (c != ';' && c != ',' && !isSpace(c)) {
            return null;
        }
        i = skipSpace(s, i);
        if (i < s.length() && (s.charAt(i) == ';' || s.charAt(i) == ',')) {
            i = skipSpace(s, i + 1);
        }
        if (i == s.length()) {
            return null;
        }
        String rest = s.substring(i);
        if (rest.length() >= 3 && rest.substring(0, 3).equalsIgnoreCase("url")) {
            int j = skipSpace(rest, 3);
            if (j < rest.length() && rest.charAt(j) == '=') {
                rest = rest.substring(skipSpace(rest, j + 1));
            }
        }
        if (!rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
            int end = rest.indexOf(rest.charAt(0), 1);
            rest = rest.substring(1, end < 0 ? rest.length() : end);
        }
        return rest;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * A path on this site: no scheme and no host, as java.net.URI reads it, and not starting with
     * two slashes (URI takes `///elsewhere.example/` for an empty host and a path; a browser skips
     * the slashes and goes to the host).
     */
    private static boolean ownPath(String url) {
        String s = Urls.asBrowserReads(url);
        if (s.startsWith("//")) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(s);
            return u.getScheme() == null && u.getRawAuthority() == null;
        } catch (java.net.URISyntaxException e) {
            return false; // a backslash, a space: browsers would read it their own way
        }
    }

    /** Why an address may not be in this element's attribute, or null. */
    private String judge(String tag, String key, Element e, String value) {
        String problem;
        boolean link = key.equals("href") || key.equals("cite");
        if (tag.equals("link") && key.equals("href")) {
            List<String> rel = rels(e);
            boolean own = rel.stream().anyMatch(r -> r.equals("stylesheet") || r.endsWith("icon") || r.equals("manifest") || r.endsWith("preload")
                    || r.equals("search"));
            // The page's other addresses, feeds (which readers subscribe to from here), pages before and after: the site's.
            boolean ownPage = rel.stream().anyMatch(r -> r.equals("canonical") || r.equals("alternate") || r.equals("prev") || r.equals("next"));
            if (own) {
                problem = Urls.fileProblem(value);
            } else if (ownPage) {
                problem = Urls.fileProblem(value) == null || own(value) ? null : NOT_OWN + project.address.base(); // relative, or absolute on the site
            } else {
                problem = Urls.linkProblem(value);
            }
        } else if (tag.equals("iframe") && key.equals("src")) {
            problem = Urls.embedProblem(value, project.embedHosts);
        } else if (link && (tag.equals("a") || tag.equals("area") || tag.equals("blockquote") || tag.equals("q") || tag.equals("del") || tag.equals("ins"))) {
            problem = Urls.linkProblem(value);
        } else if (key.equals("src") && Set.of("img", "script", "source", "track", "audio", "video", "input").contains(tag)) {
            problem = Urls.fileProblem(value);
        } else {
            problem = "may not be set here";
        }
        return problem;
    }

    /**
     * The site path an address leads to from a page, or null when it is another site's or only
     * an #anchor. An address from the host's root (the 404 page's) must start with the site's path.
     */
    static String internal(String from, String value, String sitePath) {
        String url = Urls.asBrowserReads(value);
        if (url.startsWith("/") && !url.startsWith("//")) {
            if (!url.startsWith(sitePath)) {
                return url; // reported as missing: it leaves the site
            }
            from = "index.html";
            url = url.substring(sitePath.length());
            if (url.isEmpty()) {
                return "index.html";
            }
        }
        String scheme = Urls.scheme(url);
        if (scheme == null || !scheme.isEmpty() || url.startsWith("//") || url.startsWith("#") || url.isEmpty()) {
            return null;
        }
        int cut = url.length();
        for (char c : new char[]{'#', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        try {
            String path = new URI(null, null, "/" + from, null).resolve(new URI(url.substring(0, cut))).getPath();
            return path.startsWith("/") ? path.substring(1) : path;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url;
        }
    }

    /** An element of a feed or sitemap being read: its text when it is checked (HTML, or an address), and whether it is HTML. */
    private record Open(StringBuilder text, boolean html) {
    }

    /** Atom's text constructs: a feed reader shows their HTML (type="html"), unescaped once, without the pages' policy. */
    private static final Set<String> ATOM_TEXTS = Set.of("title", "subtitle", "summary", "content", "rights");
    /** Elements whose text is an address a reader may open or load: Atom's images and people's pages, a sitemap's pages. */
    private static final Set<String> ADDRESS_TEXTS = Set.of("icon", "logo", "uri", "loc", "id");
    /** Attributes of feeds and sitemaps that hold an address. */
    private static final Set<String> ADDRESS_ATTRIBUTES = Set.of("href", "src", "uri", "scheme");

    private void xml(String path, String text) {
        String where = "site/" + path;
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new DefaultHandler() {
                /** Per open element, innermost first: its text so far when it is HTML or an address to check (else null). */
                private final java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    // A browser opening the file runs an XHTML <script> in it, and a stylesheet instruction, whatever the rest is.
                    if (!XML_NAMESPACES.contains(uri)) {
                        report(where, "<" + qName + "> is not an element of Atom or of sitemaps (" + (uri.isEmpty() ? "no namespace" : uri) + ")",
                                "fix the template that writes it");
                    }
                    if (!open.isEmpty() && open.peek().text() != null) {
                        report(where, "has an element <" + qName + "> inside a text or an address", "fix the template that writes it");
                    }
                    for (int i = 0; i < attributes.getLength(); i++) {
                        String ns = attributes.getURI(i);
                        String value = attributes.getValue(i);
                        if (!ns.isEmpty() && !ns.equals(XMLConstants.XML_NS_URI)) {
                            report(where, "<" + qName + " " + attributes.getQName(i) + "> is an attribute of another vocabulary (" + ns + ")",
                                    "fix the template that writes it");
                        } else if (ns.equals(XMLConstants.XML_NS_URI) && attributes.getLocalName(i).equals("base") && !own(value)) {
                            report(where, "<" + qName + " xml:base=\"" + value + "\"> " + NOT_OWN + project.address.base(), OWN_FIX);
                        } else if (ns.isEmpty() && ADDRESS_ATTRIBUTES.contains(attributes.getLocalName(i)) && !own(value)) {
                            report(where, "<" + qName + " " + attributes.getLocalName(i) + "=\"" + value + "\"> " + NOT_OWN + project.address.base(), OWN_FIX);
                        }
                    }
                    String type = attributes.getValue("", "type");
                    boolean isHtml = ATOM_TEXTS.contains(localName) && "html".equals(type);
                    if (ATOM_TEXTS.contains(localName) && type != null && !type.equals("text") && !type.equals("html")) {
                        // xhtml's elements are another vocabulary's (refused above); a media type would leave the reading to each reader.
                        report(where, "<" + qName + " type=\"" + type + "\"> is neither text nor html", "write type=\"html\" or type=\"text\"");
                    }
                    open.push(new Open(isHtml || ADDRESS_TEXTS.contains(localName) ? new StringBuilder() : null, isHtml));
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (!open.isEmpty() && open.peek().text() != null) {
                        open.peek().text().append(ch, start, length);
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    Open ended = open.pop();
                    if (ended.text() == null) {
                        return;
                    }
                    String value = ended.text().toString();
                    if (ended.html()) {
                        feedHtml(where, qName, value);
                    } else if (!own(value.strip())) {
                        report(where, "<" + qName + ">" + value.strip() + "</" + qName + "> " + NOT_OWN + project.address.base(), OWN_FIX);
                    }
                }

                @Override
                public void processingInstruction(String target, String data) {
                    report(where, "has a processing instruction <?" + target + "?> (a stylesheet a browser would apply)",
                            "fix the template that writes it");
                }
            });
        } catch (SAXException e) {
            report(where, "is not well-formed XML: " + e.getMessage(), "fix the template that writes it");
        } catch (Exception e) {
            report(where, "cannot be read as XML: " + e.getMessage(), "fix the template that writes it");
        }
    }

    /**
     * Feed readers fetch a feed's icon, logo and enclosures themselves, without a policy, and
     * search engines take a sitemap's addresses: every address of a feed or sitemap is the
     * site's own, absolute (an entry's text may link anywhere: it is HTML, checked as a text).
     */
    private static final String NOT_OWN = "is not an absolute address of the site, ";
    private static final String OWN_FIX = "feeds and sitemaps link to the site's own pages and files, with absolute addresses (site.host)";

    /** An absolute http: or https: address of the site. */
    private boolean own(String value) {
        String scheme = Urls.scheme(value);
        return ("https".equals(scheme) || "http".equals(scheme)) && project.address.holds(Urls.asBrowserReads(value));
    }

    /**
     * The HTML of a feed's text (an entry's content, with its corrections): feed readers show it
     * without the pages' Content-Security-Policy, so it must hold only what a text as published
     * may ({@link HtmlPolicy#published}), as jsoup's parser reads it.
     */
    private void feedHtml(String where, String element, String html) {
        feedPolicy.refusals(Jsoup.parseBodyFragment(html).body(), (e, a) -> report(where, "<" + element + " type=\"html\"> holds "
                        + (a == null ? "a <" + e.normalName() + "> element" : "<" + e.normalName() + " " + a.getKey() + "=\"" + a.getValue() + "\">")
                        + ", which a text may not have (feed readers show it unchecked)",
                "fix the template that writes it: an entry's HTML is its section's text and corrections"));
    }
}
