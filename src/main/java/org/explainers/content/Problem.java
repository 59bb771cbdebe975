package org.explainers.content;

/**
 * One thing wrong with the input, printed as {@code content/<path>:<line>: <what> (<fix>)} so
 * that editors and their tools can jump straight to it.
 *
 * @param path    path from the project root, with forward slashes (e.g. {@code content/articles/a/01-b.md})
 * @param line    1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong
 * @param fix     how to fix it
 * @param warning true when the build may go on
 */
public record Problem(String path, int line, String message, String fix, boolean warning)
        implements Comparable<Problem> {

    /** A problem is one line: a line break or tab inside a quoted value is shown escaped (a backslash, then n, r or t). */
    public Problem {
        message = oneLine(message);
        fix = oneLine(fix);
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    public static Problem error(String path, int line, String message, String fix) {
        return new Problem(path, line, message, fix, false);
    }

    public static Problem warning(String path, int line, String message, String fix) {
        return new Problem(path, line, message, fix, true);
    }

    @Override
    public String toString() {
        return path + (line > 0 ? ":" + line : "") + ": " + (warning ? "warning: " : "") + message + " (" + fix + ")";
    }

    /** By file, line, then text: the order problems are printed in. */
    @Override
    public int compareTo(Problem o) {
        int c = path.compareTo(o.path);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        return c != 0 ? c : toString().compareTo(o.toString());
    }
}
