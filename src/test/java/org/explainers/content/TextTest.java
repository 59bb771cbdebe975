package org.explainers.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The suggestions the check makes for a name it does not know, and the search's words. */
class TextTest {

    /** A slug's first words typed alone are nearer than a misspelling (an editor's trial: `#risks` was told `#lists`, not `#risks-ahead`). */
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
