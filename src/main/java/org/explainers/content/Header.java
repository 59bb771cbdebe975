package org.explainers.content;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Markdown file's header: YAML front matter between two {@code ---} lines, which Git hosts
 * show as a table in the pull request. It is read by a YAML parser and held to the
 * {@link Schema}: only the fields the schema names, each read by its own type.
 */
public final class Header {

    public static final String FENCE = "---";
    /** A YAML parser per thread (one is not thread-safe, and making one per file is slow); no aliases in a header. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        return new Yaml(options);
    });

    /**
     * The fields present and their values, side by side in the order of the file: two arrays
     * rather than a map with a node per field, as 10,000 headers stay in memory for the whole
     * build (a JDK map is either node-based or, as {@code Map.copyOf}, of no fixed order).
     */
    private final String[] fields;
    private final Object[] values;
    private final Map<String, Integer> lines;
    /**
     * A section saved in content/pages/, or a page in an explainer's folder: told once, as a file
     * in the wrong folder (an editor's trial: five messages on its fields, whose fixes turned the
     * section into a page).
     */
    private static boolean misplaced(MappingNode map, FieldType.Context c) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode) {
                fields.putIfAbsent(k.getValue(), t.getValueNode());
            }
        }
        String type = fields.get("type") instanceof ScalarNode t ? t.getValue() : "";
        String article = fields.get("article") instanceof ScalarNode a ? a.getValue() : "";
        String name = c.path().substring(c.path().lastIndexOf('/') + 1);
        if (c.kind() == Schema.Kind.PAGE && type.equals("section")) {
            // Its name there has its order in front (`03-faq.md`), as a section's file has.
            String order = fields.get("order") instanceof ScalarNode o && o.getValue().matches("[0-9]{1,2}") ? String.format(java.util.Locale.ROOT, "%02d",
                    Integer.parseInt(o.getValue())) : "<nn>";
            String file = Text.numbered(name) ? name : order + "-" + name;
            c.problems().error(c.path(), c.line(fields.get("type")), "a section of an explainer (`type: section`) saved in content/pages/",
                    article.matches("[a-z0-9-]{1,150}") ? "move it to the explainer's folder, content/articles/" + article + "/" + file
                            : "move it to its explainer's folder, content/articles/<explainer>/" + file + ", with `article: <explainer>`; or, if it is"
                            + " a standalone page, write `type: page`");
            return true;
        }
        if (c.kind() == Schema.Kind.SECTION && type.equals("page")) {
            c.problems().error(c.path(), c.line(fields.get("type")), "a standalone page (`type: page`) saved in an explainer's folder",
                    "move it to content/pages/" + name);
            return true;
        }
        return false;
    }

    /** The first node of a header that has an anchor (aliases name one), or null (SnakeYAML bounds a document's depth). */
    private static Node anchored(Node node) {
        if (node.getAnchor() != null) {
            return node;
        }
        List<Node> children = new java.util.ArrayList<>();
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> {
                children.add(t.getKeyNode());
                children.add(t.getValueNode());
            });
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
            children.addAll(s.getValue());
        }
        for (Node child : children) {
            Node found = anchored(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Index (0-based) of the first line below the header, or -1 when there is no readable header. */
    public final int bodyStart;
    /**
     * The header's lines as written, fingerprinted (SHA-1): with the file's path and the settings
     * the values are read under, it stands for the values (the bake's site shape uses it).
     */
    public final String key;

    private Header(Map<String, Object> values, Map<String, Integer> lines, int bodyStart, String key) {
        this.fields = values.keySet().toArray(new String[0]);
        this.values = values.values().toArray();
        this.lines = Map.copyOf(lines); // one array, not a node per field: 10,000 headers stay in memory
        this.bodyStart = bodyStart;
        this.key = key;
    }

    private Header(Map<String, Object> values, Map<String, Integer> lines, int bodyStart) {
        this(values, lines, bodyStart, "");
    }

    /** A header read by an earlier build (see {@link DocCache}). */
    static Header of(Map<String, Object> values, Map<String, Integer> lines, int bodyStart, String key) {
        return new Header(values, lines, bodyStart, key);
    }

    /** The SHA-1 of the header's lines, each ended by a line feed (as the crawl fingerprints files). */
    private static String key(List<String> lines, int end) {
        return Crawl.sha1((String.join("\n", lines.subList(0, end + 1)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The line of each field present. */
    Map<String, Integer> lines() {
        return lines;
    }

    /** The values read, by field name, in the order of the file. */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        forEach(m::put);
        return Collections.unmodifiableMap(m);
    }

    /** Hands each field present and its value to {@code to}, in the order of the file. */
    public void forEach(java.util.function.BiConsumer<String, Object> to) {
        for (int i = 0; i < fields.length; i++) {
            to.accept(fields[i], values[i]);
        }
    }

    public Object get(String field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(field)) {
                return values[i];
            }
        }
        return null;
    }

    public String text(String field) {
        return get(field) instanceof String s ? s : null;
    }

    /** The line a field is on, or 1 (the header's first line) when it is absent. */
    public int line(String field) {
        return lines.getOrDefault(field, 1);
    }

    /**
     * A header YAML refuses, said at the line an editor must change: YAML finds an unclosed
     * quote or list at the end of the header and a missing space after a colon on the next
     * line, but says where the thing began (its context); an indented line is read as part of
     * the line before it, and is named as indented.
     */
    private static void yamlProblem(MarkedYAMLException e, List<String> lines, int end, FieldType.Context c) {
        String context = e.getContext() == null ? "" : e.getContext();
        int at = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1; // index in lines
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String fix = "write one `key: value` per line, starting at the left edge; a value containing `: ` or ` #` goes in straight double quotes"
                + " (`title: \"Data: every strike\"`)";
        int quoted = quoteAcrossLines(lines, end, at);
        int misplaced = quoted >= 0 ? -1 : misindented(lines, Math.min(at, end - 1));
        if (misplaced > 0 && misplaced < at - 1) {
            misplaced = 0; // a line YAML read well (a value wrapped onto an indented line): not the one that failed
        }
        if (problem.contains("(TAB)")) {
            // YAML indents and separates with spaces only; its own words name the character, not the fix. The lines below
            // indented with tabs too are told at once (an editor's trial: four such lines took four builds).
            for (int i = at; i < Math.max(at + 1, end); i++) {
                String line = i < end ? lines.get(i) : "";
                boolean indent = line.substring(0, line.length() - line.stripLeading().length()).indexOf('\t') >= 0;
                if (i > at && !indent) {
                    continue;
                }
                String above = i > 1 ? lines.get(i - 1) : "";
                // `\tlevel: 1` under a field with its value: a field of its own; under `corrections:` or in an item, a nested one.
                boolean field = indent && Schema.field(keyOf(line)) != null && fieldLike(above)
                        && !above.startsWith(" ") && !above.startsWith("-") && !above.stripTrailing().endsWith(":");
                invalid(lines, c, i + 1, "a tab in the line (YAML takes spaces only)",
                        field ? "remove the tab: a field starts at the left edge"
                                : indent ? "indent the line with spaces, not a tab: two under `image:`, a list item's fields lined up after its `- `"
                                : "put a space after the colon, not a tab");
            }
            return;
        }
        if (quoted >= 0) {
            // A quote left open runs on to the next quote, lines below: YAML fails there.
            invalid(lines, c, quoted + 1, UNCLOSED, unclosedFix(lines.get(quoted)));
            return;
        }
        if (misplaced > 0) {
            // The line above's own indent, as a number: "by four" misled when the list's items began at the left edge (an editor's trial).
            String over = lines.get(misplaced - 1);
            String item = over.stripLeading();
            int spaces = over.length() - item.length() + (item.startsWith("- ") ? 2 : 0); // a `- ` item's fields line up after its dash
            invalid(lines, c, misplaced + 1, "the line is indented differently from the lines it belongs with",
                    "indent it as the field above it, by " + spaces + (spaces == 1 ? " space" : " spaces") + " (the fields of `image:` by two,"
                            + " a list item's fields as its first one)");
            return;
        }
        if (problem.startsWith("expected <block end>") && e.getProblemMark() != null && at < end && afterClosingQuote(lines.get(at), e.getProblemMark().getColumn())) {
            // `caption: 'Moscow's demand'`: the apostrophe closed the value, and the rest is left over.
            invalid(lines, c, at + 1, "text follows the value's closing quote",
                    "a quote inside a value ends it: write `" + quoted(lines.get(at)) + "`"
                            + (lines.get(at).contains(": \"") ? ", or use typographic quotes \u201C\u2026\u201D inside" : ""));
            return;
        }
        if ("mapping values are not allowed here".equals(problem) && at > 1 && at < end && previousHasNoColon(lines, at)) {
            // `title How full` then `type: article`: YAML reads the two lines as one key, and fails at the second's colon.
            invalid(lines, c, at, NO_COLON, colonFix(lines.get(at - 1)));
            return;
        }
        boolean fromContext = e.getContextMark() != null && (context.contains("quoted scalar") || context.contains("simple key")
                || context.contains("flow sequence") || context.contains("flow mapping"));
        if (fromContext) {
            at = e.getContextMark().getLine() + 1;
            if (context.contains("quoted scalar")) {
                problem = UNCLOSED;
                fix = unclosedFix(at < lines.size() ? lines.get(at) : "");
            } else if (context.contains("simple key") && at > 1 && blockStart(lines.get(at - 1))) {
                problem = "the text of a block value (`key: >` or `key: |`) is not indented";
                fix = "indent its lines by two spaces, or write the value on the line of its key";
            } else if (context.contains("simple key") && at > 1 && at < end && continues(lines.get(at), lines.get(at - 1))) {
                problem = "the line goes on with the value of the line above, but is not indented";
                fix = "join it to the line above, or indent it by two spaces";
            } else if (context.contains("simple key")) {
                problem = NO_COLON;
                fix = colonFix(at < end ? lines.get(at) : "");
            } else {
                problem = "a list in [ ] is not closed in this line";
                fix = "end the list with ] on the same line (`topics: [energy, climate]`)";
            }
        } else {
            // Read as the line before's continuation, an indented line fails at itself, or (the first line) at the next.
            int indented = -1;
            int from = problem.contains("document start") ? at - 1 : at;
            for (int i = Math.min(at, end - 1); i >= Math.max(1, from) && indented < 0; i--) {
                if (!lines.get(i).isBlank() && Character.isWhitespace(lines.get(i).charAt(0)) && !underKey(lines, i)) {
                    indented = i;
                }
            }
            String left = indented >= 3 ? lines.get(indented - 1) : "";
            String above = indented >= 3 ? lines.get(indented - 2) : "";
            // The stray is the left line when it is no field of the header's own, or when the line below is none (a correction's
            // `date:`, a header field too, above its `section:`); else the line below may be the one indented by mistake.
            if (indented >= 3 && !left.isBlank() && !Character.isWhitespace(left.charAt(0)) && !left.startsWith("-")
                    && (Schema.field(keyOf(left)) == null || Schema.field(keyOf(lines.get(indented))) == null)
                    && (above.strip().endsWith(":") || above.startsWith("- ") || !above.isBlank() && Character.isWhitespace(above.charAt(0)))) {
                // `image:`, then `src:` (or a correction's `text:`) at the left edge, then `  alt:`: the line left out of the block is
                // the one above, a field of the block, not of the header (editors' trials: "start the line at the left edge" at the
                // next line, followed, blamed the one after, round after round).
                at = indented - 1;
                String block = "";
                for (int j = at - 1; j >= 1 && block.isEmpty(); j--) {
                    String l = lines.get(j); // the block's key: at the left edge, not one of its `- ` items
                    block = !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("-") ? l.strip() : "";
                }
                String below = lines.get(indented);
                int spaces = below.length() - below.stripLeading().length();
                problem = "the line is not indented under `" + (block.endsWith(":") ? block : keyOf(block) + ":") + "`, as the lines around it are";
                fix = "indent it by " + (spaces == 2 ? "two" : spaces == 4 ? "four" : String.valueOf(spaces)) + " spaces, as the line below it";
            } else if (indented >= 0) {
                at = indented;
                problem = "the line is indented, so YAML reads it as part of the line before";
                fix = "start the line at the left edge (only a list's `- ` items and the fields of a value ending in `:` are indented)";
            } else if ("mapping values are not allowed here".equals(problem)) {
                problem = "a second `: ` in the line";
                String line = at < lines.size() ? lines.get(at) : "";
                fix = "a value holding `: ` goes in " + inQuotesInPlace(line);
            }
        }
        String text = at < lines.size() ? lines.get(at) : "";
        String value = text.indexOf(':') >= 0 ? text.substring(text.indexOf(':') + 1).strip() : "";
        if (!value.isEmpty() && "\u201C\u201D\u201E\u2018\u2019".indexOf(value.charAt(0)) >= 0) {
            // A word processor's curly quotes are text to YAML, not quotes: the usual cause when a quoted value still fails.
            // Named as typed: single ones told as double were another puzzle (an editor's trial).
            fix = "the value's quotes are curly (" + ("\u2018\u2019".indexOf(value.charAt(0)) >= 0 ? "\u2018\u2026\u2019" : "\u201C\u2026\u201D")
                    + "), which YAML reads as text: type straight double quotes \"\u2026\" around it";
        } else if (!value.isEmpty() && ("@`*&!%".indexOf(value.charAt(0)) >= 0 || value.startsWith("- "))) {
            // YAML keeps these for its own marks (an alias, a tag, a list's item): its words ("found character '@' that cannot
            // start any token") do not say what to do (an editor's trial).
            problem = markOfItsOwn(value.startsWith("- ") ? "- " : value.substring(0, 1));
            fix = "put the value in " + inQuotes(text);
        } else if (!value.isEmpty() && (value.charAt(0) == '[' || value.charAt(0) == '{') && Schema.field(keyOf(text)) != null
                && Schema.field(keyOf(text)).type() instanceof FieldType.OneLine) {
            // `title: [Updated] Gas prices`: a text field's brackets are a list to YAML, and the words after it are left over.
            problem = "the value starts with `" + value.charAt(0) + "`, which YAML reads as the start of a list";
            fix = "put the value in " + inQuotes(text);
        }
        invalid(lines, c, at + 1, problem, fix);
    }

    /**
     * What YAML reads as the line's key and separator: its indent, its key and the spaces after
     * the colon (a non-breaking space inside a value, `5 km`, is the value's own).
     */
    private static String keyPart(String line) {
        int colon = line.indexOf(':');
        int end = colon >= 0 ? colon + 1 : 0;
        while (colon < 0 && end < line.length() && !Character.isLetterOrDigit(line.charAt(end))) {
            end++; // the indent (a key without its colon: `title How full`)
        }
        while (colon < 0 && end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++; // the key
        }
        while (end < line.length() && (Character.isWhitespace(line.charAt(end)) || Text.isInvisible(line.charAt(end)))) {
            end++; // what separates it from the value
        }
        return line.substring(0, end);
    }

    /** "straight double quotes: `title: "…"`": the line {@link #quoted}, with the quotes it got named (single where the value holds a double). */
    static String inQuotes(String line) {
        String fixed = quoted(line);
        return (fixed.endsWith("\"") ? "straight double quotes" : "straight single quotes") + ": `" + fixed + "`";
    }

    /** {@link #inQuotes}, saying that an indented line keeps its indent (pasted at the left edge, it is another field or entry). */
    static String inQuotesInPlace(String line) {
        return inQuotes(line) + (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) ? " (the line indented as it is)" : "");
    }

    /**
     * The line with its value quoted as YAML takes it, for a fix: in double quotes, or in single
     * quotes (an apostrophe doubled) when it holds a double quote or a backslash (which double
     * quotes would read as an escape: `C:\Users`); quotes already around it dropped first.
     */
    static String quoted(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return "title: \"Data: every strike\"";
        }
        String key = line.substring(0, colon).stripTrailing(); // with its indent: pasted over the line, the fix keeps the line's place
        String value = line.substring(colon + 1).strip();
        if (value.length() > 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
        }
        return key + ": " + (value.indexOf('"') < 0 && value.indexOf('\\') < 0 ? "\"" + value + "\"" : "'" + value.replace("'", "''") + "'");
    }

    private static final String UNCLOSED = "a quote opened in this line is not closed";
    /** A value that starts with one of YAML's own marks (an alias, an anchor, a tag, a list's item), as told. */
    private static String markOfItsOwn(String mark) {
        return "the value starts with `" + mark + "`, which YAML reads as a mark of its own";
    }

    /** How to close a quote, shown on the line's own key (`summary: "…"`), or on a title's when the line has none. */
    private static String unclosedFix(String line) {
        String key = keyOf(line);
        String value = line.indexOf(':') >= 0 ? line.substring(line.indexOf(':') + 1).strip() : "";
        if (Schema.field(key) != null && value.startsWith("'") && value.indexOf('\'', 1) < 0) {
            // `title: 'Tis the season`: an apostrophe, not a quote; closing it as told dropped it from the title (an editor's trial).
            return "if it is an apostrophe, put the whole value in " + inQuotes(line);
        }
        return "close the value's quotes before the end of the line (`" + (Schema.field(key) != null ? key + ": \"…\"" : "title: \"How full is full?\"") + "`)";
    }

    /** The text before a line's first colon, stripped (the key it was written with), or "" when it has none. */
    private static String keyOf(String line) {
        int colon = line.indexOf(':');
        return colon > 0 ? line.substring(0, colon).strip() : "";
    }
    private static final String NO_COLON = "no `: ` between the key and its value";

    private static void invalid(FieldType.Context c, int line, String problem, String fix) {
        c.problems().error(c.path(), line, "the header is not valid YAML: " + problem, fix);
    }

    /** As {@link #invalid}; a line holding a space YAML does not take as one (a word processor's non-breaking space) is told so. */
    private static void invalid(List<String> lines, FieldType.Context c, int line, String problem, String fix) {
        String odd = line >= 1 && line <= lines.size() ? Text.invisible(keyPart(lines.get(line - 1))) : null;
        invalid(c, line, problem, odd == null ? fix : "the line holds " + odd + ", pasted from a word processor, which YAML does not read as"
                + " a space: delete it and type a normal space");
    }

    /** The fix for a key without its colon, with the line written as it should be. */
    private static String colonFix(String line) {
        return "write a colon and a space after the key (`" + colonExample(line) + "`)";
    }

    /**
     * The line (index in lines) where a quoted value that runs over more than one line starts,
     * as YAML's parser reads the header up to its failure; -1 if none. A header's values are one
     * line each: a quote across lines is one left open.
     */
    private static int quoteAcrossLines(List<String> lines, int end, int failed) {
        try {
            for (Event event : YAML.get().parse(new StringReader(String.join("\n", lines.subList(1, end))))) {
                // One that ran on to the line where YAML failed, or the line before: a quoted value wrapped
                // over two lines on purpose, and closed, is valid, and the failure is elsewhere.
                if (event instanceof ScalarEvent scalar && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED)
                        && scalar.getStartMark().getLine() != scalar.getEndMark().getLine() && scalar.getEndMark().getLine() + 1 >= failed - 1) {
                    return scalar.getStartMark().getLine() + 1;
                }
            }
        } catch (YAMLException e) {
            // the failure already known: only the events before it count
        }
        return -1;
    }

    /**
     * The first line up to {@code last} (index in lines) whose indentation is none of its group's:
     * the header's keys at the left edge, the lines under a key ending in `:` as the first of
     * them, a list item's fields as its first field after `- `. A block of text (`summary: >`)
     * may be indented as it likes. 0 when every line fits (or when the first that does not is
     * a key at the left edge's continuation, which the caller names as indented).
     */
    private static int misindented(List<String> lines, int last) {
        ArrayDeque<Integer> levels = new ArrayDeque<>(List.of(0));
        java.util.Set<Integer> lists = new java.util.HashSet<>(); // levels deeper than their key's that hold a list's `- ` items
        boolean opens = false; // the line before ends in `:`, or is a list item: the next sets a deeper level
        int text = -1; // within a block of text deeper than this
        for (int i = 1; i <= last && i < lines.size(); i++) {
            String line = lines.get(i);
            String content = line.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int indent = line.length() - content.length();
            if (text >= 0 && indent > text) {
                continue;
            }
            text = -1;
            if (opens && indent > levels.peek()) {
                levels.push(indent);
            } else {
                boolean closed = false;
                while (indent < levels.peek()) {
                    lists.remove(levels.pop());
                    closed = true;
                }
                if (indent != levels.peek()) {
                    // Between two levels (a field of `image:` a space short) is this line's fault; deeper than the top's
                    // lines, after one of them, is a continuation the caller names as indented.
                    return levels.size() == 1 && !closed ? 0 : i;
                }
                if (lists.contains(indent) && !content.startsWith("- ") && !content.equals("-")) {
                    // A field at its list's dashes (`  - date: …`, then `  section: …`): an item's fields line up after the dash
                    // (an editor's trial: YAML's "expected <block end>" came with advice that led to a duplicate key).
                    return i;
                }
            }
            if (content.startsWith("- ") && indent > 0 && indent == levels.peek() && levels.size() > 1) {
                lists.add(indent);
            }
            opens = content.endsWith(":") || content.startsWith("- ");
            if (content.startsWith("- ")) {
                String item = content.substring(2);
                levels.push(indent + 2 + (item.length() - item.stripLeading().length()));
                opens = item.strip().endsWith(":");
            }
            if (blockStart(line)) {
                text = indent;
                opens = false;
            }
        }
        return 0;
    }

    /** Whether the text before {@code column} (YAML's, in code points) of a line ends with a quote (spaces aside). */
    private static boolean afterClosingQuote(String line, int column) {
        if (column >= line.codePointCount(0, line.length())) {
            return false;
        }
        String before = line.substring(0, line.offsetByCodePoints(0, column)).stripTrailing();
        return before.endsWith("'") || before.endsWith("\"");
    }

    /** Whether YAML reads {@code key: value} as that one line of text (a fix shown to an editor must itself be valid). */
    private static boolean readsAsWritten(String line) {
        try {
            return YAML.get().compose(new StringReader(line)) instanceof MappingNode m && m.getValue().size() == 1
                    && m.getValue().get(0).getValueNode() instanceof ScalarNode value
                    && line.substring(line.indexOf(':') + 1).strip().equals(value.getValue());
        } catch (YAMLException e) {
            return false;
        }
    }

    /** The line as it should be written, `key: value` (a long value cut), for a fix: `title How full` is `title: How full`. */
    private static String colonExample(String line) {
        String l = line.strip();
        int key = 0;
        while (key < l.length() && (Character.isLetterOrDigit(l.charAt(key)) || l.charAt(key) == '_' || l.charAt(key) == '-')) {
            key++;
        }
        if (key == 0) {
            return "level: 1";
        }
        // After the key: its colon without a space (`level:1`), or `=` (`title=How full`, `title = How full`: JBake's own form).
        int at = key;
        while (at < l.length() && l.charAt(at) == ' ') {
            at++;
        }
        String value = (at < l.length() && (l.charAt(at) == ':' || l.charAt(at) == '=') ? l.substring(at + 1) : l.substring(key)).strip();
        String example = l.substring(0, key) + ": " + (value.length() > 40 ? value.substring(0, 40) + "\u2026" : value);
        return readsAsWritten(example) ? example : quoted(example);
    }

    /** Whether a line without a colon is a value's words run onto a new line: not a header key's name, after a `key: value` line. */
    private static boolean continues(String line, String before) {
        String l = line.strip();
        int end = 0;
        while (end < l.length() && (Character.isLetterOrDigit(l.charAt(end)) || l.charAt(end) == '_')) {
            end++;
        }
        String word = l.substring(0, end);
        return !l.contains(":") && Schema.field(word) == null && before.contains(": ") && !Character.isWhitespace(before.charAt(0));
    }

    /** Whether the line before {@code at} is a key without its colon: not indented, not a list item, no `: `. */
    private static boolean previousHasNoColon(List<String> lines, int at) {
        String before = lines.get(at - 1);
        return !before.isBlank() && !Character.isWhitespace(before.charAt(0)) && !before.startsWith("-") && !before.startsWith("#")
                && !before.contains(": ")
                && !before.strip().endsWith(":");
    }

    /**
     * Whether a plain value is followed on its line by ` #`, which YAML reads as a comment and
     * drops (`title: Neutrality #1 and guarantees` is "Neutrality"): reported at that line.
     */
    private static boolean cutByComment(Node node, List<String> lines, FieldType.Context c) {
        boolean cut = false;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                cut |= cutByComment(t.getValueNode(), lines, c);
            }
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
            for (Node item : seq.getValue()) {
                cut |= cutByComment(item, lines, c);
            }
        } else if (node instanceof ScalarNode scalar && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && scalar.getEndMark() != null && scalar.getStartMark().getLine() == scalar.getEndMark().getLine()) {
            int index = scalar.getEndMark().getLine() + 1; // in lines: the header starts on the file's second line
            String line = index < lines.size() ? lines.get(index) : "";
            int column = Math.min(scalar.getEndMark().getColumn(), line.codePointCount(0, line.length()));
            String rest = line.substring(line.offsetByCodePoints(0, column)).strip();
            if (rest.startsWith("#")) {
                String written = line.substring(line.offsetByCodePoints(0, Math.min(scalar.getStartMark().getColumn(), column))).strip();
                String key = line.substring(0, line.offsetByCodePoints(0, Math.min(scalar.getStartMark().getColumn(), column))).strip();
                c.problems().error(c.path(), index + 1, "` #` starts a comment in YAML: `" + rest + "` is cut from the value",
                        "put the whole value in straight double quotes: `" + key + " \"" + written.replace("\"", "\\\"") + "\"`");
                cut = true;
            }
        }
        return cut;
    }

    /** Whether a header line opens a block of text: `summary: >`, `|-` and such. */
    private static boolean blockStart(String line) {
        String last = line.strip();
        last = last.substring(last.lastIndexOf(' ') + 1);
        return !last.isEmpty() && (last.charAt(0) == '|' || last.charAt(0) == '>') && last.length() <= 3;
    }

    /** Whether an indented line belongs to a key above it whose value is the indented block (`image:`, `corrections:`). */
    private static boolean underKey(List<String> lines, int i) {
        for (int j = i - 1; j >= 1; j--) {
            String line = lines.get(j);
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                // `image:` and `corrections:` hold indented lines, and so does a block of text (`summary: >`, `|-`).
                return line.strip().endsWith(":") || blockStart(line);
            }
        }
        return false;
    }

    /**
     * Where the fields end when the header seems to run on into the text, or -1: a header whose
     * closing --- was deleted ends at the text's first `---`, a rule further down. Then its lines
     * up to the first blank one are a YAML mapping of their own, and more lines follow. Returns
     * the index in {@code lines} of the blank line (the line number of the last field).
     */
    private static int fieldsEnd(List<String> lines, int end) {
        int blank = -1;
        for (int i = 1; i < end; i++) {
            if (lines.get(i).isBlank()) {
                blank = i;
                break;
            }
        }
        if (blank < 2 || lines.subList(blank, end).stream().allMatch(String::isBlank)) {
            return -1;
        }
        String next = lines.subList(blank, end).stream().filter(l -> !l.isBlank()).findFirst().orElseThrow();
        try {
            if (!(YAML.get().compose(new StringReader(String.join("\n", lines.subList(1, blank)))) instanceof MappingNode)) {
                return -1;
            }
        } catch (YAMLException e) {
            return -1; // the fields themselves are wrong: told as such
        }
        return fieldLike(next) ? -1 : blank;
    }

    /**
     * Whether a line is written as a header's line, not as text: indented, a list's `- ` item, a
     * comment, or a lowercase `key:` (a header may have a blank line, and its next field, right
     * or wrong, is told as a field). Only for the diagnosis above: the header is read by YAML.
     */
    static boolean fieldLike(String line) {
        if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.startsWith("-") || line.startsWith("#")) {
            return true;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char ch = line.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch == '_' || i > 0 && ch >= '0' && ch <= '9')) {
                return false; // a space, a capital: `The minister said: no.`
            }
        }
        return true;
    }

    private static void notClosed(FieldType.Context c, int fieldsEnd, int end) {
        c.problems().error(c.path(), fieldsEnd + 1, "the header seems not to be closed: its fields end on line " + fieldsEnd + ", and the text after"
                        + " them is read as more fields, up to the --- on line " + (end + 1),
                "add a line of --- after line " + fieldsEnd + ", before the text; a --- further down is a rule in the text");
    }

    /**
     * Reads the header of {@code text}. Problems go to the context's list; a field whose value
     * is wrong is left out (and is then not also reported as missing).
     */
    public static Header read(SourceText text, FieldType.Context c) {
        List<String> lines = text.lines;
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            String first = lines.isEmpty() ? "" : lines.get(0).strip();
            // A word processor's dash for the three hyphens (an editor's trial: `—` was told only "does not start with a header").
            boolean dash = !first.isEmpty() && first.length() <= 3 && first.chars().allMatch(ch -> ch == '\u2014' || ch == '\u2013' || ch == '-' || ch == '\u2212')
                    && first.chars().anyMatch(ch -> ch != '-');
            // Hugo's TOML header, or JBake's own (`title=…` above `~~~~~~`): an editor moving pieces over from another tool (an editor's trial).
            boolean toml = first.equals("+++");
            boolean jbake = !toml && first.matches("[A-Za-z_]+\\s*=.*") && lines.stream().limit(40).anyMatch(l -> l.strip().matches("~{3,}"));
            c.problems().error(c.path(), 1, "the file does not start with a header" + (dash ? ": its first line is `" + first + "`, a dash a word processor"
                            + " made of the three hyphens" : toml ? ": its header is Hugo's TOML, between lines of +++" : jbake
                            ? ": its header is JBake's own, `key=value` lines above `~~~~~~`" : ""),
                    toml || jbake ? "write it as YAML between two lines of --- (`title: How full is full?` for `title = …` or `title=…`); see"
                            + " CONTRIBUTING.md" : "put the header between two lines of ---, the first one on line 1; see CONTRIBUTING.md");
            return new Header(Map.of(), Map.of(), -1);
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            // A line of dashes that is not three (`----`, `- - -`), where the header ends: told as itself (an editor's trial: "put ---
            // after line 11", the four dashes, joined the dashes to the summary, which was published with them).
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.length() >= 2 && line.chars().allMatch(ch -> ch == '-' || ch == ' ') && line.chars().filter(ch -> ch == '-').count() >= 2) {
                    c.problems().error(c.path(), i + 1, "the header's closing line is `" + line + "`", "write exactly three hyphens: `---`");
                    return new Header(Map.of(), Map.of(), -1);
                }
                if (!fieldLike(line) && !line.isBlank() && !Character.isWhitespace(lines.get(i).charAt(0)) && !line.startsWith("#")) {
                    break; // the text: no closing line before it
                }
            }
            // Told where the --- goes, after the last line that reads as a field (an editor's trial: line 1): the fields end at a
            // line of text, or at a blank line that text follows (a blank line between fields does not end them).
            int body = 1;
            while (body < lines.size()) {
                String line = lines.get(body);
                int next = body + 1;
                while (line.isBlank() && next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                // A `#` line is Markdown's heading here, not a YAML comment: texts open with one.
                String after = line.isBlank() ? (next < lines.size() ? lines.get(next) : "#") : line;
                if (!fieldLike(after) || after.startsWith("#")) {
                    break;
                }
                body = line.isBlank() ? next : body + 1;
            }
            int last = body - 1; // the last field's index
            while (last > 0 && lines.get(last).isBlank()) {
                last--;
            }
            boolean found = last >= 1 && body < lines.size();
            c.problems().error(c.path(), found ? last + 2 : 1, "the header is not closed", found
                    ? "put a line of --- here, after the header's last field (line " + (last + 1) + ") and before the text"
                    : "end the header with a line of --- before the text");
            return new Header(Map.of(), Map.of(), -1);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> fieldLines = new HashMap<>();
        int fieldsEnd = fieldsEnd(lines, end);
        Node root;
        try {
            root = YAML.get().compose(new StringReader(String.join("\n", lines.subList(1, end))));
        } catch (MarkedYAMLException e) {
            if (fieldsEnd > 0 && e.getProblemMark() != null && e.getProblemMark().getLine() + 1 > fieldsEnd) {
                notClosed(c, fieldsEnd, end);
            } else {
                yamlProblem(e, lines, end, c);
            }
            return new Header(values, fieldLines, end + 1);
        } catch (YAMLException e) {
            // Unmarked: too many aliases, found once the document is composed. The parser's events say where the first is.
            int line = 1;
            try {
                for (Event event : YAML.get().parse(new StringReader(String.join("\n", lines.subList(1, end))))) {
                    if (event instanceof org.yaml.snakeyaml.events.AliasEvent && event.getStartMark() != null) {
                        line = event.getStartMark().getLine() + 2; // the header's text starts on the line after ---
                        break;
                    }
                }
            } catch (YAMLException again) {
                // told at the header's first line
            }
            invalid(c, line, e.getMessage(),
                    "write one `key: value` per line; anchors (&) and aliases (*) are not used in headers");
            return new Header(values, fieldLines, end + 1);
        }
        if (root == null) {
            c.problems().error(c.path(), 1, "the header is empty", "write the header's `key: value` lines between the two ---");
            return new Header(values, fieldLines, end + 1);
        }
        Node anchored = anchored(root);
        if (anchored != null) {
            // SnakeYAML bounds aliases of lists and maps only: one text repeated by `*name` thousands of times passed (an attacker's
            // trial). Most often a value that starts with & (`title: &Co. results`), told as such.
            int line = c.line(anchored);
            invalid(c, line, markOfItsOwn("&") + " (an anchor, `&" + anchored.getAnchor() + "`)",
                    "put the value in " + inQuotes(lines.get(line - 1)) + "; anchors (&) and aliases (*) are not used in headers");
            return new Header(values, fieldLines, end + 1);
        }
        if (!(root instanceof MappingNode map)) {
            c.problems().error(c.path(), 2, "the header is not a list of `key: value` lines",
                    "write one `key: value` per line, starting at the left edge");
            return new Header(values, fieldLines, end + 1);
        }
        if (cutByComment(map, lines, c)) {
            return new Header(values, fieldLines, end + 1);
        }
        if (misplaced(map, c)) {
            return new Header(values, fieldLines, end + 1);
        }
        Set<String> present = new TreeSet<>();
        Set<String> meant = new TreeSet<>(); // the fields unknown keys look like a misspelling of
        Set<String> known = new TreeSet<>();
        for (Schema.Field f : Schema.FIELDS) {
            if (f.on().contains(c.kind())) {
                known.add(f.name());
            }
        }
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            int line = c.line(keyNode);
            String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || key.isBlank()) {
                c.problems().error(c.path(), line, "a header line has no key", "write `key: value`");
                continue;
            }
            if (!present.add(key)) {
                boolean list = key.equals("moved_from") || key.equals("topics") || key.equals("authors");
                c.problems().error(c.path(), line, "duplicate key `" + key + "` (first on line " + fieldLines.get(key) + ")",
                        list ? "keep one `" + key + ":` line and list every value in it: `" + key + ": [first, second]`"
                                : "keep only one `" + key + ":` line");
                continue;
            }
            fieldLines.put(key, line);
            Schema.Field field = Schema.field(key);
            if (field == null && fieldsEnd > 0 && line > fieldsEnd + 1 && !fieldLike(lines.get(line - 1))) {
                notClosed(c, fieldsEnd, end); // the text's first line, read as a field (`The minister said: ...`)
                return new Header(Map.of(), Map.of(), end + 1);
            }
            if (field == null || !field.on().contains(c.kind())) {
                String likely = key.equals("tags") ? "topics" : key.equals("author") ? "authors" : Text.closest(key, known);
                if (likely != null) {
                    meant.add(likely);
                }
                String hint = likely == null ? "" : "; did you mean `" + likely + "`?";
                if (c.kind() == Schema.Kind.SECTION && ("authors".equals(likely) || field != null && field.name().equals("authors"))) {
                    // `author:` in a section: not "did you mean `authors`?", which is refused next (an editor's trial: two rounds).
                    meant.remove("authors");
                    hint = "; the byline is the explainer's: `authors:` goes in its index.md (a guest writer is added to"
                            + " content/_data/authors.yml and named there)";
                } else if (c.kind() == Schema.Kind.ARTICLE && ("topics".equals(likely) || key.equals("categories"))) {
                    // As the byline in a section, the other way round (an editor's trial: `tags:` in index.md, then "did you mean `topics`?").
                    meant.remove("topics");
                    hint = "; topics are each section's: write `topics: [a, b]` in the header of each section they fit";
                } else if (key.equals("draft") || key.equals("published")) {
                    // Jekyll's and Hugo's way of holding a text back.
                    hint = "; a text is held back with `status: draft` (and published with `status: published`)";
                }
                c.problems().error(c.path(), line, field == null ? "unknown header key `" + key + "`"
                                : "`" + key + "` is not a header key of " + c.kind().name + "s",
                        "use " + String.join(", ", known) + hint);
                continue;
            }
            Object value = field.type().read(key, t.getValueNode(), c);
            if (value != null) {
                values.put(field.name(), value); // the schema's string, one for all headers
            }
        }
        for (Schema.Field f : Schema.FIELDS) {
            // A required field written misspelt (`titel:`) is reported once, at its line, with the name it should have.
            if (f.required().contains(c.kind()) && !present.contains(f.name()) && !meant.contains(f.name())) {
                // The value where the file's place says it (an editor's trial: `article: ...` for a section in its explainer's folder).
                String[] parts = c.path().split("/");
                String value = f.name().equals("article") && parts.length == 4 && parts[1].equals("articles") ? parts[2] : "...";
                c.problems().error(c.path(), 1, "the header has no `" + f.name() + "`", "add " + ("aeiou".indexOf(f.name().charAt(0)) >= 0 ? "an" : "a")
                        + " `" + f.name() + ": " + value + "` line");
            }
        }
        return new Header(values, fieldLines, end + 1, key(lines, end));
    }
}
