package org.explainers.content;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A controlled vocabulary under {@code content/_data/}: the topics sections are tagged with,
 * the authors articles are signed by. Each is a YAML list of entries with a slug.
 */
public final class Vocabulary {

    /**
     * What a vocabulary file holds.
     *
     * @param name its name in messages and templates ("topics")
     * @param file its path under content/
     * @param keys the keys of each entry, the first being the slug
     */
    public record Spec(String name, String file, List<Key> keys) {
        /** "topic" for "topics", in messages. */
        public String one() {
            return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        }
    }

    /** One key of an entry (or of a nested header value). */
    public record Key(String name, boolean required, FieldType type) {
    }

    /** An entry: its slug, values by key and the line it starts on. */
    public record Entry(String slug, Map<String, Object> values, int line) {
        public String text(String key) {
            Object v = values.get(key);
            return v == null ? null : v.toString();
        }

        /** The slugs it had before (its `moved_from`): each old page leads to its page now. */
        @SuppressWarnings("unchecked")
        public List<String> movedFrom() {
            Object v = values.get("moved_from");
            return v == null ? List.of() : (List<String>) v;
        }
    }

    public final Spec spec;
    private final Map<String, Entry> entries;

    /** Slugs of entries with a problem of their own (a missing description): not also "unknown" where a text uses them. */
    private final Set<String> withProblems;

    /** The largest vocabulary file. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The most old slugs a vocabulary's entries may keep in all. */
    static final int MAX_OLD_SLUGS = 200;

    /** Each former slug (an entry's `moved_from`) and the entry's slug now. */
    private final Map<String, String> formerly;

    private Vocabulary(Spec spec, Map<String, Entry> entries, Set<String> withProblems, Map<String, String> formerly) {
        this.spec = spec;
        this.entries = entries;
        this.withProblems = Set.copyOf(withProblems);
        this.formerly = formerly;
    }

    /** The slug now of an entry that had this one (in its `moved_from`), or null. */
    public String renamed(String slug) {
        return formerly.get(slug);
    }

    /** Whether the file has an entry of this slug that was refused for a problem already told at its line. */
    public boolean refused(String slug) {
        return withProblems.contains(slug);
    }

    /** Entries in file order, by slug. */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry get(String slug) {
        return entries.get(slug);
    }

    public List<String> slugs() {
        return new ArrayList<>(entries.keySet());
    }

