package dev.openuapi.ssl;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The certificates accounts uploaded. */
@ApplicationScoped
public class SslCertificateRepository implements PanacheRepository<SslCertificate> {

    public List<SslCertificate> forAccount(long accountId) {
        return list("account.id = ?1 order by id", accountId);
    }

    /** One of the account's certificates, by its id or its friendly name. */
    public Optional<SslCertificate> byIdOrName(long accountId, String certIdOrName) {
        return find("account.id = ?1 and (certId = ?2 or friendlyName = ?2)", accountId, certIdOrName).firstResultOptional();
    }
}
