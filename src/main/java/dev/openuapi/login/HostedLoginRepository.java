package dev.openuapi.login;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The queries mailboxes and FTP logins answer the same way, on each one's {@code user@domain} attribute. */
public interface HostedLoginRepository<T extends HostedLogin> extends PanacheRepository<T> {

    /** The entity's {@code user@domain} attribute: {@code email} for a mailbox, {@code login} for an FTP login. */
    String addressAttribute();

    default List<T> forAccount(long accountId) {
        return list("account.id = ?1 order by " + addressAttribute(), accountId);
    }

    default long countFor(long accountId) {
        return count("account.id", accountId);
    }

    default Optional<T> byAddress(long accountId, String address) {
        return find("account.id = ?1 and " + addressAttribute() + " = ?2", accountId, address).firstResultOptional();
    }

    /** @return how many rows changed: 0 when the account has no such login */
    default int recordDiskUse(long accountId, String address, long bytes) {
        return update("diskUsedBytes = ?1 where account.id = ?2 and " + addressAttribute() + " = ?3", bytes, accountId, address);
    }
}
