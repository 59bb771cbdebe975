package org.explainers.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every problem found in one build, collected from any thread; printed sorted and once each.
 * A file is told at most {@link #MAX_PER_FILE} problems, then that it has more: a text of
 * 17,000 broken links made 17,000 problems (memory, and a check per problem).
 */
public final class Problems {

    public static final int MAX_PER_FILE = 50;

    private final TreeSet<Problem> all = new TreeSet<>();
    private final Map<String, Integer> told = new HashMap<>();
    /** Files with an error: errors among the problems told, or among those past the cap. */
    private final Set<String> failed = new HashSet<>();

    public synchronized void add(Problem p) {
        if (all.contains(p)) {
            return;
        }
        if (!p.warning()) {
            failed.add(p.path());
        }
        int n = told.merge(p.path(), 1, Integer::sum);
        if (n <= MAX_PER_FILE) {
            all.add(p);
        } else if (n == MAX_PER_FILE + 1 || !p.warning()) {
            // Said once; again only if the first one past the cap was a warning and an error follows.
            all.add(new Problem(p.path(), 0, "has more problems than these " + MAX_PER_FILE, "fix them and build again to see the others",
                    p.warning()));
        }
    }

    public void error(String path, int line, String message, String fix) {
        add(Problem.error(path, line, message, fix));
    }

    public void warning(String path, int line, String message, String fix) {
        add(Problem.warning(path, line, message, fix));
    }

    /** Whether this file has been told as many problems as it will be (a check may skip it). */
    public synchronized boolean full(String path) {
        return told.getOrDefault(path, 0) > MAX_PER_FILE;
    }

    public synchronized List<Problem> list() {
        return new ArrayList<>(all);
    }

    public synchronized List<Problem> errors() {
        return all.stream().filter(p -> !p.warning()).toList();
    }

    public synchronized boolean hasErrors() {
        return !failed.isEmpty();
    }

    /** Whether any error concerns this file (then, say, its links are not reported again). */
    public synchronized boolean hasErrorIn(String path) {
        return failed.contains(path);
    }
}
