package org.explainers.verify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The output check's scans of a page's bytes, before they are decoded. */
class OutputCheckTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** C0 and DEL are bytes of their own, C1 two; tab, line feed, form feed and carriage return pass, and so do other characters' bytes. */
    @Test
    void controlCharactersAreFoundInTheBytes() {
        assertEquals(-1, OutputCheck.control(utf8("<p>a\tb\nc\fd\re “quoted” – é € 𝄞 \u00A0 \u0100</p>")));
        assertEquals(0x1B, OutputCheck.control(utf8("<p>a\u001Bb</p>")));
        assertEquals(0x7F, OutputCheck.control(utf8("é\u007F")));
        assertEquals(0x85, OutputCheck.control(utf8("“x”\u0085")));
        assertEquals(0x9F, OutputCheck.control(utf8("\u009F")));
        assertEquals(-1, OutputCheck.control(utf8("\u00A0\u00C2\u0080".substring(0, 2)))); // U+00C2 is 0xC3 0x82: not a C1 control
    }

    @Test
    void bytesAreFoundWhereverTheyAre() {
        byte[] folder = utf8("/home/ed/site/templates/");
        assertEquals(-1, org.explainers.content.Text.indexOf(utf8("<p>/home/ed/site/templates</p></div>/home/ed/site/template/"), folder));
        assertEquals(3, org.explainers.content.Text.indexOf(utf8("<p>/home/ed/site/templates/x.ftlh</p>"), folder));
        String page = "</a></p>".repeat(1000) + "/home/ed/site/templates/";
        assertEquals(page.length() - folder.length, org.explainers.content.Text.indexOf(utf8(page), folder));
        assertEquals(0, org.explainers.content.Text.indexOf(folder, folder));
        assertEquals(-1, org.explainers.content.Text.indexOf(utf8("/home"), folder));
        assertEquals(1, org.explainers.content.Text.indexOf(utf8("aéé"), utf8("é")));
        assertEquals(1, org.explainers.content.Text.indexOf(utf8("aab"), utf8("ab")));
    }
}
