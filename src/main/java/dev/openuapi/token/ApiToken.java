package dev.openuapi.token;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.openuapi.account.Account;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Snapshots;
import dev.openuapi.kernel.TokenScope;

/**
 * A cPanel API token of an account. Unlike a WHM token it may be scoped (issue 19 §1): limited to some features, or
 * read-only, or both; with neither it is unrestricted, as every cPanel token is.
 */
@Entity
@EntityListeners(Snapshots.Changes.class)
@Table(name = "api_token")
public class ApiToken extends TokenRecord implements Snapshots.Source {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    /** The features the token is limited to, sorted; {@code null}: any feature the account has. */
    @Column(name = "features", length = 2000)
    @Convert(converter = CommaList.class)
    public List<String> features;

    /** Whether the token may call only functions that change nothing. */
    @Column(name = "read_only", nullable = false)
    public boolean readOnly;

    /**
     * The most calls a minute the token may make, on every face (issue 20 §2); {@code null}: no limit. Enforced in memory
     * by {@code auth.TokenRateLimiter}. Not a right: it is not part of the token's scope.
     */
    @Column(name = "rate_limit_per_minute")
    public Integer rateLimitPerMinute;

    /** The token's scope, {@code null} when it is unrestricted. */
    public TokenScope scope() {
        return TokenScope.of(features, readOnly);
    }

    @Override
    public String snapshotTag() {
        return Snapshots.tag("token", tokenHash);
    }
}
