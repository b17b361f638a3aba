package dev.openuapi.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A WHM API token (spec §10.2): stored like a cPanel token, only as the SHA-512 of its value, in its own
 * namespace, with the ACLs it may use.
 */
@Entity
@Table(name = "whm_api_token")
public class WhmToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code root} or a reseller's username. */
    @Column(nullable = false, length = 16)
    public String owner;

    /** The reseller's account (its tokens go with it); {@code null} for root. */
    @Column(name = "account_id")
    public Long accountId;

    @Column(nullable = false, length = 50)
    public String name;

    @Column(name = "token_hash", nullable = false, length = 128, unique = true)
    public String tokenHash;

    @Column(name = "create_time", nullable = false)
    public long createTime;

    @Column(name = "expires_at")
    public Long expiresAt;

    /** Sorted, comma-separated ACLs; {@code null}: everything the owner holds. */
    @Column(length = 2000)
    public String acls;

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
