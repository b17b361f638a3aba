package dev.openuapi.token;

import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The queries both kinds of token answer the same way. */
public interface TokenRepository<T extends TokenRecord> extends PanacheRepository<T> {

    /** The entity's name in queries. */
    String entityName();

    /**
     * How many tokens carry no check under one of {@code fingerprints}, and the highest id among them: what
     * changes when one is added or removed (one statement on the check-key index).
     */
    default Object[] uncheckedSignature(Collection<String> fingerprints) {
        return getEntityManager().createQuery("select count(t), coalesce(max(t.id), 0) from " + entityName() + " t "
                + "where t.checkKey is null or t.checkKey not in ?1", Object[].class).setParameter(1, fingerprints).getSingleResult();
    }

    /** The hashes of the tokens that carry no check under one of {@code fingerprints}. */
    default List<String> uncheckedHashes(Collection<String> fingerprints) {
        return getEntityManager().createQuery("select t.tokenHash from " + entityName() + " t "
                + "where t.checkKey is null or t.checkKey not in ?1", String.class).setParameter(1, fingerprints).getResultList();
    }

    /**
     * The same for the previous values of rotated tokens (issue 19 §3): how many carry no check under one of
     * {@code fingerprints}, and the sum of their ends, which every rotation and every revocation of such a token changes.
     */
    default Object[] uncheckedPreviousSignature(Collection<String> fingerprints) {
        return getEntityManager().createQuery("select count(t), coalesce(sum(t.previousValidUntil), 0) from " + entityName() + " t "
                + "where t.previousTokenHash is not null and (t.previousCheckKey is null or t.previousCheckKey not in ?1)", Object[].class)
                .setParameter(1, fingerprints).getSingleResult();
    }

    /** The previous values' hashes that carry no check under one of {@code fingerprints}. */
    default List<String> uncheckedPreviousHashes(Collection<String> fingerprints) {
        return getEntityManager().createQuery("select t.previousTokenHash from " + entityName() + " t "
                + "where t.previousTokenHash is not null and (t.previousCheckKey is null or t.previousCheckKey not in ?1)", String.class)
                .setParameter(1, fingerprints).getResultList();
    }

    /**
     * Records a use unless one was recorded within the last {@code minSeconds}: the condition makes the
     * write happen at most once per token per interval, whichever replica serves the requests.
     */
    default int recordUse(long tokenId, long now, String ip, long minSeconds) {
        return update("lastUsedAt = ?1, lastUsedIp = ?2 where id = ?3 and (lastUsedAt is null or lastUsedAt <= ?4)",
                now, ip, tokenId, now - minSeconds);
    }
}
