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

    /**
     * The token whose current value or, after a rotation, previous value (issue 19 §3) hashes to {@code tokenHash}:
     * one lookup on the two unique hash indexes, the account fetched by the same statement. In SQL, not HQL: the first
     * call after a start runs it, and the first HQL query loads and compiles Hibernate's query parser (issue 13,
     * src/docs/startup.md).
     *
     * <p>The hash is bound as a list of one, the bulk lookup's form: Hibernate then builds the statement's plan for this
     * call and leaves its query plan cache alone. With a single value it would look the plan up there, and for a native
     * query that maps entities Hibernate 7.2 never finds it (the mapping in its key equals no other call's), so every
     * lookup put one more entry, all with the SQL's hash code, into one bin of the cache's map, and concurrent first
     * lookups queued on that bin's lock ({@code TokenLookupQueryPlanTest}; issue 13, src/docs/benchmark.md).
     */
    public Optional<ApiToken> findByHashOrPreviousWithAccount(String tokenHash) {
        return withAccount(HASHES).setParameterList("hashes", List.of(tokenHash)).setMaxResults(1).uniqueResultOptional();
    }

    /**
     * Every token whose current or previous value hashes to one of {@code hashes}, each with its account, in one
     * statement: the token snapshots' bulk refresh (issue 13), which would otherwise be a statement per token in use.
     */
    public List<ApiToken> findByHashesOrPreviousWithAccount(Collection<String> hashes) {
        return withAccount(HASHES).setParameterList("hashes", hashes).list();
    }

    /**
     * The tables of the lookups by hash. The two hash indexes are named: without that, MariaDB may read the token through
     * the account instead ({@code uq_api_token_account_name}, every token of the account) whenever its statistics say an
     * account has few tokens, as they do for a while after many tokens were added at once (an import, a restore). In the
     * benchmark, for the half-minute after a million tokens were added to one account, a call whose token was not in memory
     * took 40 ms instead of well under one, and the service answered 400 calls a second instead of 13,000 (issue 13,
     * src/docs/benchmark.md; {@code TokenLookupPlanTest}).
     */
    static final String BY_HASH_WITH_ACCOUNT = "api_token t FORCE INDEX (uq_api_token_hash, uq_api_token_previous_hash)"
            + " JOIN account a ON a.id = t.account_id";
    static final String HASHES = "t.token_hash IN (:hashes) OR t.previous_token_hash IN (:hashes)";

    /** The tokens ({@code t}) that match {@code where}, each with its account ({@code a}) mapped by the same statement. */
    private NativeQuery<ApiToken> withAccount(String where) {
        return getSession().createNativeQuery("SELECT {t.*}, {a.*} FROM " + BY_HASH_WITH_ACCOUNT + " WHERE " + where, ApiToken.class, "t")
                .addJoin("a", "t.account");
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
