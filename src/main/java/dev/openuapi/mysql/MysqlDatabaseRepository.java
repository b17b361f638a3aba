package dev.openuapi.mysql;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Which account owns which database on the hosting server. */
@ApplicationScoped
public class MysqlDatabaseRepository implements PanacheRepository<MysqlDatabase> {

    public List<MysqlDatabase> forAccount(long accountId) {
        return list("account.id = ?1 order by name", accountId);
    }

    public Optional<MysqlDatabase> byName(long accountId, String name) {
        return find("account.id = ?1 and name = ?2", accountId, name).firstResultOptional();
    }

    public long countFor(long accountId) {
        return count("account.id", accountId);
    }

    /** Whether any account owns a database of this name. */
    public boolean exists(String name) {
        return count("name", name) > 0;
    }
}
