package org.explainers.content;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Invisible characters that can carry a hidden text (an attacker's trial: "Ignore previous
 * instructions…" written in Unicode's tag characters passed into pages, feeds and search, seen by
 * no reviewer and no reader, read by every tool that summarises the page). Each of them has a
 * use in a visible text, and only that use passes:
 * <ul>
 * <li>tag characters (U+E0020 to U+E007F) only inside a flag emoji: a black flag, tags, the
 * cancel tag (Scotland's, Wales's);</li>
 * <li>a variation selector right after the character it varies: U+FE00 to U+FE0F after a
 * visible character (an emoji's ️, a keycap's digit), U+E0100 to U+E01EF after a CJK ideograph
 * (a name's glyph variant);</li>
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
        int tags = -1; // tag characters so far in a flag's sequence; -1 outside one
        for (int i = from; i < to; ) {
            int c = Character.codePointAt(s, i);
            if (c >= 0xE0000 && c <= 0xE007F) {
                boolean inFlag = tags >= 0 && (c == 0xE007F ? tags > 0 : c >= 0xE0020 && tags < 32);
                if (!inFlag) {
                    return new Found(i, c, "a tag character, which only a flag emoji holds");
                }
                tags = c == 0xE007F ? -1 : tags + 1;
            } else {
                tags = c == 0x1F3F4 ? 0 : -1; // a black flag starts one
                if (c >= 0xE0080 && c <= 0xE0FFF && !(c >= 0xE0100 && c <= 0xE01EF)) {
                    return new Found(i, c, "a character of the tag block");
                }
                if (c >= 0xFE00 && c <= 0xFE0F && (prev < 0 || Character.isWhitespace(prev) || ignorable(prev))) {
                    return new Found(i, c, "a variation selector not right after a character it varies");
                }
                if (c >= 0xE0100 && c <= 0xE01EF && (prev < 0 || !UCharacter.hasBinaryProperty(prev, UProperty.IDEOGRAPHIC))) {
                    return new Found(i, c, "an ideographic variation selector not right after a CJK ideograph");
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
        return null;
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
    public static final String FIX = "delete it and what is invisible around it (it may have come with pasted text): readers do not see it,"
            + " but feeds, search engines and tools that summarise pages read it";
}
