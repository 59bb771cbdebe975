package org.explainers.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every internal link, script, stylesheet and image on every page resolves to a file of the
 * site, every #anchor to an id, and none is absolute: the same folder works at a domain root,
 * under a sub-path and from disk. The 404 page is the exception: a server shows it at any
 * missing address, so its links start from the site's path on its host.
 */
class LinksTest {

    private final Map<String, Document> cache = new HashMap<>();

    @Test
    void everyInternalLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String page : BuiltSite.pages()) {
            Document doc = document(page);
            for (Element e : doc.select("a[href], link[href], script[src], img[src], source[srcset], form[action]")) {
                String attr = e.hasAttr("href") ? "href" : e.hasAttr("src") ? "src" : e.hasAttr("action") ? "action" : "srcset";
                String target = e.attr(attr);
                if (isAbsoluteAllowed(e, target)) {
                    continue;
                }
                checked++;
                String problem;
                if (page.equals("404.html")) {
                    // Shown at any missing address, so its links start from the site's own path.
                    String sitePath = URI.create(host()).getPath();
                    problem = target.startsWith(sitePath) && !target.startsWith("//")
                            ? resolve("index.html", target.substring(sitePath.length()))
                            : target.startsWith("#") ? resolve(page, target) : "not from the site's path " + sitePath;
                } else {
                    problem = resolve(page, target);
                }
                if (problem != null) {
                    broken.add(page + ": <" + e.tagName() + " " + attr + "=\"" + target + "\">: " + problem);
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " links were checked");
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void sitemapAndFeedsPointAtPagesOfTheSite() throws Exception {
        String host = host();
        List<String> broken = new ArrayList<>();
        List<String> xmlFiles = new ArrayList<>(BuiltSite.files(".xml"));
        assertTrue(xmlFiles.contains("sitemap.xml") && xmlFiles.contains("feed.xml"));
        for (String xml : xmlFiles) {
            Document doc = Jsoup.parse(BuiltSite.text(xml), "", Parser.xmlParser());
            List<String> urls = new ArrayList<>();
            doc.select("loc, id").forEach(e -> urls.add(e.text()));
            doc.select("link[href]").forEach(e -> urls.add(e.attr("href")));
            for (String url : urls) {
                if (url.startsWith("urn:")) {
                    continue;
                }
                if (!url.startsWith(host)) {
                    broken.add(xml + ": " + url + " is not an absolute address on " + host);
                    continue;
                }
                String path = url.substring(host.length());
                String problem = resolve("index.html", path.isEmpty() ? "index.html" : path);
                if (problem != null) {
                    broken.add(xml + ": " + url + ": " + problem);
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    /** The canonical address and Open Graph tags must be absolute; nothing else may be. */
    private static boolean isAbsoluteAllowed(Element e, String target) {
        if (target.startsWith("mailto:") || target.startsWith("https://") && e.tagName().equals("a") && !target.startsWith(host())) {
            return true; // an external link in the text or an "Edit this page" link
        }
        return e.tagName().equals("link") && e.attr("rel").equals("canonical") && target.startsWith(host());
    }

    static String host() {
        Document home = BuiltSite.page("index.html");
        Element canonical = home.selectFirst("link[rel=canonical]");
        assertTrue(canonical != null, "the home page has a canonical link");
        return canonical.attr("href");
    }

    /** Null when {@code target}, linked from {@code page}, exists; otherwise what is wrong. */
    private String resolve(String page, String target) {
        if (target.isEmpty()) {
            return "empty link";
        }
        if (target.startsWith("/") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return "not a relative link";
        }
        String path = target;
        String fragment = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            fragment = URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        }
        if (path.contains("?")) {
            path = path.substring(0, path.indexOf('?'));
        }
        String file = path.isEmpty() ? page : URI.create(page).resolve(path).getPath();
        if (file.startsWith("../") || file.startsWith("/")) {
            return "leaves the site";
        }
        file = URLDecoder.decode(file, StandardCharsets.UTF_8);
        Path resolved = BuiltSite.root().resolve(file);
        if (Files.isDirectory(resolved)) {
            file = file + (file.endsWith("/") || file.isEmpty() ? "" : "/") + "index.html";
            resolved = BuiltSite.root().resolve(file);
        }
        if (!Files.isRegularFile(resolved)) {
            return "no such file " + file;
        }
        if (fragment != null && !fragment.isEmpty()) {
            assertFalse(fragment.isBlank());
            if (!file.endsWith(".html")) {
                return "#" + fragment + " on a file that is not a page";
            }
            Document doc = document(file);
            if (doc.getElementById(fragment) == null && doc.selectFirst("a[name=" + fragment + "]") == null) {
                return "no id \"" + fragment + "\" in " + file;
            }
        }
        return null;
    }

    private Document document(String page) {
        return cache.computeIfAbsent(page, BuiltSite::page);
    }
}
