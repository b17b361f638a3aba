package dev.openuapi.ssl;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Queries over certificates and their installations. */
@ApplicationScoped
public class SslRepository {

    private final EntityManager em;

    SslRepository(EntityManager em) {
        this.em = em;
    }

    public List<SslCertificate> certificates(long accountId) {
        return em.createQuery("from SslCertificate c where c.account.id = ?1 order by c.id", SslCertificate.class)
                .setParameter(1, accountId).getResultList();
    }

    public Optional<SslCertificate> certificate(long accountId, String certIdOrName) {
        return em.createQuery("from SslCertificate c where c.account.id = ?1 and (c.certId = ?2 or c.friendlyName = ?2)",
                SslCertificate.class).setParameter(1, accountId).setParameter(2, certIdOrName).getResultStream().findFirst();
    }

    public List<SslInstallation> installations(long accountId) {
        return em.createQuery("from SslInstallation i join fetch i.certificate c where c.account.id = ?1 order by i.domain",
                SslInstallation.class).setParameter(1, accountId).getResultList();
    }

    public Optional<SslInstallation> installation(String domain) {
        return em.createQuery("from SslInstallation i where i.domain = ?1", SslInstallation.class).setParameter(1, domain)
                .getResultStream().findFirst();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }
}
