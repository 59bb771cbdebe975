package org.explainers.content;

import java.text.Normalizer;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Small text helpers: slugs, folding for comparisons, and "did you mean". */
public final class Text {

    private Text() {
    }

    /** Lowercase ASCII slug: "Ukraine’s Stance" becomes "ukraines-stance". */
    public static String slugify(String s) {
        return fold(s).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * Lower case without accents, the same on every machine (no locale): "Élan" and "elan"
     * fold alike. Names are sorted by their folded form, then as written.
     */
    public static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80) {
            i++;
        }
        if (i == n) {
            return s.toLowerCase(Locale.ROOT); // ASCII: no accents to remove
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(withoutMarks(c));
            }
        }
        // Lower case over the whole text, as search.js does (a final sigma depends on its neighbours).
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A character beyond ASCII decomposed (NFKD) without its accents, worked out once for most scripts. */
    private static String withoutMarks(char c) {
        if (c >= WITHOUT_MARKS.length || Character.isSurrogate(c)) {
            return c >= WITHOUT_MARKS.length && !Character.isSurrogate(c) ? decompose(c) : String.valueOf(c);
        }
        String f = WITHOUT_MARKS[c];
        if (f == null) {
            WITHOUT_MARKS[c] = f = decompose(c); // the same string whichever thread writes it
        }
        return f;
    }

    private static final String[] WITHOUT_MARKS = new String[0x3000];

    /**
     * Letters no decomposition takes to Latin letters, as a reader types them: "lodz" finds Łódź,
     * "aeroskobing" Ærøskøbing, "strasse" Straße (search.js folds the query the same).
     */
    private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('\u00E6', "ae"), Map.entry('\u00C6', "AE"), Map.entry('\u0153', "oe"),
            Map.entry('\u0152', "OE"), Map.entry('\u00F8', "o"), Map.entry('\u00D8', "O"), Map.entry('\u0142', "l"), Map.entry('\u0141', "L"), Map.entry('\u0111', "d"),
            Map.entry('\u0110', "D"), Map.entry('\u00F0', "d"), Map.entry('\u00D0', "D"), Map.entry('\u00FE', "th"), Map.entry('\u00DE', "TH"), Map.entry('\u00DF', "ss"),
            Map.entry('\u1E9E', "SS"), Map.entry('\u0127', "h"), Map.entry('\u0126', "H"), Map.entry('\u0131', "i"), Map.entry('\u0167', "t"), Map.entry('\u0166', "T"));

    /** NFKD, marks removed, then {@link #LETTERS}: in search.js's order, so that ǽ folds to "ae" there and here. */
    private static String decompose(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                String letter = LETTERS.get(d);
                out.append(letter != null ? letter : String.valueOf(d));
            }
        }
        return out.toString();
    }

    /**
     * A path as a disk or host that ignores capitals compares it: upper case, then lower, so that
     * `ſ` is `s` and `K` (Kelvin) is `k`, as they are to such a disk.
     */
    public static String caseless(String path) {
        return path.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Whether a file name starts with a number and a dash (`02-old`), as sections' names do. */
    public static boolean numbered(String name) {
        int dash = name.indexOf('-');
        return dash > 0 && name.substring(0, dash).chars().allMatch(Character::isDigit);
    }

    /** The number in front of a file's name (`07-x.md`: 7), or -1 when it has none (or one too long to be an order). */
    public static int number(String name) {
        int dash = name.indexOf('-');
        return numbered(name) && dash <= 6 && name.substring(0, dash).chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(name.substring(0, dash)) : -1;
    }

    /**
     * How many words a reader reads in {@code text}, for a reading time: runs of letters or
     * digits between spaces; in the scripts written without spaces, Chinese and Japanese
     * characters one each (read at about the speed of English words), Thai, Lao, Khmer and
     * Myanmar letters one in five (their words' usual length).
     */
    public static int readingWords(String text) {
        int words = 0;
        int unspaced = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) { // most characters, without a look-up
                boolean part = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                words += part && !inWord ? 1 : 0;
                inWord = part || inWord && c > ' ';
                continue;
            }
            int cp = Character.isHighSurrogate(c) && i + 1 < text.length() ? Character.toCodePoint(c, text.charAt(++i)) : c;
            // Scripts looked up only where those written without spaces are.
            Character.UnicodeScript script = cp >= 0x0E00 && Character.isLetter(cp) ? Character.UnicodeScript.of(cp) : null;
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                words++;
                inWord = false;
            } else if (script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR) {
                unspaced++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                words += inWord ? 0 : 1;
                inWord = true;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                inWord = false;
            }
        }
        return words + (unspaced + 4) / 5;
    }

    /**
     * The search's words of a text, in order: runs of letters and digits (accents included) of
     * at least two characters, the first 40 of a longer one, folded as search.js folds a query. Runs joined by
     * a hyphen ("co-operation") or digits grouped by commas ("2,000") count as one word too,
     * after their parts, so that "cooperation" and "2000" find them (search.js joins them in a
     * query the same way).
     */
    public static void words(String text, java.util.function.Consumer<String> each) {
        char[] chars = text.toCharArray();
        int n = withoutJoiners(chars);
        StringBuilder joined = new StringBuilder();
        int parts = 0;
        int i = 0;
        while (i < n) {
            while (i < n && !wordChar(chars[i])) {
                i++;
            }
            int start = i;
            while (i < n && wordChar(chars[i])) {
                i++;
            }
            if (i == start) {
                break;
            }
            run(chars, start, i, each);
            joined.append(chars, start, i - start);
            parts++;
            if (!joins(chars, start, i, n)) {
                if (parts > 1) {
                    run(joined.toString().toCharArray(), 0, joined.length(), each);
                }
                joined.setLength(0);
                parts = 0;
            }
        }
    }

    /**
     * Whether the run of word characters from {@code start} to {@code end} goes on past one
     * character: a hyphen (not a dash) and a run, or a comma and three digits after digits.
     */
    private static boolean joins(char[] chars, int start, int end, int n) {
        if (end + 1 >= n || !wordChar(chars[end + 1])) {
            return false;
        }
        char c = chars[end];
        if (c == '-' || c == '\u2010' || c == '\u2011') {
            return true;
        }
        if (c != ',' || end + 4 > n || end + 4 < n && wordChar(chars[end + 4])) {
            return false;
        }
        for (int k = start; k < end + 4; k++) {
            if (k != end && !(chars[k] >= '0' && chars[k] <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The words of one run of word characters: ASCII lower-cased, anything else folded (and split where folding makes a separator). */
    private static void run(char[] chars, int start, int end, java.util.function.Consumer<String> each) {
        if (end - start < 2) {
            return;
        }
        boolean ascii = true;
        for (int k = start; k < end; k++) {
            ascii &= chars[k] < 0x80;
        }
        if (ascii) {
            char[] word = new char[end - start];
            for (int k = start; k < end; k++) {
                char c = chars[k];
                word[k - start] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            word(new String(word), each);
            return;
        }
        // Beyond ASCII, the folded word may hold other separators (NFKD of "½" is "1⁄2").
        String folded = fold(new String(chars, start, end - start));
        int from = 0;
        for (int k = 0; k <= folded.length(); k++) {
            if (k == folded.length() || !Character.isLetterOrDigit(folded.charAt(k))) {
                if (k - from >= 2) {
                    word(folded.substring(from, k), each);
                }
                from = k + 1;
            }
        }
    }

    /**
     * Drops the characters a word may hold unseen (soft hyphen, zero-width space, non-joiner,
     * joiner, word joiner), as search.js drops them from a query, moving the others forward;
     * returns how many are left. "Glim\u200Bmer" is the word "glimmer" (an editor's trial: a
     * pasted zero-width space split it in two).
     */
    static int withoutJoiners(char[] chars) {
        int n = 0;
        for (char c : chars) {
            if (!joiner(c)) {
                chars[n++] = c;
            }
        }
        return n;
    }

    /** Soft hyphen, zero-width space, non-joiner, joiner and word joiner (search.js drops the same). */
    private static boolean joiner(char c) {
        return c == '\u00AD' || c >= '\u200B' && c <= '\u200D' || c == '\u2060';
    }

    /** The characters of a word the search keeps: a longer one is kept by its start (search.js cuts a query's words the same). */
    public static final int MAX_WORD = 40;

    private static void word(String word, java.util.function.Consumer<String> each) {
        // A German compound or a chemical's name was left out of the search altogether (a reader's trial): its start finds it.
        each.accept(word.length() <= MAX_WORD ? word : word.substring(0, MAX_WORD));
    }

    private static boolean wordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** "; did you mean `x`?" or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> known) {
        String best = closest(word, known);
        return best == null ? "" : "; did you mean `" + best + "`?";
    }

    /**
     * The known word nearest to {@code word} by edit distance, ignoring case, or null if none
     * is near. An exact match but for case counts as nearest ("Storage.PNG" for "storage.png").
     */
    public static String closest(String word, Collection<String> known) {
        if (word.length() > 200) {
            return null; // no suggestion for a pasted paragraph (and no large distance table)
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        // Allowed edits grow with the name, not with its folder: the whole path made `index.md` the
        // suggestion for any missing file beside it.
        int allowed = Math.max(2, (w.length() - w.lastIndexOf('/') - 1) / 3);
        long cells = MAX_CELLS; // each suggestion's work is bounded: a pull request writes both the words and the vocabulary
        for (String k : known) {
            String lower = k.toLowerCase(Locale.ROOT);
            boolean prefix = Math.min(w.length(), lower.length()) >= 3 && (lower.startsWith(w) || w.startsWith(lower));
            if (!prefix && Math.abs(lower.length() - w.length()) > allowed) {
                continue; // at least that many edits apart: no distance table for it (a vocabulary of long slugs took hours)
            }
            cells -= (long) w.length() * lower.length();
            if (cells < 0) {
                break; // the best so far, found in the same order on any machine
            }
            // The slug's first words typed alone (`#risks` for `risks-ahead`) are nearer than any misspelling.
            boolean firstWords = lower.startsWith(w + "-") || w.startsWith(lower + "-");
            int d = firstWords ? 0 : prefix ? Math.abs(lower.length() - w.length()) : distance(w, lower);
            if (d <= allowed || prefix) {
                if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
                    best = k;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The most cells of distance tables one suggestion fills (~1 ms; 500 topics of 15 letters take a third of it). */
    static final long MAX_CELLS = 400_000;

    /** Levenshtein distance; words are short (slugs, file names), so the quadratic table is fine. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "1 section" / "2 sections". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Spaces and invisible characters a word processor pastes, which YAML and slugs do not take as spaces or as nothing. */
    private static final Map<Character, String> INVISIBLE = Map.ofEntries(Map.entry('\u00A0', "a non-breaking space"),
            Map.entry('\u202F', "a narrow non-breaking space"), Map.entry('\u2007', "a figure space"), Map.entry('\u2009', "a thin space"),
            Map.entry('\u200A', "a hair space"), Map.entry('\u2002', "an en space"), Map.entry('\u2003', "an em space"),
            Map.entry('\u3000', "an ideographic space"), Map.entry('\u200B', "a zero-width space"), Map.entry('\u200C', "a zero-width non-joiner"),
            Map.entry('\u200D', "a zero-width joiner"), Map.entry('\u2060', "a word joiner"), Map.entry('\uFEFF', "a zero-width no-break space"));

    /**
     * A name as readers tell it from another, in two keys (two names look alike when either key is
     * the same): compatibility forms folded, characters that show nothing dropped (format
     * characters, every default-ignorable one), any run of spaces one space, capitals aside, and
     * letters of other scripts that look alike the same (ICU's confusables, UTS #39):
     * `The Explainer\u00A0desk`, `The Explainer desk\u200B` and `Тhe Explainer desk` (a Cyrillic
     * Т) are `The Explainer desk`. Small letters then the skeleton (`I` and `l` stay apart), and
     * the skeleton then small letters (a capital whose small letter looks like no Latin one, as
     * Cyrillic т, is caught by its capital); each folded again after the skeleton, which may make
     * spaces of other blanks (the braille blank).
     */
    public static List<String> seenAs(String name) {
        String folded = shown(name);
        return List.of(shown(Urls.skeleton(folded.toLowerCase(Locale.ROOT))), shown(Urls.skeleton(folded)).toLowerCase(Locale.ROOT));
    }

    /**
     * A text as it shows: compatibility forms folded (ｗｗｗ is www, ．a dot), and without the
     * characters that show nothing (format characters, and every default-ignorable one: a zero-width
     * space, a grapheme joiner, a variation selector, the Hangul filler).
     */
    public static String asShown(CharSequence text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> Character.getType(c) != Character.FORMAT && (c < 0x80
                || !com.ibm.icu.lang.UCharacter.hasBinaryProperty(c, com.ibm.icu.lang.UProperty.DEFAULT_IGNORABLE_CODE_POINT))).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A text as it shows ({@link #asShown}), its runs of spaces one space. */
    private static String shown(String text) {
        String folded = asShown(text);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /**
     * The first such character of a text, named with its code (`a non-breaking space (U+00A0)`),
     * or null when it has none.
     */
    public static String invisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            String name = INVISIBLE.get(text.charAt(i));
            if (name != null) {
                return name + String.format(java.util.Locale.ROOT, " (U+%04X)", (int) text.charAt(i));
            }
        }
        return null;
    }

    /** Whether the character is one of those. */
    public static boolean isInvisible(char c) {
        return INVISIBLE.containsKey(c);
    }

    /** The text without those characters. */
    public static String visible(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isInvisible(text.charAt(i))) {
                b.append(text.charAt(i));
            }
        }
        return b.toString();
    }

    /** ISO 639-1's two-letter codes, which a two-letter language subtag must be one of. */
    private static final java.util.Set<String> LANGUAGES = java.util.Set.of(Locale.getISOLanguages());

    /**
     * Null when the value is a language tag (BCP 47) whose language is one of
     * ISO 639's: two letters that ISO 639-1 lists, or three (ISO 639-2 and 3, too many for the
     * JDK to list). A screen reader picks its voice by it: `lang="english"` is well formed (five
     * to eight letters are kept for languages no registry has yet) but names none (an editor's
     * trial). Else what to add to the message: for a language's name, in English or in itself,
     * ": English is `en`"; else "".
     */
    public static String languageProblem(String value) {
        String language;
        try {
            language = new Locale.Builder().setLanguageTag(value).build().getLanguage();
        } catch (java.util.IllformedLocaleException e) {
            language = null;
        }
        if (language != null && (language.isEmpty() || language.length() == 3 || LANGUAGES.contains(language))) {
            return null; // empty: a private-use tag (x-…)
        }
        for (String code : new java.util.TreeSet<>(LANGUAGES)) {
            Locale l = Locale.forLanguageTag(code);
            if (value.equalsIgnoreCase(l.getDisplayLanguage(Locale.ENGLISH)) || value.equalsIgnoreCase(l.getDisplayLanguage(l))) {
                return ": " + l.getDisplayLanguage(Locale.ENGLISH) + " is `" + code + "`";
            }
        }
        return "";
    }

    /**
     * Where the bytes first hold the other bytes, or -1: Horspool's search, which moves the window
     * by the needle's length past most bytes (the needle, a folder's path, starts with `/`, which
     * HTML is full of: tried at every byte, this was ~1% of a cold build).
     */
    public static int indexOf(byte[] bytes, byte[] wanted) {
        int m = wanted.length;
        if (m == 0) {
            return 0;
        }
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, m);
        for (int k = 0; k < m - 1; k++) {
            shift[wanted[k] & 0xFF] = m - 1 - k;
        }
        for (int i = 0; i + m <= bytes.length; i += shift[bytes[i + m - 1] & 0xFF]) {
            int k = m - 1;
            while (k >= 0 && bytes[i + k] == wanted[k]) {
                k--;
            }
            if (k < 0) {
                return i;
            }
        }
        return -1;
    }

    /** A newsroom's marks for what is still to come, and dummy text, in small letters. */
    private static final List<String> PLACEHOLDER_TEXTS = List.of("[tk]", "tktk", "lorem ipsum");

    /**
     * The first placeholder the characters hold, as written, or null: {@link #PLACEHOLDER_TEXTS}
     * in any capitals, a bracket opening with TK (`[TK: figure from the regulator]`, `[tk figure]`;
     * an editor's trial: only `[TK]` itself was refused), or TK as a word in capitals not
     * followed by a capitalised one or a number ("used TK litres", not "TK Maxx" nor the flight
     * "TK 2412"). One pass over an array:
     * it reads every text of every cold build, where lower-casing each text and searching the
     * String three times was ~5% of the CPU.
     */
    public static String placeholderIn(char[] cs) {
        return placeholderIn(cs, true);
    }

    /**
     * As {@link #placeholderIn(char[])}; with {@code bare} false, without TK as a word: in a header's
     * value or an image's description, a TK that is meant cannot be written as code or an
     * abbreviation (a reviewer: "Turkish Airlines (TK) cuts flights" had no way through).
     */
    public static String placeholderIn(char[] cs, boolean bare) {
        for (int i = 0; i < cs.length; i++) {
            char c = lower(cs[i]);
            if (c != '[' && c != 't' && c != 'l') {
                continue; // the marks' first letters
            }
            for (String mark : PLACEHOLDER_TEXTS) {
                int k = 0;
                // Any one space between the words of a mark (`Lorem\u00A0ipsum`: a reviewer's trial).
                while (k < mark.length() && i + k < cs.length && (lower(cs[i + k]) == mark.charAt(k) || mark.charAt(k) == ' ' && Character.isSpaceChar(cs[i + k]))) {
                    k++;
                }
                if (k == mark.length()) {
                    return mark.equals("lorem ipsum") ? "Lorem ipsum" : mark.toUpperCase(Locale.ROOT);
                }
            }
            if (c == '[' && i + 3 < cs.length && lower(cs[i + 1]) == 't' && lower(cs[i + 2]) == 'k' && !Character.isLetterOrDigit(cs[i + 3])) {
                int end = i + 3;
                while (end < cs.length && end < i + 60 && cs[end] != ']' && cs[end] != '\n') {
                    end++;
                }
                return new String(cs, i, Math.min(end + 1, cs.length) - i);
            }
            if (bare && ascii(cs[i]) == 'T' && i + 1 < cs.length && ascii(cs[i + 1]) == 'K' && (i == 0 || !Character.isLetterOrDigit(cs[i - 1]))
                    && (i + 2 == cs.length || !Character.isLetterOrDigit(cs[i + 2]))
                    && !(i + 3 < cs.length && cs[i + 2] == ' ' && (Character.isUpperCase(cs[i + 3]) || Character.isDigit(cs[i + 3])))) {
                return "TK";
            }
        }
        return null;
    }

    /** The first placeholder in a header's value (TK as a word aside): a text, or the texts of a list or a map (a correction's). */
    public static String placeholderInValue(Object value) {
        if (value instanceof String text) {
            return placeholderIn(text.toCharArray(), false);
        }
        Iterable<?> parts = value instanceof java.util.Map<?, ?> map ? map.values() : value instanceof Iterable<?> list ? list : List.of();
        for (Object part : parts) {
            String mark = placeholderInValue(part);
            if (mark != null) {
                return mark;
            }
        }
        return null;
    }

    /** ASCII's capitals in small letters: the marks are written in ASCII (or its full-width forms, `ＴＫ`, folded to it). */
    private static char lower(char c) {
        char a = ascii(c);
        return a >= 'A' && a <= 'Z' ? (char) (a + 32) : a;
    }

    /** A full-width form of ASCII (U+FF01 to U+FF5E, as a CJK keyboard types it) as ASCII. */
    private static char ascii(char c) {
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
    }

    /**
     * The first two numbers (runs of digits) in {@code text} with one space between them, in groups
     * a number is written in (so that they read as one: `000 50`, `5 000`, not `2023 350`) that the
     * bidirectional algorithm shows in the other order;
     * or null. Two runs change places when the lowest embedding level from the one to the other is
     * odd (each reversal of rule L2 at a level up to it takes both). A dash or a word between them
     * is read in the text's direction, as meant (`1990 – 2000` in Arabic), and so are columns of
     * figures apart by several spaces in a <pre>; a number inside an isolate is not paired with one
     * outside it (a note's number after a year).
     */
    public static String swappedNumbers(String text, byte level) {
        int first = -1;
        for (int i = 0; i < text.length() && first < 0; i++) {
            first = Character.isDigit(text.charAt(i)) ? i : -1;
        }
        if (first < 0) {
            return null;
        }
        com.ibm.icu.text.Bidi bidi = new com.ibm.icu.text.Bidi();
        bidi.setPara(text, level, null);
        if (bidi.isLeftToRight()) {
            return null;
        }
        int start = -1;
        int before = 0; // the digits of the number at start
        int spaces = 0; // since the last number: one space (a format character aside) is what reads as one number
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isDigit(cp)) {
                int from = i;
                int count = 0;
                while (i < text.length() && Character.isDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                    count++;
                }
                // Read as one number only as groups a number is written in: up to three digits, then three (`5 000` shown `000 5`),
                // or three, then up to three (`000 50` shown `50 000`). `1 2024` (Formula 1, 2024), `2023 350` or a score `2 1`
                // are two numbers, which a right-to-left reader meets in their order (false-alarm trials).
                if (start >= 0 && spaces == 1 && (before <= 3 && count == 3 || before == 3 && count <= 3)) {
                    int lowest = Integer.MAX_VALUE;
                    for (int k = start; k < i; k++) {
                        lowest = Math.min(lowest, bidi.getLevelAt(k));
                    }
                    if (lowest % 2 == 1) {
                        return text.substring(start, i);
                    }
                }
                start = from;
                before = count;
                spaces = 0;
            } else {
                boolean isolate = cp >= 0x2066 && cp <= 0x2069;
                boolean space = cp != '\n' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp));
                spaces = isolate || !space && Character.getType(cp) != Character.FORMAT ? 2 : space ? spaces + 1 : spaces;
                i += Character.charCount(cp);
            }
        }
        return null;
    }

    /** How many digits {@code s} starts with, or ends with. */
    public static int digits(String s, boolean leading) {
        int n = 0;
        while (n < s.length() && Character.isDigit(s.charAt(leading ? n : s.length() - 1 - n))) {
            n++;
        }
        return n;
    }

    /** How a browser shows {@code text} laid out right to left, for the message. */
    private static String visual(String text) {
        com.ibm.icu.text.Bidi bidi = new com.ibm.icu.text.Bidi();
        bidi.setPara(text, com.ibm.icu.text.Bidi.RTL, null);
        try {
            return "`" + bidi.writeReordered(com.ibm.icu.text.Bidi.DO_MIRRORING) + "`";
        } catch (RuntimeException e) {
            return "another order";
        }
    }

    /** The spaces HTML collapses into one (not a no-break space). */
    public static final java.util.regex.Pattern HTML_SPACES = java.util.regex.Pattern.compile("[ \t\n\r\f]+");

    /** The problem's words for two numbers {@link #swappedNumbers} found, in a text or a header's value. */
    public static String shownSwapped(String swapped) {
        return "`" + swapped + "` is shown right to left, so its numbers appear in the other order (as " + visual(swapped) + ")";
    }

    /**
     * The first two numbers of a one-line value (a title, a summary, a caption) shown in the other
     * order: laid out in the direction its page gives it ({@link #direction}), or by its first
     * letter, as a browser's tab, a feed reader and a search engine lay it out; null when none.
     */
    public static String swappedNumbers(String value) {
        if (!anyRightToLeft(value)) {
            return null;
        }
        value = HTML_SPACES.matcher(value).replaceAll(" "); // shown as one space, as HTML shows them
        String dir = direction(value);
        String found = swappedNumbers(value, dir.equals("rtl") ? com.ibm.icu.text.Bidi.RTL : dir.equals("ltr") ? com.ibm.icu.text.Bidi.LTR
                : com.ibm.icu.text.Bidi.LEVEL_DEFAULT_LTR);
        return found != null ? found : swappedNumbers(value, com.ibm.icu.text.Bidi.LEVEL_DEFAULT_LTR);
    }

    /**
     * The direction a text reads in, by the count of its letters, not by its first one (a
     * browser's `dir="auto"`): "rtl" when those of right-to-left scripts (Arabic, Hebrew)
     * outnumber the others, "ltr" when fewer, "auto" when as many (no letter at all). An English
     * headline opening with an Arabic name was laid out right to left (an editor's trial).
     */
    public static String direction(CharSequence text) {
        int rtl = 0;
        int ltr = 0;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (rightToLeft(c)) {
                rtl++;
            } else if (Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                ltr++;
            }
            i += Character.charCount(c);
        }
        return rtl > ltr ? "rtl" : ltr > rtl ? "ltr" : "auto";
    }

    /** A character of right-to-left direction: a letter of Arabic, Hebrew and their kin, or a right-to-left mark. */
    public static boolean rightToLeft(int codePoint) {
        byte d = Character.getDirectionality(codePoint);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /**
     * Whether a text holds a {@link #rightToLeft} character. Every one is from U+0590 up, so most
     * characters are passed over by one comparison (typographic quotes are there too).
     */
    public static boolean anyRightToLeft(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0590' && rightToLeft(Character.codePointAt(text, i))) {
                return true;
            }
        }
        return false;
    }
}
