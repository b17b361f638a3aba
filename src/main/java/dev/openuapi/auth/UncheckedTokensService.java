package dev.openuapi.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openuapi.common.Ticker;
import dev.openuapi.operator.WhmTokenRepository;
import dev.openuapi.token.ApiTokenRepository;
import dev.openuapi.token.TokenChecks;
import dev.openuapi.token.TokenRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The tokens that carry no check under a configured key (issued before checks existed, by a replica of an
 * older release, imported, or under a retired key), known in memory by the first 64 bits of their hashes: a
 * presented token that neither passes its check nor is here is refused without a database lookup
 * (issue 13 §1). A sorted array: 8 bytes a token, no boxing. Every second one statement per kind of token
 * asks whether the set changed (count and highest id, on the check-key index), and reads it again if it did.
 */
@ApplicationScoped
public class UncheckedTokensService {

    private static final Logger LOG = Logger.getLogger(UncheckedTokensService.class);
    static final long POLL_MILLIS = 1000;

    private final List<TokenRepository<?>> repositories;
    private final Set<String> fingerprints;
    private volatile long[] prefixes = new long[0];
    private volatile List<Object> signature;
    private volatile boolean loaded;
    private Ticker ticker;

    UncheckedTokensService(ApiTokenRepository tokens, WhmTokenRepository whmTokens, TokenChecks checks) {
        this.repositories = List.of(tokens, whmTokens);
        this.fingerprints = checks.fingerprints();
    }

    /**
     * The first read runs at once on the poll's own thread, not in the start-up: until it has succeeded every
     * token may exist (a presented token without a check is looked up), so nothing needs to wait for it, and
     * Quarkus starts without it (it was the start-up's first Hibernate query, about 0.5 s; issue 13).
     */
    void onStart(@Observes StartupEvent event) {
        ticker = Ticker.every("unchecked-tokens", 0, POLL_MILLIS, this::poll);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    /**
     * Whether a token with this hash may exist without a check. Until the first read succeeds (the database
     * was down at start), every token may: the lookup decides, as before checks existed.
     */
    public boolean mayExist(String tokenHash) {
        return !loaded || Arrays.binarySearch(prefixes, prefix(tokenHash)) >= 0;
    }

    synchronized void poll() {
        try {
            QuarkusTransaction.requiringNew().run(this::refresh);
        } catch (RuntimeException e) {
            LOG.debugf("Could not read the unchecked tokens (%s); the last set stays", e.toString());
        }
    }

    private void refresh() {
        // A rotated token's previous value counts like a current one (issue 19 §3): an unchecked value keeps working
        // through its grace period.
        List<Object> now = repositories.stream().<Object>map(r -> List.of(Arrays.asList(r.uncheckedSignature(fingerprints)),
                Arrays.asList(r.uncheckedPreviousSignature(fingerprints)))).toList();
        if (loaded && Objects.equals(now, signature)) {
            return;
        }
        long[] all = repositories.stream().flatMap(r -> java.util.stream.Stream.concat(r.uncheckedHashes(fingerprints).stream(),
                r.uncheckedPreviousHashes(fingerprints).stream())).mapToLong(UncheckedTokensService::prefix).sorted().toArray();
        prefixes = all;
        signature = now;
        if (!loaded || all.length > 0) {
            LOG.infof("%d token(s) carry no check under the configured keys; they are known by hash.", all.length);
        }
        loaded = true;
    }

    /** The first 64 bits of a hex SHA-512. */
    static long prefix(String tokenHash) {
        return Long.parseUnsignedLong(tokenHash.substring(0, 16), 16);
    }
}
