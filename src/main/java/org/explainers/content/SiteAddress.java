package org.explainers.content;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The absolute address the site is published at, normalised once: scheme, host and a path
 * that always ends with "/". Pages link to each other relatively; only the formats that need
 * an absolute address (feeds, sitemap, canonical and Open Graph links, the 404 page) use it.
 */
public record SiteAddress(String base, String path) {

    /**
     * @param raw what the publisher wrote, e.g. {@code https://example.org/explainers} (the
     *            trailing slash is optional)
     * @throws IllegalArgumentException with what is wrong, as the end of a sentence
     */
    public static SiteAddress parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\\' || c >= 0x7F) {
                String ascii = c > 0x7F ? ascii(s) : null;
                throw new IllegalArgumentException("contains " + (c == ' ' ? "a space" : c < ' ' ? "a control character" : "`" + c + "`")
                        + ", which an address cannot hold" + (c == ' ' ? ": write a space as %20" : ascii != null ? ": write it `" + ascii + "`" : ""));
            }
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not an address: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("is not an absolute address starting with https:// or http://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("has no plain host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("has a query or a #fragment, which a site's address cannot have");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!uri.normalize().getRawPath().equals(path) && !path.equals("/")) {
            throw new IllegalArgumentException("has `.`, `..` or empty parts in its path");
        }
        if (!path.endsWith("/")) {
            String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            // A page's address pasted for the site's (…/news/index.html): every address made from it would go through the page.
            for (String page : new String[]{".html", ".htm", ".php", ".asp", ".aspx", ".jsp", ".xml"}) {
                if (last.endsWith(page)) {
                    throw new IllegalArgumentException("ends in a page's name (" + last + "); the site's address is its folder's, "
                            + uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, path.length() - last.length()));
                }
            }
            path += "/";
        }
        String lowerScheme = scheme.toLowerCase(java.util.Locale.ROOT);
        String authority = uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
        if (uri.getPort() == (lowerScheme.equals("https") ? 443 : 80)) {
            authority = uri.getHost().toLowerCase(java.util.Locale.ROOT); // the scheme's own port, which browsers and share cards leave out
        }
        return new SiteAddress(lowerScheme + "://" + authority + path, path);
    }

    /**
     * The address as one is written in ASCII (a publisher's trial: `…/actualités/`, told only that
     * it could not be): its host in IDNA's punycode, its path's other letters in UTF-8 and percent
     * escapes, by java.net's IDN and URI; or null when it cannot be read so.
     */
    private static String ascii(String s) {
        if (s.indexOf('?') >= 0 || s.indexOf('#') >= 0 || s.indexOf('%') >= 0 || s.indexOf('@') >= 0) {
            return null; // another problem to tell, or escapes already written: no guess
        }
        try {
            int colon = s.indexOf("://");
            if (colon <= 0) {
                return null;
            }
            int slash = s.indexOf('/', colon + 3);
            String authority = slash < 0 ? s.substring(colon + 3) : s.substring(colon + 3, slash);
            String path = slash < 0 ? "/" : s.substring(slash);
            int port = authority.lastIndexOf(':');
            String host = port > 0 && authority.substring(port + 1).chars().allMatch(Character::isDigit) ? authority.substring(0, port) : authority;
            String asciiHost = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED) + authority.substring(host.length());
            return s.substring(0, colon + 3) + asciiHost + new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What the address is when its host is one no reader reaches, or null: one of the names kept
     * for examples and tests (RFC 2606, RFC 6761: example.org and its kin, *.example, *.test,
     * *.invalid), or this machine's own (localhost, 127.x.x.x, [::1]). Feeds, the sitemap and
     * canonical links published with one lead nowhere.
     */
    public String unreachable() {
        return unreachable(URI.create(base).getHost());
    }

    /** As {@link #unreachable()}, for any host name. */
    public static String unreachable(String hostName) {
        String host = hostName.toLowerCase(java.util.Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                || host.startsWith("127.") && host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return "this machine's own address";
        }
        for (String name : new String[]{"example.org", "example.com", "example.net", "example", "test", "invalid"}) {
            if (host.equals(name) || host.endsWith("." + name)) {
                return "an address kept for examples";
            }
        }
        return null;
    }

    /** The absolute address of a page given by its path from the site root; "index.html" is dropped (the folder's address). */
    public String of(String sitePath) {
        String p = sitePath.endsWith("index.html") ? sitePath.substring(0, sitePath.length() - "index.html".length()) : sitePath;
        return base + p;
    }

    /**
     * Whether an absolute address is one of the site's: its scheme and host the site's, and its
     * path, as java.net.URI normalises it (`..` climbs out), at or under the site's path.
     */
    public boolean holds(String absolute) {
        String lower = absolute.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            return false; // browsers and servers read %2e%2e as `..` and %2f, %5c as `/` (`..%2f`), which URI's normalising does not
        }
        try {
            URI u = new URI(absolute).normalize();
            if (u.getScheme() == null || u.getRawAuthority() == null || u.getRawUserInfo() != null) {
                return false;
            }
            String s = u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getRawAuthority().toLowerCase(java.util.Locale.ROOT)
                    + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath());
            return s.startsWith(base) || (s + "/").equals(base);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
