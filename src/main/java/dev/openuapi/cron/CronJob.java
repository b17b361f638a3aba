package dev.openuapi.cron;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.openuapi.account.Account;

/** One line of an account's crontab. */
@Entity
@Table(name = "cron_job")
public class CronJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

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
