package org.explainers.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an editor meant by one written as people write dates (`28/11/2026`, `November 28,
 * 2026`, `2026–11–28` with a word processor's dashes, `7am`), in the header's own form
 * (`2026-11-28 07:00`), for a fix. Only what can be told for sure: `05/06/2026` is the 5th of
 * June or the 6th of May, and the fix names both.
 */
final class DateGuess {

    private DateGuess() {
    }

    /** A word processor's dashes (hyphen, figure and en dashes, minus), which an editor meant as hyphens. */
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final String TIME = "(?:[ T,]+(?:at )?(\\d{1,2})(?:[:.h](\\d{1,2}))? ?([ap]\\.?m\\.?)?)?";
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\\.?,? (\\d{4})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]{3,9})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})" + TIME, Pattern.CASE_INSENSITIVE);

    /** The fix for a value that is not a date, or null when what was meant cannot be told. */
    static String fix(String key, String value) {
        // A word processor's dashes and spaces are the editor's hyphens and spaces.
        String s = DASHES.matcher(value).replaceAll("-").replaceAll("[\\u00A0\\u2000-\\u200A\\u202F]", " ")
                .replaceAll(" +", " ").strip();
        Matcher m;
        if ((m = YMD.matcher(s)).matches()) {
            return say(key, value, date(m.group(1), m.group(2), m.group(3)), null, time(m, 4));
        }
        if ((m = DMY.matcher(s)).matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            String time = time(m, 4);
            if (a > 12 || a == b) {
                return say(key, value, date(m.group(3), m.group(2), m.group(1)), null, time);
            }
            if (b > 12) {
                return say(key, value, date(m.group(3), m.group(1), m.group(2)), null, time);
            }
            return say(key, value, date(m.group(3), m.group(2), m.group(1)), date(m.group(3), m.group(1), m.group(2)), time);
        }
        if ((m = DAY_MONTH.matcher(s)).matches()) {
            return say(key, value, named(m.group(3), m.group(2), m.group(1)), null, time(m, 4));
        }
        if ((m = MONTH_DAY.matcher(s)).matches()) {
            return say(key, value, named(m.group(3), m.group(1), m.group(2)), null, time(m, 4));
        }
        return null;
    }

    private static String say(String key, String value, String date, String other, String time) {
        if (date == null || time != null && time.isEmpty()) {
            return null;
        }
        String at = time == null ? "" : " " + time;
        String how = DASHES.matcher(value).find() ? "its dashes are a word processor's (\u2013): " : "";
        if (other != null) {
            return how + "write `" + key + ": " + date + at + "` (" + human(date) + ") or `" + key + ": " + other + at + "` (" + human(other)
                    + "): dates are YYYY-MM-DD";
        }
        return how + "write it `" + key + ": " + date + at + "` (YYYY-MM-DD" + (time == null ? "" : " and a 24-hour time") + ")";
    }

    /** The date as the header writes it, or null when there is no such day. */
    private static String date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A date with its month's English name or its first three letters (`Nov`, `November`). */
    private static String named(String year, String month, String day) {
        String m = month.toLowerCase(Locale.ROOT);
        for (Month candidate : Month.values()) {
            String name = candidate.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (m.length() >= 3 && name.startsWith(m) || m.equals("sept") && candidate == Month.SEPTEMBER) {
                return date(year, String.valueOf(candidate.getValue()), day);
            }
        }
        return null;
    }

    /** The time of day in a match, as HH:MM; null when none was written, "" when it is not a time. */
    private static String time(Matcher m, int group) {
        if (m.group(group) == null) {
            return null;
        }
        int hour = Integer.parseInt(m.group(group));
        int minute = m.group(group + 1) == null ? 0 : Integer.parseInt(m.group(group + 1));
        String half = m.group(group + 2) == null ? "" : m.group(group + 2).toLowerCase(Locale.ROOT).replace(".", "");
        if (m.group(group + 1) == null && half.isEmpty() || minute > 59 || hour > (half.isEmpty() ? 23 : 12) || !half.isEmpty() && hour == 0) {
            return "";
        }
        if (half.equals("pm") && hour < 12) {
            hour += 12;
        } else if (half.equals("am") && hour == 12) {
            hour = 0;
        }
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
    }

    private static String human(String date) {
        LocalDate d = LocalDate.parse(date);
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
