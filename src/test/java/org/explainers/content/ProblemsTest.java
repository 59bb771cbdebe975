package org.explainers.content;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on problems told per file: the first by line, whatever order threads found them in, and an error is never lost. */
class ProblemsTest {

    private static final String FILE = "content/articles/a/01-one.md";

    @Test
    void aFileIsToldItsFirstFiftyProblemsInAnyOrderOfFinding() {
        List<Problem> found = new ArrayList<>();
        for (int line = 1; line <= 80; line++) {
            found.add(Problem.error(FILE, line, "broken link " + line, "fix it"));
        }
        Problems inOrder = new Problems();
        found.forEach(inOrder::add);
        Collections.reverse(found);
        Problems reversed = new Problems();
        found.forEach(reversed::add);
        assertEquals(inOrder.list(), reversed.list());
        List<Problem> told = inOrder.list();
        assertEquals(51, told.size());
        assertEquals(FILE + ": has more problems than these 50 (fix them and build again to see the others)", told.get(0).toString());
        assertEquals(50, told.get(told.size() - 1).line(), "lines 1 to 50 are told");
        assertTrue(inOrder.full(FILE));
    }

    @Test
    void anErrorPastTheCapStillFailsTheBuild() {
        Problems problems = new Problems();
        for (int line = 1; line <= 50; line++) {
            problems.warning(FILE, line, "a warning " + line, "look at it");
        }
        assertFalse(problems.hasErrors());
        problems.error(FILE, 60, "an error", "fix it");
        assertTrue(problems.hasErrors());
        assertTrue(problems.hasErrorIn(FILE));
        List<Problem> markers = problems.list().stream().filter(p -> p.message().startsWith("has more problems")).toList();
        assertEquals(1, markers.size(), problems.list().toString());
        assertFalse(markers.get(0).warning(), "the line saying there are more is an error, as one of them is");
    }
}
