package dev.openuapi.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;

import dev.openuapi.common.Caches;
import dev.openuapi.common.Ticker;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.operator.WhmTokenRepository;
import dev.openuapi.token.ApiTokenRepository;
import dev.openuapi.token.TokenRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * When and from where each token was last used, written off the request path: a request only notes the use
 * (at most once a minute per token), and every second one transaction writes what was noted. The write keeps
 * its condition, so however many replicas note a use, a token's row changes at most once a minute.
 */
@ApplicationScoped
public class LastUseService {

    private static final Logger LOG = Logger.getLogger(LastUseService.class);
    /** Last-use bookkeeping is written at most this often per token, never on every request. */
    static final long INTERVAL_SECONDS = 60;
    static final long FLUSH_MILLIS = 1000;
    /** At most this many tokens' uses in one statement. */
    static final int CHUNK = 1000;

    enum Kind {
        CPANEL, WHM
    }

    private record Key(Kind kind, long tokenId) {
    }

    private record Use(long at, String address) {
    }

    private final Map<Kind, TokenRepository<?>> repositories;
    /** What this replica noted lately, so that a token in use is noted once a minute, not on every request. */
    private final Cache<Key, Long> noted;
    private final Map<Key, Use> pending = new ConcurrentHashMap<>();
    private Ticker ticker;

    LastUseService(ApiTokenRepository tokens, WhmTokenRepository whmTokens, OpenUapiConfig config) {
        this.repositories = Map.of(Kind.CPANEL, tokens, Kind.WHM, whmTokens);
        this.noted = Caches.newBuilder().maximumSize(config.tokens().cacheSize()).expireAfterWrite(Duration.ofSeconds(INTERVAL_SECONDS))
                .build();
    }

    void onStart(@Observes StartupEvent event) {
        ticker = Ticker.every("token-last-use", FLUSH_MILLIS, this::flush);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
        flush();
    }

    /**
     * Notes a use at {@code now} from {@code address}, unless the token's stored last use ({@code stored}, as
     * last read) or one noted here is less than a minute old.
     */
    void used(Kind kind, long tokenId, Long stored, long now, String address) {
        if (stored != null && now - stored < INTERVAL_SECONDS) {
            return;
        }
        Key key = new Key(kind, tokenId);
        Long last = noted.getIfPresent(key);
        if (last != null && now - last < INTERVAL_SECONDS) {
            return;
        }
        noted.put(key, now);
        pending.put(key, new Use(now, address));
    }

    /**
     * Writes what was noted, in one transaction: a statement per kind of token and per {@link #CHUNK} tokens. What
     * fails is dropped (bookkeeping must not pile up).
     */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Key, Use> batch = Map.copyOf(pending);
        batch.keySet().forEach(pending::remove);
        Map<Kind, List<TokenRepository.Use>> byKind = new EnumMap<>(Kind.class);
        batch.forEach((key, use) -> byKind.computeIfAbsent(key.kind(), kind -> new ArrayList<>())
                .add(new TokenRepository.Use(key.tokenId(), use.at(), use.address())));
        try {
            QuarkusTransaction.requiringNew().run(() -> byKind.forEach((kind, uses) -> {
                for (int from = 0; from < uses.size(); from += CHUNK) {
                    repositories.get(kind).recordUses(uses.subList(from, Math.min(uses.size(), from + CHUNK)), INTERVAL_SECONDS);
                }
            }));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the last use of %d token(s) (%s)", batch.size(), e.toString());
        }
    }
}
