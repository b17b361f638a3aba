package dev.openuapi.token;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApiTokenRepository implements TokenRepository<ApiToken> {

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
}
