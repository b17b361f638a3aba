package dev.openuapi.token;

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

/** A cPanel API token. The value itself is never stored, only {@link TokenValues#hash its hash}. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Column(nullable = false, length = 50)
    public String name;

    @Column(name = "token_hash", nullable = false, length = 128, unique = true)
    public String tokenHash;

    @Column(name = "create_time", nullable = false)
    public long createTime;

    /** Epoch seconds; {@code null} never expires. Valid up to and including this second. */
    @Column(name = "expires_at")
    public Long expiresAt;

    /** Normalised allow-list ({@link IpAllowList}), or {@code null} for any address. */
    @Column(name = "whitelist_ips", length = 5000)
    public String whitelistIps;

    @Column(name = "last_used_at")
    public Long lastUsedAt;

    @Column(name = "last_used_ip", length = 45)
    public String lastUsedIp;

    public boolean isExpiredAt(long epochSecond) {
        return expiresAt != null && expiresAt < epochSecond;
    }
}
