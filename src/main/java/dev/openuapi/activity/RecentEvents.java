package dev.openuapi.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openuapi.activity.ActivityRecorder.Event;

/**
 * The tokens' events waiting for the next flush: for each token, only its newest {@code perToken} (what the log keeps
 * of a token anyway, {@code openuapi.activity.recent-events}). A token that makes 20,000 calls a second so costs
 * {@code perToken} rows a flush, not 20,000, and the flush then deletes that token's older rows at once
 * ({@link Drained#full}) instead of leaving them to the clean-up.
 *
 * <p>Each token has a small ring under its own lock. A drain empties a ring and leaves it in place; a ring found empty is
 * closed and removed, and a call that still holds it takes a new one, so no event is lost between two drains.
 */
final class RecentEvents {

    /** A token: its credential kind ({@code cpanel_token}, {@code whm_token}) and row id. */
    record TokenKey(String credential, long tokenId) {
    }

    /** What a drain took: events oldest first, and the tokens whose ring overflowed (more calls than it keeps). */
    record Drained(List<Event> events, Set<TokenKey> full) {
    }

    private final ConcurrentHashMap<TokenKey, Ring> rings = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final int perToken;
    private final int maxPending;

    RecentEvents(int perToken, int maxPending) {
        this.perToken = Math.max(1, perToken);
        this.maxPending = maxPending;
    }

    /** Keeps the event among its token's newest; false if it was dropped because too many are waiting in all. */
    boolean add(Event event) {
        TokenKey key = new TokenKey(event.credential(), event.tokenId());
        while (true) {
            Ring ring = rings.get(key);
            if (ring == null) {
                if (pending.get() >= maxPending) {
                    return false;
                }
                ring = rings.computeIfAbsent(key, k -> new Ring(perToken));
            }
            int added = ring.add(event, pending.get() < maxPending);
            if (added == Ring.CLOSED) {
                rings.remove(key, ring);
                continue;
            }
            if (added == Ring.GREW) {
                pending.incrementAndGet();
            }
            return added != Ring.REFUSED;
        }
    }

    Drained drain() {
        List<Event> taken = new ArrayList<>();
        Set<TokenKey> full = new HashSet<>();
        for (var entry : rings.entrySet()) {
            Ring ring = entry.getValue();
            int before = taken.size();
            boolean overflowed = ring.drainTo(taken);
            if (taken.size() == before && ring.closed()) {
                rings.remove(entry.getKey(), ring);
            }
            if (overflowed) {
                full.add(entry.getKey());
            }
        }
        pending.addAndGet(-taken.size());
        return new Drained(taken, full);
    }

    /**
     * One token's newest events since the last drain, the oldest overwritten once it holds {@code capacity}. Its array
     * starts small and doubles up to {@code capacity} as the token's calls need: most tokens make a few calls between
     * two flushes, and with 10,000 tokens in use a full-size ring each (1,000 events) would be 40 MB, allocated again
     * whenever an idle token's ring is closed.
     */
    private static final class Ring {
        static final int GREW = 0;
        static final int REPLACED = 1;
        static final int REFUSED = 2;
        static final int CLOSED = 3;
        static final int FIRST_LENGTH = 8;

        private final int capacity;
        private Event[] events;
        private int next;
        private int size;
        private boolean overflowed;
        private boolean closed;

        Ring(int capacity) {
            this.capacity = capacity;
            this.events = new Event[Math.min(capacity, FIRST_LENGTH)];
        }

        synchronized int add(Event event, boolean mayGrow) {
            if (closed) {
                return CLOSED;
            }
            if (size < capacity && !mayGrow) {
                return REFUSED;
            }
            if (size == events.length && size < capacity) {
                // full but below its capacity: a longer array, oldest first (a ring that never overwrote starts at 0)
                events = Arrays.copyOf(events, (int) Math.min(capacity, 2L * events.length));
                next = size;
            }
            events[next] = event;
            next = (next + 1) % events.length;
            if (size < events.length) {
                size++;
                return GREW;
            }
            overflowed = true;
            return REPLACED;
        }

        /** Moves the events, oldest first, to {@code out}; an empty ring is closed. Returns whether it overflowed. */
        synchronized boolean drainTo(List<Event> out) {
            if (size == 0) {
                closed = true;
                return false;
            }
            int first = (next - size + events.length) % events.length;
            for (int i = 0; i < size; i++) {
                int at = (first + i) % events.length;
                out.add(events[at]);
                events[at] = null;
            }
            boolean wasFull = overflowed;
            size = 0;
            next = 0;
            overflowed = false;
            return wasFull;
        }

        synchronized boolean closed() {
            return closed;
        }
    }
}
