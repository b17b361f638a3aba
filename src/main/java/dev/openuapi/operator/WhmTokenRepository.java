package dev.openuapi.operator;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.openuapi.token.TokenRepository;

@ApplicationScoped
public class WhmTokenRepository implements TokenRepository<WhmToken> {

    @Override
    public String tableName() {
        return "whm_api_token";
    }


    public Optional<WhmToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** A token by its current value's hash or, after a rotation, its previous one's (issue 19 §3). */
    public Optional<WhmToken> findByHashOrPrevious(String tokenHash) {
        return find("tokenHash = ?1 or previousTokenHash = ?1", tokenHash).firstResultOptional();
    }

    public List<WhmToken> listForOwner(String owner) {
        return list("owner = ?1 order by name", owner);
    }

    public Optional<WhmToken> findByName(String owner, String name) {
        return find("owner = ?1 and name = ?2", owner, name).firstResultOptional();
    }

    /** The token with its row locked until the transaction ends: concurrent changes of one name queue up. */
    public Optional<WhmToken> findByNameForUpdate(String owner, String name) {
        return find("owner = ?1 and name = ?2", owner, name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
