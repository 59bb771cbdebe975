package org.explainers.content;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Invisible characters that can carry a hidden text (an attacker's trial: "Ignore previous
 * instructions…" written in Unicode's tag characters passed into pages, feeds and search, seen by
 * no reviewer and no reader, read by every tool that summarises the page). Each of them has a
 * use in a visible text, and only that use passes:
 * <ul>
 * <li>tag characters (U+E0020 to U+E007F) only as a flag emoji browsers show: a black flag, the
 * tags of England, Scotland or Wales, the cancel tag (any other tags after a black flag show a
 * black flag and carried a whole hidden sentence: a false-alarm trial);</li>
 * <li>a variation selector right after the character it varies: an emoji's after an emoji (a
 * digit only as a keycap), the others after a symbol, punctuation, an ideograph, the zero or a
 * letter of Myanmar or Phags-pa (one after each Latin or Arabic letter carried a hidden byte each:
 * a review), Mongolian's after a Mongolian letter; at most {@value #MAX_VARIANTS} different
 * variants (a character and its selector) a file, an emoji's aside;</li>
 * <li>a zero-width joiner or non-joiner next to an emoji or a letter of a script that joins
 * (Arabic, Persian, the Indic scripts; Markdown's emphasis and HTML tags between skipped), and
 * no zero-width joiner between two Arabic letters that join anyway; a soft hyphen inside a word;
 * a zero-width space or word joiner not after a space nor beside another invisible character; a
 * combining grapheme joiner before a mark; a Hangul filler next to Korean; a direction mark only
 * in a line with right-to-left text;</li>
 * <li>at most {@value #RUN} of Unicode's default-ignorable characters in a row;</li>
 * <li>none of those with no use in a text (invisible operators, the music and shorthand format
 * controls, the rest of the tag block).</li>
 * </ul>
 * What remains is about a bit a gap where such characters have a use (a soft hyphen inside a word
 * or not, a mark beside a word in Hebrew text or not, a half-space in Persian or not): text copied
 * from word processors, websites and chats holds them so, and refusing them refused real text
 * (false-alarm trials).
 */
public final class Invisible {

    /** Default-ignorable characters one after another: a joined emoji has two (U+FE0F U+200D). */
    static final int RUN = 3;

    private Invisible() {
    }

    /** Where a hidden text starts in {@code s}, and why: null when it has none. */
    public record Found(int index, int codePoint, String why) {
    }

    /**
     * Different variants (a character and its selector, an emoji's aside) in one file: a name's
     * variant appears in a text a few times, an article on names' variants shows a dozen; a selector
     * after each ideograph of a text would carry a byte each (a trial: 105 Chinese characters carried
     * a sentence).
     */
    static final int MAX_VARIANTS = 16;

    public static Found in(CharSequence s) {
        return in(s, 0, s.length());
    }

    /** The first invisible character of {@code s[from, to)} that may carry a hidden text; null when none. */
    public static Found in(CharSequence s, int from, int to) {
        return in(s, from, to, new java.util.HashSet<>());
    }

    /**
     * As {@link #in(CharSequence, int, int)}, counting the variants in {@code variants} (a
     * character and its selector each), which a file's lines share.
     */
    public static Found in(CharSequence s, int from, int to, java.util.Set<Long> variants) {
        if (!suspect(s, from, to)) {
            return null;
        }
        int prev = -1;
        int base = -1; // the last character that is not a combining mark: what a mark, a selector or a joiner goes with
        int run = 0;
        int flag = -1; // where the tags after a black flag began; -1 outside a flag
        StringBuilder spec = new StringBuilder(); // those tags as ASCII
        Boolean rightToLeft = null; // whether the line has right-to-left text, asked at its first direction mark
        for (int i = from; i < to; ) {
            int c = Character.codePointAt(s, i);
            if (c >= 0xE0000 && c <= 0xE007F) {
                if (flag < 0) {
                    return new Found(i, c, "a tag character, which only a flag emoji holds");
                }
                if (c == 0xE007F) {
                    if (!FLAGS.contains(spec.toString())) {
                        return new Found(flag, Character.codePointAt(s, flag), NO_FLAG);
                    }
                    flag = -1;
                } else if (c < 0xE0061 || c > 0xE007A || spec.length() == 5) {
                    return new Found(flag, Character.codePointAt(s, flag), NO_FLAG);
                } else {
                    spec.append((char) (c - 0xE0000));
                }
            } else {
                if (flag >= 0 && spec.length() > 0) {
                    return new Found(flag, Character.codePointAt(s, flag), "a flag's tags without the cancel tag that ends them");
                }
                flag = c == 0x1F3F4 ? i + Character.charCount(c) : -1; // a black flag may start one
                spec.setLength(0);
                int after = i + Character.charCount(c);
                int next = after < to ? Character.codePointAt(s, after) : -1;
                boolean joiner = c == 0x200C || c == 0x200D;
                // A direction mark changes nothing in a line without right-to-left text (a trial: up to three after each space of an
                // English paragraph carried a sentence); text copied from Hebrew and Arabic sites and chats holds marks doubled and
                // after words, which only the run's bound limits (false-alarm trials). Its own right-to-left marks aside.
                boolean directionMark = c == 0x200E || c == 0x200F || c == 0x061C;
                if (directionMark && rightToLeft == null) {
                    rightToLeft = Text.anyRightToLeft(s.subSequence(from, to).toString().replace("\u200F", "").replace("\u061C", ""));
                }
                String why = directionMark ? (rightToLeft ? null : "a direction mark in a line without right-to-left text, where it changes nothing")
                        : misplaced(c, prev, base, next, joiner ? letterBefore(s, from, i) : base, joiner ? letterAfter(s, after, to) : next);
                if (why != null) {
                    return new Found(i, c, why);
                }
                boolean variant = c >= 0xE0100 && c <= 0xE01EF || c >= 0xFE00 && c <= 0xFE0D; // any but an emoji's: all are few in a text
                if (variant && variants.add(((long) prev << 21) | c) && variants.size() > MAX_VARIANTS) {
                    return new Found(i, c, "more than " + MAX_VARIANTS + " different variants (a character and its variation selector, an"
                            + " emoji's aside) in one file");
                }
                run = ignorable(c) ? run + 1 : 0;
                if (run > RUN) {
                    return new Found(i, c, "more than " + RUN + " invisible characters in a row (zero-width spaces or joiners, fillers,"
                            + " soft hyphens, variation selectors)");
                }
            }
            prev = c;
            if (!mark(c)) {
                base = c;
            }
            i += Character.charCount(c);
        }
        if (flag >= 0 && spec.length() > 0) {
            return new Found(flag, Character.codePointAt(s, flag), "a flag's tags without the cancel tag that ends them");
        }
        return null;
    }

    /** The flags made of tags that browsers show (Unicode's recommended set): England, Scotland, Wales. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("gbeng", "gbsct", "gbwls");
    private static final String NO_FLAG = "tags after a black flag that spell no flag browsers show (only England's, Scotland's and Wales's)";

    /**
     * Why {@code c} is not where its visible use puts it, between {@code prev} (its base being
     * the last character that is no mark) and {@code next} (-1: nothing); null when it is.
     */
    private static String misplaced(int c, int prev, int base, int next, int letterBefore, int letterAfter) {
        if (c >= 0xE0080 && c <= 0xE0FFF && !(c >= 0xE0100 && c <= 0xE01EF)
                || c >= 0x2061 && c <= 0x2064 || c == 0x17B4 || c == 0x17B5 || c >= 0x1BCA0 && c <= 0x1BCA3 || c >= 0x1D173 && c <= 0x1D17A
                || c >= 0xFFF0 && c <= 0xFFF8) {
            return "a character with no use in a text (invisible operators, format controls of music or shorthand)";
        }
        boolean selector = c >= 0xFE00 && c <= 0xFE0F;
        if (selector && (prev < 0 || Character.isWhitespace(prev) || ignorable(prev))) {
            return "a variation selector not right after a character it varies";
        }
        if ((c == 0xFE0E || c == 0xFE0F) && !UCharacter.hasBinaryProperty(prev, UProperty.EMOJI)) {
            return "an emoji's variation selector after a character that is no emoji";
        }
        if ((c == 0xFE0E || c == 0xFE0F) && prev < 0x80 && next != 0x20E3) {
            // A digit, # or * is an emoji only as a keycap (1️⃣): a selector after each figure of a list carried a bit each (a trial).
            return "an emoji's variation selector after a digit, `#` or `*` that is no keycap";
        }
        if (selector && c < 0xFE0E && !(UCharacter.hasBinaryProperty(prev, UProperty.IDEOGRAPHIC) || prev >= 0x80 && (symbol(prev) || punctuation(prev))
                || prev == '0' || ofScript(prev, Character.UnicodeScript.MYANMAR, Character.UnicodeScript.PHAGS_PA, Character.UnicodeScript.MANICHAEAN))) {
            return "a variation selector after a character that has no variants (only symbols, punctuation, ideographs, the zero, Myanmar and"
                    + " Phags-pa have)";
        }
        if (c >= 0xE0100 && c <= 0xE01EF && !UCharacter.hasBinaryProperty(prev, UProperty.IDEOGRAPHIC)) {
            return "an ideographic variation selector not right after a CJK ideograph";
        }
        if ((c >= 0x180B && c <= 0x180F) && !ofScript(base, Character.UnicodeScript.MONGOLIAN)) {
            return "a Mongolian variation selector or vowel separator not right after a Mongolian letter";
        }
        if ((c == 0x200C || c == 0x200D) && !(joins(letterBefore) || joins(letterAfter) || emoji(prev) || emoji(next))) {
            return "a joiner between characters it does not join (only emoji and the letters of scripts that join, such as Arabic and"
                    + " the Indic scripts)";
        }
        if (c == 0x200D && !emoji(prev) && !emoji(next) && joinsNext(letterBefore) && joinsPrevious(letterAfter)) {
            // Two Arabic letters that join anyway: a joiner between them shows nothing (a trial: one in each such gap carried a bit).
            return "a zero-width joiner between two letters that join without it";
        }
        if (c == 0x034F && !mark(next)) {
            return "a combining grapheme joiner not before a combining mark";
        }
        if (c == 0xAD && !((wordPart(prev) || prev == '-' || prev == 0x2010) && wordPart(next))) { // `E-­Mail`, as Word pastes it
            return "a soft hyphen that is not inside a word, where it never shows";
        }
        // Refused after a space (a trial: one after each space carried bits) or beside another invisible character; at a
        // word's end, before a space, it is what Thai and pasted text have (the checks of names and slugs tell those better).
        if ((c == 0x200B || c == 0x2060) && (prev >= 0 && (Character.isWhitespace(prev) || ignorable(prev) && prev != 0xFE0F)
                || next >= 0 && ignorable(next))) {
            return "a zero-width space or word joiner after a space or beside another invisible character, where it changes nothing";
        }
        if ((c >= 0x115F && c <= 0x1160 || c == 0x3164 || c == 0xFFA0) && !(ofScript(prev, Character.UnicodeScript.HANGUL) || ofScript(next, Character.UnicodeScript.HANGUL))) {
            return "a Hangul filler outside Korean";
        }
        return null;
    }

    /** Scripts whose letters join, where a zero-width joiner or non-joiner changes their shapes. */
    private static final java.util.Set<Character.UnicodeScript> JOINING = java.util.EnumSet.of(
            Character.UnicodeScript.ARABIC, Character.UnicodeScript.SYRIAC, Character.UnicodeScript.NKO, Character.UnicodeScript.MONGOLIAN,
            Character.UnicodeScript.MANDAIC, Character.UnicodeScript.MANICHAEAN, Character.UnicodeScript.ADLAM, Character.UnicodeScript.HANIFI_ROHINGYA,
            Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.BENGALI, Character.UnicodeScript.GURMUKHI, Character.UnicodeScript.GUJARATI,
            Character.UnicodeScript.ORIYA, Character.UnicodeScript.TAMIL, Character.UnicodeScript.TELUGU, Character.UnicodeScript.KANNADA,
            Character.UnicodeScript.MALAYALAM, Character.UnicodeScript.SINHALA, Character.UnicodeScript.TIBETAN, Character.UnicodeScript.MYANMAR,
            Character.UnicodeScript.KHMER, Character.UnicodeScript.BALINESE, Character.UnicodeScript.JAVANESE, Character.UnicodeScript.SUNDANESE,
            Character.UnicodeScript.TAI_THAM, Character.UnicodeScript.CHAKMA, Character.UnicodeScript.LIMBU, Character.UnicodeScript.NEWA);

    /** An Arabic-type letter that joins the letter after it (dual- or left-joining). */
    private static boolean joinsNext(int c) {
        int type = c < 0x80 ? UCharacter.JoiningType.NON_JOINING : UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.LEFT_JOINING;
    }

    /** An Arabic-type letter that joins the letter before it (dual- or right-joining). */
    private static boolean joinsPrevious(int c) {
        int type = c < 0x80 ? UCharacter.JoiningType.NON_JOINING : UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING;
    }

    /**
     * The letter a joiner at {@code at} follows as a browser lays the text out: Markdown's emphasis
     * marks and an HTML tag before it are not shown (`**نمی**&zwnj;**خواهیم**`: a trial); -1 when none.
     */
    private static int letterBefore(CharSequence s, int from, int at) {
        int i = at;
        while (i > from) {
            char c = s.charAt(i - 1);
            if (c == '*' || c == '_' || c == '~') {
                i--;
            } else if (c == '>') {
                int open = i - 1;
                while (open > from && s.charAt(open) != '<') {
                    open--;
                }
                if (s.charAt(open) != '<') {
                    return '>';
                }
                i = open;
            } else {
                return Character.codePointBefore(s, i);
            }
        }
        return -1;
    }

    /** The letter a joiner ending at {@code at} comes before, as {@link #letterBefore}: emphasis marks, a tag, a link's bracket skipped. */
    private static int letterAfter(CharSequence s, int at, int to) {
        int i = at;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '*' || c == '_' || c == '~' || c == '[') {
                i++;
            } else if (c == '<') {
                int close = i;
                while (close < to - 1 && s.charAt(close) != '>') {
                    close++;
                }
                if (s.charAt(close) != '>') {
                    return '<';
                }
                i = close + 1;
            } else {
                return Character.codePointAt(s, i);
            }
        }
        return -1;
    }

    private static boolean joins(int c) {
        return c >= 0x80 && (Character.isLetter(c) || mark(c)) && JOINING.contains(Character.UnicodeScript.of(c));
    }

    private static boolean emoji(int c) {
        return c >= 0x80 && (UCharacter.hasBinaryProperty(c, UProperty.EXTENDED_PICTOGRAPHIC) || UCharacter.hasBinaryProperty(c, UProperty.EMOJI_MODIFIER)
                || c == 0xFE0F || c == 0x20E3 || c == 0xE007F);
    }

    private static boolean punctuation(int c) {
        int type = c < 0 ? -1 : Character.getType(c);
        return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean symbol(int c) {
        int type = c < 0 ? -1 : Character.getType(c);
        return type == Character.MATH_SYMBOL || type == Character.OTHER_SYMBOL;
    }

    private static boolean mark(int c) {
        int type = c < 0 ? -1 : Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** A letter, a digit or a mark: what a soft hyphen or a zero-width space stands between in a word. */
    private static boolean wordPart(int c) {
        return c >= 0 && (Character.isLetterOrDigit(c) || mark(c));
    }

    private static boolean ofScript(int c, Character.UnicodeScript... scripts) {
        if (c < 0) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        for (Character.UnicodeScript x : scripts) {
            if (x == script) {
                return true;
            }
        }
        return false;
    }

    private static boolean ignorable(int c) {
        return c >= 0xAD && UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /** Whether any character could be one: a quick look at each, as most texts have none. */
    private static boolean suspect(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (suspect(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a UTF-16 unit may be (part of) a default-ignorable character: they lie in these
     * ranges (Unicode 16), which leave out the quotation marks and dashes most lines hold (taking
     * them in read every such line again: +1 s of a 10,000-section cold build).
     */
    public static boolean suspect(char c) {
        return c >= 0xAD && (c == 0xAD || c == 0x34F || c == 0x61C || c >= 0x115F && c <= 0x1160 || c >= 0x17B4 && c <= 0x17B5
                || c >= 0x180B && c <= 0x180F || c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2060 && c <= 0x206F || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F
                || c == 0xFEFF || c == 0xFFA0 || c >= 0xFFF0 && c <= 0xFFF8 || c >= 0xD82F && c <= 0xD834 || c == 0xDB40);
    }

    /** The problem's words: what and where (a column of a line, counted from 1). */
    public static String what(Found f, int column) {
        return String.format(java.util.Locale.ROOT, "an invisible character that can carry hidden text, U+%04X at column %d: %s",
                f.codePoint(), column, f.why());
    }

    /** The fix. */
    public static final String FIX = "delete it, and any invisible characters right after it (they may have come with pasted text): readers do"
            + " not see them, but feeds, search engines and tools that summarise pages read them";
}
