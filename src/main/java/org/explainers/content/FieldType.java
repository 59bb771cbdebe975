package org.explainers.content;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a header value is read and checked. YAML would guess types ({@code no} is false,
 * {@code 2026-11-20} a timestamp); every value is taken as the text the editor wrote and read
 * by the field's own type, with a message that says what to write instead.
 */
public interface FieldType {

    /** What reading one header needs to know. */
    interface Context {
        /** The file's path for messages, e.g. content/articles/a/01-b.md. */
        String path();

        /** The file's line for a YAML node. */
        int line(Node node);

        Problems problems();

        ZoneId zone();

        /** The vocabulary a reference points into, or null when it could not be read (nothing is checked then). */
        Vocabulary vocabulary(Vocabulary.Spec spec);

        /** Media files under content/, relative to it. */
        Set<String> media();

        /** Files of content/ the walk refused (too large, SVG, a bad name): each has its own problem. */
        default Set<String> refused() {
            return Set.of();
        }

        /** The file's folder relative to content/, with its slash ("articles/a/"). */
        String folder();

        /** The page layouts of templates/ (not the templates of other kinds of page), without their extension. */
        Set<String> layouts();

        /** The kind of file being read, as its `type:` must say. */
        Schema.Kind kind();
    }

    /** The value of {@code node}, or null after reporting a problem. */
    Object read(String key, Node node, Context c);

    Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The longest slug. */
    int MAX_SLUG = 80;

    /** One line of text, at most {@code max} characters. */
    static FieldType text(int max) {
        return new OneLine(max);
    }

