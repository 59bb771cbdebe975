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

    /**
     * A problem is one line: a line break or tab inside a quoted value is shown escaped (a
     * backslash, then n, r or t), and any other control, bidirectional or invisible formatting
     * character as \\uXXXX, in the path too (a file name is any bytes Git carries): a name
     * holding a line break could otherwise start a line of the CI log with a workflow command
     * such as {@code ::error::}. GitHub's runner also takes the older {@code ##[command]} form
     * anywhere in a line (a text's `##[stop-commands]` would have silenced the build's
     * annotations): it is shown as {@code #%23[}, after the invisible characters that could split
     * it for a comparison that ignores them.
     */
    public Problem {
        message = oneLine(message);
        fix = oneLine(fix);
    }

    private static boolean shown(int c) {
        return c != '\t' && SourceText.allowed(c) && Character.getType(c) != Character.FORMAT;
    }

    private static String oneLine(String s) {
        int first = 0;
        while (first < s.length() && shown(s.codePointAt(first))) {
            first += Character.charCount(s.codePointAt(first));
        }
        if (first == s.length()) {
            // nearly always: nothing to escape (toString, which sorting calls, need not copy)
            return s.contains("##[") ? s.replace("##[", "#%23[") : s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, first);
        for (int i = first; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (shown(c)) {
                        b.appendCodePoint(c);
                    } else {
                        b.append(String.format(java.util.Locale.ROOT, c > 0xFFFF ? "\\u{%X}" : "\\u%04X", c));
                    }
                }
            }
        }
        return b.indexOf("##[") < 0 ? b.toString() : b.toString().replace("##[", "#%23[");
    }

    public static Problem error(String path, int line, String message, String fix) {
        return new Problem(path, line, message, fix, false);
    }

    public static Problem warning(String path, int line, String message, String fix) {
        return new Problem(path, line, message, fix, true);
    }

    @Override
    public String toString() {
        return oneLine(path) + (line > 0 ? ":" + line : "") + ": " + (warning ? "warning: " : "") + message + " (" + fix + ")";
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
