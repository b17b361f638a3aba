package dev.openuapi.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Writes where a unique key, not a prior lookup, decides who wins a race. Only a constraint violation
 * becomes a 409; any other database failure stays an unexpected error.
 */
public final class Unique {

    private Unique() {
    }

    /**
     * Persists and flushes {@code entity} in the caller's transaction. With identity keys the INSERT runs
     * inside persist itself, so both steps are guarded.
     */
    public static <T> T insert(EntityManager em, T entity, String conflictMessage) {
        try {
            em.persist(entity);
            em.flush();
            return entity;
        } catch (PersistenceException e) {
            throw conflictOr(e, conflictMessage);
        }
    }

    /** Flushes pending changes (a rename, say) so the unique keys are checked now. */
    public static void flush(EntityManager em, String conflictMessage) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw conflictOr(e, conflictMessage);
        }
    }

    private static RuntimeException conflictOr(PersistenceException e, String conflictMessage) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return ApiException.conflict(conflictMessage);
            }
        }
        return e;
    }
}
