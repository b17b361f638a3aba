package dev.openuapi.operator;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class WhmTokenRepository implements PanacheRepository<WhmToken> {

    public Optional<WhmToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public List<WhmToken> listForOwner(String owner) {
        return list("owner = ?1 order by name", owner);
    }

    public Optional<WhmToken> findByName(String owner, String name) {
        return find("owner = ?1 and name = ?2", owner, name).firstResultOptional();
    }

    /** At most one write per token per {@code minSeconds}, as for cPanel tokens. */
    public int recordUse(long tokenId, long now, String ip, long minSeconds) {
        return update("lastUsedAt = ?1, lastUsedIp = ?2 where id = ?3 and (lastUsedAt is null or lastUsedAt <= ?4)",
                now, ip, tokenId, now - minSeconds);
    }
}
