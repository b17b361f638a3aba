package dev.openuapi.email;

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

/** A mailbox ({@code user@domain}) on one of the account's domains. */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Column(nullable = false, length = 320, unique = true)
    public String email;

    @Column(nullable = false, length = 253)
    public String domain;

    /** SHA512-CRYPT; see {@link dev.openuapi.common.CryptPasswords}. */
    @Column(name = "password_hash", nullable = false, length = 200)
    public String passwordHash;

    /** MB; {@code null} is unlimited. */
    @Column(name = "quota_mb")
    public Long quotaMb;

    @Column(name = "disk_used_bytes", nullable = false)
    public long diskUsedBytes;

    @Column(name = "suspended_login", nullable = false)
    public boolean suspendedLogin;

    @Column(name = "suspended_incoming", nullable = false)
    public boolean suspendedIncoming;

    @Column(name = "suspended_outgoing", nullable = false)
    public boolean suspendedOutgoing;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
