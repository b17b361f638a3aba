package dev.openuapi.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.openuapi.activity.ActivityRecorder.Event;
import dev.openuapi.activity.RecentEvents.TokenKey;

/** The events waiting for a flush: a token's newest only, the oldest first, none lost between drains. */
class RecentEventsTest {

    static Event event(String credential, long tokenId, long time) {
        return new Event(7, credential, tokenId, time, "192.0.2.1", "uapi", "Variables", "get_user_information", "ok");
    }

    static List<Long> times(List<Event> events, long tokenId) {
        return events.stream().filter(e -> e.tokenId() == tokenId).map(Event::timeMillis).toList();
    }

    @Test
    void aTokenKeepsItsNewestEventsOldestFirstAndIsMarkedFullWhenItOverflowed() {
        RecentEvents recent = new RecentEvents(3, 100);
        for (long t = 1; t <= 5; t++) {
            assertTrue(recent.add(event("cpanel_token", 1, t)));
        }
        recent.add(event("cpanel_token", 2, 10));
        recent.add(event("whm_token", 1, 20)); // another kind of token with the same id is another token

        RecentEvents.Drained drained = recent.drain();
        assertEquals(List.of(3L, 4L, 5L), times(drained.events().stream().filter(e -> e.credential().equals("cpanel_token")).toList(), 1));
        assertEquals(List.of(10L), times(drained.events(), 2));
        assertEquals(5, drained.events().size());
        assertEquals(Set.of(new TokenKey("cpanel_token", 1)), drained.full());

        RecentEvents.Drained empty = recent.drain();
        assertEquals(List.of(), empty.events());
        assertEquals(Set.of(), empty.full());

        recent.add(event("cpanel_token", 1, 6)); // after its ring was closed and removed, a new one takes the event
        assertEquals(List.of(6L), times(recent.drain().events(), 1));
    }

    @Test
    void aRingGrowsAsItsTokenCallsAndStillKeepsOnlyTheNewest() {
        RecentEvents recent = new RecentEvents(1000, 100_000);
        for (long t = 1; t <= 20; t++) { // past the ring's first length (8) twice
            assertTrue(recent.add(event("cpanel_token", 1, t)));
        }
        RecentEvents.Drained some = recent.drain();
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList(), times(some.events(), 1));
        assertEquals(Set.of(), some.full());

        for (long t = 1; t <= 1005; t++) {
            assertTrue(recent.add(event("cpanel_token", 1, t)));
        }
        RecentEvents.Drained full = recent.drain();
        assertEquals(java.util.stream.LongStream.rangeClosed(6, 1005).boxed().toList(), times(full.events(), 1));
        assertEquals(Set.of(new TokenKey("cpanel_token", 1)), full.full());
    }

    @Test
    void pastMaxPendingANewEventIsRefusedButAFullTokenStillReplacesItsOldest() {
        RecentEvents recent = new RecentEvents(2, 3);
        assertTrue(recent.add(event("cpanel_token", 1, 1)));
        assertTrue(recent.add(event("cpanel_token", 1, 2)));
        assertTrue(recent.add(event("cpanel_token", 2, 3)));
        assertFalse(recent.add(event("cpanel_token", 2, 4)), "three are waiting: a fourth would pass max-pending");
        assertFalse(recent.add(event("cpanel_token", 3, 5)));
        assertTrue(recent.add(event("cpanel_token", 1, 6)), "token 1 is full: its newest replaces its oldest, nothing grows");
        RecentEvents.Drained drained = recent.drain();
        assertEquals(List.of(2L, 6L), times(drained.events(), 1));
        assertEquals(List.of(3L), times(drained.events(), 2));
        assertTrue(recent.add(event("cpanel_token", 3, 7)), "the drain made room");
    }

    @Test
    void noEventIsLostWhileDrainsRunBesideTheCalls() throws Exception {
        RecentEvents recent = new RecentEvents(1_000_000, 10_000_000);
        int threads = 4;
        int perThread = 50_000;
        AtomicInteger drained = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            long token = t % 2;
            pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    recent.add(event("cpanel_token", token, i));
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
            drained.addAndGet(recent.drain().events().size());
        }
        drained.addAndGet(recent.drain().events().size());
        assertEquals(threads * perThread, drained.get());
    }
}
