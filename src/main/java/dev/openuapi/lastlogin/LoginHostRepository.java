package dev.openuapi.lastlogin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The addresses LastLogin has seen per account, oldest first. */
@ApplicationScoped
public class LoginHostRepository implements PanacheRepository<LoginHost> {

    public List<LoginHost> forAccount(long accountId) {
        return list("account.id = ?1 order by id", accountId);
    }
}
