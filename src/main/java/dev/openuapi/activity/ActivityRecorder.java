package dev.openuapi.activity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openuapi.common.Ticker;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.metrics.OpenUapiMetrics;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The activity log's request side (issue 20 §1): counts and recent events gathered in memory, written every
 * {@code openuapi.activity.flush-interval} in one transaction by {@link ActivityService} on a background thread (the
 * counts every {@code count-flush-interval}: a busy token's row for the minute is updated once per interval). A
 * request does no database statement here: it adds to a {@link LongAdder} per (account, credential, face, module,
 * function, result, minute), and a token's call also keeps one event among that token's newest
 * ({@link RecentEvents}). Both are bounded ({@code openuapi.activity.max-pending}): past the bound what does not fit is dropped, counted in the metric
 * {@code openuapi.activity.dropped} and logged at most once a minute.
 *
 * <p>Four places record: the {@code kernel.Dispatcher} for UAPI, API 2 and WHM API 1 calls ({@link #call}), the
 * {@link RestActivityFilter} for our REST API ({@link #rest}), the streamed upload's route for what it ends itself
 * ({@link #routeCall}), and the credential check for failed logins ({@link #authFailed}) and calls past a token's rate
 * limit ({@link #limited}).
 * Who called is what the credential check left on the request ({@link #seen}).
 */
@ApplicationScoped
public class ActivityRecorder {

    private static final Logger LOG = Logger.getLogger(ActivityRecorder.class);
    /** Where the credential check leaves {@link Who} on the request's routing context. */
    static final String WHO = ActivityRecorder.class.getName() + ".who";
    static final long DROP_LOG_MILLIS = 60_000;

    /** Where the credential check marks a call on our REST API that a token's rate limit refused. */
    static final String LIMITED = ActivityRecorder.class.getName() + ".limited";

    /** How a recorded call ended. */
    public enum Result {
        OK, FAILED, REFUSED,
        /** Refused before it ran because its API token had used up its rate limit (issue 20 §2): never a failed login. */
        LIMITED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Who a request authenticated as, for the log: never the credential itself.
     *
     * @param accountId  the account (0: root)
     * @param credential the kind of credential ({@code face.Credential}'s name)
     * @param tokenId    the token's row id, 0 for a credential that is not a token
     * @param cpanelFace the face is UAPI, API 2 or WHM API 1 (recorded by the dispatcher, not by the REST filter)
     */
    public record Who(String face, long accountId, String credential, long tokenId, String address, boolean cpanelFace) {
    }

    /** One counted cell: everything but the count. */
    record CountKey(long accountId, String credential, long tokenId, String face, String module, String function, String result,
            long minute) {
    }

    /** One call of a token, as kept among its recent events. */
    record Event(long accountId, String credential, long tokenId, long timeMillis, String address, String face, String module,
            String function, String result) {
    }

    /** One counted failed login: the username is resolved to a known account when written (unknown users are not kept). */
    record FailureKey(String username, String address, FailureReason reason, long minute) {
    }

    /**
     * What one flush writes. {@code fullTokens}: the tokens that made more calls since the last flush than the log keeps
     * of a token, so that every older row of theirs can go.
     */
    record Batch(Map<CountKey, Long> counts, List<Event> events, Set<RecentEvents.TokenKey> fullTokens,
            Map<FailureKey, Long> failures) {
        boolean isEmpty() {
            return counts.isEmpty() && events.isEmpty() && failures.isEmpty();
        }
    }

    private final ActivityService service;
    private final OpenUapiMetrics metrics;
    private final OpenUapiConfig.Activity config;
    private final CurrentVertxRequest request;
    private final FunctionRegistry registry;
    private volatile boolean enabled;
    private final int maxPending;

    private final ConcurrentHashMap<CountKey, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<FailureKey, LongAdder> failures = new ConcurrentHashMap<>();
    private final RecentEvents events;
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastDropLog;
    /** When the counts were last taken by the ticker's flush. */
    private long lastCountFlush;
    private Ticker flusher;
    private Ticker cleaner;

    ActivityRecorder(ActivityService service, OpenUapiMetrics metrics, OpenUapiConfig config, CurrentVertxRequest request,
            FunctionRegistry registry) {
        this.service = service;
        this.registry = registry;
        this.metrics = metrics;
        this.config = config.activity();
        this.request = request;
        this.enabled = this.config.enabled();
        this.maxPending = this.config.maxPending();
        this.events = new RecentEvents(this.config.recentEvents(), maxPending);
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        flusher = Ticker.every("activity-flush", config.flushInterval().toMillis(), this::flushQuietly);
        long cleanup = config.cleanupInterval().toMillis();
        cleaner = Ticker.every("activity-cleanup", Math.min(cleanup, 60_000), cleanup, this::cleanupQuietly);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (flusher != null) {
            flusher.close();
        }
        if (cleaner != null) {
            cleaner.close();
        }
        flushQuietly();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The off switch, as {@code openuapi.activity.enabled} sets it at start (tests turn it off and on). */
    void setEnabled(boolean on) {
        this.enabled = on;
    }

    /** Called by the credential check once a request has authenticated: who it is, for what is recorded later. */
    public void seen(RoutingContext routing, Who who) {
        if (enabled && routing != null) {
            routing.put(WHO, who);
        }
    }

    /** Who the current request is, or {@code null} outside a request or before (or without) authentication. */
    Who current() {
        ManagedContext context = Arc.container().requestContext();
        if (!context.isActive()) {
            return null;
        }
        RoutingContext routing = request.getCurrent();
        return routing == null ? null : routing.get(WHO);
    }

    /**
     * A UAPI, API 2 or WHM API 1 call has ended (the dispatcher). {@code accountId} is the account the call ran as (null:
     * the caller's own, as authenticated). Module and function must be registered names or {@code "unknown"}: a caller
     * cannot make up rows.
     */
    public void call(Long accountId, String module, String function, Result result) {
        if (!enabled) {
            return;
        }
        Who who = current();
        if (who == null) {
            return;
        }
        record(who, accountId == null ? who.accountId() : accountId, module, function, result);
    }

    /**
     * A call that a Vert.x route ended itself, outside the dispatcher (the streamed upload's 413, a spool that failed):
     * who called is what the credential check left on {@code routing}.
     */
    public void routeCall(RoutingContext routing, String module, String function, Result result) {
        if (!enabled || routing == null) {
            return;
        }
        Who who = routing.get(WHO);
        if (who != null) {
            record(who, who.accountId(), module, function, result);
        }
    }

    /**
     * A call on cPanel's faces that the token's rate limit refused before it ran (issue 20 §2): counted and, for the
     * token, queued as an event, as {@link Result#LIMITED}, under the module and function its URL names (registered
     * names only, as for any call). The credential check calls it; it is not a failed login.
     */
    public void limited(Who who, ApiKind kind, String module, String function) {
        if (enabled && who != null) {
            FunctionRegistry.Names names = registry.names(kind, module, function);
            record(who, who.accountId(), names.module(), names.function(), Result.LIMITED);
        }
    }

    /** The same on our REST API: noted on the request, which the {@link RestActivityFilter} then records with its path template. */
    public void limitedRest(RoutingContext routing, Who who) {
        if (enabled && routing != null) {
            routing.put(WHO, who);
            routing.put(LIMITED, Boolean.TRUE);
        }
    }

    /** A request on our REST API has ended: {@code function} is {@code METHOD /path/template}. */
    void rest(Who who, String function, Result result) {
        if (enabled && who != null) {
            record(who, who.accountId(), "REST", function, result);
        }
    }

    private void record(Who who, long accountId, String module, String function, Result result) {
        module = cut(module, 64);
        function = cut(function, 128);
        long now = System.currentTimeMillis();
        CountKey key = new CountKey(accountId, who.credential(), who.tokenId(), who.face(), module, function, result.column(), now / 60_000);
        LongAdder adder = counts.get(key);
        if (adder == null) {
            if (counts.size() >= maxPending) {
                drop();
                return;
            }
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
        if (who.tokenId() != 0 && !events.add(new Event(accountId, who.credential(), who.tokenId(), now, who.address(), who.face(),
                module, function, result.column()))) {
            drop();
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A failed login for {@code username} (counted only if it names a known account, which the flush checks). */
    public void authFailed(String username, String address, FailureReason reason) {
        if (!enabled || username == null || username.isEmpty() || reason == null) {
            return;
        }
        FailureKey key = new FailureKey(username, address == null ? "" : address, reason, System.currentTimeMillis() / 60_000);
        LongAdder adder = failures.get(key);
        if (adder == null) {
            if (failures.size() >= maxPending) {
                drop();
                return;
            }
            adder = failures.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    private void drop() {
        dropped.incrementAndGet();
        metrics.activityDropped();
    }

    /** Takes what was gathered since the last call: the counts (reset, not removed while in use) and the tokens' events. */
    Batch drain() {
        return drain(true);
    }

    /** The same; the counts only when {@code withCounts}. */
    private Batch drain(boolean withCounts) {
        Map<CountKey, Long> takenCounts = withCounts ? take(counts) : Map.of();
        Map<FailureKey, Long> takenFailures = take(failures);
        RecentEvents.Drained taken = events.drain();
        return new Batch(takenCounts, taken.events(), taken.full(), takenFailures);
    }

    /**
     * Each cell's count since the last drain. A cell with nothing new is removed; one that counted stays, so that a
     * request holding it still counts into a cell the next drain reads. A cell's minute passes, so it empties and goes.
     */
    private static <K> Map<K, Long> take(ConcurrentHashMap<K, LongAdder> cells) {
        Map<K, Long> taken = new java.util.HashMap<>();
        for (var entry : cells.entrySet()) {
            long n = entry.getValue().sumThenReset();
            if (n > 0) {
                taken.put(entry.getKey(), n);
            } else {
                cells.remove(entry.getKey(), entry.getValue());
            }
        }
        return taken;
    }

    /** Writes everything gathered, in one transaction (at shutdown; tests call it to stop waiting for the ticker). */
    public void flush() {
        flush(true);
    }

    private synchronized void flush(boolean withCounts) {
        Batch batch = drain(withCounts);
        if (!batch.isEmpty()) {
            service.write(batch, config.recentEvents(), config.cleanupBatch());
        }
    }

    /** The ticker's flush: the events and failed logins every time, the counts every {@code count-flush-interval}. */
    private void flushQuietly() {
        long now = System.currentTimeMillis();
        boolean countsDue = now - lastCountFlush >= config.countFlushInterval().toMillis();
        if (countsDue) {
            lastCountFlush = now;
        }
        try {
            flush(countsDue);
        } catch (RuntimeException e) {
            // lost with the database: the log is not worth retrying forever
            LOG.warnf("Could not write the activity log (%s)", e.toString());
        }
        long lost = dropped.get();
        if (lost > 0 && now - lastDropLog >= DROP_LOG_MILLIS) {
            lastDropLog = now;
            dropped.addAndGet(-lost);
            LOG.warnf("The activity log dropped %d record(s): more than openuapi.activity.max-pending (%d) were waiting", lost, maxPending);
        }
    }

    private void cleanupQuietly() {
        try {
            service.cleanup(System.currentTimeMillis(), config.retention(), config.recentEvents(), config.cleanupBatch());
        } catch (RuntimeException e) {
            LOG.warnf("The activity log clean-up failed (%s)", e.toString());
        }
    }

    /** The retention as configured (the clean-up's cut-off is now minus this). */
    Duration retention() {
        return config.retention();
    }
}
