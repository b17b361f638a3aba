package dev.openuapi.files;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The homes' stored sizes, keyed by the account's id. Every change is one statement, atomic on the row. */
@ApplicationScoped
public class HomeSizeRepository implements PanacheRepositoryBase<HomeSize, Long> {

    /** Adds {@code delta} (negative: removes) to a stored size, never below 0; false when none is stored. */
    boolean add(long accountId, long delta) {
        return update("bytes = case when bytes + ?1 < 0 then 0 else bytes + ?1 end where accountId = ?2", delta, accountId) == 1;
    }

    /**
     * Marks a size measured {@code now} if it was measured before {@code staleBefore}: true for the one caller (on any
     * replica) that got it, which then measures the home.
     */
    boolean claim(long accountId, long staleBefore, long now) {
        return update("measuredAt = ?1 where accountId = ?2 and measuredAt < ?3", now, accountId, staleBefore) == 1;
    }

    /** Stores a whole measurement, whether or not one was stored before. */
    void store(long accountId, long bytes, long measuredAt) {
        getEntityManager().createNativeQuery("INSERT INTO home_usage (account_id, bytes, measured_at) VALUES (?1, ?2, ?3) "
                + "ON DUPLICATE KEY UPDATE bytes = VALUES(bytes), measured_at = VALUES(measured_at)")
                .setParameter(1, accountId).setParameter(2, bytes).setParameter(3, measuredAt).executeUpdate();
    }
}
