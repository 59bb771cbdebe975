package org.explainers.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header of a content file: YAML-style front matter between two {@code ---} lines,
 * one {@code key: value} per line. Git hosts show such a header as a table in their Markdown
 * preview, where JBake's own {@code ~~~~~~} separator would hide the body in a code block.
 *
 * <p>Only the subset editors need is accepted: plain values, double-quoted values (for a value
 * with {@code ": "} in it) and {@code [a, b]} lists. {@code key=value} (JBake's own form) is
 * read too. Anything else is reported, with its line, instead of being guessed at.
 */
public final class FrontMatter {

    public static final String FENCE = "---";
    private static final Pattern LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*(:|=)(.*)");

    /** One header entry with the line it came from. */
    public record Field(String key, String value, List<String> list, int line) {
        public boolean isList() {
            return list != null;
        }
    }

    private final Map<String, Field> fields;
    private final int bodyStart;
    private final List<Problem> problems;
    private final Set<String> rejected;

    private FrontMatter(Map<String, Field> fields, int bodyStart, List<Problem> problems, Set<String> rejected) {
        this.fields = fields;
        this.bodyStart = bodyStart;
        this.problems = problems;
        this.rejected = rejected;
    }

    /** Keys whose line was reported as a problem: not also "missing". */
    public boolean rejected(String key) {
        return rejected.contains(key);
    }

    /** Header fields in file order. */
    public Map<String, Field> fields() {
        return fields;
    }

    /** Index (0-based) of the first body line, or -1 when there is no readable header. */
    public int bodyStart() {
        return bodyStart;
    }

    public List<Problem> problems() {
        return problems;
    }

    public String get(String key) {
        Field f = fields.get(key);
        return f == null ? null : f.value();
    }

    /**
     * @param path  the file's path for messages
     * @param lines the file's lines
     */
    public static FrontMatter parse(String path, List<String> lines) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            problems.add(Problem.error(path, 1, "the file does not start with a header",
                    "put the header between two lines of ---, the first one on line 1; see CONTRIBUTING.md"));
            return new FrontMatter(fields, -1, problems, Set.of());
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(Problem.error(path, 1, "the header is not closed",
                    "end the header with a line of --- before the text"));
            return new FrontMatter(fields, -1, problems, Set.of());
        }
        Set<String> mentioned = new HashSet<>();
        for (int i = 1; i < end; i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                mentioned.add(m.group(1));
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                // YAML (the Git host's header table) reads an indented line as part of the one above, and a tab not at all.
                problems.add(Problem.error(path, lineNo, "header line is indented: " + line,
                        "start the line at the left edge, with no spaces or tabs before the key"));
                continue;
            }
            if (m.matches() && m.group(2).equals("=")) {
                problems.add(Problem.error(path, lineNo, "`" + line + "` is JBake's own header style, not this project's",
                        "write `" + m.group(1) + ": " + m.group(3).strip() + "`"));
                continue;
            }
            if (!m.matches()) {
                problems.add(Problem.error(path, lineNo, "header line is not `key: value`: " + line,
                        "write one `key: value` per line; a value containing \": \" goes in double quotes"));
                continue;
            }
            String key = m.group(1);
            String rawValue = m.group(3).strip();
            if (m.group(2).equals(":") && !m.group(3).isEmpty() && !Character.isWhitespace(m.group(3).charAt(0))) {
                problems.add(Problem.error(path, lineNo, "no space after the colon in `" + line + "`",
                        "write `" + key + ": " + rawValue + "`"));
                continue;
            }
            if (fields.containsKey(key)) {
                problems.add(Problem.error(path, lineNo, "duplicate key `" + key + "` (first on line "
                        + fields.get(key).line() + ")", "keep only one `" + key + ":` line"));
                continue;
            }
            Field field = parseValue(path, key, rawValue, lineNo, problems);
            if (field != null) {
                fields.put(key, field);
            }
        }
        mentioned.removeAll(fields.keySet());
        return new FrontMatter(fields, end + 1, problems, mentioned);
    }

    private static Field parseValue(String path, String key, String raw, int line, List<Problem> problems) {
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]")) {
                problems.add(Problem.error(path, line, "the list for `" + key + "` is not closed",
                        "write it as [first, second] on one line"));
                return null;
            }
            String inner = raw.substring(1, raw.length() - 1).strip();
            List<String> items = new ArrayList<>();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",", -1)) {
                    String item = unquote(part.strip());
                    if (item == null || item.isEmpty()) {
                        problems.add(Problem.error(path, line, "the list for `" + key + "` has an empty item",
                                "remove the extra comma"));
                        return null;
                    }
                    items.add(item);
                }
            }
            return new Field(key, String.join(", ", items), items, line);
        }
        String plain = plainProblem(raw);
        if (plain != null) {
            problems.add(Problem.error(path, line, "the value of `" + key + "` " + plain,
                    "put it in double quotes: `" + key + ": \"" + raw.replace("\\", "\\\\").replace("\"", "\\\"") + "\"`"));
            return null;
        }
        String value = unquote(raw);
        if (value == null) {
            problems.add(Problem.error(path, line, "the quoted value of `" + key + "` is not closed",
                    "end the value with the quote it starts with; inside double quotes write a quote as \\\", inside single quotes as ''"));
            return null;
        }
        return new Field(key, value, null, line);
    }

    /**
     * Why an unquoted value would not read as the same text in YAML (which the Git host's
     * header table uses), or null. What a quoted value or a list is, is checked elsewhere.
     */
    static String plainProblem(String raw) {
        if (raw.isEmpty() || raw.startsWith("\"") || raw.startsWith("'") || raw.startsWith("[")) {
            return null;
        }
        if (raw.contains(": ") || raw.endsWith(":")) {
            return "contains `: `, which YAML reads as another key";
        }
        if (raw.contains(" #")) {
            return "contains ` #`, which starts a comment in YAML (the rest would be lost)";
        }
        if ("&*!|>%@`{}#".indexOf(raw.charAt(0)) >= 0 || raw.startsWith("- ") || raw.startsWith("? ")) {
            return "starts with `" + raw.charAt(0) + "`, which has a meaning of its own in YAML";
        }
        return null;
    }

    /** Removes surrounding quotes and their escapes (YAML's: \" in double, '' in single); null when a quote is left open. */
    static String unquote(String s) {
        if (s.startsWith("'")) {
            return s.length() < 2 || !s.endsWith("'") ? null : s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (!s.startsWith("\"")) {
            return s;
        }
        if (s.length() < 2 || !s.endsWith("\"") || s.endsWith("\\\"") && !s.endsWith("\\\\\"")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
