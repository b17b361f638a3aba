package dev.openuapi.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AccountDomainRepository implements PanacheRepository<AccountDomain> {

    public List<AccountDomain> forAccount(long accountId) {
        return list("account.id = ?1 order by id", accountId);
    }

    public Optional<AccountDomain> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
