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
 * keycap's digit too), the others after a symbol, an ideograph or a letter of Myanmar or
 * Phags-pa, an ideographic one after an ideograph (at most {@value #MAX_VARIANTS} different ones a
 * file), Mongolian's after a Mongolian letter (one after
 * each Latin or Arabic letter carried a hidden byte each: a review);</li>
 * <li>a zero-width joiner or non-joiner next to an emoji or a letter of a script that joins
 * (Arabic, Persian, the Indic scripts), a soft hyphen, zero-width space or word joiner alone or
 * inside a word, a combining grapheme joiner before a mark, a Hangul filler next to Korean, a direction
 * mark where it changes something;</li>
 * <li>at most {@value #RUN} of Unicode's default-ignorable characters in a row;</li>
 * <li>none of those with no use in a text (invisible operators, the music and shorthand format
 * controls, the rest of the tag block).</li>
 * </ul>
 * What remains is a bit or so in a gap between letters (a soft hyphen there or not), as with
 * any choice of spelling.
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
     * Different ideographs with a variation selector in one file: a name's variant appears in a
     * text a few times; a selector after each ideograph of a text would carry a byte each.
     */
    static final int MAX_VARIANTS = 8;

    /** The first invisible character of {@code s[from, to)} that may carry a hidden text; null when none. */
    public static Found in(CharSequence s, int from, int to) {
        return in(s, from, to, new java.util.HashSet<>());
    }

    /**
     * As {@link #in(CharSequence, int, int)}, counting the ideographic variants in {@code variants}
     * (an ideograph and its selector each), which a file's lines share.
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
        for (int i = from; i < to; ) {
            int c = Character.codePointAt(s, i);
            if (c >= 0xE0000 && c <= 0xE007F) {
                if (flag < 0) {
                    return new Found(i, c, "a tag character, which only a flag emoji holds");
                }
                if (c == 0xE007F) {
                    if (!FLAGS.contains(spec.toString())) {
                        return new Found(flag, Character.codePointAt(s, flag), "tags after a black flag that spell no flag browsers show"
                                + " (only England's, Scotland's and Wales's)");
                    }
                    flag = -1;
                } else if (c < 0xE0061 || c > 0xE007A || spec.length() == 5) {
                    return new Found(flag, Character.codePointAt(s, flag), "tags after a black flag that spell no flag browsers show"
                            + " (only England's, Scotland's and Wales's)");
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
                String why = misplaced(c, prev, base, after < to ? Character.codePointAt(s, after) : -1);
                if (why != null) {
                    return new Found(i, c, why);
                }
                if (c >= 0xE0100 && c <= 0xE01EF && variants.add(((long) prev << 21) | c) && variants.size() > MAX_VARIANTS) {
                    return new Found(i, c, "more than " + MAX_VARIANTS + " different ideographs with a variation selector in one file");
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

    /**
     * Why {@code c} is not where its visible use puts it, between {@code prev} (its base being
     * the last character that is no mark) and {@code next} (-1: nothing); null when it is.
     */
    private static String misplaced(int c, int prev, int base, int next) {
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
        if (selector && c < 0xFE0E && !(UCharacter.hasBinaryProperty(prev, UProperty.IDEOGRAPHIC) || symbol(prev)
                || ofScript(prev, Character.UnicodeScript.MYANMAR, Character.UnicodeScript.PHAGS_PA, Character.UnicodeScript.MANICHAEAN))) {
            return "a variation selector after a character that has no variants (only symbols, ideographs, Myanmar and Phags-pa have)";
        }
        if (c >= 0xE0100 && c <= 0xE01EF && !UCharacter.hasBinaryProperty(prev, UProperty.IDEOGRAPHIC)) {
            return "an ideographic variation selector not right after a CJK ideograph";
        }
        if ((c >= 0x180B && c <= 0x180F) && !ofScript(base, Character.UnicodeScript.MONGOLIAN)) {
            return "a Mongolian variation selector or vowel separator not right after a Mongolian letter";
        }
        if ((c == 0x200C || c == 0x200D) && !(joins(base) || joins(next) || emoji(prev) || emoji(next))) {
            return "a joiner between characters it does not join (only emoji and the letters of scripts that join, such as Arabic and"
                    + " the Indic scripts)";
        }
        if (c == 0x034F && !mark(next)) {
            return "a combining grapheme joiner not before a combining mark";
        }
        // One alone, as pasted text brings them (the checks of names and slugs tell those better); two together say nothing visible.
        if ((c == 0xAD || c == 0x200B || c == 0x2060) && (ignorable(prev) || ignorable(next)) && !(wordPart(prev) && wordPart(next))) {
            return "a soft hyphen, zero-width space or word joiner beside another invisible character";
        }
        if ((c >= 0x115F && c <= 0x1160 || c == 0x3164 || c == 0xFFA0) && !(ofScript(prev, Character.UnicodeScript.HANGUL) || ofScript(next, Character.UnicodeScript.HANGUL))) {
            return "a Hangul filler outside Korean";
        }
        if ((c == 0x200E || c == 0x200F || c == 0x061C) && prev >= 0 && next >= 0 && Character.isLetter(prev) && Character.isLetter(next)
                && Text.rightToLeft(prev) == Text.rightToLeft(next)) {
            return "a direction mark between two letters of one direction, where it changes nothing";
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

    private static boolean joins(int c) {
        return c >= 0x80 && (Character.isLetter(c) || mark(c)) && JOINING.contains(Character.UnicodeScript.of(c));
    }

    private static boolean emoji(int c) {
        return c >= 0x80 && (UCharacter.hasBinaryProperty(c, UProperty.EXTENDED_PICTOGRAPHIC) || UCharacter.hasBinaryProperty(c, UProperty.EMOJI_MODIFIER)
                || c == 0xFE0F || c == 0x20E3 || c == 0xE007F);
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

    public static Found in(CharSequence s) {
        return in(s, 0, s.length());
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

    /** Whether a UTF-16 unit may be (part of) a default-ignorable character: they lie in these ranges (Unicode 16). */
    public static boolean suspect(char c) {
        return c >= 0xAD && (c == 0xAD || c == 0x34F || c == 0x61C || c >= 0x115F && c <= 0x1160 || c >= 0x17B4 && c <= 0x17B5
                || c >= 0x180B && c <= 0x180F || c >= 0x200B && c <= 0x206F || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F
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
