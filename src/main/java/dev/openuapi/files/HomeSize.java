package dev.openuapi.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored size of one account's home directory (src/docs/disk-usage.md). */
@Entity
@Table(name = "home_usage")
public class HomeSize {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    /** The regular files below the home, mail included, in bytes. */
    @Column(name = "bytes", nullable = false)
    public long bytes;

    /** When the home was last measured as a whole (walked, or reported by the metering agent), epoch seconds. */
    @Column(name = "measured_at", nullable = false)
    public long measuredAt;
}
