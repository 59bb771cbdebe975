package org.explainers.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A date from a header: the instant it stands for in the site's time zone, and whether the
 * editor gave a time of day (an embargo) or only a day.
 */
public record Moment(Instant instant, boolean timeOfDay) implements Comparable<Moment> {

    @Override
    public int compareTo(Moment o) {
        return instant.compareTo(o.instant);
    }

    public boolean isAfter(Moment o) {
        return instant.isAfter(o.instant);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);

    /** The date and time in the site's zone, as a header writes them: `2026-12-05 09:00`. */
    public String inZone(ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    public static Moment later(Moment a, Moment b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
