package dev.openuapi.token;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The queries both kinds of token answer the same way. */
public interface TokenRepository<T extends TokenRecord> extends PanacheRepository<T> {

    /**
     * Records a use unless one was recorded within the last {@code minSeconds}: the condition makes the
     * write happen at most once per token per interval, whichever replica serves the requests.
     */
    default int recordUse(long tokenId, long now, String ip, long minSeconds) {
        return update("lastUsedAt = ?1, lastUsedIp = ?2 where id = ?3 and (lastUsedAt is null or lastUsedAt <= ?4)",
                now, ip, tokenId, now - minSeconds);
    }
}
