package dev.openuapi.activity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.openuapi.activity.ActivityViews.CountPage;
import dev.openuapi.activity.ActivityViews.CountView;
import dev.openuapi.activity.ActivityViews.EventPage;
import dev.openuapi.activity.ActivityViews.EventView;
import dev.openuapi.activity.ActivityViews.FailurePage;
import dev.openuapi.activity.ActivityViews.FailureView;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Caches;
import dev.openuapi.common.Quote;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The activity log's storage: writes what {@link ActivityRecorder} gathered, deletes what is past the retention or
 * beyond each token's recent events, and answers the activity endpoints in pages with opaque cursors.
 */
@ApplicationScoped
public class ActivityService {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;
    static final String ROOT = "root";
    private static final long MINUTES_PER_DAY = 1440;
    /**
     * The keys pages resume after ({@code n} a number, {@code s} a string): an event's id; a count's bucket, account,
     * credential, token, face, module, function and result; a failed-login count's bucket, account, address and reason.
     */
    private static final String EVENT_KEY = "n";
    private static final String COUNT_KEY = "nnsnssss";
    private static final String FAILURE_KEY = "nnss";

    private final ActivityRepository repository;
    private final ObjectMapper json;
    /**
     * Usernames known to name an account, so that a flood of failed logins against one costs no lookup per flush. An
     * account renamed or deleted may be counted under its old id for a few minutes.
     */
    private final Cache<String, Long> knownAccounts = Caches.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5))
            .build();

    ActivityService(ActivityRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * One flush, one transaction. Failed logins are kept only for usernames that name an account (or root). A token that
     * filled its {@code recentEvents} in this batch alone loses its older events here, at most {@code deleteLimit} rows
     * (the clean-up takes any rest).
     */
    @Transactional
    void write(ActivityRecorder.Batch batch, int recentEvents, int deleteLimit) {
        if (!batch.counts().isEmpty()) {
            repository.addCounts(new ArrayList<>(batch.counts().entrySet()));
        }
        if (!batch.events().isEmpty()) {
            repository.addEvents(batch.events());
        }
        for (RecentEvents.TokenKey token : batch.fullTokens()) {
            // this flush alone holds the token's newest recentEvents: everything older of it goes now, not at the clean-up
            Long oldestKept = repository.oldestKept(token.credential(), token.tokenId(), recentEvents);
            if (oldestKept != null) {
                repository.deleteEventsBefore(token.credential(), token.tokenId(), oldestKept, deleteLimit);
            }
        }
        if (!batch.failures().isEmpty()) {
            List<String> names = batch.failures().keySet().stream().map(ActivityRecorder.FailureKey::username).distinct()
                    .filter(n -> !ROOT.equals(n)).toList();
            Map<String, Long> ids = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            for (String name : names) {
                Long id = knownAccounts.getIfPresent(name);
                if (id != null) {
                    ids.put(name, id);
                } else {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                Map<String, Long> found = repository.accountIds(unknown);
                knownAccounts.putAll(found);
                ids.putAll(found);
            }
            ids.put(ROOT, 0L);
            List<Object[]> rows = new ArrayList<>();
            batch.failures().forEach((key, count) -> {
                Long id = ids.get(key.username());
                if (id != null) {
                    rows.add(new Object[] { id, key.address(), key.reason().column(), key.minute(), count });
                }
            });
            if (!rows.isEmpty()) {
                repository.addFailures(rows);
            }
        }
    }

    /** What one clean-up deleted. */
    public record Cleanup(long counts, long events, long failures, long capped) {
    }

    /**
     * Deletes rows older than {@code retention} before {@code nowMillis}, and each token's events beyond its newest
     * {@code recentEvents}, at most {@code batch} rows per statement, each statement in its own transaction (no long
     * lock, no huge undo log).
     */
    public Cleanup cleanup(long nowMillis, Duration retention, int recentEvents, int batch) {
        long cutoffMillis = nowMillis - retention.toMillis();
        long cutoffMinute = Math.floorDiv(cutoffMillis, 60_000L);
        long counts = deleteAll(() -> repository.deleteOlder("activity_count", "minute", cutoffMinute, batch), batch);
        long failures = deleteAll(() -> repository.deleteOlder("auth_failure_count", "minute", cutoffMinute, batch), batch);
        long events = deleteAll(() -> repository.deleteOlder("activity_event", "time", cutoffMillis, batch), batch);
        long capped = 0;
        List<Object[]> over = QuarkusTransaction.requiringNew().call(() -> repository.tokensOver(recentEvents));
        for (Object[] token : over) {
            String credential = (String) token[0];
            long tokenId = ((Number) token[1]).longValue();
            Long oldestKept = QuarkusTransaction.requiringNew().call(() -> repository.oldestKept(credential, tokenId, recentEvents));
            if (oldestKept != null) {
                capped += deleteAll(() -> repository.deleteEventsBefore(credential, tokenId, oldestKept, batch), batch);
            }
        }
        return new Cleanup(counts, events, failures, capped);
    }

    private static long deleteAll(java.util.function.IntSupplier statement, int batch) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(statement::getAsInt);
            total += deleted;
        } while (deleted >= batch);
        return total;
    }

    /** A time range in epoch seconds, {@code from} inclusive, {@code to} exclusive. */
    public record Range(long from, long to) {

        /** Left out: from the epoch, to the end of time. */
        public static Range of(Long from, Long to) {
            long start = from == null ? 0 : from;
            long end = to == null ? Long.MAX_VALUE / 1000 : to;
            if (start < 0 || end < 0) {
                throw ApiException.invalid("from and to are Unix epoch seconds, 0 or more.");
            }
            if (end < start) {
                throw ApiException.invalid("to (" + end + ") is before from (" + start + ").");
            }
            return new Range(start, end);
        }

        /** Minutes whose start is in the range. */
        long fromMinute() {
            return Math.floorDiv(from + 59, 60);
        }

        long toMinute() {
            return Math.floorDiv(to + 59, 60);
        }
    }

    public static int limit(Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiException.invalid("limit must be from 1 to " + MAX_LIMIT + ".");
        }
        return n;
    }

    /** {@code minute} or {@code day} (left out: minute). */
    public static boolean byDay(String group) {
        if (group == null || group.equals("minute")) {
            return false;
        }
        if (group.equals("day")) {
            return true;
        }
        throw ApiException.invalid("group must be minute or day, not " + Quote.cut(group) + ".");
    }

    /** A cPanel API token's recent calls, newest first; 404 when the account has no token of that name. */
    @Transactional
    public EventPage tokenEvents(long accountId, String tokenName, Range range, int limit, String cursor) {
        return events(accountId, "CPANEL_TOKEN", repository.tokenId(accountId, tokenName), tokenName, range, limit, cursor);
    }

    /**
     * A WHM API token's recent calls, newest first; 404 when the WHM user ({@code root} or a reseller) has no token of that
     * name. Every call the token made, whichever account it acted as.
     */
    @Transactional
    public EventPage whmTokenEvents(String owner, String tokenName, Range range, int limit, String cursor) {
        return events(null, "WHM_TOKEN", repository.whmTokenId(owner, tokenName), tokenName, range, limit, cursor);
    }

    private static ApiException noSuchToken(String tokenName) {
        return ApiException.notFound("The API token " + Quote.of(tokenName) + " does not exist.");
    }

    private EventPage events(Long accountId, String credential, Long tokenId, String tokenName, Range range, int limit, String cursor) {
        if (tokenId == null) {
            throw noSuchToken(tokenName);
        }
        List<Object> after = after(cursor, EVENT_KEY);
        long before = after == null ? Long.MAX_VALUE : (Long) after.get(0);
        List<Object[]> rows = repository.events(accountId, credential, tokenId, millis(range.from()), millis(range.to()), before,
                limit + 1);
        List<EventView> events = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            String address = (String) r[2];
            events.add(new EventView(((Number) r[1]).longValue() / 1000, address == null || address.isEmpty() ? null : address,
                    lower(r[3]), (String) r[4], (String) r[5], (String) r[6]));
        }
        return new EventPage(events, next(rows, limit, EVENT_KEY));
    }

    /**
     * Counts per minute or day.
     *
     * @param accountId null: every account (root's view)
     * @param tokenName only the account's cPanel API token of this name (404 when it has none); null: every credential
     */
    @Transactional
    public CountPage counts(Long accountId, String tokenName, boolean byDay, Range range, int limit, String cursor) {
        Long tokenId = null;
        if (tokenName != null) {
            tokenId = accountId == null ? null : repository.tokenId(accountId, tokenName);
            if (tokenId == null) {
                throw noSuchToken(tokenName);
            }
        }
        List<Object[]> rows = repository.counts(accountId, tokenId, byDay, range.fromMinute(), range.toMinute(), after(cursor, COUNT_KEY),
                limit + 1);
        List<CountView> counts = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            long accountOf = ((Number) r[1]).longValue();
            counts.add(new CountView(start(r[0], byDay), accountName(accountOf, r[10]), lower(r[2]), (String) r[9], lower(r[4]),
                    (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).longValue()));
        }
        return new CountPage(counts, next(rows, limit, COUNT_KEY));
    }

    /** Failed logins per minute or day; {@code accountId} null: every account. */
    @Transactional
    public FailurePage failures(Long accountId, boolean byDay, Range range, int limit, String cursor) {
        List<Object[]> rows = repository.failures(accountId, byDay, range.fromMinute(), range.toMinute(), after(cursor, FAILURE_KEY),
                limit + 1);
        List<FailureView> failures = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            failures.add(new FailureView(start(r[0], byDay), accountName(((Number) r[1]).longValue(), r[5]), (String) r[2], (String) r[3],
                    ((Number) r[4]).longValue()));
        }
        return new FailurePage(failures, next(rows, limit, FAILURE_KEY));
    }

    /** An account by username, for root's filter; 404 when there is none. {@code root} is 0. */
    @Transactional
    public long accountId(String username) {
        if (ROOT.equals(username)) {
            return 0;
        }
        Long id = repository.accountId(username);
        if (id == null) {
            throw ApiException.notFound("The account " + Quote.of(username) + " does not exist.");
        }
        return id;
    }

    private static String accountName(long accountId, Object username) {
        return accountId == 0 ? ROOT : (String) username;
    }

    private static long start(Object bucket, boolean byDay) {
        long b = ((Number) bucket).longValue();
        return byDay ? b * MINUTES_PER_DAY * 60 : b * 60;
    }

    private static long millis(long seconds) {
        return seconds >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
    }

    private static String lower(Object text) {
        return text == null ? null : ((String) text).toLowerCase(Locale.ROOT);
    }

    /**
     * The key a page resumes after, from the cursor the previous page gave (null: the first page). A key is a row's first
     * columns, in {@code shape}: {@code n} a number, {@code s} a string.
     */
    private List<Object> after(String cursor, String shape) {
        if (cursor == null) {
            return null;
        }
        JsonNode key = decode(cursor, shape);
        List<Object> after = new ArrayList<>();
        for (int i = 0; i < shape.length(); i++) {
            after.add(shape.charAt(i) == 'n' ? (Object) key.get(i).asLong() : key.get(i).asText());
        }
        return after;
    }

    /** The next page's cursor: the key of the last row shown when a row beyond {@code limit} says there is one; else null. */
    private String next(List<Object[]> rows, int limit, String shape) {
        if (rows.size() <= limit) {
            return null;
        }
        Object[] last = rows.get(limit - 1);
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < shape.length(); i++) {
            key.add(shape.charAt(i) == 'n' ? (Object) ((Number) last[i]).longValue() : last[i]);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A cursor this API gave, checked against the shape of its key ({@code n}: a number, {@code s}: a string); anything
     * else is a 400, never a 500.
     */
    private JsonNode decode(String cursor, String shape) {
        try {
            JsonNode key = json.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (key instanceof ArrayNode array && array.size() == shape.length()) {
                boolean fits = true;
                for (int i = 0; i < shape.length(); i++) {
                    fits &= shape.charAt(i) == 'n' ? array.get(i).canConvertToLong() && array.get(i).isIntegralNumber() : array.get(i).isTextual();
                }
                if (fits) {
                    return array;
                }
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // below
        }
        throw ApiException.invalid("The cursor is not one this endpoint gave: pass next_cursor from the previous page as it is.");
    }
}
