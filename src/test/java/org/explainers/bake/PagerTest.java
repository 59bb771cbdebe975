package org.explainers.bake;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pages numbered from the oldest keep their address and their entries as the list grows at its newest end. */
class PagerTest {

    private static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void theNewestPageIsAtTheBaseAndOlderPagesAreNumberedFromTheOldest() {
        List<Pager.Chunk<Integer>> pages = Pager.split(upTo(57), 20, "topics/x.html");
        assertEquals(2, pages.size());
        assertEquals("topics/x.html", pages.get(0).path());
        assertEquals(upTo(57).subList(20, 57), pages.get(0).items(), "the newest page holds from 20 to 39 entries");
        assertEquals("topics/x/1.html", pages.get(1).path());
        assertEquals(upTo(20), pages.get(1).items());
    }

    @Test
    void numberedPagesDoNotChangeWhenEntriesAreAdded() {
        for (int n = 40; n < 200; n++) {
            List<Pager.Chunk<Integer>> before = Pager.split(upTo(n), 20, "b.html");
            List<Pager.Chunk<Integer>> after = Pager.split(upTo(n + 1), 20, "b.html");
            for (Pager.Chunk<Integer> old : before.subList(1, before.size())) {
                Pager.Chunk<Integer> same = after.stream().filter(c -> c.path().equals(old.path())).findFirst().orElseThrow();
                assertEquals(old.items(), same.items(), "page " + old.path() + " at " + n);
            }
            assertEquals(true, before.get(0).items().size() < 40 && after.get(0).items().size() < 40);
        }
    }

    @Test
    void aShortListIsOnePage() {
        assertEquals(1, Pager.split(upTo(5), 20, "b.html").size());
        assertEquals(1, Pager.split(List.of(), 20, "b.html").size());
    }
}
