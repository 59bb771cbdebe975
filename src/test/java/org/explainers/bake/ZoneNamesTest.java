package org.explainers.bake;

import freemarker.template.SimpleDate;
import freemarker.template.TemplateDateModel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The zone's name beside a time on a page: the one readers know, for summer and winter, the same on every thread. */
class ZoneNamesTest {

    private static String name(ZoneNames names, String zone, String instant) throws Exception {
        return names.get("", TemplateDateModel.DATETIME, Locale.UK, TimeZone.getTimeZone(zone), false, null)
                .formatToPlainText(new SimpleDate(java.util.Date.from(Instant.parse(instant)), TemplateDateModel.DATETIME));
    }

    @Test
    void eachZoneHasTheNamesReadersKnow() throws Exception {
        for (List<String> expected : List.of(List.of("Europe/London", "GMT", "BST"), List.of("America/New_York", "EST", "EDT"),
                List.of("Europe/Paris", "CET", "CEST"), List.of("UTC", "UTC", "UTC"))) {
            ZoneNames names = new ZoneNames(ZoneId.of(expected.get(0)));
            assertEquals(expected.get(1), name(names, expected.get(0), "2026-01-15T12:00:00Z"), expected.get(0) + " in winter");
            assertEquals(expected.get(2), name(names, expected.get(0), "2026-07-15T12:00:00Z"), expected.get(0) + " in summer");
        }
    }

    /** Asked from many threads at once, as the bake renders pages, the name is the same (the JDK's own look-up once gave GMT+01:00). */
    @Test
    void manyThreadsGetOneName() throws Exception {
        ZoneNames names = new ZoneNames(ZoneId.of("Europe/London"));
        List<CompletableFuture<String>> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            asked.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return name(names, "Europe/London", "2026-10-05T14:00:00Z");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<String> one : asked) {
            assertEquals("BST", one.join());
        }
    }
}
