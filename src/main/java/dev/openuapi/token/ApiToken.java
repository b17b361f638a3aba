package dev.openuapi.token;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.openuapi.account.Account;
import dev.openuapi.common.Snapshots;

/** A cPanel API token of an account. */
@Entity
@EntityListeners(Snapshots.Changes.class)
@Table(name = "api_token")
public class ApiToken extends TokenRecord implements Snapshots.Source {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Override
    public String snapshotTag() {
        return Snapshots.tag("token", tokenHash);
    }
}
