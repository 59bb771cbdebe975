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
 * <li>a variation selector right after the character it varies: U+FE0E and U+FE0F after an
 * emoji (a keycap's digit too), U+FE00 to U+FE0D after a symbol or a letter of a script with such
 * variants (not Latin, Greek or Cyrillic, where one after each letter carried a hidden byte),
 * U+E0100 to U+E01EF after a CJK ideograph (a name's glyph variant), Mongolian's after a Mongolian
 * letter;</li>
 * <li>no joiner (zero-width joiner or non-joiner, the combining grapheme joiner) after a Latin,
 * Greek or Cyrillic letter or an ASCII character: they join emoji and the letters of scripts that
 * join (Arabic, Persian, Indic);</li>
 * <li>at most {@value #RUN} of Unicode's default-ignorable characters in a row (zero-width
 * spaces and joiners, fillers, soft hyphens, selectors): an emoji joins with one, a Persian word
 * with one, a hidden text needs many;</li>
 * <li>nothing else of the tag block (U+E0000 to U+E0FFF).</li>
 * </ul>
 */
public final class Invisible {

    /** Default-ignorable characters one after another: a joined emoji has two (U+FE0F U+200D). */
    static final int RUN = 3;

    private Invisible() {
    }

    /** Where a hidden text starts in {@code s}, and why: null when it has none. */
    public record Found(int index, int codePoint, String why) {
    }

    /** The first invisible character of {@code s[from, to)} that may carry a hidden text; null when none. */
    public static Found in(CharSequence s, int from, int to) {
        if (!suspect(s, from, to)) {
            return null;
        }
        int prev = -1;
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
                String why = misplaced(c, prev);
                if (why != null) {
                    return new Found(i, c, why);
                }
                run = ignorable(c) ? run + 1 : 0;
                if (run > RUN) {
                    return new Found(i, c, "more than " + RUN + " invisible characters in a row (zero-width spaces or joiners, fillers,"
                            + " soft hyphens, variation selectors)");
                }
            }
            prev = c;
            i += Character.charCount(c);
        }
        if (flag >= 0 && spec.length() > 0) {
            return new Found(flag, Character.codePointAt(s, flag), "a flag's tags without the cancel tag that ends them");
        }
        return null;
    }

    /** The flags made of tags that browsers show (Unicode's recommended set): England, Scotland, Wales. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("gbeng", "gbsct", "gbwls");

    /** Why {@code c} after {@code prev} (-1: nothing) is not where its visible use puts it; null when it is. */
    private static String misplaced(int c, int prev) {
        if (c >= 0xE0080 && c <= 0xE0FFF && !(c >= 0xE0100 && c <= 0xE01EF)) {
            return "a character of the tag block";
        }
        boolean selector = c >= 0xFE00 && c <= 0xFE0F;
        if (selector && (prev < 0 || Character.isWhitespace(prev) || ignorable(prev))) {
            return "a variation selector not right after a character it varies";
        }
        if ((c == 0xFE0E || c == 0xFE0F) && !UCharacter.hasBinaryProperty(prev, UProperty.EMOJI)) {
            return "an emoji's variation selector after a character that is no emoji";
        }
        if (selector && c < 0xFE0E && latinLike(prev)) {
            return "a variation selector after a Latin, Greek or Cyrillic letter, which has no variants";
        }
        if (c >= 0xE0100 && c <= 0xE01EF && (prev < 0 || !UCharacter.hasBinaryProperty(prev, UProperty.IDEOGRAPHIC))) {
            return "an ideographic variation selector not right after a CJK ideograph";
        }
        if ((c >= 0x180B && c <= 0x180D || c == 0x180F) && (prev < 0 || Character.UnicodeScript.of(prev) != Character.UnicodeScript.MONGOLIAN)) {
            return "a Mongolian variation selector not right after a Mongolian letter";
        }
        if ((c == 0x200C || c == 0x200D || c == 0x034F) && prev >= 0 && latinLike(prev)) {
            return "a joiner after a Latin, Greek or Cyrillic letter or a sign of the keyboard, which it joins to nothing";
        }
        return null;
    }

    /** An ASCII character, or a letter of the Latin, Greek or Cyrillic scripts. */
    private static boolean latinLike(int c) {
        if (c < 0x80) {
            return true;
        }
        if (!Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK || script == Character.UnicodeScript.CYRILLIC;
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
