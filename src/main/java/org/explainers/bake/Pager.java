package org.explainers.bake;

import org.explainers.content.SitePaths;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long list into pages whose addresses do not move as the list grows. Pages are
 * counted from the oldest entries: page 1 holds the oldest {@code size}, page 2 the next, and
 * so on; the newest entries, between {@code size} and twice that, are at the list's own
 * address. Publishing a new explainer changes only that first page (and, every
 * {@code size} entries, makes the oldest of its entries page n).
 */
final class Pager {

    /** One page of a list. */
    record Chunk<T>(int number, int count, String path, List<T> items) {
    }

    private Pager() {
    }

    /**
     * @param oldestFirst the list, oldest entry first
     * @param base        the address of the newest page, e.g. topics/energy.html
     * @return the pages, newest first (the first one at {@code base})
     */
    static <T> List<Chunk<T>> split(List<T> oldestFirst, int size, String base) {
        int full = oldestFirst.size() / size;
        int numbered = Math.max(0, full - 1); // the newest page keeps at least `size` entries
        int count = numbered + 1;
        List<Chunk<T>> pages = new ArrayList<>();
        pages.add(new Chunk<>(count, count, base, oldestFirst.subList(numbered * size, oldestFirst.size())));
        for (int n = numbered; n >= 1; n--) {
            pages.add(new Chunk<>(n, count, SitePaths.numbered(base, n), oldestFirst.subList((n - 1) * size, n * size)));
        }
        return pages;
    }
}
