package org.explainers.content;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Every problem found in one build, collected from any thread; printed sorted and once each. */
public final class Problems {

    private final TreeSet<Problem> all = new TreeSet<>();

    public synchronized void add(Problem p) {
        all.add(p);
    }

    public void error(String path, int line, String message, String fix) {
        add(Problem.error(path, line, message, fix));
    }

    public void warning(String path, int line, String message, String fix) {
        add(Problem.warning(path, line, message, fix));
    }

    public synchronized List<Problem> list() {
        return new ArrayList<>(all);
    }

    public synchronized List<Problem> errors() {
        return all.stream().filter(p -> !p.warning()).toList();
    }

    public synchronized boolean hasErrors() {
        return all.stream().anyMatch(p -> !p.warning());
    }

    /** Whether any error concerns this file (then, say, its links are not reported again). */
    public synchronized boolean hasErrorIn(String path) {
        return all.stream().anyMatch(p -> !p.warning() && p.path().equals(path));
    }
}
