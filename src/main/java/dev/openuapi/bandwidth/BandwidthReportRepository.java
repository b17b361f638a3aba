package dev.openuapi.bandwidth;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The metering agent's bandwidth reports per account, in time order. */
@ApplicationScoped
public class BandwidthReportRepository implements PanacheRepository<BandwidthReport> {

    public Optional<BandwidthReport> latest(long accountId) {
        return find("account.id = ?1 order by reportedAt desc, id desc", accountId).firstResultOptional();
    }

    /** Reports with {@code from <= reportedAt <= to}, oldest first. */
    public List<BandwidthReport> between(long accountId, long from, long to) {
        return list("account.id = ?1 and reportedAt >= ?2 and reportedAt <= ?3 order by reportedAt, id", accountId, from, to);
    }
}
