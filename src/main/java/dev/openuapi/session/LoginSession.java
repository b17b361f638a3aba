package dev.openuapi.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.openuapi.account.Account;
import dev.openuapi.common.Snapshots;

/**
 * A session (issue 14 §1): who it is for, on which service, its security token, and only the SHA-256 of its secret
 * ({@link SessionSecrets}). Times are epoch milliseconds. Replicas keep snapshots of it ({@link SessionService}),
 * so each write is announced in the change feed.
 */
@Entity
@EntityListeners(Snapshots.Changes.class)
@Table(name = "login_session")
public class LoginSession implements Snapshots.Source {

    public static final String ORIGIN_LOGIN = "login";
    public static final String ORIGIN_CREATE_USER_SESSION = "create_user_session";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "secret_hash", nullable = false, length = 64, unique = true)
    public String secretHash;

    /** The ten digits of {@code /cpsessNNNNNNNNNN}. */
    @Column(name = "security_token", nullable = false, length = 10)
    public String securityToken;

    /** {@link Daemon#wireName()}. */
    @Column(nullable = false, length = 16)
    public String service;

    @Column(nullable = false, length = 16)
    public String username;

    /** The account; {@code null} for root. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(nullable = false, length = 32)
    public String origin;

    /** A create_user_session session whose one-time URL was not used yet. */
    @Column(nullable = false)
    public boolean pending;

    @Column(length = 45)
    public String address;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "last_active_at", nullable = false)
    public long lastActiveAt;

    @Column(name = "expires_at", nullable = false)
    public long expiresAt;

    @Override
    public String snapshotTag() {
        return SessionService.tag(secretHash);
    }
}
