package dev.openuapi.ssl;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;
import dev.openuapi.common.CommaList;

/** A certificate an account uploaded, with its bundle and its private key (only ever stored encrypted). */
@Entity
@Table(name = "ssl_certificate")
public class SslCertificate extends AccountOwned {

    @Column(name = "cert_id", nullable = false, length = 200)
    public String certId;

    @Column(name = "friendly_name", nullable = false, length = 255)
    public String friendlyName;

    /** The names the certificate covers, in its order (the first names it); one comma-separated column. */
    @Convert(converter = CommaList.class)
    @Column(nullable = false, columnDefinition = "TEXT")
    public List<String> domains;

    @Column(name = "subject_cn", length = 255)
    public String subjectCn;

    @Column(name = "issuer_cn", length = 255)
    public String issuerCn;

    @Column(name = "issuer_org", length = 255)
    public String issuerOrg;

    @Column(name = "not_before", nullable = false)
    public long notBefore;

    @Column(name = "not_after", nullable = false)
    public long notAfter;

    @Column(nullable = false, length = 100)
    public String serial;

    @Column(name = "signature_algorithm", nullable = false, length = 100)
    public String signatureAlgorithm;

    @Column(name = "key_algorithm", nullable = false, length = 40)
    public String keyAlgorithm;

    @Column(name = "modulus_length")
    public Integer modulusLength;

    @Column(name = "self_signed", nullable = false)
    public boolean selfSigned;

    @Column(name = "cert_pem", nullable = false, columnDefinition = "TEXT")
    public String certPem;

    @Column(name = "cabundle_pem", columnDefinition = "MEDIUMTEXT")
    public String cabundlePem;

    /** {@link SslKeyCipher} output; never returned by any API. */
    @Column(name = "key_encrypted", nullable = false, columnDefinition = "TEXT")
    public String keyEncrypted;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
