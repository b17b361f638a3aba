package dev.openuapi.ssl;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Which certificate each domain serves. */
@ApplicationScoped
public class SslInstallationRepository implements PanacheRepository<SslInstallation> {

    /** The installations of the account's certificates, by domain, each with its certificate. */
    public List<SslInstallation> forAccount(long accountId) {
        return find("from SslInstallation i join fetch i.certificate c where c.account.id = ?1 order by i.domain", accountId).list();
    }

    public Optional<SslInstallation> byDomain(String domain) {
        return find("domain", domain).firstResultOptional();
    }
}
