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
}
