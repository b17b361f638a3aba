package dev.openuapi.operator;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.token.TokenRepository;

@ApplicationScoped
public class WhmTokenRepository implements TokenRepository<WhmToken> {

    public Optional<WhmToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public List<WhmToken> listForOwner(String owner) {
        return list("owner = ?1 order by name", owner);
    }

    public Optional<WhmToken> findByName(String owner, String name) {
        return find("owner = ?1 and name = ?2", owner, name).firstResultOptional();
    }
}
