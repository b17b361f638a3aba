package dev.openuapi.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Account;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AccountDomainRepository implements PanacheRepository<AccountDomain> {

    /** Document roots below the directory {@code from} move below {@code to} (the homes root changed); returns how many. */
    public int moveBelow(String from, String to) {
        String prefix = from + "/";
        return update("documentRoot = concat(?1, substring(documentRoot, ?2)) where substring(documentRoot, 1, ?3) = ?4", to + "/",
                prefix.length() + 1, prefix.length(), prefix);
    }

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

    /** Every domain with its account loaded (one query), by name. */
    public List<AccountDomain> allWithAccounts() {
        return find("from AccountDomain d join fetch d.account order by d.name").list();
    }

    public Optional<AccountDomain> byName(String name) {
        return find("name", name).firstResultOptional();
    }

    /**
     * The accounts whose main domain has no row here (made before domains existed): one query, whatever the number of
     * accounts. In SQL, not HQL: it runs at start-up on the main thread, where the first HQL query would pay for
     * Hibernate's query parser (src/docs/startup.md); the unchecked-token read pays for it on its own thread instead.
     */
    @SuppressWarnings("unchecked")
    public List<Account> accountsWithoutMainDomain() {
        return getEntityManager().createNativeQuery(
                "select a.* from account a where not exists (select 1 from account_domain d where d.name = a.domain) order by a.id",
                Account.class).getResultList();
    }
}
