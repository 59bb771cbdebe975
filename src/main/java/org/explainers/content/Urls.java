package org.explainers.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses the site may point at: one policy for links and images in the text, header
 * fields, vocabularies, the configuration and every file the build writes. Addresses are read
 * as a browser reads them (tabs and line breaks inside are dropped, spaces and control
 * characters around are trimmed) and then by {@link URI}.
 */
public final class Urls {

    /** Where a link may go: the web, e-mail and telephone numbers, or a page of the site. */
    public static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private Urls() {
    }

    /** What a browser makes of an attribute value before it parses it as a URL. */
    public static String asBrowserReads(String value) {
        if (plain(value)) {
            return value; // most addresses: nothing to drop
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && out.charAt(end - 1) <= ' ') {
            end--;
        }
        return out.substring(start, end);
    }

    private static boolean plain(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) <= ' ' || value.charAt(n - 1) <= ' ') {
            return n == 0;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The scheme of an address in lower case ("" when it is relative), or null when it is no address at all. */
    public static String scheme(String value) {
        String s = asBrowserReads(value);
        int colon = s.indexOf(':');
        int cut = indexOfAny(s, "/?#");
        if (colon > 0 && (cut < 0 || colon < cut)) {
            String scheme = s.substring(0, colon);
            for (int i = 0; i < scheme.length(); i++) {
                char c = scheme.charAt(i);
                boolean ok = Character.isLetter(c) && c < 0x80 || i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.');
                if (!ok) {
                    return null; // "java\u0000script:" and such: not an address a browser would take as relative either
                }
            }
            return scheme.toLowerCase(Locale.ROOT);
        }
        return "";
    }

    /**
     * Why a link ({@code <a href>}) may not point here, or null when it may: a page of the
     * site (relative), or an address on the web, e-mail or telephone.
     */
    public static String linkProblem(String value) {
        String scheme = scheme(value);
        if (scheme == null) {
            return "is not an address";
        }
        if (!scheme.isEmpty() && !LINK_SCHEMES.contains(scheme)) {
            return "uses `" + scheme + ":`, which may not be linked to (only https:, http:, mailto:, tel: and the site's own pages)";
        }
        return parseProblem(value);
    }

    /**
     * Why a text may not link to this web address though it is one, or null: a host of the
     * editor's own machine or network (the preview at 127.0.0.1, a local server, a router), which
     * readers cannot reach. Names are not looked up: only `localhost` and IP literals are judged.
     */
    public static String localProblem(String value) {
        URI uri;
        try {
            uri = new URI(asBrowserReads(value));
        } catch (URISyntaxException e) {
            return null; // told by linkProblem
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local");
        boolean literal = host.startsWith("[") || !host.isEmpty() && host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!local && literal) {
            try {
                // An IP literal is parsed, never looked up.
                java.net.InetAddress a = java.net.InetAddress.getByName(host);
                local = a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress();
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
        return local ? "leads to " + uri.getHost() + ", a machine of your own (the preview, or a server on your network), which readers cannot reach" : null;
    }

    /** Why an image or a file ({@code src}) may not come from here, or null: only the site's own files. */
    public static String fileProblem(String value) {
        String scheme = scheme(value);
        if (scheme == null) {
            return "is not an address";
        }
        if (!scheme.isEmpty() || asBrowserReads(value).startsWith("//")) {
            return "is on another site (images and files must be the site's own, beside the text)";
        }
        return parseProblem(value);
    }

    /** Why an embedded frame may not show this address, or null: https on a host the configuration lists. */
    public static String embedProblem(String value, Set<String> hosts) {
        String s = asBrowserReads(value);
        try {
            URI uri = new URI(s);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return "is not an https:// address";
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if ((host.equals("www.youtube.com") || host.equals("youtube.com")) && hosts.contains("www.youtube-nocookie.com")) {
                // A video's page (watch?v=ID) or its embed address: the embed address on the other host.
                String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
                String id = java.util.Arrays.stream(query.split("&")).filter(q -> q.startsWith("v=")).map(q -> q.substring(2)).findFirst().orElse(null);
                String path = "/watch".equals(uri.getRawPath()) && id != null ? "/embed/" + id : uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
                return "is on " + uri.getHost() + ", which sets cookies on readers; the site embeds YouTube from www.youtube-nocookie.com"
                        + " (https://www.youtube-nocookie.com" + path + ")";
            }
            if (!hosts.contains(host)) {
                return "is on " + uri.getHost() + ", which is not among the embed hosts in jbake.properties (embed.hosts="
                        + String.join(",", new java.util.TreeSet<>(hosts)) + ")";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid address";
        }
    }

    private static String parseProblem(String value) {
        try {
            new URI(asBrowserReads(value));
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid address (" + e.getReason() + "; write a space as %20)";
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
