package org.explainers.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file from a pull request, decoded and held to its budget before anything parses it.
 * Every limit concerns one file, never the size of the site: a newsroom may have any number
 * of files, but no single file can make the build hang, overflow a parser's stack or write
 * characters that make a feed invalid XML.
 */
public final class SourceText {

    /** A Markdown file: a long explainer section is 5,000 words, about 35 KB. */
    public static final int MAX_BYTES = 256 * 1024;
    /** A paragraph written as one line: 1,500 words. Flexmark's time on some lines grows with the square of their length. */
    public static final int MAX_LINE = 10_000;
    /** Opening brackets on one line: each unclosed one makes Flexmark scan the rest of the line again. */
    public static final int MAX_BRACKETS = 250;
    /**
     * Lines one after another without a blank line (a paragraph, a table, a list): for each line,
     * Flexmark gathers the paragraph so far again, so its time grows with the square of the run
     * (40,000 short lines took 11 s). A table of 1,998 rows (with its header and rule) fits.
     */
    public static final int MAX_RUN = 2_000;
    /** Block quotes and lists inside each other. Flexmark recurses once per level, and nested list markers on one line cost it quadratic time. */
    public static final int MAX_DEPTH = 16;

    public final String path;
    public final List<String> lines;
    /** Whether reading it gave a warning: a file read again in every build, so that every build tells it. */
    public final boolean warned;

    private SourceText(String path, List<String> lines, boolean warned) {
        this.path = path;
        this.lines = lines;
        this.warned = warned;
    }

