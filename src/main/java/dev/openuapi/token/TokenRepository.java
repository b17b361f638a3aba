package dev.openuapi.token;

import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The queries both kinds of token answer the same way. */
public interface TokenRepository<T extends TokenRecord> extends PanacheRepository<T> {

    /** The entity's table, for the queries in SQL. */
    String tableName();

    /*
     * The queries below are SQL, not HQL: the unchecked-token read runs them at start-up, and the first HQL query
     * would load and compile Hibernate's query parser (ANTLR) before the first call (issue 13, src/docs/startup.md).
     * The set of fingerprints is never empty (there is always a current key).
     */

    /**
     * How many tokens carry no check under one of {@code fingerprints}, and the highest id among them: what
     * changes when one is added or removed (one statement on the check-key index).
     */
    default Object[] uncheckedSignature(Collection<String> fingerprints) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("SELECT COUNT(id), COALESCE(MAX(id), 0) FROM " + tableName()
                + " WHERE check_key IS NULL OR check_key NOT IN (?1)").setParameter(1, fingerprints).getSingleResult();
        return longs(row);
    }

    /** The hashes of the tokens that carry no check under one of {@code fingerprints}. */
    @SuppressWarnings("unchecked")
    default List<String> uncheckedHashes(Collection<String> fingerprints) {
        return getEntityManager().createNativeQuery("SELECT token_hash FROM " + tableName() + " WHERE check_key IS NULL OR check_key NOT IN (?1)",
                String.class).setParameter(1, fingerprints).getResultList();
    }

    /**
     * The same for the previous values of rotated tokens (issue 19 §3): how many carry no check under one of
     * {@code fingerprints}, and the sum of their ends, which every rotation and every revocation of such a token changes.
     */
    default Object[] uncheckedPreviousSignature(Collection<String> fingerprints) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("SELECT COUNT(id), COALESCE(SUM(previous_valid_until), 0) FROM "
                + tableName() + " WHERE previous_token_hash IS NOT NULL AND (previous_check_key IS NULL OR previous_check_key NOT IN (?1))")
                .setParameter(1, fingerprints).getSingleResult();
        return longs(row);
    }

    /** The previous values' hashes that carry no check under one of {@code fingerprints}. */
    @SuppressWarnings("unchecked")
    default List<String> uncheckedPreviousHashes(Collection<String> fingerprints) {
        return getEntityManager().createNativeQuery("SELECT previous_token_hash FROM " + tableName()
                + " WHERE previous_token_hash IS NOT NULL AND (previous_check_key IS NULL OR previous_check_key NOT IN (?1))", String.class)
                .setParameter(1, fingerprints).getResultList();
    }

    /** A row of numbers as {@code Long}s, as HQL gave them (SQL's SUM is a DECIMAL). */
    private static Object[] longs(Object[] row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = ((Number) row[i]).longValue();
        }
        return out;
    }

    /** A token's use to record: when, and from which address ({@code null}: unknown). */
    record Use(long tokenId, long at, String address) {
    }

    /**
     * Records each use unless one was recorded for its token within the last {@code minSeconds}: the condition makes
     * the write happen at most once per token per interval, whichever replica serves the requests. One statement for
     * all of them (each token at most once), not one per token: 10,000 tokens in use are 10,000 writes a minute
     * (issue 13). The ids and times are numbers and are written into the statement; the addresses are parameters.
     */
    default int recordUses(List<Use> uses, long minSeconds) {
        if (uses.isEmpty()) {
            return 0;
        }
        StringBuilder at = new StringBuilder(" CASE id");
        StringBuilder address = new StringBuilder(" CASE id");
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < uses.size(); i++) {
            Use use = uses.get(i);
            at.append(" WHEN ").append(use.tokenId()).append(" THEN ").append(use.at());
            address.append(" WHEN ").append(use.tokenId()).append(" THEN ?").append(i + 1);
            ids.append(i == 0 ? "" : ",").append(use.tokenId());
        }
        at.append(" END");
        address.append(" END");
        // SQL too: the first call's use is written within a second of it, possibly before that call has answered
        var update = getEntityManager().createNativeQuery("UPDATE " + tableName() + " SET last_used_ip =" + address + ", last_used_at =" + at
                + " WHERE id IN (" + ids + ") AND (last_used_at IS NULL OR last_used_at <=" + at + " - " + minSeconds + ")");
        for (int i = 0; i < uses.size(); i++) {
            update.setParameter(i + 1, uses.get(i).address());
        }
        return update.executeUpdate();
    }
}