    /** One line of text, at most {@code max} characters: a type of its own, as a value YAML reads otherwise is told to be quoted. */
    record OneLine(int max) implements FieldType {
        @Override
        public Object read(String key, Node node, Context c) {
            String s = scalar(key, node, c);
            if (s == null) {
                return null;
            }
            if (s.length() > max) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` has " + s.length() + " characters; at most " + max + " are allowed",
                        "shorten it");
                return null;
            }
            if (s.contains("\n")) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` runs over several lines", "write it on one line");
                return null;
            }
            // As in a text (Bodies.numbersInOrder): a title or correction is where a number matters most (an attacker's trial).
            String swapped = Text.swappedNumbers(s);
            if (swapped != null) {
                c.problems().error(c.path(), c.line(node), "`" + key + "`'s " + Text.shownSwapped(swapped), "join one number's digits with a comma or a no-break space, not a space"
                        + " (`50,000`, or `\"50\\u00A0000\"` in double quotes); between two numbers, put a word or a comma");
                return null;
            }
            return s;
        }
    }

    static FieldType slug() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s != null && s.length() > MAX_SLUG) {
                // A slug names a page (topics/<slug>.html): file names have a limit, and suggestions compare slugs.
                c.problems().error(c.path(), c.line(node), "`" + key + "` has " + s.length() + " characters; a slug has at most " + MAX_SLUG,
                        "shorten it");
                return null;
            }
            if (s != null && !SLUG.matcher(s).matches()) {
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not a slug",
                        "use lowercase letters, digits and single hyphens, e.g. `" + Text.slugify(s) + "`");
                return null;
            }
            return s;
        };
    }

    static FieldType choice(String... values) {
        List<String> allowed = List.of(values);
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s != null && !allowed.contains(s)) {
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not valid",
                        "use " + String.join(" or ", allowed.stream().map(v -> "`" + v + "`").toList()) + Text.didYouMean(s, allowed));
                return null;
            }
            return s;
        };
    }

    /** The file's kind, which its place under content/ already decides. */
    static FieldType kind() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s != null && !s.equals(c.kind().name)) {
                String where = switch (c.kind()) {
                    case ARTICLE -> "an article's index.md";
                    case SECTION -> "a section file";
                    case PAGE -> "a page in content/pages/";
                };
                c.problems().error(c.path(), c.line(node), "`type: " + s + "` does not fit " + where,
                        "write `type: " + c.kind().name + "`" + (s.equals("article") ? ", or rename the file to index.md" : ""));
                return null;
            }
            return s;
        };
    }

    static FieldType number(int min, int max) {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s == null) {
                return null;
            }
            try {
                int v = Integer.parseInt(s);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            // The digits the editor wrote (`3rd`, `3.`), when they make a number in range: the fix is that number.
            var ranked = Pattern.compile("([0-9]{1,6})(?:st|nd|rd|th|\\.)", Pattern.CASE_INSENSITIVE).matcher(s.strip());
            int meant = ranked.matches() ? Integer.parseInt(ranked.group(1)) : -1;
            String range = max == min + 1 ? min + " or " + max : "a whole number from " + min + " to " + max; // "1 or 2", not "from 1 to 2"
            String example = meant >= min && meant <= max ? "write `" + key + ": " + meant + "`"
                    : "write " + range + ", e.g. `" + key + ": " + min + "`";
            c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not " + range
                    + (key.equals("level") ? " (1 for a part of the explainer, 2 for a sub-section of the part before it)" : ""), example);
            return null;
        };
    }

    Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}))?");
    /**
     * A date as a header writes it ({@link #DATE}) in the site's time zone, or null when it is not
     * one (nothing told): an older header's, from Git.
     */
    static Moment moment(String written, java.time.ZoneId zone) {
        var m = DATE.matcher(written.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            return new Moment(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .atTime(time).atZone(zone).toInstant(), m.group(4) != null);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A date with one digit where two go, to show it written out. */
    Pattern LOOSE_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2}))?");

    /** "the day", "the month and the hour": the parts of a date written with one digit. */
    private static String shortParts(java.util.regex.Matcher loose) {
        List<String> parts = new ArrayList<>();
        String[] names = {null, null, "the month", "the day", "the hour"};
        for (int g = 2; g <= 4; g++) {
            if (loose.group(g) != null && loose.group(g).length() == 1) {
                parts.add(names[g]);
            }
        }
        return parts.isEmpty() ? "the month, day and hour" : String.join(" and ", parts);
    }

    private static String two(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    /** The earliest year a date of publishing, an update or a correction may have. */
    int FIRST_YEAR = 1900;

    /**
     * The fix for an ISO 8601 time with seconds or an offset, as Hugo and Jekyll write it
     * (`2026-11-20T09:00:00+01:00`): the same moment in the site's time zone, as this site's
     * headers write it; or null. Read by java.time's own parsers.
     */
    static String isoFix(String key, String value, ZoneId zone) {
        java.time.LocalDateTime local;
        String why;
        try {
            local = java.time.OffsetDateTime.parse(value.strip()).atZoneSameInstant(zone).toLocalDateTime();
            why = "the same moment in the site's time zone, " + zone;
        } catch (java.time.format.DateTimeParseException e) {
            try {
                // `2026-11-20 09:00:00`, seconds written with a space (an editor's trial): read as with ISO's T.
                local = java.time.LocalDateTime.parse(value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)", "$1T$2"));
                why = (local.getSecond() != 0 || value.strip().length() > 16 ? "without seconds: " : "") + "a time is the site's time zone's, " + zone;
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
        return String.format(Locale.ROOT, "write it `%s: %04d-%02d-%02d %02d:%02d` (%s)", key, local.getYear(), local.getMonthValue(), local.getDayOfMonth(),
                local.getHour(), local.getMinute(), why);
    }

    /** {@code YYYY-MM-DD} or {@code YYYY-MM-DD HH:MM}, in the site's time zone. */
    static FieldType dateTime() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s == null) {
                return null;
            }
            var m = DATE.matcher(s);
            if (!m.matches()) {
                // One digit where two are needed (`2026-11-20 9:00`): the fix is the same date written out.
                var loose = LOOSE_DATE.matcher(s.strip());
                String fix = loose.matches() ? "write it `" + key + ": " + loose.group(1) + "-" + two(loose.group(2)) + "-" + two(loose.group(3))
                        + (loose.group(4) == null ? "" : " " + two(loose.group(4)) + ":" + loose.group(5)) + "` (" + shortParts(loose) + " in two digits)"
                        : java.util.Objects.requireNonNullElse(isoFix(key, s, c.zone()), java.util.Objects.requireNonNullElse(DateGuess.fix(key, s),
                        "write YYYY-MM-DD, e.g. 2026-11-20, or YYYY-MM-DD HH:MM for a time of day"));
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not a date", fix);
                return null;
            }
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            String why = null;
            if (month < 1 || month > 12) {
                why = "there is no month " + month;
            } else if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
                String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
                why = day < 1 ? "there is no day 0" : month == 2
                        ? "February " + year + " has " + Month.of(2).length(Year.isLeap(year)) + " days"
                        : name + " has " + Month.of(month).length(false) + " days";
            }
            if (why == null && year < FIRST_YEAR) {
                // A typo (0026 for 2026), never a date of publishing: before 1582, feeds' and pages' calendars would disagree too
                // (an attacker's trial: `0001-01-01` was 3 January on the page and 1 January in the feed).
                why = "the year " + year + " is before any date this site's pieces can have (" + FIRST_YEAR + " or later)";
            }
            if (why != null) {
                c.problems().error(c.path(), c.line(node), s.substring(0, 10) + ": " + why, "correct the date of `" + key + "`");
                return null;
            }
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int h = Integer.parseInt(m.group(4));
                int min = Integer.parseInt(m.group(5));
                if (h > 23 || min > 59) {
                    c.problems().error(c.path(), c.line(node), m.group(4) + ":" + m.group(5) + " is not a time of day",
                            "write a time from 00:00 to 23:59 (24-hour clock, the site's time zone)");
                    return null;
                }
                time = LocalTime.of(h, min);
            }
            try {
                return new Moment(LocalDate.of(year, month, day).atTime(time).atZone(c.zone()).toInstant(), m.group(4) != null);
            } catch (DateTimeException e) {
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not a date", e.getMessage());
                return null;
            }
        };
    }

    /** References into a vocabulary: the templates get the entries, not only their slugs. */
    record Refs(Vocabulary.Spec spec, FieldType reader) implements FieldType {
        @Override
        public Object read(String key, Node node, Context c) {
            return reader.read(key, node, c);
        }
    }

    /** The most topics a section, or authors an explainer, has. */
    int MAX_REFS = 12;
    /** The most former names a file lists in `moved_from`. */
    int MAX_OLD_NAMES = 20;

    /** Slugs from a vocabulary, as a list ({@code [a, b]}); one slug alone is a list of one. */
    static FieldType refs(Vocabulary.Spec spec) {
        return new Refs(spec, (key, node, c) -> {
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            if (items.isEmpty() || node instanceof ScalarNode sc && sc.getValue().isBlank()) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` is empty",
                        "name at least one from content/" + spec.file() + ", as `" + key + ": [a, b]`");
                return null;
            }
            if (node instanceof ScalarNode sc && sc.getValue().contains(",")) {
                // `topics: a, b` is one word to YAML: "did you mean `a`?" would drop the others.
                c.problems().error(c.path(), c.line(node), "several " + spec.name() + " without [ ] around them",
                        "write them in brackets: `" + key + ": [" + String.join(", ", java.util.Arrays.stream(sc.getValue().split(","))
                                .map(String::strip).filter(x -> !x.isEmpty()).toList()) + "]`");
                return null;
            }
            if (items.size() > MAX_REFS) {
                // Each topic has a page and a feed that carry the section's text: a section under 2,000 topics was 2,000 copies.
                c.problems().error(c.path(), c.line(node), "`" + key + "` lists " + items.size() + " " + spec.name() + "; at most " + MAX_REFS
                        + " are allowed", "keep those a reader would look for it under");
                return null;
            }
            Vocabulary vocabulary = c.vocabulary(spec);
            Set<String> slugs = new LinkedHashSet<>();
            boolean ok = true;
            for (Node item : items) {
                String slug = scalar(key, item, c);
                if (slug == null) {
                    ok = false;
                } else if (!slugs.add(slug)) {
                    c.problems().error(c.path(), c.line(item), "`" + slug + "` is listed twice in `" + key + "`", "list each once");
                    ok = false;
                } else if (vocabulary != null && vocabulary.get(slug) == null && vocabulary.refused(slug)) {
                    ok = false; // its entry's own problem is told in the vocabulary file
                } else if (vocabulary != null && vocabulary.get(slug) == null) {
                    // A file full of problems gets no more suggestions: each is a look through the whole vocabulary.
                    // `[energy sanctions]`: two slugs without their comma ("did you mean `energy`?" would drop the other).
                    List<String> words = List.of(slug.strip().split("[\\s\\u00A0]+"));
                    if (words.size() > 1 && words.stream().allMatch(w -> vocabulary.get(w) != null)) {
                        c.problems().error(c.path(), c.line(item), "unknown " + spec.one() + " `" + slug + "`",
                                "separate " + spec.name() + " with commas: `" + String.join(", ", words) + "`");
                        ok = false;
                        continue;
                    }
                    String now = vocabulary.renamed(slug);
                    if (now != null) {
                        // Two merged into one: a list naming both would then name it twice (an editor's trial).
                        boolean listed = items.stream().anyMatch(i -> i instanceof org.yaml.snakeyaml.nodes.ScalarNode n && n.getValue().strip().equals(now));
                        c.problems().error(c.path(), c.line(item), spec.one() + " `" + slug + "` is now `" + now + "` (its `moved_from` in content/"
                                + spec.file() + ")", listed ? "remove `" + slug + "`: `" + now + "` is listed already" : "write `" + now + "`");
                        ok = false;
                        continue;
                    }
                    String hidden = Text.invisible(slug);
                    if (hidden != null) {
                        String seen = Text.visible(slug).strip(); // what the editor sees
                        c.problems().error(c.path(), c.line(item), "unknown " + spec.one() + " `" + seen + "`: it holds " + hidden + ", pasted with it",
                                vocabulary.get(seen) != null ? "delete the slug and type it again: `" + seen + "`"
                                        : "delete the slug and type it again, as content/" + spec.file() + " writes it");
                        ok = false;
                        continue;
                    }
                    // `Jane Doe` for `jane-doe`: a name written for its slug.
                    String slugged = Text.slugify(slug);
                    if (!slugged.equals(slug.toLowerCase(java.util.Locale.ROOT)) && vocabulary.get(slugged) != null) {
                        c.problems().error(c.path(), c.line(item), "unknown " + spec.one() + " `" + slug + "`",
                                "write its slug, `" + slugged + "` (content/" + spec.file() + " lists each by its slug)");
                        ok = false;
                        continue;
                    }
                    String near = c.problems().full(c.path()) ? null : Text.closest(slug, vocabulary.slugs());
                    c.problems().error(c.path(), c.line(item), "unknown " + spec.one() + " `" + slug + "`",
                            (near != null ? "did you mean `" + near + "`? Otherwise add it to content/" + spec.file()
                                    : "use one from content/" + spec.file() + " or add it there"));
                    ok = false;
                }
            }
            return ok ? List.copyOf(slugs) : null;
        });
    }

    /** An address a link may point at (see {@link Urls#linkProblem}). */
    static FieldType link() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            String problem = s == null ? null : Urls.linkProblem(s);
            problem = problem != null || s == null ? problem : Urls.localProblem(s);
            if (problem != null || s != null && !"https".equals(Urls.scheme(s)) && !"http".equals(Urls.scheme(s))) {
                // `www.example.org/ana` (no scheme: a path of the site to a browser) is told written out, as a text's link is.
                boolean bare = s != null && "".equals(Urls.scheme(s)) && !s.startsWith("/") && !s.startsWith(".") && s.indexOf('.') > 0
                        && s.indexOf('.') < (s.indexOf('/') < 0 ? s.length() : s.indexOf('/'));
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` " + (problem != null ? problem : "is not a web address"),
                        bare ? "write `" + key + ": https://" + s + "`" : "write a full address starting with https://");
                return null;
            }
            return s;
        };
    }

    /** The lead image: a mapping of src, alt and optional caption and credit. */
    static FieldType image() {
        return (key, node, c) -> {
            if (!(node instanceof MappingNode map)) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` is not a set of `src`, `alt`, `caption`, `credit`",
                        "write `" + key + ":` and below it indented lines `src: lead.png` and `alt: what it shows`");
                return null;
            }
            Map<String, Object> v = entry(key, map, List.of(
                    new Vocabulary.Key("src", true, mediaFile()),
                    new Vocabulary.Key("alt", true, text(300)),
                    new Vocabulary.Key("caption", false, text(300)),
                    new Vocabulary.Key("credit", false, text(150))), c, "the lead image (`" + key + "`)");
            ScalarNode src = valueOf(map, "src");
            ScalarNode alt = valueOf(map, "alt");
            if (src != null && alt != null && Image.describesNothing(alt.getValue(), src.getValue())) {
                // As a text's image is told (an editor's trial: `alt: photo` passed here, on the home page's card too).
                c.problems().error(c.path(), c.line(alt), "the lead image `" + src.getValue() + "` is described only as `"
                        + alt.getValue().strip() + "`", "say what it shows: `alt: Storage tanks at the Rehden gas field`");
                return null;
            }
            return v == null ? null : new Image((String) v.get("src"), (String) v.get("alt"), (String) v.get("caption"), (String) v.get("credit"));
        };
    }

    /** A media file beside the Markdown file. */
    static FieldType mediaFile() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s == null) {
                return null;
            }
            String ext = s.contains(".") ? s.substring(s.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (c.refused().contains(c.folder() + s)) {
                return null; // its own problem says why it is not published
            }
            if (s.contains("/") || s.contains("\\") || !Schema.IMAGES.contains(ext)) {
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not an image file beside this one",
                        "put the image (" + String.join(", ", new java.util.TreeSet<>(Schema.IMAGES)) + ") in " + "content/" + c.folder()
                                + " and write its file name");
                return null;
            }
            if (!c.media().contains(c.folder() + s)) {
                List<String> here = c.media().stream().filter(p -> p.startsWith(c.folder())).map(p -> p.substring(c.folder().length())).toList();
                c.problems().error(c.path(), c.line(node), "there is no image `" + s + "` in content/" + c.folder(),
                        here.isEmpty() ? "add it there" : "check the name" + Text.didYouMean(s, here));
                return null;
            }
            return s;
        };
    }

    /**
     * The most entries such a list may have: each is shown on the explainer's page, on its
     * section's, on the corrections page and in the feeds (an attacker's trial: 4,300 corrections
     * in a scheduled explainer passed, and at its date made every build fail, blaming a template).
     */
    static final int MAX_ENTRIES = 50;

    /** A list of entries, each a mapping with the given keys (e.g. dated corrections). */
    static FieldType entries(List<Vocabulary.Key> keys) {
        return (key, node, c) -> {
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` is not a list of entries",
                        "write each entry as `- " + keys.get(0).name() + ": ...` with its other keys indented below it");
                return null;
            }
            if (seq.getValue().size() > MAX_ENTRIES) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` lists " + seq.getValue().size() + " entries; at most " + MAX_ENTRIES
                        + " are allowed", "join entries made on the same day into one");
                return null;
            }
            List<Map<String, Object>> list = new ArrayList<>();
            boolean ok = true; // every entry is read, and its problems told, in one build (an editor's trial: five took three)
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    c.problems().error(c.path(), c.line(item), "an entry of `" + key + "` is not a set of keys",
                            "write `- " + keys.get(0).name() + ": ...` with its other keys indented below it");
                    ok = false;
                    continue;
                }
                Map<String, Object> e = entry(key, map, keys, c);
                if (e == null) {
                    ok = false;
                    continue;
                }
                e.put("line", c.line(item));
                // And each key's own line, for a problem found once all is read (a section the article lacks).
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k) {
                        e.put("line:" + k.getValue(), c.line(t.getValueNode()));
                    }
                }
                list.add(e);
            }
            return ok ? List.copyOf(list) : null;
        };
    }

    /** A section's file name in the same article (`03-x.md`); checked against the article once all is read. */
    static FieldType sectionFile() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s != null && (s.contains("/") || !s.endsWith(".md"))) {
                String name = markdownName(s.substring(s.lastIndexOf('/') + 1));
                c.problems().error(c.path(), c.line(node), "`" + key + ": " + s + "` is not a section's file name",
                        name != null ? "write the section's file name, with its extension: `" + name + "`"
                                : "write the file name of a section of this article, e.g. `03-the-demands.md`");
                return null;
            }
            return s;
        };
    }

    /** A Markdown file's name for one written as its page (`x.html`) or without an extension (`x`); null for other names. */
    private static String markdownName(String s) {
        String last = s.substring(s.lastIndexOf('/') + 1);
        if (last.isEmpty() || last.startsWith(".")) {
            return null;
        }
        return s.endsWith(".html") ? s.substring(0, s.length() - 5) + ".md" : last.contains(".") ? null : s + ".md";
    }

    /** A vocabulary entry's former slugs (its `moved_from`): each a slug, each once; checked against the others in {@link Vocabulary#read}. */
    static FieldType oldSlugs() {
        FieldType one = slug();
        return (key, node, c) -> {
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            if (items.size() > MAX_OLD_NAMES) {
                c.problems().error(c.path(), c.line(node), "`" + key + "` lists " + items.size() + " slugs; at most " + MAX_OLD_NAMES + " are allowed",
                        "list the slugs this entry had");
                return null;
            }
            Set<String> slugs = new LinkedHashSet<>();
            for (Node item : items) {
                Object slug = one.read(key, item, c);
                if (slug == null) {
                    return null;
                }
                if (!slugs.add((String) slug)) {
                    c.problems().error(c.path(), c.line(item), "`" + slug + "` is listed twice in `" + key + "`", "list each once");
                    return null;
                }
            }
            return List.copyOf(slugs);
        };
    }

    /** The file's former names, relative to its folder; checked once all files are read. */
    static FieldType oldFiles() {
        return (key, node, c) -> {
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            if (items.size() > MAX_OLD_NAMES) {
                // Each old name makes a page (a redirect): 25,000 names in one file made 25,000 pages.
                c.problems().error(c.path(), c.line(node), "`" + key + "` lists " + items.size() + " names; at most " + MAX_OLD_NAMES + " are allowed",
                        "list the names this file had; a file with more old names than that is likely not one file's history");
                return null;
            }
            List<String> names = new ArrayList<>();
            for (Node item : items) {
                String s = scalar(key, item, c);
                if (s == null) {
                    return null;
                }
                // An old name was a file's (a published one may be longer than new names may): its page, .html, must fit the file system.
                String bad = Inputs.nameProblem(s, 250);
                if (bad != null) {
                    c.problems().error(c.path(), c.line(item), "`" + key + "`: " + bad, "write the file's old name as it was");
                    return null;
                }
                if (!s.endsWith(".md") || s.startsWith("/") || s.contains("\\") || s.contains("//")) {
                    String name = s.startsWith("/") || s.contains("\\") || s.contains("//") ? null : markdownName(s);
                    c.problems().error(c.path(), c.line(item), "`" + s + "` in `" + key + "` is not a former file name",
                            name != null ? "write the file's old name with its extension: `" + name + "`"
                                    : "write the file's old name as it was, relative to this one, e.g. `03-old-name.md`");
                    return null;
                }
                names.add(s);
            }
            return List.copyOf(names);
        };
    }

    /** A template name for a standalone page. */
    static FieldType layout() {
        return (key, node, c) -> {
            String s = scalar(key, node, c);
            if (s != null && !c.layouts().contains(s)) {
                c.problems().error(c.path(), c.line(node), "`" + s + "` is not a page layout of templates/",
                        "use one of: " + String.join(", ", new java.util.TreeSet<>(c.layouts())) + Text.didYouMean(s, c.layouts()));
                return null;
            }
            return s;
        };
    }

    /** An entry of a list's values by the given keys; unknown keys, missing required ones and bad values are reported. */
    static Map<String, Object> entry(String field, MappingNode map, List<Vocabulary.Key> keys, Context c) {
        return entry(field, map, keys, c, "an entry of `" + field + "`");
    }

    /** As {@link #entry(String, MappingNode, List, Context)}, the mapping called {@code called} in messages. */
    static Map<String, Object> entry(String field, MappingNode map, List<Vocabulary.Key> keys, Context c, String called) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        List<String> names = keys.stream().map(Vocabulary.Key::name).toList();
        for (NodeTuple t : map.getValue()) {
            String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            Vocabulary.Key spec = keys.stream().filter(x -> x.name().equals(k)).findFirst().orElse(null);
            if (spec == null) {
                c.problems().error(c.path(), c.line(t.getKeyNode()), "unknown key `" + k + "` in `" + field + "`",
                        "use " + String.join(", ", names) + Text.didYouMean(k, names));
                ok = false;
            } else if (values.containsKey(k)) {
                c.problems().error(c.path(), c.line(t.getKeyNode()), "`" + k + "` twice in one entry of `" + field + "`", "keep one");
                ok = false;
            } else {
                Object v = spec.type().read(k, t.getValueNode(), c);
                ok &= v != null;
                values.put(k, v);
            }
        }
        for (Vocabulary.Key k : keys) {
            if (k.required() && !values.containsKey(k.name())) {
                c.problems().error(c.path(), c.line(map), called + " has no `" + k.name() + "`", k.name().equals("alt")
                        ? "add an indented `alt:` line saying what the image shows" : "add an indented `" + k.name() + ": ...` line");
                ok = false;
            }
        }
        return ok ? values : null;
    }

    /** The value of {@code key} in {@code map} when it is one, or null. */
    private static ScalarNode valueOf(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .map(t -> t.getValueNode() instanceof ScalarNode v ? v : null).findFirst().orElse(null);
    }

    /** A node's text as the header has it (a flow list's brackets and all), from the reader's window YAML marks it in. */
    private static String written(Node node) {
        int[] window = node.getStartMark().getBuffer();
        int from = node.getStartMark().getPointer();
        int length = node.getEndMark().getIndex() - node.getStartMark().getIndex();
        return from >= 0 && length >= 0 && from + length <= window.length ? new String(window, from, length) : "\u2026";
    }

    /** The text of a one-value node, or null after reporting what else it is. */
    static String scalar(String key, Node node, Context c) {
        if (!(node instanceof ScalarNode s)) {
            // `title: [Updated]`: brackets an editor meant as text are YAML's list.
            boolean brackets = node instanceof CollectionNode<?> flow && flow.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
            c.problems().error(c.path(), c.line(node), "`" + key + "` is " + (node instanceof SequenceNode ? "a list" : "a set of keys")
                    + ", not one value", brackets ? "YAML reads a value starting with `" + (node instanceof SequenceNode ? "[" : "{")
                    + "` as one: put the value in " + Header.inQuotes(key + ": " + written(node))
                    : "write `" + key + ": value` on one line");
            return null;
        }
        String v = s.getValue().strip();
        if (!s.getTag().getValue().startsWith("tag:yaml.org,2002:")) {
            // `title: !Important news`: YAML reads the first word as a tag of its own, and drops it from the value (an editor's trial:
            // "`title` is empty").
            c.problems().error(c.path(), c.line(node), "the value starts with `!`, which YAML reads as a mark of its own",
                    "put the value in " + Header.inQuotes(key + ": " + (s.getTag().getValue() + " " + v).strip()));
            return null;
        }
        if (v.isEmpty()) {
            c.problems().error(c.path(), c.line(node), "`" + key + "` is empty", "give `" + key + "` a value, or remove the line if the field is optional");
            return null;
        }
        // The file's bytes were held to SourceText's rule; a YAML escape ("\u202E", "\0") makes
        // such a character only now, so the value is held to it again. Line breaks are the
        // value's own (a block scalar): the field's type says whether it may have them.
        int bad = v.codePoints().filter(cp -> cp != '\n' && !SourceText.allowed(cp)).findFirst().orElse(-1);
        if (bad >= 0) {
            c.problems().error(c.path(), c.line(node), String.format(java.util.Locale.ROOT, "`%s` holds the character U+%04X (a control,"
                    + " non-character or bidirectional one), written as an escape", key, bad), "remove the escape from the value");
            return null;
        }
        Invisible.Found hiding = Invisible.in(v);
        if (hiding != null) {
            c.problems().error(c.path(), c.line(node), String.format(java.util.Locale.ROOT, "`%s` holds an invisible character that can"
                    + " carry hidden text (U+%04X: %s), written as an escape", key, hiding.codePoint(), hiding.why()), "remove the escape from the value");
            return null;
        }
        return v;
    }
}
