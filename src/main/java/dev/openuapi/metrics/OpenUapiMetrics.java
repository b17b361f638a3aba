package dev.openuapi.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * OpenUAPI's own metrics, served with the rest on the management interface ({@code /q/metrics}):
 * <ul>
 * <li>{@code openuapi_api_calls_seconds}: every API function call, by API, module, function and result,
 * as a histogram. Only registered names become tags; anything else is {@code unknown}, so callers
 * cannot grow the metric without bound.</li>
 * <li>{@code openuapi_auth_failures_total}: failed authentications by reason (never by user or token).</li>
 * <li>{@code openuapi_cphulk_blocks_total}: cPHulk blocks, by reason ({@code ip}, {@code excessive}, {@code user}), each
 * counted once, by the replica that recorded it.</li>
 * <li>{@code openuapi_cphulk_refused_total}: logins refused before their credentials were checked, by reason
 * ({@code blocked}, {@code denied}).</li>
 * <li>{@code openuapi_tokens_created_total} and {@code openuapi_tokens_revoked_total}, by kind of token.</li>
 * </ul>
 */
@ApplicationScoped
public class OpenUapiMetrics {

    /** Why an authentication failed; the client always sees the same answer, only the metric tells. */
    public enum AuthFailure {
        NO_CREDENTIALS,
        MALFORMED,
        UNKNOWN_TOKEN,
        WRONG_USER,
        EXPIRED,
        IP_NOT_ALLOWED,
        SUSPENDED,
        UNKNOWN_USER,
        WRONG_PASSWORD,
        NOT_A_WHM_USER,
        /** A session cookie that names no live session (never issued, logged out, ended). */
        UNKNOWN_SESSION,
        /** A live session's cookie with another session's (or a made-up) security token in the URL. */
        WRONG_SECURITY_TOKEN,
        /** A login (POST /login/) on a service that the user's kind does not log in to (root on cPanel's ports). */
        WRONG_SERVICE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    /** One timer per (api, module, function, result): a bounded set, since only registered names are keys. */
    private final Map<CallKey, Timer> timers = new ConcurrentHashMap<>();

    private record CallKey(String api, String module, String function, boolean ok) {
    }

    /** Counters registered once, not looked up in the registry on every failed request. */
    private final Map<AuthFailure, Counter> authFailures = new java.util.EnumMap<>(AuthFailure.class);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    OpenUapiMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (AuthFailure reason : AuthFailure.values()) {
            authFailures.put(reason, Counter.builder("openuapi.auth.failures").description("Failed authentications, by reason")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    /** A counter with one tag, registered on first use and kept. */
    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + '\0' + tag + '\0' + value,
                key -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }

    /** Times one call; {@code module} and {@code function} must already be registered names or "unknown". */
    public <T> T timeCall(String api, String module, String function, Supplier<T> call, java.util.function.Predicate<T> ok) {
        Timer.Sample sample = Timer.start(registry);
        T result = call.get();
        CallKey key = new CallKey(api, module, function, ok.test(result));
        Timer timer = timers.get(key); // a plain read: computeIfAbsent locks the bin unless the timer is its first entry
        sample.stop(timer != null ? timer : timers.computeIfAbsent(key, k -> Timer.builder("openuapi.api.calls")
                .description("API function calls").tag("api", k.api()).tag("module", k.module()).tag("function", k.function())
                .tag("result", k.ok() ? "ok" : "failed").publishPercentileHistogram().register(registry)));
        return result;
    }

    public void authFailure(AuthFailure reason) {
        authFailures.get(reason).increment();
    }

    public void cphulkBlock(String reason) {
        counter("openuapi.cphulk.blocks", "cPHulk blocks, by reason", "reason", reason).increment();
    }

    public void cphulkRefused(String reason) {
        counter("openuapi.cphulk.refused", "Logins cPHulk refused before checking them, by reason", "reason", reason).increment();
    }

    /** A call refused because its token had used up its rate limit (issue 20 §2), by face. */
    public void rateLimited(String face) {
        counter("openuapi.tokens.rate.limited", "Calls refused by their token's rate limit, by face", "face", face).increment();
    }

    public void tokenCreated(String kind) {
        counter("openuapi.tokens.created", "API tokens created", "kind", kind).increment();
    }

    public void tokensRevoked(String kind, long count) {
        if (count > 0) {
            counter("openuapi.tokens.revoked", "API tokens revoked", "kind", kind).increment(count);
        }
    }

    /** A call or failed login the activity log could not keep: more were waiting than {@code openuapi.activity.max-pending}. */
    public void activityDropped() {
        counter("openuapi.activity.dropped", "Activity records dropped because too many were waiting to be written", "log", "activity")
                .increment();
    }
}
