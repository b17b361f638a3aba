package dev.openuapi.token;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class ApiTokenRepository implements TokenRepository<ApiToken> {

    @Override
    public String tableName() {
        return "api_token";
    }


    /** The hot path: one lookup on the unique hash index, with the owning account in the same query. */
    public Optional<ApiToken> findByHashWithAccount(String tokenHash) {
        return find("from ApiToken t join fetch t.account where t.tokenHash = ?1", tokenHash).firstResultOptional();
    }

    /**
     * The same for a value that is a token's current value or, after a rotation, its previous one (issue 19 §3):
     * one lookup on the two unique hash indexes, the account fetched by the same statement. In SQL, not HQL: the first
     * call after a start runs it, and the first HQL query loads and compiles Hibernate's query parser (issue 13,
     * src/docs/startup.md).
     */
    public Optional<ApiToken> findByHashOrPreviousWithAccount(String tokenHash) {
        return withAccount("t.token_hash = ?1 OR t.previous_token_hash = ?1").setParameter(1, tokenHash).setMaxResults(1)
                .uniqueResultOptional();
    }

    /**
     * Every token whose current or previous value hashes to one of {@code hashes}, each with its account, in one
     * statement: the token snapshots' bulk refresh (issue 13), which would otherwise be a statement per token in use.
     */
    public List<ApiToken> findByHashesOrPreviousWithAccount(Collection<String> hashes) {
        return withAccount("t.token_hash IN (:hashes) OR t.previous_token_hash IN (:hashes)").setParameterList("hashes", hashes).list();
    }

    /** The tokens ({@code t}) that match {@code where}, each with its account ({@code a}) mapped by the same statement. */
    private NativeQuery<ApiToken> withAccount(String where) {
        return getSession().createNativeQuery("SELECT {t.*}, {a.*} FROM api_token t JOIN account a ON a.id = t.account_id WHERE " + where,
                ApiToken.class, "t").addJoin("a", "t.account");
    }

    public List<ApiToken> listForAccount(long accountId) {
        return list("account.id = ?1 order by name", accountId);
    }

    public Optional<ApiToken> findByName(long accountId, String name) {
        return find("account.id = ?1 and name = ?2", accountId, name).firstResultOptional();
    }

    /**
     * The token, its row locked until the transaction ends (SELECT … FOR UPDATE). A rename or revoke of
     * the same name that runs at the same time waits for this transaction, then reads the committed row
     * again: the name is gone and it answers "does not exist" instead of changing the token a second time.
     */
    public Optional<ApiToken> findByNameForUpdate(long accountId, String name) {
        return find("account.id = ?1 and name = ?2", accountId, name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public long deleteForAccount(long accountId) {
        return delete("account.id", accountId);
    }
}