    /**
     * Reads a vocabulary file; every problem goes to {@code problems}. Returns null when the
     * file cannot be read as a list at all: references into it are then not checked one by one
     * (one broken line is one problem, not one per section).
     *
     * @param index the name of a folder's index page (index.html): no slug may be it, since an
     *              entry's page is its slug's, beside the index of its folder (topics/index.html)
     */
    public static Vocabulary read(Spec spec, SourceText text, String index, Problems problems) {
        String path = "content/" + spec.file();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(String.join("\n", text.lines)));
        } catch (MarkedYAMLException e) {
            // YAML's words named where it failed, not the mistake: the usual ones, said plainly, at their line.
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String what = "not valid YAML: " + problem;
            String fix = "each " + spec.one() + " is `- slug: ...` followed by indented `key: value` lines; quote a value containing `: `";
            int misplaced = misplaced(text.lines, line);
            if (problem.contains("(TAB)")) {
                what = "not valid YAML: a tab in the line (YAML takes spaces only)";
                String l = line > 0 && line <= text.lines.size() ? text.lines.get(line - 1) : "";
                int tab = l.indexOf('\t');
                // A tab after a key's colon (`name:\tEnergy`) wants a space there; one at the line's start, spaces to indent.
                fix = tab > 0 && !l.substring(0, tab).isBlank() ? "put a space after the colon, not a tab: `"
                        + l.substring(0, tab).stripLeading() + " " + l.substring(tab + 1).strip() + "`"
                        : "indent with spaces: `- slug: ...`, then its other lines two spaces in";
            } else if (context.contains("quoted scalar") && e.getContextMark() != null) {
                line = e.getContextMark().getLine() + 1;
                what = "not valid YAML: a quote opened in this line is not closed";
                fix = "close the value's quotes before the end of the line";
            } else if (misplaced > 0) {
                String l = text.lines.get(misplaced - 1);
                line = misplaced;
                boolean first = !Character.isWhitespace(l.charAt(0));
                what = first ? "not valid YAML: the line starts an entry without `- `"
                        : "not valid YAML: the line is indented " + spaces(l.length() - l.stripLeading().length()) + "; an entry's lines are indented two";
                fix = first ? "write `- " + l.strip() + "`" : "write it two spaces in, under the `slug:` of its entry";
            } else if (problem.equals("mapping values are not allowed here")) {
                what = "not valid YAML: a second `: ` in the line";
                // The line's own key and value, quoted (an editor's trial: the example named another key than the line's).
                // With its indent, as Header tells it (an editor's trial: pasted at the left edge, the line then started an entry).
                String l = line > 0 && line <= text.lines.size() ? text.lines.get(line - 1) : "";
                int colon = l.indexOf(": ");
                fix = "put a value containing `: ` in " + (colon > 0 && !l.substring(0, colon).contains("\"") ? Header.inQuotesInPlace(l)
                        : "straight double quotes: `description: \"Oil: the cap\"`");
            }
            problems.error(path, line, what, fix);
            return null;
        } catch (YAMLException e) {
            problems.error(path, 0, "not valid YAML: " + e.getMessage(), "each " + spec.one() + " is `- slug: ...` followed by indented lines");
            return null;
        }
        if (!(root instanceof SequenceNode seq)) {
            problems.error(path, 1, "the file is not a list of " + spec.name(), "start each entry with `- slug: ...`");
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Integer> movedLines = new HashMap<>(); // each entry's `moved_from` line, for its problems
        Map<String, String> lowerCase = new HashMap<>();
        Map<String, Entry> named = new HashMap<>(); // by their names as readers tell them apart
        Set<String> withProblems = new HashSet<>();
        FieldType.Context context = new Reading(path, problems);
        for (Node item : seq.getValue()) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode map)) {
                problems.error(path, line, "an entry is not a set of keys", "write `- slug: ...` with indented `key: value` lines");
                continue;
            }
            Map<String, Object> values = FieldType.entry(spec.name(), map, spec.keys(), context);
            if (values == null) {
                for (org.yaml.snakeyaml.nodes.NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("slug") && t.getValueNode() instanceof ScalarNode v) {
                        withProblems.add(v.getValue());
                    }
                }
                continue;
            }
            String slug = (String) values.get("slug");
            if ((slug + ".html").equalsIgnoreCase(index)) {
                problems.error(path, line, spec.one() + " `" + slug + "` would have the address of the index page of "
                        + spec.name() + " (" + index + ")", "choose another slug");
                continue;
            }
            String other = lowerCase.putIfAbsent(slug.toLowerCase(Locale.ROOT), slug);
            if (other != null) {
                Entry first = entries.get(other);
                problems.error(path, line, spec.one() + " `" + slug + "` is defined twice (first on line " + (first == null ? "?" : first.line()) + ")",
                        "keep one entry");
                continue;
            }
            Entry entry = new Entry(slug, values, line);
            for (org.yaml.snakeyaml.nodes.NodeTuple t : map.getValue()) {
                // Published on every page that names the entry, as a header's values are (an editor's trial: `TKTK` in a title).
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                String mark = key.equals("slug") || key.equals("moved_from") ? null : Text.placeholderInValue(values.get(key));
                if (mark != null) {
                    problems.error(path, t.getKeyNode().getStartMark().getLine() + 1, "`" + key + "` of " + spec.one() + " `" + slug
                            + "` still holds the placeholder `" + mark + "`", "write what it stands for");
                }
            }
            String name = entry.text("name");
            Entry same = null;
            if (name != null) {
                List<String> keys = Text.seenAs(name);
                for (int i = 0; i < keys.size() && same == null; i++) {
                    same = named.get(i + ":" + keys.get(i));
                }
                for (int i = 0; i < keys.size() && same == null; i++) {
                    named.put(i + ":" + keys.get(i), entry);
                }
            }
            if (same != null) {
                // A byline or a topic readers cannot tell from another (an attacker's trial: a second "The Explainer desk" with a
                // no-break space signed as the newsroom; a second "Peace talks" topic listed twice on the index).
                problems.error(path, line, spec.one() + " `" + slug + "` is named `" + name + "`, which readers cannot tell from the name of `"
                        + same.slug() + "` (line " + same.line() + ")", "give each " + spec.one() + " a name of its own (two people: a middle"
                        + " initial tells them apart); for a renamed "
                        + spec.one() + ", keep one entry and put the other slug in its `moved_from`");
                withProblems.add(slug);
                continue;
            }
            entries.put(slug, entry);
            for (org.yaml.snakeyaml.nodes.NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("moved_from")) {
                    movedLines.put(slug, k.getStartMark().getLine() + 1);
                }
            }
        }
        // A former slug's pages lead to the entry's: it can be no entry's slug now, nor another's former one.
        Map<String, String> formerly = new HashMap<>();
        for (Entry e : entries.values()) {
            int at = movedLines.getOrDefault(e.slug(), e.line());
            for (String old : e.movedFrom()) {
                String current = lowerCase.get(old.toLowerCase(Locale.ROOT));
                if (current != null) {
                    problems.error(path, at, "`" + old + "` in the `moved_from` of " + spec.one() + " `" + e.slug() + "` is still a "
                            + spec.one() + " here (line " + entries.get(current).line() + ")", "remove one of them: the old slug's pages would be both");
                    continue;
                }
                String other = formerly.putIfAbsent(old, e.slug());
                if ((old + ".html").equalsIgnoreCase(index)) {
                    problems.error(path, at, "`" + old + "` in `moved_from` would have the address of the index page of " + spec.name()
                            + " (" + index + ")", "remove it from `moved_from`");
                } else if (other != null && !other.equals(e.slug())) {
                    problems.error(path, at, "`" + old + "` is in the `moved_from` of both `" + other + "` and `" + e.slug() + "`",
                            "an old address leads to one page: keep it in one");
                }
            }
        }
        if (formerly.size() > MAX_OLD_SLUGS) {
            // Each old slug is a page for each page of its entry's list (and a topic's feed): bounded as files' old names are.
            problems.error(path, 0, "the entries' `moved_from` list " + formerly.size() + " old slugs; at most " + MAX_OLD_SLUGS + " are allowed in all",
                    "keep the old slugs readers may still follow");
        }
        return new Vocabulary(spec, entries, withProblems, Map.copyOf(formerly));
    }

    /**
     * The line where YAML failed (1-based), or the one before it, when it is a key out of an
     * entry's shape: at the left edge without `- `, or indented one or three spaces (an entry's
     * keys are two in); 0 when neither is (a value's continuation may be indented as it likes).
     */
    private static int misplaced(List<String> lines, int failed) {
        for (int i = Math.max(0, failed - 2); i < Math.min(lines.size(), failed); i++) {
            String l = lines.get(i);
            int indent = l.length() - l.stripLeading().length();
            boolean key = l.strip().matches("[A-Za-z_]+:( .*)?");
            if (key && (indent == 0 || indent == 1 || indent == 3)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Reading a vocabulary: its values are plain text and links, nothing that needs a content file. */
    private record Reading(String path, Problems problems) implements FieldType.Context {
        @Override
        public int line(Node node) {
            return node.getStartMark().getLine() + 1;
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Vocabulary vocabulary(Spec spec) {
            return null;
        }

        @Override
        public Set<String> media() {
            return Set.of();
        }

        @Override
        public String folder() {
            return Schema.DATA + "/";
        }

        @Override
        public Set<String> layouts() {
            return Set.of();
        }

        @Override
        public Schema.Kind kind() {
            return null;
        }
    }

    /** "1 space", "3 spaces". */
    private static String spaces(int n) {
        return n + (n == 1 ? " space" : " spaces");
    }
}
