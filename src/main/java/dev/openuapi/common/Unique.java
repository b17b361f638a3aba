package dev.openuapi.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/** Inserts where a unique key, not a prior lookup, decides who wins a race. */
public final class Unique {

    private Unique() {
    }

    /**
     * Persists and flushes {@code entity} in the caller's transaction; a unique-key violation becomes a 409
     * with {@code conflictMessage} (and rolls the transaction back).
     */
    public static <T> T insert(EntityManager em, T entity, String conflictMessage) {
        try {
            em.persist(entity);
            em.flush();
            return entity;
        } catch (PersistenceException e) {
            throw ApiException.conflict(conflictMessage);
        }
    }
}
