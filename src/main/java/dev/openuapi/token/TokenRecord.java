package dev.openuapi.token;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import dev.openuapi.common.CommaList;

/**
 * What a cPanel API token and a WHM API token have in common: a name, the SHA-512 of the value (the value
 * itself is never stored, see {@link TokenValues}), an optional expiry and IP allow-list, and when and where
 * it was last used.
 */
@MappedSuperclass
public abstract class TokenRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 50)
    public String name;

    @Column(name = "token_hash", nullable = false, length = 128, unique = true)
    public String tokenHash;

    /** The fingerprint of the key whose check the value carries ({@link TokenChecks}); {@code null}: none. */
    @Column(name = "check_key", length = 16)
    public String checkKey;

    @Column(name = "create_time", nullable = false)
    public long createTime;

    /** Epoch seconds; {@code null} never expires. Valid up to and including this second. */
    @Column(name = "expires_at")
    public Long expiresAt;

    /** Normalised allow-list ({@link IpAllowList}), or {@code null} for any address. */
    @Column(name = "whitelist_ips", length = 5000)
    @Convert(converter = CommaList.class)
    public List<String> whitelistIps;

    @Column(name = "last_used_at")
    public Long lastUsedAt;

    @Column(name = "last_used_ip", length = 45)
    public String lastUsedIp;

    /**
     * Rotation ({@link TokenRotationService}): the SHA-512 of the value before the last rotation, which still
     * authenticates as this token up to and including {@link #previousValidUntil}; {@code null}: none. One
     * previous value at a time.
     */
    @Column(name = "previous_token_hash", length = 128, unique = true)
    public String previousTokenHash;

    /** The fingerprint of the key whose check the previous value carries; {@code null}: none. */
    @Column(name = "previous_check_key", length = 16)
    public String previousCheckKey;

    /** Epoch seconds: the last second the previous value authenticates. */
    @Column(name = "previous_valid_until")
    public Long previousValidUntil;

    public boolean isExpiredAt(long epochSecond) {
        return isExpired(expiresAt, epochSecond);
    }

    /** Whether a token with this expiry ({@code null}: never) has expired at {@code epochSecond}. */
    public static boolean isExpired(Long expiresAt, long epochSecond) {
        return expiresAt != null && expiresAt < epochSecond;
    }
}
