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

    /** Words of the two problems whose fix is not the usual one (a caller picks the fix by them). */
    private static final String OWN_MACHINE = "a machine of your own";

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
        if (scheme == null || curlyQuoted(value)) {
            return notAnAddress(value);
        }
        if (!scheme.isEmpty() && !LINK_SCHEMES.contains(scheme)) {
            return "uses `" + scheme + ":`, which may not be linked to (only https:, http:, mailto:, tel: and the site's own pages)";
        }
        String p = parseProblem(value);
        return p != null ? p : scheme.equals("mailto") ? mailtoProblem(value) : scheme.equals("tel") ? telProblem(value) : null;
    }

    /** The parts a mail link may fill in besides its addresses (an attacker's trial: `attach=` made some mail clients attach a reader's files). */
    private static final Set<String> MAILTO_FIELDS = Set.of("subject", "body", "cc");

    private static String mailtoProblem(String value) {
        // The fields as they are split, and as a mail client that decodes first would split them (`%26attach%3D`): after
        // `?` or `&`, up to `=`; decoded, only where an `=` follows (an ampersand in a body's words is no field).
        java.util.List<String> names = new java.util.ArrayList<>();
        int q = value.indexOf('?');
        for (String field : q < 0 ? new String[0] : value.substring(q + 1).split("&")) {
            names.add(field.substring(0, field.indexOf('=') < 0 ? field.length() : field.indexOf('=')));
        }
        try {
            java.util.regex.Matcher decoded = MAILTO_FIELD.matcher(percentDecoded(value));
            while (decoded.find()) {
                names.add(decoded.group(1));
            }
        } catch (IllegalArgumentException e) {
            // not decodable: the fields as split
        }
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.isEmpty() && !MAILTO_FIELDS.contains(n)) {
                return "fills in `" + n + "`, which a mail link may not (only subject, body and cc: some mail clients read `attach` as a reader's file)";
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern MAILTO_FIELD = java.util.regex.Pattern.compile("[?&]\\s*([A-Za-z][A-Za-z0-9-]*)\\s*=");

    /**
     * A number to dial: digits, a leading +, and the separators people write (an attacker's trial: `*` and `#` make device codes),
     * perhaps with an extension as RFC 3966 writes it (`;ext=2314`); two digits at least (France's 15 and 17 are emergency numbers).
     */
    private static String telProblem(String value) {
        String number = value.substring(value.indexOf(':') + 1).replace("%20", " ").replaceFirst(";ext=[0-9]{1,10}$", "");
        long digits = number.chars().filter(c -> c >= '0' && c <= '9').count();
        return number.matches("\\+?[0-9 ().\\-]{2,40}") && digits >= 2 ? null
                : "is not a telephone number (digits, a leading +, spaces, dots, dashes and brackets only: `*` and `#` make codes a phone obeys)";
    }

    /**
     * Why a text may not link to this web address though it is one, or null: a host of the
     * editor's own machine or network (the preview at 127.0.0.1, a local server, a router), which
     * readers cannot reach. Names are not looked up: only `localhost` and IP literals are judged.
     */
    public static String localProblem(String value) {
        String read = asBrowserReads(value);
        String scheme = scheme(read);
        String authority;
        if (scheme == null) {
            return null; // told by linkProblem
        } else if (scheme.isEmpty()) {
            if (read.length() < 2 || "/\\".indexOf(read.charAt(0)) < 0 || "/\\".indexOf(read.charAt(1)) < 0) {
                return null; // a page of the site
            }
            // `//192.168.1.1/`: the page's own scheme, another host (a browser reads `\\` as `//` too).
            authority = afterSlashes(read);
        } else {
            URI uri;
            try {
                uri = new URI(read);
            } catch (URISyntaxException e) {
                return null; // told by linkProblem
            }
            authority = uri.getRawAuthority();
            if (authority == null && (scheme.equals("http") || scheme.equals("https"))) {
                // `http:127.0.0.1/` and `http:/127.0.0.1/`: a browser reads the host after any slashes.
                authority = afterSlashes(uri.getRawSchemeSpecificPart());
            }
        }
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String host = host(authority);
        if (host == null) {
            return "leads to `" + authority + "`, whose host a browser may read as " + OWN_MACHINE;
        }
        return local(host) ? "leads to " + host + ", " + OWN_MACHINE + " (the preview, or a server on your network), which readers cannot reach" : null;
    }

    /** An image candidate of a srcset: its address and its descriptors ("480w", "2x" or ""). */
    public record Candidate(String url, String descriptors) {
    }

    /**
     * A srcset's candidates as a browser reads them (HTML's "parse a srcset attribute"): an
     * address runs to the next white space, so a comma inside it is its own (`time,line.png`),
     * and commas at its end end the candidate; otherwise the descriptors run to a comma outside
     * parentheses.
     */
    public static java.util.List<Candidate> srcset(String value) {
        java.util.List<Candidate> candidates = new java.util.ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && (space(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return candidates;
            }
            int start = i;
            while (i < n && !space(value.charAt(i))) {
                i++;
            }
            String url = value.substring(start, i);
            if (url.endsWith(",")) {
                int end = url.length();
                while (end > 0 && url.charAt(end - 1) == ',') {
                    end--;
                }
                candidates.add(new Candidate(url.substring(0, end), ""));
                continue;
            }
            start = i;
            int depth = 0;
            while (i < n && (value.charAt(i) != ',' || depth > 0)) {
                depth += value.charAt(i) == '(' ? 1 : value.charAt(i) == ')' && depth > 0 ? -1 : 0;
                i++;
            }
            candidates.add(new Candidate(url, value.substring(start, i).strip()));
        }
    }

    /** HTML's ASCII white space. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** The authority a browser reads after any slashes (or backslashes) at the start, up to the path. */
    private static String afterSlashes(String s) {
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '/' || s.charAt(start) == '\\')) {
            start++;
        }
        int end = indexOfAny(s.substring(start), "/?#\\");
        return end < 0 ? s.substring(start) : s.substring(start, start + end);
    }

    /**
     * The host of an authority as a browser reads it (WHATWG URL's host parser, in part):
     * without user and port, percent-decoded, mapped to ASCII (full-width letters, the
     * ideographic full stop), lower case, without a final dot; null when it cannot be read.
     */
    static String host(String authority) {
        String h = authority.substring(authority.lastIndexOf('@') + 1);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1).toLowerCase(Locale.ROOT);
        }
        int colon = h.lastIndexOf(':');
        h = colon >= 0 ? h.substring(0, colon) : h;
        try {
            h = percentDecoded(h);
            h = java.net.IDN.toASCII(h, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** A host's %XX escapes decoded, as a browser reads them ('+' stays '+'); IllegalArgumentException for a broken escape. */
    private static String percentDecoded(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether a host (as {@link #host} gives it) is the reader's own machine or network. Names are not looked up. */
    static boolean local(String host) {
        if (host.equals("localhost") || host.equals("localhost.localdomain") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || host.endsWith(".home.arpa") || host.endsWith(".lan")) {
            return true;
        }
        byte[] address = ipv4(host);
        if (address == null && !host.startsWith("[") && host.indexOf('.') < 0) {
            return true; // one name without a dot (`router`, `intranet`): a machine of the local network, not of the web
        }
        if (address == null && host.startsWith("[") && host.endsWith("]")) {
            String literal = host.substring(1, host.length() - 1);
            literal = literal.contains("%") ? literal.substring(0, literal.indexOf('%')) : literal; // a zone: the machine's own interface
            try {
                address = java.net.InetAddress.getByName("[" + literal + "]").getAddress(); // a literal: parsed, never looked up
            } catch (java.net.UnknownHostException | SecurityException e) {
                return true; // a bracketed host Java cannot read: not let through
            }
        }
        return address != null && local(address);
    }

    /** WHATWG URL's IPv4 parser: one to four parts, each decimal, 0x-hexadecimal or 0-octal, the last filling the rest; null if not an address. */
    public static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || host.isEmpty()) {
            return null;
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int radix = 10;
            if (p.length() > 1 && (p.startsWith("0x") || p.startsWith("0X"))) {
                p = p.substring(2);
                radix = 16;
            } else if (p.length() > 1 && p.startsWith("0")) {
                p = p.substring(1);
                radix = 8;
            }
            try {
                java.math.BigInteger n = p.isEmpty() ? java.math.BigInteger.ZERO : new java.math.BigInteger(p, radix);
                if (n.signum() < 0 || n.bitLength() > 32) {
                    return null;
                }
                numbers[i] = n.longValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long value = numbers[numbers.length - 1];
        if (value >= 1L << (8 * (5 - numbers.length))) {
            return null;
        }
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return null;
            }
            value += numbers[i] << (8 * (3 - i));
        }
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Loopback, private, link-local, shared (100.64/10) and "this network" addresses, and IPv6's unique local ones; an IPv4 inside IPv6 too. */
    private static boolean local(byte[] a) {
        if (a.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= a[i] == 0;
            }
            mapped &= (a[10] == (byte) 0xff && a[11] == (byte) 0xff) || (a[10] == 0 && a[11] == 0);
            boolean nat64 = a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b;
            if (mapped || nat64) {
                return local(java.util.Arrays.copyOfRange(a, 12, 16));
            }
            if (a[0] == 0x20 && a[1] == 0x02) { // 6to4: the IPv4 address in bytes 2 to 5
                return local(java.util.Arrays.copyOfRange(a, 2, 6));
            }
            boolean zero = true;
            for (int i = 0; i < 15; i++) {
                zero &= a[i] == 0;
            }
            return zero // :: and ::1
                    || (a[0] & 0xfe) == 0xfc // fc00::/7, unique local
                    || (a[0] == (byte) 0xfe && (a[1] & 0xc0) == 0x80) // fe80::/10, link-local
                    || (a[0] == (byte) 0xfe && (a[1] & 0xc0) == 0xc0); // fec0::/10, site-local
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        return b0 == 127 || b0 == 10 || b0 == 0 || (b0 == 172 && b1 >= 16 && b1 < 32) || (b0 == 192 && b1 == 168)
                || (b0 == 169 && b1 == 254) || (b0 == 100 && b1 >= 64 && b1 < 128);
    }

    /** Whether a word processor's quotes open or close the value (inside an address, as in a page's name, they may be its own). */
    private static boolean curlyQuoted(String value) {
        String s = value.strip();
        return !s.isEmpty() && ("“”‘’«»„".indexOf(s.charAt(0)) >= 0 || "“”‘’«»„".indexOf(s.charAt(s.length() - 1)) >= 0);
    }

    /** "is not an address", and why when an editor may not see it: quotes a word processor typed around it. */
    private static String notAnAddress(String value) {
        return curlyQuoted(value)
                ? "is not an address: it holds curly quotes, as a word processor types them (write the address alone, without quotes)"
                : "is not an address";
    }

    /** Why an image or a file ({@code src}) may not come from here, or null: only the site's own files. */
    public static String fileProblem(String value) {
        String scheme = scheme(value);
        if (scheme == null || curlyQuoted(value)) {
            return notAnAddress(value);
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
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            if (host.endsWith("youtube-nocookie.com") && java.util.Arrays.stream(query.split("&")).anyMatch(q -> q.startsWith("si="))) {
                // YouTube's share code adds `si=`, which tells YouTube who shared the video with whom (an editor's trial).
                return "carries `si=` from YouTube's share button, which tells YouTube who shared it: remove it (and the `?` or `&` before it)";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid address";
        }
    }

    private static String parseProblem(String value) {
        try {
            URI uri = new URI(asBrowserReads(value));
            return switch (hostFault(uri)) {
                case NAME_BEFORE_AT -> {
                    String user = uri.getRawAuthority().substring(0, uri.getRawAuthority().lastIndexOf('@'));
                    yield "has a name before `@`, `" + user + "`, that readers may take for the site: it leads to `" + host(uri.getRawAuthority()) + "`";
                }
                case INVISIBLE -> "has an invisible character in its host, which a browser drops: the address shown is not the one followed";
                case LOOKALIKE -> "has a host, `" + lookalike(uri) + "`, with characters that imitate others (a look-alike `/` or `.`, letters of"
                        + " another script): readers may take it for another site";
                case NONE -> null;
            };
        } catch (URISyntaxException e) {
            return "is not a valid address (" + e.getReason() + "; write a space as %20)";
        }
    }

    /** What is wrong with an address's host part, as readers would be misled by it. */
    private enum HostFault { NONE, NAME_BEFORE_AT, INVISIBLE, LOOKALIKE }

    private static HostFault hostFault(URI uri) {
        String authority = uri.getRawAuthority();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (authority != null && authority.contains("@") && !scheme.equals("mailto")) {
            return HostFault.NAME_BEFORE_AT; // `https://www.gov.uk@evil.example/`: readers see the name, the link goes to the host after it
        }
        if (authority != null) {
            String decoded;
            try {
                decoded = percentDecoded(authority);
            } catch (IllegalArgumentException e) {
                decoded = authority;
            }
            if (decoded.codePoints().anyMatch(Urls::ignored)) {
                return HostFault.INVISIBLE; // a zero-width space or joiner, which the browser's IDNA mapping drops
            }
            if (lookalike(uri) != null) {
                return HostFault.LOOKALIKE;
            }
        }
        return HostFault.NONE;
    }

    /**
     * The host as readers see it when a label of it imitates another (an attacker's trial:
     * `https://www.gov.uk⁄sign-in.evil.example/`, with a fraction slash, leads to evil.example; Cyrillic
     * `аррӏе.com`); null when none does. Each label beyond ASCII (a `xn--` one decoded) is judged as
     * browsers judge what they show in the address bar: characters of Unicode's identifier profile
     * only, no mix of scripts a language does not write together, and, under a Latin top-level
     * domain, not made wholly of letters that look Latin (UTS #39, by ICU's SpoofChecker).
     */
    private static String lookalike(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        try {
            host = percentDecoded(host);
        } catch (IllegalArgumentException e) {
            return null; // refused as an address elsewhere
        }
        String[] labels = host.toLowerCase(Locale.ROOT).split("[.\u3002\uFF0E\uFF61]", -1);
        boolean asciiOnly = java.util.Arrays.stream(labels).allMatch(l -> l.chars().allMatch(c -> c < 0x80) && !l.startsWith("xn--"));
        if (asciiOnly || host.startsWith("[")) {
            return null;
        }
        String top = labels[labels.length - 1];
        boolean latinTop = top.chars().allMatch(c -> c < 0x80);
        boolean cjkTop = Set.of("cn", "jp", "tw", "hk", "mo", "kr", "sg").contains(top);
        StringBuilder shown = new StringBuilder();
        boolean faulty = false;
        for (String label : labels) {
            String unicode = label;
            if (label.startsWith("xn--")) {
                try {
                    unicode = java.net.IDN.toUnicode(label, java.net.IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    unicode = label;
                }
            }
            shown.append(shown.length() == 0 ? "" : ".").append(unicode);
            if (!unicode.chars().allMatch(c -> c < 0x80)) {
                faulty |= Spoof.imitates(unicode, latinTop, cjkTop);
            }
        }
        return faulty ? shown.toString() : null;
    }

    /**
     * The ASCII `:`, `.`, `/` or `@` a character beyond ASCII looks like (`꞉` U+A789, `꓿` U+A4F8, `∕`,
     * `＠`), as ICU's confusables (UTS #39) map it, or the character: a link's text is read as seen.
     */
    public static int separatorLookalike(int c) {
        String skeleton = skeleton(new String(Character.toChars(c)));
        return skeleton.length() == 1 && ":./@".indexOf(skeleton.charAt(0)) >= 0 ? skeleton.charAt(0) : c;
    }

    /** The characters a text is confused with (UTS #39's skeleton, by ICU): `Ехрlаіnеr` in Cyrillic letters is `Explainer`'s. */
    public static String skeleton(String text) {
        return Spoof.LABEL.getSkeleton(text);
    }

    /** ICU's checks, made once (its data loads with the first host beyond ASCII). */
    private static final class Spoof {
        private static final com.ibm.icu.text.SpoofChecker LABEL = new com.ibm.icu.text.SpoofChecker.Builder()
                .setRestrictionLevel(com.ibm.icu.text.SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
                .setAllowedChars(com.ibm.icu.text.SpoofChecker.RECOMMENDED)
                .setChecks(com.ibm.icu.text.SpoofChecker.RESTRICTION_LEVEL | com.ibm.icu.text.SpoofChecker.CHAR_LIMIT
                        | com.ibm.icu.text.SpoofChecker.INVISIBLE | com.ibm.icu.text.SpoofChecker.MIXED_NUMBERS).build();

        /**
         * A label beyond ASCII that fails the identifier profile or mixes scripts, or, under a Latin
         * top-level domain, whose confusable skeleton is plain ASCII (`аррӏе` is `apple`).
         */
        static boolean imitates(String label, boolean latinTop, boolean cjkTop) {
            // The hyphen is a host's own (`xn--`, `café-crème`), not the identifier profile's: judged without it.
            String letters = label.replace("-", "");
            return LABEL.failsChecks(letters) || latinTop && LABEL.getSkeleton(letters).chars().allMatch(c -> c < 0x80)
                    || !cjkTop && latinWithHanOrKana(letters);
        }

        /**
         * Latin letters beside Han or Kana, which Unicode lets Japanese mix but whose strokes pass
         * for Latin letters and dashes (`paypa丨.com`, `gov.uk一sign-in`; an attacker's trial): as
         * Chrome, refused outside the top-level domains of the languages that write them.
         */
        private static boolean latinWithHanOrKana(String label) {
            boolean latin = false;
            boolean cjk = false;
            for (int i = 0; i < label.length(); i = label.offsetByCodePoints(i, 1)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(label.codePointAt(i));
                latin |= script == Character.UnicodeScript.LATIN;
                cjk |= script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || label.codePointAt(i) == 0x30FC;
            }
            return latin && cjk;
        }
    }

    /**
     * Characters a browser's IDNA mapping (UTS #46) drops from a host without a trace: formatting
     * characters (zero-width space and joiners, soft hyphen), variation selectors, the combining
     * grapheme joiner, Mongolian free variation selectors.
     */
    private static boolean ignored(int c) {
        return Character.getType(c) == Character.FORMAT || c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF || c == 0x034F
                || c >= 0x180B && c <= 0x180F;
    }

    /**
     * What to write instead of a link {@link #linkProblem} or {@link #localProblem} refuses, when
     * the address's own fault has a better fix than the list of what may be linked to; else null.
     */
    public static String linkFix(String value) {
        if (localProblem(value) != null) {
            return "link to an address on the web, which readers can reach";
        }
        String scheme = scheme(value);
        if (scheme != null && scheme.length() >= 3 && (scheme.charAt(0) == 'h' || scheme.startsWith("tt")) && !LINK_SCHEMES.contains(scheme)) {
            // A typo in the scheme (an editor's trial: `htps:` was told only that it may not be linked to).
            String meant = Text.closest(scheme, java.util.List.of("https", "http"));
            if (meant != null) {
                return "a typo for `" + meant + ":`? Write `" + meant + value.substring(value.indexOf(':')) + "`";
            }
        }
        if ("mailto".equals(scheme) && mailtoProblem(value) != null) {
            return "keep only subject=, body= and cc= after the `?`";
        }
        if ("tel".equals(scheme) && telProblem(value) != null) {
            return "write the number with its country code, e.g. tel:+442079460000";
        }
        try {
            return switch (hostFault(new URI(asBrowserReads(value)))) {
                case NAME_BEFORE_AT -> "write the address without the part up to `@`";
                case INVISIBLE -> "type the address's host again: it holds a character that cannot be seen";
                case LOOKALIKE -> "check where the link leads, and write the site's own address as its browser shows it";
                case NONE -> null;
            };
        } catch (URISyntaxException e) {
            return null;
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
