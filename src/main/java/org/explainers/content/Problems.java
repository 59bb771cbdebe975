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
 * A file is told its first {@link #MAX_PER_FILE} problems in their order (by line), then that
 * it has more: a text of 17,000 broken links made 17,000 problems. Which ones are kept does not
 * depend on the order in which threads found them.
 */
public final class Problems {

    public static final int MAX_PER_FILE = 50;

    private final Map<String, TreeSet<Problem>> byFile = new HashMap<>();
    /** Files with problems past the cap, and whether one of those was an error. */
    private final Map<String, Boolean> more = new HashMap<>();
    /** Files with an error, told or past the cap. */
    private final Set<String> failed = new HashSet<>();

    public synchronized void add(Problem p) {
        TreeSet<Problem> told = byFile.computeIfAbsent(p.path(), k -> new TreeSet<>());
        if (!told.add(p)) {
            return;
        }
        if (!p.warning()) {
            failed.add(p.path());
        }
        if (told.size() > MAX_PER_FILE) {
            Problem dropped = told.pollLast();
            more.merge(p.path(), !dropped.warning(), Boolean::logicalOr);
        }
    }

    public void error(String path, int line, String message, String fix) {
        add(Problem.error(path, line, message, fix));
    }

    public void warning(String path, int line, String message, String fix) {
        add(Problem.warning(path, line, message, fix));
    }

    /** Whether this file has more problems than it is told (a check may stop looking for more). */
    public synchronized boolean full(String path) {
        return more.containsKey(path);
    }

    /** The problems told, sorted, with a line for each file that has more. */
    public synchronized List<Problem> list() {
        TreeSet<Problem> all = new TreeSet<>();
        byFile.values().forEach(all::addAll);
        more.forEach((path, error) -> all.add(new Problem(path, 0, "has more problems than these " + MAX_PER_FILE,
                "fix them and build again to see the others", !error)));
        return new ArrayList<>(all);
    }

    public synchronized List<Problem> errors() {
        return list().stream().filter(p -> !p.warning()).toList();
    }

    public synchronized boolean hasErrors() {
        return !failed.isEmpty();
    }

    /** Whether any error concerns a Markdown file in this folder (one not read at all is no document to ask about). */
    public synchronized boolean hasErrorInTextOf(String folder) {
        return failed.stream().anyMatch(p -> p.startsWith(folder) && p.indexOf('/', folder.length()) < 0
                && p.regionMatches(true, p.length() - 3, ".md", 0, 3));
    }

    /** Whether any error concerns this file, its name in any capitals (`Index.md` for index.md). */
    public synchronized boolean hasErrorInAnyCase(String path) {
        return failed.stream().anyMatch(p -> p.equalsIgnoreCase(path));
    }

    /** Whether any error concerns this file (then, say, its links are not reported again). */
    public synchronized boolean hasErrorIn(String path) {
        return failed.contains(path);
    }
}