    /**
     * Decodes strict UTF-8 (no byte-order mark) and checks the budgets and the characters.
     * Returns null after reporting why the file cannot be used.
     *
     * @param path     the file's path for messages, e.g. content/articles/a/01-b.md
     * @param markdown whether lines are Markdown (bracket and nesting budgets apply)
     */
    public static SourceText decode(String path, byte[] bytes, int maxBytes, boolean markdown, Problems problems) {
        if (bytes.length > maxBytes) {
            problems.error(path, 0, "the file is " + bytes.length / 1024 + " KB; a file may have at most " + maxBytes / 1024 + " KB",
                    markdown ? "split it into several files (a section per file)"
                            : "keep the entries short (a vocabulary's descriptions are a sentence or two), or remove entries no longer used");
            return null;
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            problems.error(path, 1, "the file is UTF-16", "save it as UTF-8 (without byte-order mark)");
            return null;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            problems.error(path, 1, "the file starts with a byte-order mark (an invisible character some editors add)",
                    "save it as UTF-8 without BOM: in VS Code, click \"UTF-8 with BOM\" in the status bar, then \"Save with Encoding\", \"UTF-8\";"
                            + " in Notepad, Save As with Encoding \"UTF-8\"");
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                problems.error(path, 0, "the file contains zero bytes: it is UTF-16 without byte-order mark, or not text",
                        "save it as UTF-8");
                return null;
            }
        }
        // The decoder's own array, read up to its limit: a String made of it and its characters
        // copied out again were two more copies of every file.
        java.nio.CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            problems.error(path, firstBadLine(bytes), "the file is not UTF-8 (an accented letter here is in another encoding, such as"
                    + " Latin-1 or Windows-1252)", "save it as UTF-8: in VS Code, click the encoding in the status bar, then \"Save with Encoding\","
                    + " \"UTF-8\"; in Notepad, Save As with Encoding \"UTF-8\"");
            return null;
        }
        char[] chars = decoded.array();
        int length = decoded.limit();
        if (blank(chars, length)) {
            problems.error(path, 0, "the file is empty", "write its header and text, or delete the file");
            return null;
        }
        // One pass over the characters as an array (a String's char reads are calls the quick
        // JIT compiler does not inline): the lines, and each line's budgets and characters.
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        int start = 0;
        int brackets = 0;
        int bad = -1;
        int run = 0;
        List<String> hidden = new ArrayList<>(); // the words of this line with an invisible character inside
        boolean warned = false;
        boolean header = false;
        boolean conflict = false; // told once a file
        boolean fenced = false;
        boolean suspect = false; // whether the line may hold an invisible character that hides text (Invisible)
        int joining = 0; // characters in a row that may join the one before them into one (marks, joiners, emoji, jamo)
        boolean longRun = false; // whether the line has more of them in a row than a character may hold
        com.ibm.icu.text.BreakIterator clusters = null; // made once a file, for the lines that need it
        java.util.Set<Long> variants = new java.util.HashSet<>(); // its ideographic variants (Invisible)
        for (int i = 0; i <= length; i++) {
            char c = i < length ? chars[i] : '\n';
            if (c < 0xAD) {
                joining = 0; // most characters: one test
            } else {
                suspect |= Invisible.suspect(c);
                // A grapheme cluster is a base and what extends it: neither a letter nor a digit (a jamo aside), nor a space, nor ASCII.
                joining = c >= 0x300 && (jamo(c) || !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) ? joining + 1 : 0;
                longRun |= joining >= MAX_CLUSTER;
            }
            if (c == '\n') {
                int end = i > start && chars[i - 1] == '\r' ? i - 1 : i;
                if (i < length || start < length) {
                    if (bad == end) {
                        bad = -1; // the \r of a Windows line end
                    }
                    String line = new String(chars, start, end - start);
                    // A Markdown file's header runs from its first line, a fence, to the next fence.
                    boolean fence = line.strip().equals(Header.FENCE);
                    boolean inHeader = markdown && header && !fence;
                    if (fence && (lines.isEmpty() || header)) {
                        header = lines.isEmpty();
                    }
                    ok &= checkLine(path, lines.size() + 1, chars, start, end, bad, brackets, markdown, inHeader, problems);
                    Invisible.Found hiding = suspect && bad < 0 ? Invisible.in(java.nio.CharBuffer.wrap(chars), start, end, variants) : null;
                    if (hiding != null) {
                        problems.error(path, lines.size() + 1, Invisible.what(hiding, hiding.index() - start + 1), Invisible.FIX);
                        ok = false;
                    }
                    if (longRun && clusters == null) {
                        clusters = com.ibm.icu.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
                    }
                    int cluster = longRun ? longCluster(clusters, chars, start, end) : -1;
                    if (cluster >= 0) {
                        problems.error(path, lines.size() + 1, "one character at column " + (cluster - start + 1) + " is made of more than " + MAX_CLUSTER
                                + " (combining marks or joined emoji): a browser cannot break it, and a phone scrolls sideways",
                                "delete the marks or joiners that stack on it (they may have come with pasted text)");
                        ok = false;
                    }
                    String code = line.stripLeading();
                    if (markdown && !inHeader && (code.startsWith("```") || code.startsWith("~~~"))) {
                        fenced = !fenced; // a block of code may show a conflict's markers (an explainer about Git: a reviewer's trial)
                    }
                    if (!conflict && !fenced && conflictMarker(line)) {
                        // Published, the markers are paragraphs and seven nested quotes (an editor's trial); in a header, a YAML error whose fix misleads.
                        problems.error(path, lines.size() + 1, "a Git merge conflict was left in the file (`" + (line.length() > 40 ? line.substring(0, 40) + "…" : line)
                                + "`)", "keep the text that should stay, and delete the lines `<<<<<<<`, `=======` and `>>>>>>>` (and `|||||||`) around it");
                        conflict = true;
                        ok = false;
                    }
                    run = line.isBlank() ? 0 : run + 1;
                    if (markdown && run == MAX_RUN + 1) {
                        problems.error(path, lines.size() + 1 - MAX_RUN, "more than " + MAX_RUN + " lines follow one another from here"
                                + " without a blank line; at most " + MAX_RUN + " may", "break the text into paragraphs with blank lines; a table"
                                + " this long: split it into tables of fewer rows, each starting with its header row and `|---|` line,"
                                + " or put the data in a .csv file beside the text and link to it");
                        ok = false;
                    }
                    lines.add(line);
                }
                start = i + 1;
                brackets = 0;
                bad = -1;
                suspect = false;
                joining = 0;
                longRun = false;
            } else if (c == '[') {
                brackets++;
            } else if (bad < 0 && Character.isHighSurrogate(c) && i + 1 < length) {
                // A character beyond the first plane (strict UTF-8 makes only whole pairs): held to the rule as one.
                if (!allowed(Character.toCodePoint(c, chars[i + 1]))) {
                    bad = i;
                }
                i++;
            } else if (bad < 0 && !allowed(c)) {
                bad = i;
            } else if (c >= 0x200B && (c == 0x200B || c == 0x2060) && i > start && i + 1 < length && latin(chars[i - 1]) && latin(chars[i + 1])) {
                String w = word(chars, i, length);
                if (!hidden.contains(w)) {
                    hidden.add(w);
                }
            }
            if (c == '\n' && !hidden.isEmpty()) {
                // Every such word of the line at once (an editor's trial: one a build). Not a soft hyphen: a German compound's is meant.
                warned = true;
                problems.warning(path, lines.size(), "an invisible zero-width space or word joiner (U+200B, U+2060) is inside "
                        + (hidden.size() == 1 ? "the word `" + hidden.get(0) + "`" : "the words `" + String.join("`, `", hidden) + "`"),
                        "retype " + (hidden.size() == 1 ? "the word" : "them") + ": it came with pasted text, and a reader copying the word,"
                                + " or searching the page for it, misses it");
                hidden.clear();
            }
        }
        return ok ? new SourceText(path, lines, warned) : null;
    }

    /**
     * Code points in one character as a reader sees it (a grapheme cluster): the longest emoji,
     * a kiss of two people with their skin tones, has 10; a conjunct of Devanagari or a stack of
     * Tibetan fewer. An attacker's 400 joined emoji, or a letter under 2,000 marks, was one
     * character a browser could not break: a phone's page scrolled sideways.
     */
    static final int MAX_CLUSTER = 32;

    /** A Hangul jamo, of which a run is one syllable, one character (conjoining jamo, their extensions). */
    private static boolean jamo(char c) {
        return c >= 0x1100 && c <= 0x11FF || c >= 0xA960 && c <= 0xA97F || c >= 0xD7B0 && c <= 0xD7FF;
    }

    /** Where the first character of more than {@link #MAX_CLUSTER} code points starts in {@code chars[start, end)}, or -1. */
    private static int longCluster(com.ibm.icu.text.BreakIterator clusters, char[] chars, int start, int end) {
        clusters.setText(new String(chars, start, end - start));
        for (int from = clusters.first(), to = clusters.next(); to != com.ibm.icu.text.BreakIterator.DONE; from = to, to = clusters.next()) {
            if (to - from > MAX_CLUSTER && Character.codePointCount(chars, start + from, to - from) > MAX_CLUSTER) {
                return start + from;
            }
        }
        return -1;
    }

    /** Characters web pages leave inside words, invisible on the page (a Thai or Khmer text's own spaces are not between Latin letters). */
    private static final String INVISIBLE = "\u200B\u2060";

    private static boolean latin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The word around position {@code at}, its invisible characters shown as `…`. */
    private static String word(char[] chars, int at, int length) {
        int from = at;
        while (from > 0 && from > at - 40 && (Character.isLetter(chars[from - 1]) || INVISIBLE.indexOf(chars[from - 1]) >= 0)) {
            from--;
        }
        int to = at + 1;
        while (to < length && to < at + 40 && (Character.isLetter(chars[to]) || INVISIBLE.indexOf(chars[to]) >= 0)) {
            to++;
        }
        StringBuilder w = new StringBuilder();
        for (int i = from; i < to; i++) {
            w.append(INVISIBLE.indexOf(chars[i]) >= 0 ? "…" : String.valueOf(chars[i]));
        }
        return w.toString();
    }

    /** As {@link String#isBlank()}, over the first {@code length} characters. */
    private static boolean blank(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line is one Git writes around a merge conflict: seven `<`, `|` or `>` then a space or nothing (`=======` alone is a heading's line too). */
    static boolean conflictMarker(String line) {
        for (String marker : new String[]{"<<<<<<<", "|||||||", ">>>>>>>"}) {
            if (line.startsWith(marker) && (line.length() == 7 || line.charAt(7) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static boolean checkLine(String path, int n, char[] chars, int start, int end, int bad, int brackets, boolean markdown,
                                     boolean inHeader, Problems problems) {
        int length = end - start;
        if (length > MAX_LINE) {
            problems.error(path, n, "the line has " + length + " characters; a line may have at most " + MAX_LINE,
                    inHeader ? "shorten the value: a header holds a title, a one-sentence summary and such, the text goes below the header"
                            : "break it into paragraphs (a blank line between them)");
            return false;
        }
        if (bad >= 0) {
            // Every one of the line at once (an editor's trial: a second on the same line was told only after the first was deleted).
            List<String> found = new ArrayList<>();
            boolean direction = true; // direction controls only: they say why they go (a phone number pasted from WhatsApp comes between two)
            for (int i = bad; i < end; i += Character.charCount(Character.codePointAt(chars, i))) {
                int c = Character.codePointAt(chars, i);
                if (!allowed(c)) {
                    found.add("U+" + String.format(java.util.Locale.ROOT, "%04X", c) + " at column " + (i - start + 1));
                    direction &= directionControl(c);
                }
            }
            String listed = String.join(", ", found.subList(0, Math.min(3, found.size()))) + (found.size() > 3 ? " and " + (found.size() - 3) + " more" : "");
            problems.error(path, n, "invisible control character" + (found.size() == 1 ? " " : "s ") + listed,
                    "delete " + (found.size() == 1 ? "it" : "them") + " (it may have come with pasted text); " + (direction
                            ? "a direction control can show what follows in another order than written (a phone number pasted from WhatsApp brings them)"
                            : "feeds and search engines reject it"));
            return false;
        }
        if (!markdown) {
            return true;
        }
        if (brackets > MAX_BRACKETS) {
            problems.error(path, n, "the line has " + brackets + " `[`; a line may have at most " + MAX_BRACKETS,
                    "split the line, or write a bracket that is not a link as `\\[`");
            return false;
        }
        // Markers sit at the start of a line: its first few hundred characters are enough to see too many.
        int depth = containerDepth(new String(chars, start, Math.min(length, 8 * MAX_DEPTH + 64)));
        if (depth > MAX_DEPTH) {
            depth = containerDepth(new String(chars, start, length));
            problems.error(path, n, "block quotes or lists nested " + depth + " deep; at most " + MAX_DEPTH + " are allowed",
                    "flatten the nesting (a `>` or list marker opens one level each)");
            return false;
        }
        return true;
    }

    /**
     * Tab, line feed and printable text only, for one code point: no C0 or C1 control character
     * (XML 1.0 forbids most of them, so one would make the feeds invalid), no byte-order mark
     * inside the text, no non-character (U+FDD0 to U+FDEF, and the last two of every plane), no
     * half of a surrogate pair (a YAML escape or an entity can make one; UTF-8 cannot carry it),
     * and no bidirectional override, which can make a line read differently in review than on
     * the site.
     */
    public static boolean allowed(int c) {
        if (c < 0x20) {
            return c == '\t';
        }
        return !(c >= 0x7F && c <= 0x9F) && c != 0xFEFF && (c & 0xFFFE) != 0xFFFE && !(c >= 0xFDD0 && c <= 0xFDEF)
                && !(c >= 0xD800 && c <= 0xDFFF) && !directionControl(c)
                && c != 0x2028 && c != 0x2029; // line and paragraph separators: YAML breaks lines at them, the file does not
    }

    /** A bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069). */
    private static boolean directionControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * How many block containers a line opens with its leading markers: `>` for a quote, `-`,
     * `+`, `*` or `1.` / `1)` followed by a space for a list item (Markdown's own rules, read
     * from the left). Nesting through indentation spreads over lines and is bounded by the
     * line length and the file size; the bake measures the real depth on Flexmark's tree.
     */
    static int containerDepth(String line) {
        int depth = 0;
        int i = 0;
        int n = line.length();
        while (true) {
            int spaces = 0;
            while (i < n && line.charAt(i) == ' ' && spaces < 4) {
                i++;
                spaces++;
            }
            if (i >= n || spaces > 3) {
                return depth;
            }
            char c = line.charAt(i);
            if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '+' || c == '*') && i + 1 < n && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
                depth++;
                i += 2;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && j - i < 9 && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
                    j++;
                }
                if (j + 1 < n && (line.charAt(j) == '.' || line.charAt(j) == ')') && line.charAt(j + 1) == ' ') {
                    depth++;
                    i = j + 2;
                } else {
                    return depth;
                }
            } else {
                return depth;
            }
        }
    }

    /** The 1-based line holding the first byte sequence that is not UTF-8. */
    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    /**
     * Tells, at its line, a file showing the folder of the machine that builds ({@link Project#machineFolder()}):
     * the output check refuses a page that shows it, as a template's error message, and would blame the
     * templates, only once the text is published (a scheduled one passed its pull request, then stopped
     * every build from its time on: an attacker's trial).
     */
    public static void noMachineFolder(String path, byte[] bytes, byte[] folder, Problems problems) {
        int at = Text.indexOf(bytes, folder);
        if (at >= 0) {
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            problems.error(path, line, showsFolder(new String(folder, java.nio.charset.StandardCharsets.UTF_8)), FOLDER_FIX);
        }
    }

    /**
     * What is said of a text, or a value (after its name), showing the machine's folder: the same
     * whether found in a file's bytes, its rendered text or a value as YAML reads it.
     */
    public static String showsFolder(String folder) {
        return "shows the folder `" + folder + "` of the machine that builds the site, which no page may show (it is how a template's error message looks)";
    }

    public static final String FOLDER_FIX = "leave the path out, or write it without its first folders";
}
