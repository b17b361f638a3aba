package dev.openuapi.files;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.openuapi.account.AccountEvents;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;

/**
 * The homes' stored sizes in the shared database, so that every replica sees the same figure. Each change commits on
 * its own ({@code REQUIRES_NEW}): the file system is not transactional, so a write that is done stays counted even when
 * the caller's transaction does not commit, and no caller holds the row's lock longer than one statement.
 */
@ApplicationScoped
public class HomeSizeService {

    /** A stored size and when the home was last measured as a whole (epoch seconds). */
    public record Stored(long bytes, long measuredAt) {
    }

    private final HomeSizeRepository sizes;
    private final PlanService plans;

    HomeSizeService(HomeSizeRepository sizes, PlanService plans) {
        this.sizes = sizes;
        this.plans = plans;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Stored> find(long accountId) {
        return sizes.findByIdOptional(accountId).map(s -> new Stored(s.bytes, s.measuredAt));
    }

    /** Adds what a write changed; false when no size is stored yet (the first measurement will count it). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean add(long accountId, long delta) {
        return sizes.add(accountId, delta);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean claim(long accountId, long staleBefore, long now) {
        return sizes.claim(accountId, staleBefore, now);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void store(long accountId, long bytes, long measuredAt) {
        sizes.store(accountId, bytes, measuredAt);
    }

    /** The metering agent's measurement, inside its report's transaction: applied with the rest of the report or not at all. */
    @Transactional
    public void reported(long accountId, long bytes, long measuredAt) {
        sizes.store(accountId, bytes, measuredAt);
    }

    /** The plan's disk quota in bytes, or empty when it has none (no plan, no quota, or 0). */
    @Transactional
    public Optional<Long> quotaBytes(Long planId) {
        return plans.byId(planId).map((Plan p) -> p.diskQuotaMb).filter(mb -> mb > 0).map(mb -> mb * HomeUsage.MIB);
    }

    /** The size goes with the account. */
    void onRemoving(@Observes AccountEvents.Removing event) {
        sizes.deleteById(event.account().id);
    }
}
