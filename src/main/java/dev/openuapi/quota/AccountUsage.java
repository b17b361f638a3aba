package dev.openuapi.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Bandwidth use of one account, as the metering agent last reported it. Disk use is not stored here: it is the home's
 * stored size ({@code files.HomeSize}) plus the account's databases, computed by {@code files.HomeUsage}.
 */
@Entity
@Table(name = "account_usage")
public class AccountUsage {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "bandwidth_used_bytes", nullable = false)
    public long bandwidthUsedBytes;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
