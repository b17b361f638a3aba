package dev.openuapi.settings;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** One settings row per account, keyed by the account's id. */
@ApplicationScoped
public class AccountSettingRepository implements PanacheRepositoryBase<AccountSetting, Long> {

    public Optional<AccountSetting> of(long accountId) {
        return findByIdOptional(accountId);
    }

    /**
     * The account's row, locked for this transaction, made first if the account has none: two first writes at
     * once both end up on the one row instead of one failing on the key.
     */
    public AccountSetting forUpdate(long accountId, long now) {
        getEntityManager().createNativeQuery("INSERT IGNORE INTO account_setting (account_id, updated_at) VALUES (?1, ?2)")
                .setParameter(1, accountId).setParameter(2, now).executeUpdate();
        return findById(accountId, LockModeType.PESSIMISTIC_WRITE);
    }
}
