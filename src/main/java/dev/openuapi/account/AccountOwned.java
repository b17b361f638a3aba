package dev.openuapi.account;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * A row that belongs to one account (a domain, a mailbox, a database, a cron job, …): its id and its
 * account. Each table's {@code account_id} has {@code ON DELETE CASCADE}, so the rows go with the account.
 */
@MappedSuperclass
public abstract class AccountOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;
}
