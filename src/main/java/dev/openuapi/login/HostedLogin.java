package dev.openuapi.login;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import dev.openuapi.account.AccountOwned;

/**
 * What a mailbox and an FTP login share: a {@code user@domain} login on one of the account's domains, a
 * SHA512-CRYPT password that another server (Dovecot, pure-ftpd, ProFTPD) verifies from the table, a quota
 * and the disk it uses. The {@code user@domain} column itself stays in each table under its own name
 * ({@code mailbox.email}, {@code ftp_account.login}).
 */
@MappedSuperclass
public abstract class HostedLogin extends AccountOwned {

    /** Bytes in the MB of quotas and of the disk figures in answers. */
    public static final double MIB = 1024.0 * 1024.0;

    @Column(nullable = false, length = 253)
    public String domain;

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

    /** {@code user@domain}. */
    public abstract String address();

    protected abstract void setAddress(String address);
}
