package dev.openuapi.account;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    /**
     * In SQL, not HQL: the first call after a start runs it, and the first HQL query loads and compiles Hibernate's
     * query parser (issue 13, src/docs/startup.md).
     */
    public Optional<Account> findByUsername(String username) {
        return getSession().createNativeQuery("SELECT * FROM account WHERE username = ?1", Account.class).setParameter(1, username)
                .uniqueResultOptional();
    }

    public List<Account> listByUsername() {
        return list("order by username");
    }

    public List<Account> onPlan(long planId) {
        return list("planId", planId);
    }

    public long countOnPlan(long planId) {
        return count("planId", planId);
    }

    /** Locks the account's row until the transaction ends: creates that count against its plan are serialised. */
    public void lock(long accountId) {
        findById(accountId, LockModeType.PESSIMISTIC_WRITE);
    }
}
