package org.explainers.content;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.List;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A text's link to the editor's own machine or network is refused however a browser would still
 * read it there (an attacker's re-trial: hexadecimal, octal and short IPv4 forms, full-width
 * letters, a final dot, IPv6's unique local and IPv4-inside-IPv6 forms); names are never looked up.
 */
class UrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8820/x", "http://localhost/", "http://localhost./", "http://localhost.localdomain/",
            "http://0x7f.1:8820/", "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/", "http://127.1/", "http://2130706433/",
            "http://ｌｏｃａｌｈｏｓｔ/", "http://127。0。0。1/", "http://%31%32%37.0.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://[fc00::1]/",
            "http://100.64.0.1/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://[::ffff:127.0.0.1]/", "http://10.1.2.3/",
            "http://192.168.0.1/", "http://169.254.169.254/", "http://0.0.0.0/", "http://printer.local/", "http://user@127.0.0.1/",
            "http://0x000000000000007f.1/", "http://00000000000000177.1/", "http:127.0.0.1/", "http:/127.0.0.1/", "http://router/",
            "http://nas.lan/", "//192.168.1.1/apply.cgi?reset=1", "//127.0.0.1:8820/", "  //localhost/", "\\\\10.0.0.1/", "/\\127.0.0.1/"})
    void aLinkToTheEditorsOwnMachineIsRefused(String address) {
        assertNotNull(Urls.localProblem(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "https://news.example.org:8443/a", "https://1.1.1.1/", "https://[2606:4700::1111]/",
            "https://2016.election.example/", "https://bücher.example/", "mailto:desk@example.org", "https://172.32.0.1/",
            "//example.org/a", "../other/index.md", "/about.html"})
    void aLinkToAnotherSiteIsLetThrough(String address) {
        assertNull(Urls.localProblem(address), address);
    }

    /** A name before `@` is what a reader sees of the address, not where it goes (an attacker's trial). */
    @ParameterizedTest
    @ValueSource(strings = {"https://www.gov.uk:443@evil.example/pay", "https://accounts.google.com&service=mail@evil.example/", "//www.gov.uk@evil.example/"})
    void aLinkWithANameBeforeItsHostIsRefused(String address) {
        assertEquals(true, Urls.linkProblem(address) != null && Urls.linkProblem(address).endsWith("it leads to `evil.example`"), Urls.linkProblem(address));
    }

    /** An invisible character in a host (an attacker's trial: `https://exa&#x200B;mple.com`) is dropped by browsers: the address shown is not the one followed. */
    @ParameterizedTest
    @ValueSource(strings = {"https://exa\u200Bmple.com/", "https://www.gov\u200D.uk/", "//bank\u00AD.example/", "https://a.example\u2060/x",
            "https://gov%E2%80%8B.uk/", "https://exa\uFE0Fmple.com/", "https://exa\u034Fmple.com/"})
    void aHostWithAnInvisibleCharacterIsRefused(String address) {
        assertEquals("has an invisible character in its host, which a browser drops: the address shown is not the one followed", Urls.linkProblem(address));
        assertEquals(null, Urls.linkProblem("https://example.com/a\u200Bb"), "in the path it is escaped, and followed as written");
    }

    /**
     * A host that imitates another is refused (an attacker's trial: a fraction or division slash
     * made `www.gov.uk⁄sign-in.evil.example` read as gov.uk; Cyrillic letters made `аррӏе.com`);
     * names written in their own script are linked.
     */
    @ParameterizedTest
    @ValueSource(strings = {"https://www.gov.uk\u2044sign-in.evil.example/", "https://www.gov.uk\u2215sign-in.evil.example/",
            "https://www.gov.uk\uFF0Fsign-in.evil.example/", "https://\u0430\u0440\u0440\u04CF\u0435.com/", "https://p\u0430ypal.com/",
            "https://xn--pypal-4ve.com/", "https://bank%E2%81%84login.example/", "https://www.g\u03BFv.uk/", "https://paypa\u4E28.com/",
            "https://www.gov.uk\u4E00sign-in.evil.example/", "https://gov\u30FCuk.example/"})
    void aHostThatImitatesAnotherIsRefused(String address) {
        String problem = Urls.linkProblem(address);
        assertEquals(true, problem != null && problem.contains("with characters that imitate others"), address + ": " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://m\u00FCnchen.de/", "https://www.b\u00FCcher.de/", "https://\u65E5\u672C\u8A9E.jp/", "https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/",
            "https://\u03B5\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC.gr/", "https://xn--mnchen-3ya.de/", "https://caf\u00E9-cr\u00E8me.fr/", "https://www.example.com/",
            "https://sony\u30B9\u30C8\u30A2.jp/"})
    void aNameInItsOwnScriptIsLinked(String address) {
        assertNull(Urls.linkProblem(address), address);
    }

    /** A mail link fills in a subject, a body and copies only; a telephone link dials a number, not a device code (an attacker's trial). */
    @org.junit.jupiter.api.Test
    void mailAndTelephoneLinksHoldOnlyWhatTheyShould() {
        assertNull(Urls.linkProblem("mailto:desk@example.org?subject=Hello%20there&body=Hi&cc=b@example.org"));
        assertNull(Urls.linkProblem("tel:+44-20-7946-0000"));
        assertNull(Urls.linkProblem("tel:(020)%207946-0000"));
        assertEquals(true, Urls.linkProblem("mailto:desk@evil.example?attach=/etc/passwd&body=see").startsWith("fills in `attach`"));
        assertEquals(true, Urls.linkProblem("mailto:desk@evil.example?Subject=a&ATTACH=~/.ssh/id_rsa").startsWith("fills in `attach`"));
        assertNull(Urls.linkProblem("tel:15"), "France's emergency numbers have two digits");
        assertNull(Urls.linkProblem("tel:+442079460000;ext=2314"), "an extension, as RFC 3966 writes it");
        for (String code : new String[]{"tel:*2767*3855%23", "tel:*%2306%23", "tel:+44#1", "tel:1"}) {
            assertEquals(true, String.valueOf(Urls.linkProblem(code)).startsWith("is not a telephone number"), code);
        }
        assertEquals("keep only subject=, body= and cc= after the `?`", Urls.linkFix("mailto:a@b.example?attach=x"));
        // Encoded, as a mail client that decodes first reads it (a second attacker's trial); an ampersand in a body's words is no field.
        assertEquals(true, String.valueOf(Urls.linkProblem("mailto:a@b.example?subject=x%26attach%3D/etc/passwd")).startsWith("fills in `attach`"));
        assertEquals(true, String.valueOf(Urls.linkProblem("mailto:a@b.example%3Fattach=/etc/passwd")).startsWith("fills in `attach`"));
        assertEquals(true, String.valueOf(Urls.linkProblem("mailto:a@b.example?cc=x@y.example?attach=/etc/passwd")).startsWith("fills in `attach`"));
        assertNull(Urls.linkProblem("mailto:a@b.example?body=Tom%20%26%20Jerry"));
    }

    /** A srcset as a browser reads it: addresses up to white space, commas inside them theirs, descriptors up to a comma. */
    @org.junit.jupiter.api.Test
    void aSrcsetIsReadAsABrowserReadsIt() {
        assertEquals(List.of(new Urls.Candidate("a,b.480w.png", "480w"), new Urls.Candidate("a,b.png", "960w"), new Urls.Candidate("c.png", ""),
                        new Urls.Candidate("d.png", "2x")),
                Urls.srcset(" a,b.480w.png 480w, a,b.png 960w,,c.png,, d.png\t2x"));
    }

    /** An address pasted in a word processor's quotes is told why it is not one (an editor's trial: "is not an address" alone). */
    @ParameterizedTest
    @ValueSource(strings = {"“https://example.org/”", "‘report.pdf’", "«https://example.org/»"})
    void anAddressInCurlyQuotesIsToldSo(String address) {
        String why = "is not an address: it holds curly quotes, as a word processor types them (write the address alone, without quotes)";
        assertEquals(why, address.startsWith("‘") ? Urls.fileProblem(address) : Urls.linkProblem(address), address);
    }
}
