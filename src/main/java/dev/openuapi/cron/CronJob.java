package dev.openuapi.cron;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/** One line of an account's crontab. */
@Entity
@Table(name = "cron_job")
public class CronJob extends AccountOwned {

    /** Identifies the job to edit_line and remove_line; it does not change when the job is edited. */
    @Column(nullable = false, length = 32, unique = true)
    public String linekey;

    @Column(nullable = false, length = 100)
    public String minute;

    @Column(nullable = false, length = 100)
    public String hour;

    @Column(nullable = false, length = 100)
    public String day;

    @Column(nullable = false, length = 100)
    public String month;

    @Column(nullable = false, length = 100)
    public String weekday;

    @Column(nullable = false, length = 4096)
    public String command;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
