package dev.openuapi.ftp;

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

/** An FTP login ({@code user@domain}) of an account, limited to a directory under the account's home. */
@Entity
@Table(name = "ftp_account")
public class FtpAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Column(nullable = false, length = 320, unique = true)
    public String login;

    @Column(nullable = false, length = 253)
    public String domain;

    /** Absolute path under /home/&lt;user&gt;. */
    @Column(nullable = false, length = 1024)
    public String homedir;

    /** SHA512-CRYPT ({@code $6$…}); see {@link dev.openuapi.common.CryptPasswords}. */
    @Column(name = "password_hash", nullable = false, length = 200)
    public String passwordHash;

    /** MB; {@code null} is unlimited. */
    @Column(name = "quota_mb")
    public Long quotaMb;

    @Column(name = "disk_used_bytes", nullable = false)
    public long diskUsedBytes;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
