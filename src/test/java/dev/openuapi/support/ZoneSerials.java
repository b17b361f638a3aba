package dev.openuapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SOA serials in the date form YYYYMMDDnn (the spec's ZoneEdit::add_zone_record example answers
 * {@code "newserial":"2024070101"}; RFC 1912 §2.2): a change on a new day starts at that day's 01, a
 * further change the same day adds one. The checks take the UTC day read before the change and the day
 * after it, so a test that runs across 00:00 UTC still passes, and one whose zone last changed yesterday
 * does not expect "old + 1".
 */
public final class ZoneSerials {

    private ZoneSerials() {
    }

    /** Today in UTC. Read it before the change and pass it as {@code since}. */
    public static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** {@code YYYYMMDD01} of that day. */
    public static long firstOfDay(LocalDate day) {
        return Long.parseLong(day.format(DateTimeFormatter.BASIC_ISO_DATE)) * 100 + 1;
    }

    /**
     * One change, by one writer, made between {@code since} and now, moved the serial from {@code before}
     * to {@code after}: {@code after} is greater, is at least {@code since}'s first serial, and is exactly
     * the next serial of the day the change was made on (today's 01, or {@code before + 1} if
     * {@code before} is already today's).
     */
    public static void assertNext(long before, long after, LocalDate since) {
        LocalDate until = todayUtc();
        assertWellFormed(before, after, since);
        Set<Long> expected = new TreeSet<>();
        for (LocalDate day = since; !day.isAfter(until); day = day.plusDays(1)) {
            expected.add(Math.max(firstOfDay(day), before + 1));
        }
        assertTrue(expected.contains(after), "the next YYYYMMDDnn serial after " + before + " is one of " + expected + ", not " + after);
    }

    /**
     * Several writers changed the zone at once between {@code since} and now, each answered with its own
     * serial: they are distinct, each greater than {@code before} and at least {@code since}'s first
     * serial; if the day did not change meanwhile they are exactly the next {@code serials.size()}
     * serials.
     */
    public static void assertConcurrent(long before, Collection<Long> serials, LocalDate since) {
        LocalDate until = todayUtc();
        assertEquals(serials.size(), new TreeSet<>(serials).size(), "every change got its own serial: " + serials);
        for (long serial : serials) {
            assertWellFormed(before, serial, since);
        }
        if (since.equals(until)) {
            List<Long> expected = new ArrayList<>();
            long first = Math.max(firstOfDay(since), before + 1);
            for (int i = 0; i < serials.size(); i++) {
                expected.add(first + i);
            }
            assertEquals(expected, new ArrayList<>(new TreeSet<>(serials)), "the next " + serials.size() + " serials after " + before);
        }
    }

    private static void assertWellFormed(long before, long after, LocalDate since) {
        assertTrue(after > before, "the serial went up: " + before + " -> " + after);
        assertTrue(after >= firstOfDay(since), "YYYYMMDDnn of the change's day (" + since + ") or later: " + after);
        assertEquals(10, String.valueOf(after).length(), "YYYYMMDDnn: " + after);
    }
}
