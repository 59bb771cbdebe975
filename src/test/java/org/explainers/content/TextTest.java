package org.explainers.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The suggestions the check makes for a name it does not know, and the search's words. */
class TextTest {

    /** A slug's first words typed alone are nearer than a misspelling (an editor's trial: `#risks` was told `#lists`, not `#risks-ahead`). */
    /** Words as a reader reads them: between spaces, a hyphenated word or a number one each; Chinese characters one each; Thai letters one in five. */
    @Test
    void readingWordsCountWhatAReaderReads() {
        assertEquals(12, Text.readingWords("The e-mail said: \u201CStorage is 90% full\u201D \u2014 by 1 November, 2,000 GWh."));
        assertEquals(0, Text.readingWords(" \u2014 . "));
        assertEquals(4, Text.readingWords("\u5929\u7136\u6C14\u3002\u50A8"));
        assertEquals(2, Text.readingWords("\u0E01\u0E32\u0E23\u0E40\u0E01\u0E47\u0E1A\u0E01\u0E4A\u0E32\u0E0B"));
        assertEquals(3, Text.readingWords("\u0645\u062E\u0632\u0648\u0646 \u0627\u0644\u063A\u0627\u0632 2026"));
    }

    @Test
    void aSlugsFirstWordsAreItsNearest() {
        assertEquals("risks-ahead", Text.closest("risks", List.of("lists", "risks-ahead", "outlook")));
        assertEquals("lists", Text.closest("lsits", List.of("lists", "risks-ahead", "outlook")));
        assertEquals("energy", Text.closest("enrgy", List.of("energy", "elections")));
    }

    /** A soft hyphen or a zero-width character inside a word does not split it for the search (an editor's trial: "Glim|mer"). */
    @Test
    void charactersAWordHoldsUnseenDoNotSplitIt() {
        List<String> words = new java.util.ArrayList<>();
        Text.words("A Glim\u200Bmer of hope, post\u00ADwar, co\u2060op.", words::add);
        assertEquals(List.of("glimmer", "of", "hope", "postwar", "coop"), words);
    }

    /** Runs joined by a hyphen, and digits grouped by commas, are one word too, after their parts (not dashes, decimals or lists). */
    @Test
    void hyphenatedWordsAndGroupedNumbersAreAlsoOneWord() {
        List<String> words = new java.util.ArrayList<>();
        Text.words("Co-operation, e-mail and caf\u00E9-cr\u00E8me: 2,000 or 1,000,000 (1,00 and 2020,2021), 3.5\u20134 and a\u2014b, state-of-the-art.", words::add);
        assertEquals(List.of("co", "operation", "cooperation", "mail", "email", "and", "cafe", "creme", "cafecreme", "000", "2000", "or", "000", "000",
                "1000000", "00", "and", "2020", "2021", "and", "state", "of", "the", "art", "stateoftheart"), words);
    }
}
