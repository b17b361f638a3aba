package dev.openuapi.quota;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The metering agent's last report per account, keyed by the account's id. */
@ApplicationScoped
public class AccountUsageRepository implements PanacheRepositoryBase<AccountUsage, Long> {
}
