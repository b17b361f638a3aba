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

    /**
     * Records a use unless one was recorded within the last {@code minSeconds}: the condition makes the
     * write happen at most once per token per interval, whichever replica serves the requests.
     */
    default int recordUse(long tokenId, long now, String ip, long minSeconds) {
        // SQL too: the first call's use is written within a second of it, possibly before that call has answered
        return getEntityManager().createNativeQuery("UPDATE " + tableName() + " SET last_used_at = ?1, last_used_ip = ?2 "
                + "WHERE id = ?3 AND (last_used_at IS NULL OR last_used_at <= ?4)").setParameter(1, now).setParameter(2, ip)
                .setParameter(3, tokenId).setParameter(4, now - minSeconds).executeUpdate();
    }
}
