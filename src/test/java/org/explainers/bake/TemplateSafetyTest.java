package org.explainers.bake;

import org.explainers.fixtures.Fixture;
import org.explainers.pipeline.Build;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Templates get data, not Java: no class can be made, no object's methods reached; header
 * values are escaped wherever a template writes them; and a template that fails says where,
 * once, however many pages it broke.
 */
class TemplateSafetyTest {

    static final String SECTION = "content/articles/election-primer/01-who-votes.md";

    /** Writes a template, builds, and asserts the build fails with a problem of the built file {@code built} that says {@code said}. */
    private static void refused(Fixture f, String template, String text, String built, String said) {
        f.write(template, text);
        Build.Result r = f.build();
        assertFalse(r.ok(), said + "\n" + f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith(built) && m.contains(said)), said + "\n" + f.log());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
            "${site?api.getClass().getName()}", "${site.getClass()}", "${page.path.getClass()}", "${.data_model?api}"})
    void aTemplateCannotReachJava(String expression, @TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("templates/404.ftlh", f.read("templates/404.ftlh") + expression);
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("templates/404.ftlh:")), f.log());
        assertFalse(Files.exists(f.site()));
    }

    @Test
    void aBrokenTemplateIsOneProblemWithItsLineHoweverManyPagesItBreaks(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("templates/section.ftlh", f.read("templates/section.ftlh") + "\n${section.no_such_field}\n");
        Build.Result r = f.build();
        assertFalse(r.ok());
        int line = (int) f.read("templates/section.ftlh").lines().count();
        assertEquals(1, Fixture.messages(r).stream().filter(m -> m.startsWith("templates/")).count(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("templates/section.ftlh:" + line + ": ")
                && m.contains("it failed on 5 pages, e.g. articles/election-primer/01-who-votes.html")), f.log());
    }

    /** A syntax error in a partial: one problem at the partial's own line, not one per template that imports it. */
    @Test
    void aSyntaxErrorInAPartialIsOneProblemAtItsLine(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("templates/partials/post_meta.ftlh", f.read("templates/partials/post_meta.ftlh") + "<#if x\n");
        Build.Result r = f.build();
        assertFalse(r.ok());
        int line = (int) f.read("templates/partials/post_meta.ftlh").lines().count();
        List<String> problems = Fixture.messages(r).stream().filter(m -> m.startsWith("templates/")).toList();
        assertEquals(1, problems.size(), f.log());
        assertTrue(problems.get(0).startsWith("templates/partials/post_meta.ftlh:" + line + ": syntax error: "), f.log());
        assertFalse(problems.get(0).contains("see cause exception"), f.log());
    }

    /**
     * A syntax error in a page's own template is told at its line too (it said "cannot be used"
     * with no line), and a message quoting a million characters is cut short (an attacker's trial).
     */
    @Test
    void aSyntaxErrorInAPagesOwnTemplateIsAtItsLineAndShort(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("templates/topics.ftlh", f.read("templates/topics.ftlh").replaceFirst("\n", "\n<#list>\n"));
        Build.Result r = f.build();
        assertFalse(r.ok());
        List<String> problems = Fixture.messages(r).stream().filter(m -> m.startsWith("templates/")).toList();
        assertEquals(1, problems.size(), f.log());
        assertTrue(problems.get(0).startsWith("templates/topics.ftlh:2: syntax error: "), f.log());
        f.write("templates/topics.ftlh", "${x" + "a".repeat(1_000_000) + "}\n");
        Build.Result big = f.build();
        assertFalse(big.ok());
        assertTrue(Fixture.messages(big).stream().allMatch(m -> m.length() < 2_000), "messages cut short: " + f.log().length() + " characters");
    }

    /** A template that includes itself ends with a message naming it, not a stack trace. */
    @Test
    void aTemplateThatIncludesItselfIsAProblemWithItsName(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("templates/page.ftlh", "<#include \"page.ftlh\">\n" + f.read("templates/page.ftlh"));
        Build.Result r = f.build();
        assertFalse(r.ok());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("templates/page.ftlh:1: it, or a template it includes,")), f.log());
    }

    /** A loop that does not end is stopped after the page's time (here 2 s) and named with its line; the site is kept. */
    @Test
    void aLoopWithoutEndIsStoppedAtItsLine(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        Looped r = endlessLoopIn(f, "templates/404.ftlh", "explainers.pageSeconds", "2");
        assertTrue(Fixture.messages(r.result()).stream().anyMatch(m -> m.startsWith("templates/404.ftlh:" + r.line() + ": rendering a page took longer than 2 s")
                && m.contains("404.html")), f.log());
    }

    /**
     * The whole bake's bound (20 minutes; here 3 s, with the page's own bound at 60 s): by then
     * every page but the section pages, which loop without end, is made, and those being
     * rendered are stopped, each named at its template's line; the site is kept.
     */
    @Test
    void aBakeOverItsTimeIsStoppedWhereItsPagesAre(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        Looped r = endlessLoopIn(f, "templates/section.ftlh", "explainers.bakeSeconds", "3", "explainers.pageSeconds", "60");
        List<String> stopped = Fixture.messages(r.result()).stream().filter(m -> m.contains("the bake took longer than 3 s and was stopped")).toList();
        assertFalse(stopped.isEmpty(), f.log());
        assertTrue(stopped.stream().allMatch(m -> m.startsWith("templates/section.ftlh:" + r.line() + ": ")), f.log());
        assertTrue(Fixture.messages(r.result()).stream().noneMatch(m -> m.contains("rendering a page took longer")), f.log());
    }

    /**
     * A template whose pages take seconds, under the page's limit, is said after the build (an
     * attacker's trial: 6 s a page held a build for minutes without a word); here every page is
     * "slow" from 0 s on, and the build still succeeds.
     */
    @Test
    void aSlowTemplateIsSaid(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = f.buildWith("explainers.slowPageSeconds", "0");
        assertTrue(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("templates/404.ftlh: warning: a page took ") && m.contains("(404.html)")
                && m.endsWith("(look for a loop over many items in it, or in what it includes; a page is stopped at 10 s)")), f.log());
        assertTrue(Fixture.messages(f.build()).stream().noneMatch(m -> m.contains("a page took")), f.log());
    }

    private record Looped(Build.Result result, int line) {
    }

    /**
     * Builds the site, adds a loop without end at the end of {@code template}, and builds again
     * with these system properties (name, value...): that build fails within 30 s, the published
     * site as it was. Returns what it said, and the loop's line.
     */
    private static Looped endlessLoopIn(Fixture f, String template, String... properties) {
        assertTrue(f.build().ok(), f.log());
        String before = f.page("404.html");
        f.write(template, f.read(template) + "\n<#list 1..2147483647 as i><#if i < 0>x</#if></#list>\n");
        int line = lineOf(f.read(template), "<#list 1..");
        long start = System.nanoTime();
        Build.Result r = f.buildWith(properties);
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertFalse(r.ok(), f.log());
        assertTrue(seconds < 30, "stopped after " + seconds + " s");
        assertEquals(before, f.page("404.html"), "the published site is as it was");
        return new Looped(r, line);
    }

    /** A page that would grow without end is refused at the line that writes it. */
    @Test
    void aPageThatGrowsWithoutEndIsRefusedAtItsLine(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        List<String> problems = failsWith404(f, "\n\n<#list 1..2147483647 as i>${i} words </#list>\n");
        int line = lineOf(f.read("templates/404.ftlh"), "<#list 1..");
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("templates/404.ftlh:" + line + ": the page grew past 32 million characters")),
                f.log());
    }

    /**
     * A page of a million links stays under the characters' bound but would take the output
     * check minutes and gigabytes to parse back: refused at the line that writes them.
     */
    @Test
    void aPageOfTooManyElementsIsRefusedAtItsLine(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        long start = System.nanoTime();
        List<String> problems = failsWith404(f, "\n\n<#list 1..1500000 as i><a href=${i?c}></a></#list>\n");
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        int line = lineOf(f.read("templates/404.ftlh"), "<#list 1..");
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("templates/404.ftlh:" + line + ": the page has more than 250000 elements here")),
                f.log());
        assertTrue(seconds < 60, "refused after " + seconds + " s");
    }

    /**
     * A refresh leads where browsers read its address, with or without `url=` and quotes: one
     * leading off the site fails the output check, and so does a reload (every page reloading
     * itself on a timer, or at once, again and again); one within the site passes.
     */
    @Test
    void aRefreshOffTheSiteIsRefusedHoweverItIsWritten(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String template = f.read("templates/404.ftlh");
        for (String content : List.of("0; https://evil.example/", "0;URL = 'https://evil.example/'", "0, //evil.example/",
                "0; url=/\\evil.example/", "0; url=///evil.example/", "5 ; javascript:alert(1)", "30", "0")) {
            f.write("templates/404.ftlh", template + "\n<meta http-equiv=\"refresh\" content=\"" + content + "\">\n");
            Build.Result r = f.build();
            assertFalse(r.ok(), content + "\n" + f.log());
            assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("site/404.html: <meta http-equiv=\"refresh\"")
                    && m.contains("must lead to a page of the site")), f.log());
        }
        for (String content : List.of("0; url=index.html", "1, 'index.html'")) {
            f.write("templates/404.ftlh", template + "\n<meta http-equiv=\"refresh\" content=\"" + content + "\">\n");
            assertTrue(f.build().ok(), content + "\n" + f.log());
        }
    }

    /**
     * What a browser parses otherwise than the check (a <noscript> read as raw text with
     * scripting on, a policy inside an inert <template>, a frame's own document) fails the output
     * check, and so does a feed a browser would run a script or a stylesheet in.
     */
    @Test
    void whatABrowserReadsOtherwiseThanTheCheckIsRefused(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"${site.csp}\">";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("<noscript>", layout.replace("<body", "<noscript><p title=\"</noscript><script>alert(1)</script>\"></p></noscript>\n<body"));
        cases.put("Content-Security-Policy as the first element", layout.replace(policy, "<template>" + policy + "</template>"));
        cases.put("`srcdoc`", layout.replace("<body", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n<body"));
        cases.forEach((said, text) -> refused(f, "templates/layout.ftlh", text, "site/", said));
        f.write("templates/layout.ftlh", layout);
        String feed = f.read("templates/feed.ftlx");
        for (String insert : List.of("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>",
                "<?xml-stylesheet type=\"text/xsl\" href=\"https://evil.example/x.xsl\"?>", "<entry xml:base=\"javascript:alert(1)//\"/>")) {
            refused(f, "templates/feed.ftlx", feed.replaceFirst("(<feed [^>]*>)", "$1" + java.util.regex.Matcher.quoteReplacement(insert)),
                    "site/feed.xml: ", "");
        }
    }

    /** A page's other addresses (canonical, its feed, the pages before and after) are the site's: a reader subscribing from it gets the site's feed. */
    @Test
    void aPagesOwnAddressesAreTheSites(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        for (String link : List.of("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://evil.example/feed.xml\">",
                "<link rel=\"canonical\" href=\"https://evil.example/\">", "<link rel=\"next\" href=\"//evil.example/2.html\">")) {
            refused(f, "templates/layout.ftlh", layout.replace("</head>", link + "\n</head>"), "site/", "is not an absolute address of the site");
        }
        // Claims about the page in microdata, beside the checked JSON-LD, and an advertiser's attribution (an attacker's trial).
        refused(f, "templates/layout.ftlh", layout.replace("</body>", "<div itemscope itemtype=\"https://schema.org/NewsArticle\"><link itemprop=\"url\""
                + " href=\"https://explainers.example.org/\"></div>\n</body>"), "site/", "has microdata or RDFa (`itemscope`) on <div>");
        refused(f, "templates/layout.ftlh", layout.replace("</body>", "<div vocab=\"https://schema.org/\" typeof=\"NewsArticle\"><span property=\"publisher\">"
                + "Another</span></div>\n</body>"), "site/", "has microdata or RDFa (`vocab`) on <div>");
        refused(f, "templates/layout.ftlh", layout.replace("</body>", "<img src=\"${l.url('icon.png')}\" alt=\"\" attributionsrc=\"https://evil.example/t\">\n</body>"),
                "site/", "has `attributionsrc` on <img>");
    }

    /** The site's search loads scripts from its form's data-root and data-index: a template cannot point them at a file of the content. */
    @Test
    void theSearchLoadsScriptsOnlyFromItsFolder(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        for (String attack : List.of("data-index=\"articles/gas-storage-explained/storage.png?\"", "data-root=\"articles/\"")) {
            String attribute = attack.substring(0, attack.indexOf('='));
            refused(f, "templates/layout.ftlh", layout.replaceFirst(attribute + "=\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(attack)), "site/",
                    "has " + attack + " on <");
        }
    }

    /** The feeds' check takes every text as the site publishes it: a figure and its credit, copies of an image, footnotes, right-to-left text. */
    @Test
    void aFeedCarriesTextsAsPublished(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write(SECTION, f.read(SECTION) + "\nيصوت المواطنون في الانتخابات كل أربع سنوات.\n");
        assertTrue(f.build().ok(), f.log());
        String feed = f.page("feed.xml");
        for (String published : List.of("dir=&quot;rtl&quot;", "class=&quot;credit&quot;", "srcset=&quot;", "-fn-1&quot;", "loading=&quot;lazy&quot;")) {
            assertTrue(feed.contains(published), published);
        }
        // Addresses absolute, against the entry's page: a feed reader may ignore xml:base (a new user's trial).
        org.jsoup.nodes.Document xml = org.jsoup.Jsoup.parse(feed, "", org.jsoup.parser.Parser.xmlParser());
        int checked = 0;
        for (org.jsoup.nodes.Element content : xml.select("entry > content")) {
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parseBodyFragment(content.text());
            for (org.jsoup.nodes.Element e : html.select("[href], [src], [srcset]")) {
                for (String a : List.of("href", "src")) {
                    if (e.hasAttr(a)) {
                        assertTrue(e.attr(a).startsWith("https://") || e.attr(a).startsWith("mailto:"), a + "=" + e.attr(a));
                        checked++;
                    }
                }
                for (String candidate : e.attr("srcset").isEmpty() ? new String[0] : e.attr("srcset").split(",")) {
                    assertTrue(candidate.strip().startsWith(Fixture.HOST), "srcset " + candidate);
                }
            }
        }
        assertTrue(checked > 5, "the feed's texts have links and images: " + checked);
        assertTrue(feed.contains("src=&quot;" + Fixture.HOST + "articles/gas-storage-explained/storage.png&quot;"), "an image at the site's address");
    }

    /**
     * A feed reader shows an entry's HTML without the pages' policy: a template cannot put there,
     * nor in the feed's addresses, what a text could not hold, however it nests or types it.
     */
    @Test
    void aFeedHoldsOnlyWhatATextMay(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String feed = f.read("templates/feed.ftlx");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("<content type=\"html\">&lt;img src=\"x.png\" onerror=\"alert(1)\"&gt;</content>", "holds <img onerror=");
        cases.put("<summary type=\"html\">&lt;script&gt;alert(1)&lt;/script&gt;</summary>", "holds a <script> element");
        cases.put("<content type=\"html\">&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;</content>", "holds <a href=\"javascript:");
        cases.put("<content type=\"html\">&lt;p style=\"position:fixed\"&gt;x&lt;/p&gt;</content>", "holds <p style=");
        cases.put("<content type=\"html\">&lt;iframe src=\"https://evil.example/\"&gt;&lt;/iframe&gt;</content>", "<iframe");
        cases.put("<content type=\"html\"><title>t</title>&lt;img src=\"x.png\" onerror=\"alert(1)\"&gt;</content>", "holds <img onerror=");
        cases.put("<content type=\"text/html\">&lt;b&gt;x&lt;/b&gt;</content>", "type=\"text/html\"> is neither text nor html");
        cases.put("<icon>javascript:alert(1)</icon>", "<icon>javascript:");
        cases.put("<logo> data:image/svg+xml,x</logo>", "<logo>data:");
        cases.put("<content src=\"javascript:alert(1)\"/>", "<content src=");
        cases.put("<icon>https://tracker.example/i.png</icon>", "<icon>https://tracker.example/i.png</icon> is not an absolute address of the site");
        cases.put("<link rel=\"enclosure\" href=\"https://tracker.example/e.gif\"/>", "<link href=\"https://tracker.example/e.gif\"> is not an absolute");
        cases.put("<link rel=\"enclosure\" href=\"https://news.example.org.tracker.example/e.gif\"/>", "is not an absolute address of the site");
        cases.put("<link rel=\"enclosure\" href=\"https://news.example.org/explainers/../e.gif\"/>", "is not an absolute address of the site");
        cases.put("<link rel=\"enclosure\" href=\"https://news.example.org/explainers/%2e%2E/e.gif\"/>", "is not an absolute address of the site");
        cases.put("<link rel=\"enclosure\" href=\"https://news.example.org/explainers/..%2Fevil/e.gif\"/>", "is not an absolute address of the site");
        cases.put("<entry><id>https://attacker.example/x</id></entry>", "<id>https://attacker.example/x</id> is not an absolute address of the site");
        cases.forEach((insert, said) -> refused(f, "templates/feed.ftlx",
                feed.replaceFirst("(<feed [^>]*>)", "$1" + java.util.regex.Matcher.quoteReplacement(insert)), "site/feed.xml: ", said));
    }

    /**
     * What reaches other hosts, or hands them readers' addresses, though the policy allows no
     * connection: a preconnect is made by Chromium whatever `default-src` says.
     */
    @Test
    void noElementReachesOtherHostsAroundThePolicy(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("<link rel=\"preconnect\">", "<link rel=\"preconnect\" href=\"https://p1.tracker.example/\">");
        cases.put("<link rel=\"dns-prefetch\">", "<link rel=\"DNS-Prefetch\" href=\"https://id.tracker.example/\">");
        cases.put("<link rel=\"prerender\">", "<link rel=\"stylesheet prerender\" href=\"https://tracker.example/\">");
        cases.put("sends readers' addresses to other sites", "<meta name=\"referrer\" content=\"unsafe-url\">");
        cases.put("<meta http-equiv=\"set-cookie\">", "<meta http-equiv=\"set-cookie\" content=\"id=1\">");
        cases.put("<link href=\"https://tracker.example/i.png\"> is on another site", "<link rel=\"ICON\" href=\"https://tracker.example/i.png\">");
        cases.put("src=\"https://tracker.example/p.png\">", "<link rel=\"preload\" as=\"image\" href=\"${l.url('icon.png')}\" imagesrcset=\"https://tracker.example/p.png 1x\">");
        cases.put("has an invisible control character U+001B", "<p title=\"${'\\x1B'}$B\">x</p>");
        cases.put("has an invisible control character U+0085", "<p title=\"a${'\\x85'}b\">x</p>"); // C1: two bytes in UTF-8
        cases.put("has an invisible control character U+007F", "<p title=\"a${'\\x7F'}b\">x</p>");
        cases.put("referrerpolicy=\"unsafe-url\"", "</head><body><a referrerpolicy=\"unsafe-url\" href=\"https://example.org/\">x</a>");
        cases.put("rel=\"opener\"", "</head><body><a rel=\"opener\" target=\"_blank\" href=\"https://example.org/\">x</a>");
        cases.forEach((said, text) -> refused(f, "templates/layout.ftlh", layout.replace("</head>", text + "\n</head>"), "site/", said));
        // Another encoding would hide markup from the check, which reads every page as UTF-8.
        refused(f, "templates/layout.ftlh", layout.replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-2022-jp\">"), "site/", "does not declare UTF-8");
    }

    /**
     * What search engines and sharing sites read as the owner's word is the site's: no ownership
     * proof of another's, no rule taking listed pages out of search, no card or structured data
     * leading to another host.
     */
    @Test
    void whatSearchEnginesAndSharesReadIsTheSites(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("<meta name=\"google-site-verification\">, which the site's pages do not use", "<meta name=\"google-site-verification\" content=\"T0KEN\">");
        cases.put("<meta name=\"GoogleBot\">, which the site's pages do not use", "<meta name=\"GoogleBot\" content=\"noindex\">");
        cases.put("<meta property=\"og:see_also\">, which the site's pages do not use", "<meta property=\"og:see_also\" content=\"https://evil.example/\">");
        cases.put("<meta name=\"robots\" content=\"noindex, nofollow\"> on a page the sitemap lists", "<meta name=\"robots\" content=\"noindex, nofollow\">");
        cases.put("<meta property=\"og:image\" content=\"https://evil.example/t.png\"> is not an absolute address of the site",
                "<meta property=\"og:image\" content=\"https://evil.example/t.png\">");
        cases.put("<meta name=\"twitter:image\" content=\"//evil.example/t.png\"> is not an absolute address of the site",
                "<meta name=\"twitter:image\" content=\"//evil.example/t.png\">");
        cases.put("itemprop", "<meta itemprop=\"url\" content=\"https://evil.example/\">");
        cases.put("more than one of charset, http-equiv, name and property", "<meta name=\"description\" property=\"og:url\" content=\"https://evil.example/\">");
        cases.put("JSON-LD whose \"url\" is https://evil.example/", "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"url\":\"https://evil.example/\"}</script>");
        cases.put("JSON-LD whose \"target\" is HTTPS://evil.example/?q={q}", "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"WebSite\","
                + "\"potentialAction\":{\"@type\":\"SearchAction\",\"target\":\"HTTPS://evil.example/?q={q}\"}}</script>");
        cases.put("JSON-LD whose @context is \"https://evil.example/context\"", "<script type=\"application/ld+json\">{\"@context\":\"https://evil.example/context\"}</script>");
        cases.put("JSON-LD that is not well-formed JSON", "<script type=\"application/ld+json\">{\"url\":</script>");
        cases.put("has rel=\"me\" on <link>", "<link rel=\"me\" href=\"https://mastodon.example/@someone\">");
        cases.put("has rel=\"me\" on <a>", "</head><body><a rel=\"ME\" href=\"mailto:someone@example.org\">x</a>");
        cases.put("has a `download` attribute on <a>", "</head><body><a href=\"${l.url('icon.png')}\" download=\"invoice.hta\">x</a>");
        cases.forEach((said, text) -> refused(f, "templates/layout.ftlh", layout.replace("</head>", text + "\n</head>"), "site/", said));
        // og:url names the page itself: another host's is refused; the site's own, absolute, passes.
        String seo = f.read("templates/partials/seo.ftlh");
        refused(f, "templates/partials/seo.ftlh", seo.replace("<meta property=\"og:url\" content=\"${l.abs(canonical)}\">",
                "<meta property=\"og:url\" content=\"https://evil.example/phish\">"), "site/", "<meta property=\"og:url\" content=\"https://evil.example/phish\">");
        f.write("templates/partials/seo.ftlh", seo);
        f.write("templates/layout.ftlh", layout.replace("</head>", "<meta name=\"theme-color\" content=\"#fff\">\n</head>"));
        assertTrue(f.build().ok(), f.log());
    }

    /** FreeMarker's messages, which a template may print (`${.error}`), do not name the folders of the machine that builds. */
    @Test
    void anErrorMessageInAPageDoesNotShowTheMachinesFolders(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        f.write("templates/layout.ftlh", layout.replace("</head>", "<#attempt><#include \"nope.ftlh\"><#recover><!-- ${.error} --></#attempt>\n</head>"));
        assertTrue(f.build().ok(), f.log());
        String page = f.page("index.html");
        assertTrue(page.contains("nope.ftlh"), "the message is there");
        assertFalse(page.contains(f.dir.toRealPath().toString()) || page.contains(f.dir.toAbsolutePath().toString()), page);
    }

    /** A page showing the templates' folder of the machine that builds (a template printing a path) is refused. */
    @Test
    void aPageShowingTheTemplatesFolderIsRefused(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String layout = f.read("templates/layout.ftlh");
        refused(f, "templates/layout.ftlh", layout.replace("</head>", "<!-- " + f.dir.resolve("templates") + java.io.File.separator + "layout.ftlh -->\n</head>"),
                "site/", "shows a folder of the machine that builds");
    }

    /** A page may load scripts from js/ (and the search's files) only: a font an editor can change would run as one, and so would the page. */
    @Test
    void aScriptComesFromTheSitesScriptsOnly(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        f.write("assets/fonts/evil.woff", "wOFF = 1; document.title = 'x';"); // a font's signature, then script
        String layout = f.read("templates/layout.ftlh");
        refused(f, "templates/layout.ftlh", layout.replace("</head>", "<script src=\"${l.url('fonts/evil.woff')}\"></script>\n</head>"), "site/",
                "loads fonts/evil.woff as a script");
        // Nor the page itself, fetched as a script: a page written to be JavaScript too would run.
        refused(f, "templates/layout.ftlh", layout.replace("</head>", "<script src=\"#\" defer></script>\n</head>"), "site/",
                "<script src=\"#\"> loads the page itself as a script");
    }

    /** A page of many broken links is told about 20 of them and that there are more, not a problem per link. */
    @Test
    void aPageOfManyProblemsIsToldAFew(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        // Each link twice: the same problem is told once and counts once.
        List<String> problems = failsWith404(f, "\n<#list 1..100000 as i><a href=\"missing-${(i / 2)?floor?c}.html\">x</a></#list>\n");
        List<String> page = problems.stream().filter(m -> m.startsWith("site/404.html: ")).toList();
        assertEquals(21, page.size(), f.log());
        assertTrue(page.stream().anyMatch(m -> m.startsWith("site/404.html: has more problems than these 20")), f.log());
        for (int i = 0; i < 20; i++) {
            String link = "site/404.html: links to missing-" + i + ".html, which the site does not have";
            assertTrue(page.stream().anyMatch(m -> m.startsWith(link)), link + "\n" + f.log());
        }
    }

    /**
     * Every page within its own bound, but all of them too much together (a template can make
     * each page 32 million characters: a disk's worth over a large site): the bake stops at the
     * line that writes them. The bound is 256 KB a page and 256 MB more; here 1 MB more.
     */
    @Test
    void pagesTooLargeTogetherAreRefusedAtTheirLine(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        assertTrue(f.build().ok(), f.log());
        String before = f.page("404.html");
        f.write("templates/section.ftlh", f.read("templates/section.ftlh") + "\n<#list 1..200000 as i>0123456789</#list>\n");
        int line = lineOf(f.read("templates/section.ftlh"), "<#list 1..200000");
        Build.Result r = f.buildWith("explainers.siteMegabytes", "1");
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("templates/section.ftlh:" + line + ": the pages of this bake grew past")
                && m.contains("(at most 256 KB a page and 1 MB more)")), f.log());
        assertEquals(before, f.page("404.html"), "the published site is as it was");
    }

    /**
     * A template may not read the machine's clock (`.now`, which -Dbuild.now does not set: a page
     * set to change on a date would pass review and change later, unreviewed; an attacker's trial),
     * nor run a string as an expression (`?eval`), in a partial or a string made a template too.
     */
    @Test
    void aTemplateCannotReadTheClock(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        String partial = f.read("templates/partials/dates.ftlh");
        int line = (int) partial.lines().count() + 2;
        f.write("templates/partials/dates.ftlh", partial + "\n<#macro probe><#if .now?long gt 0>x</#if></#macro>\n");
        String layout = f.read("templates/layout.ftlh");
        f.write("templates/layout.ftlh", layout.replace("</footer>", "<#import \"partials/dates.ftlh\" as dd><@dd.probe/></footer>"));
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        assertTrue(Fixture.messages(r).stream().anyMatch(m -> m.startsWith("templates/partials/dates.ftlh:" + line + ": `.now` reads the clock")), f.log());
        f.write("templates/partials/dates.ftlh", partial);
        f.write("templates/layout.ftlh", layout);
        List<String> eval = failsWith404(f, "\n${\".n\" + \"ow\"?eval}\n");
        assertTrue(eval.stream().anyMatch(m -> m.startsWith("templates/404.ftlh:") && m.contains("`?eval` runs a string as an expression")), String.join("\n", eval));
        f.write("templates/404.ftlh", f.read("templates/404.ftlh").replace("\n${\".n\" + \"ow\"?eval}\n", ""));
        List<String> interpreted = failsWith404(f, "\n<#assign t = \"$\" + \"{.now?string}\">\n<@t?interpret/>\n");
        assertTrue(interpreted.stream().anyMatch(m -> m.startsWith("templates/404.ftlh:") && m.contains("`.now` reads the clock")), String.join("\n", interpreted));
    }

    /** A string made a template with ?interpret that calls itself: reported at the file's line that used it. */
    @Test
    void anInterpretedTemplateIsReportedWhereTheFileUsesIt(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        List<String> problems = failsWith404(f, "\n<#assign g = \"<@g/>\"?interpret>\n<@g/>\n");
        int line = f.read("templates/404.ftlh").lines().toList().indexOf("<@g/>") + 1;
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("templates/404.ftlh:" + line + ": it, or a template it includes,")), f.log());
        assertTrue(problems.stream().noneMatch(m -> m.contains("->")), f.log());
    }

    /** A value too large to make: a problem at its line, not a crash of the build. */
    @Test
    void aValueTooLargeToMakeIsAProblemAtItsLine(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        List<String> problems = failsWith404(f, "\n<#assign s = \"\">\n<#assign s = s?left_pad(2147483647)>\n");
        int line = lineOf(f.read("templates/404.ftlh"), "?left_pad");
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("templates/404.ftlh:" + line + ": rendering ran out of memory here")), f.log());
    }

    /** Adds {@code text} at the end of the 404 page's template and builds: the build fails; its problems, as printed. */
    private static List<String> failsWith404(Fixture f, String text) {
        f.write("templates/404.ftlh", f.read("templates/404.ftlh") + text);
        Build.Result r = f.build();
        assertFalse(r.ok(), f.log());
        return Fixture.messages(r);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the template");
    }

    @Test
    void headerValuesAreEscapedEverywhere(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.newsroom(tmp);
        String hostile = "Who <script>alert(1)</script>\\\" onmouseover=\\\"alert(2)";
        f.replace(SECTION, "title: Who votes", "title: \"" + hostile + "\"");
        f.replace(SECTION, "summary: Every citizen over 18 may vote, by post or in person.",
                "summary: \"Summary </script><img src=x onerror=alert(3)> & more\"");
        assertTrue(f.build().ok(), f.log());
        int shown = 0;
        try (Stream<Path> walk = Files.walk(f.site().toRealPath())) {
            for (Path p : walk.filter(x -> x.toString().endsWith(".html")).toList()) {
                String html = Files.readString(p, StandardCharsets.UTF_8);
                Document doc = Jsoup.parse(html);
                assertTrue(doc.select("script").stream().allMatch(s -> s.hasAttr("src") || s.attr("type").equals("application/ld+json")), p + " runs a script");
                assertTrue(doc.select("[onmouseover], [onerror], img[src=x]").isEmpty(), p + " has an injected attribute");
                for (var ld : doc.select("script[type=application/ld+json]")) {
                    assertFalse(ld.data().contains("</script") || ld.data().contains("<img"), p + ": JSON-LD not escaped");
                }
                shown += html.contains("alert(1)") ? 1 : 0;
            }
        }
        assertTrue(shown >= 3, "the title shows, escaped, on the section, article and topic pages: " + shown);
        Document section = Jsoup.parse(f.page("articles/election-primer/01-who-votes.html"));
        assertEquals("Who <script>alert(1)</script>\" onmouseover=\"alert(2)", section.selectFirst("h1").text());
        assertFalse(f.page("feed.xml").contains("<script>"), "the feed escapes header values");
    }
}
