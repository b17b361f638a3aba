package dev.openuapi.token;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

    /** The hot path: one lookup on the unique hash index, with the owning account in the same query. */
    public Optional<ApiToken> findByHashWithAccount(String tokenHash) {
        return find("from ApiToken t join fetch t.account where t.tokenHash = ?1", tokenHash).firstResultOptional();
    }

    public List<ApiToken> listForAccount(long accountId) {
        return list("account.id = ?1 order by name", accountId);
    }

    public Optional<ApiToken> findByName(long accountId, String name) {
        return find("account.id = ?1 and name = ?2", accountId, name).firstResultOptional();
    }

    public long deleteForAccount(long accountId) {
        return delete("account.id", accountId);
    }

    /**
     * Records a use unless one was recorded within the last {@code minSeconds}: the condition makes the
     * write happen at most once per token per interval, whichever replica serves the requests.
     */
    public int recordUse(long tokenId, long now, String ip, long minSeconds) {
        return update("lastUsedAt = ?1, lastUsedIp = ?2 where id = ?3 and (lastUsedAt is null or lastUsedAt <= ?4)",
                now, ip, tokenId, now - minSeconds);
    }
}
