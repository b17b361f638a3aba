package dev.openuapi.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Disk and bandwidth use of one account, as the metering agent last reported it. */
@Entity
@Table(name = "account_usage")
public class AccountUsage {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "disk_used_bytes", nullable = false)
    public long diskUsedBytes;

    @Column(name = "bandwidth_used_bytes", nullable = false)
    public long bandwidthUsedBytes;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
