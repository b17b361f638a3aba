package dev.openuapi.bandwidth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/**
 * One bandwidth figure the metering agent reported for an account: the month's transfer so far, and what that
 * adds to the previous report of the same month (the whole figure for the first report of a month).
 */
@Entity
@Table(name = "bandwidth_report")
public class BandwidthReport extends AccountOwned {

    @Column(name = "reported_at", nullable = false)
    public long reportedAt;

    @Column(name = "month_bytes", nullable = false)
    public long monthBytes;

    @Column(name = "delta_bytes", nullable = false)
    public long deltaBytes;
}
