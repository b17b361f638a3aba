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

    /** Whether another account owns a domain that {@code name} is under, or that is under {@code name}. */
    public boolean relatedOwnedByOthers(String name, long accountId) {
        List<String> parents = new java.util.ArrayList<>();
        for (int dot = name.indexOf('.'); dot >= 0 && name.indexOf('.', dot + 1) >= 0; dot = name.indexOf('.', dot + 1)) {
            parents.add(name.substring(dot + 1));
        }
        long above = parents.isEmpty() ? 0 : count("name in ?1 and account.id <> ?2", parents, accountId);
        long below = count("name like ?1 and account.id <> ?2", "%." + name.replace("_", "\\_").replace("%", "\\%"), accountId);
        return above + below > 0;
    }

    public Optional<AccountDomain> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
