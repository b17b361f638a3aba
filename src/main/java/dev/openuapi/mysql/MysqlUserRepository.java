package dev.openuapi.mysql;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Which account owns which database user on the hosting server. */
@ApplicationScoped
public class MysqlUserRepository implements PanacheRepository<MysqlUser> {

    public List<MysqlUser> forAccount(long accountId) {
        return list("account.id = ?1 order by name", accountId);
    }

    public Optional<MysqlUser> byName(long accountId, String name) {
        return find("account.id = ?1 and name = ?2", accountId, name).firstResultOptional();
    }

    /** Whether any account owns a user of this name. */
    public boolean exists(String name) {
        return count("name", name) > 0;
    }
}
