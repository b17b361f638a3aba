package dev.openuapi.ssl;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.domain.AccountDomain;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.domain.MainDomainChanged;

/**
 * Certificates: install one on a domain of the account (key and certificate must match, the certificate
 * must cover the domain and be valid now), list them, show the installed hosts, uninstall and delete.
 * The private key never leaves this class except encrypted into storage.
 */
@ApplicationScoped
public class SslService {

    /** What an install did, for the UAPI and API 2 replies. */
    public record Installed(SslCertificate certificate, String keyId, String domain, List<String> workingDomains, String message) {
    }

    /** A stored certificate, and whether it is installed on one of the account's domains. */
    public record Stored(SslCertificate certificate, boolean installed) {
    }

    /** A domain of the account that serves a certificate. */
    public record Host(String domain, String documentRoot, String type, String username, long installedAt, SslCertificate certificate) {
    }

    private final SslCertificateRepository certificates;
    private final SslInstallationRepository installations;
    private final AccountRepository accounts;
    private final AccountDomainRepository domains;
    private final SslKeyCipher cipher;
    private final OpenUapiConfig config;

    SslService(SslCertificateRepository certificates, SslInstallationRepository installations, AccountRepository accounts,
            AccountDomainRepository domains, SslKeyCipher cipher, OpenUapiConfig config) {
        this.certificates = certificates;
        this.installations = installations;
        this.accounts = accounts;
        this.domains = domains;
        this.cipher = cipher;
        this.config = config;
    }

    /**
     * A certificate installed on the old main domain or one of its subdomains: it moves to the new name if it covers that
     * name, otherwise it is uninstalled (a certificate is only ever installed on a name it covers). The certificates
     * themselves stay stored, so that one can be installed again.
     */
    void onMainDomainChanged(@Observes MainDomainChanged change) {
        for (SslInstallation installation : installations.forAccount(change.accountId())) {
            String name = change.rename(installation.domain);
            if (name.equals(installation.domain)) {
                continue;
            }
            if (covers(installation.certificate.domains, name)) {
                // an installation left on the new name by a domain removed earlier is stale: no account owns that name
                installations.byDomain(name).ifPresent(installations::delete);
                installations.flush();
                installation.domain = name;
            } else {
                installations.delete(installation);
            }
        }
        Unique.flush(installations.getEntityManager(), "A certificate is installed on " + Quote.of(change.to()) + " already.");
    }

    public String ip() {
        return config.dns().accountIp();
    }

    @Transactional
    public Installed install(long accountId, String domainName, String certPem, String keyPem, String cabundlePem) {
        AccountDomain domain = ownDomain(accountId, domainName);
        X509Certificate certificate = Pem.certificates(certPem, "certificate").get(0);
        if (cabundlePem != null && !cabundlePem.isBlank()) {
            Pem.certificates(cabundlePem, "CA bundle");
        }
        PrivateKey key = Pem.privateKey(keyPem);
        if (!Pem.matches(key, certificate)) {
            throw ApiException.invalid("The private key does not match the certificate.");
        }
        List<String> names = names(certificate);
        if (!covers(names, domain.name)) {
            throw ApiException.invalid("The certificate does not cover the domain " + Quote.of(domain.name) + ". It covers: "
                    + String.join(", ", names) + ".");
        }
        long now = Epoch.now();
        long notAfter = certificate.getNotAfter().toInstant().getEpochSecond();
        if (notAfter < now) {
            throw ApiException.invalid("The certificate expired on " + DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(notAfter))
                    + ".");
        }
        if (certificate.getNotBefore().toInstant().getEpochSecond() > now) {
            throw ApiException.invalid("The certificate is not valid yet.");
        }
        String certId = certId(certificate, names);
        SslCertificate stored = certificates.byIdOrName(accountId, certId).orElse(null);
        if (stored == null) {
            stored = describe(certificate, names);
            stored.account = accounts.findById(accountId);
            stored.certId = certId;
            stored.certPem = certPem.trim() + "\n";
            stored.cabundlePem = cabundlePem == null || cabundlePem.isBlank() ? null : cabundlePem.trim() + "\n";
            stored.keyEncrypted = cipher.encrypt(keyPem.trim() + "\n");
            stored.createdAt = now;
            certificates.persist(stored);
        }
        installations.byDomain(domain.name).ifPresent(installations::delete); // a domain serves one certificate
        installations.flush();
        SslInstallation installation = new SslInstallation();
        installation.domain = domain.name;
        installation.certificate = stored;
        installation.installedAt = now;
        installations.persist(installation);
        List<String> working = new ArrayList<>();
        for (String candidate : List.of(domain.name, "www." + domain.name)) {
            if (covers(names, candidate)) {
                working.add(candidate);
            }
        }
        String message = "The SSL certificate is now installed onto the domain " + Quote.of(domain.name) + " using the IP address " + Quote.of(ip()) + ".";
        return new Installed(stored, keyId(certificate), domain.name, working, message);
    }

    /** The account's certificates in upload order. */
    @Transactional
    public List<Stored> listCertificates(long accountId) {
        Set<Long> installed = new LinkedHashSet<>();
        installedHere(accountId).forEach(i -> installed.add(i.certificate.id));
        return certificates.forAccount(accountId).stream().map(c -> new Stored(c, installed.contains(c.id))).toList();
    }

    /** The account's domains that serve a certificate, by name. */
    @Transactional
    public List<Host> installedHosts(long accountId) {
        List<Host> hosts = new ArrayList<>();
        for (SslInstallation installation : installedHere(accountId)) {
            AccountDomain domain = domains.byName(installation.domain).orElseThrow();
            hosts.add(new Host(installation.domain, domain.documentRoot, domain.type, domain.account.username, installation.installedAt,
                    installation.certificate));
        }
        return hosts;
    }

    /** Uninstalls the certificate of one of the account's domains; the certificate stays stored. */
    @Transactional
    public boolean uninstall(long accountId, String domainName) {
        AccountDomain domain = ownDomain(accountId, domainName);
        return installations.byDomain(domain.name).map(installation -> {
            installations.delete(installation);
            return true;
        }).orElse(false);
    }

    /** Deletes a stored certificate (by id or friendly name) and uninstalls it wherever it is installed. */
    @Transactional
    public void delete(long accountId, String certIdOrName) {
        SslCertificate certificate = certificates.byIdOrName(accountId, certIdOrName)
                .orElseThrow(() -> ApiException.notFound("The account has no certificate " + Quote.of(certIdOrName) + "."));
        certificates.delete(certificate); // installations go with it (ON DELETE CASCADE)
    }

    /** Installations on domains the account still owns (a removed domain's installation is stale). */
    private List<SslInstallation> installedHere(long accountId) {
        return installations.forAccount(accountId).stream()
                .filter(i -> domains.byName(i.domain).filter(d -> d.account.id == accountId).isPresent()).toList();
    }

    private AccountDomain ownDomain(long accountId, String domainName) {
        String name = DomainNames.normalize(domainName);
        return domains.byName(name).filter(d -> d.account.id == accountId)
                .orElseThrow(() -> ApiException.invalid("The domain " + Quote.of(domainName) + " does not belong to this account."));
    }

    static List<String> names(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> san : certificate.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw ApiException.invalid("The certificate's subject alternative names could not be read.");
        }
        if (names.isEmpty()) {
            String cn = attribute(certificate.getSubjectX500Principal().getName(), "CN");
            if (cn != null) {
                names.add(cn.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    /** Exact names, or a wildcard that stands for exactly one leftmost label. */
    static boolean covers(List<String> names, String domain) {
        for (String name : names) {
            if (name.equals(domain)) {
                return true;
            }
            if (name.startsWith("*.") && domain.indexOf('.') > 0 && domain.substring(domain.indexOf('.') + 1).equals(name.substring(2))) {
                return true;
            }
        }
        return false;
    }

    private SslCertificate describe(X509Certificate certificate, List<String> names) {
        SslCertificate c = new SslCertificate();
        String subject = certificate.getSubjectX500Principal().getName();
        String issuer = certificate.getIssuerX500Principal().getName();
        c.domains = names;
        c.subjectCn = attribute(subject, "CN");
        c.issuerCn = attribute(issuer, "CN");
        c.issuerOrg = attribute(issuer, "O");
        c.notBefore = certificate.getNotBefore().toInstant().getEpochSecond();
        c.notAfter = certificate.getNotAfter().toInstant().getEpochSecond();
        c.serial = certificate.getSerialNumber().toString(16);
        c.signatureAlgorithm = opensslSignatureName(certificate.getSigAlgName());
        c.keyAlgorithm = certificate.getPublicKey() instanceof RSAPublicKey ? "rsaEncryption" : "id-ecPublicKey";
        c.modulusLength = certificate.getPublicKey() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : certificate.getPublicKey() instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize() : null;
        c.selfSigned = subject.equals(issuer) && verifiesItself(certificate);
        String issuerName = c.issuerOrg != null ? c.issuerOrg : c.issuerCn;
        c.friendlyName = (c.subjectCn != null ? c.subjectCn : names.get(0)) + " (" + issuerName + ") "
                + DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(c.notAfter));
        return c;
    }

    private static boolean verifiesItself(X509Certificate certificate) {
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The key's id: a digest of its public half, the same for every certificate of that key. */
    private static String keyId(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()))
                    .substring(0, 32);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** cPanel-style id: first name, key and serial digests, expiry, certificate digest. */
    private static String certId(X509Certificate certificate, List<String> names) {
        try {
            String first = names.isEmpty() ? "certificate" : names.get(0).replace("*", "_wildcard_");
            byte[] key = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            byte[] serial = MessageDigest.getInstance("SHA-256").digest(certificate.getSerialNumber().toByteArray());
            byte[] whole = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return first.replaceAll("[^a-z0-9]", "_") + "_" + HexFormat.of().formatHex(key).substring(0, 5) + "_"
                    + HexFormat.of().formatHex(serial).substring(0, 5) + "_" + certificate.getNotAfter().toInstant().getEpochSecond()
                    + "_" + HexFormat.of().formatHex(whole).substring(0, 32);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String opensslSignatureName(String javaName) {
        return switch (javaName.toUpperCase(Locale.ROOT)) {
            case "SHA256WITHRSA" -> "sha256WithRSAEncryption";
            case "SHA384WITHRSA" -> "sha384WithRSAEncryption";
            case "SHA512WITHRSA" -> "sha512WithRSAEncryption";
            case "SHA256WITHECDSA" -> "ecdsa-with-SHA256";
            case "SHA384WITHECDSA" -> "ecdsa-with-SHA384";
            default -> javaName;
        };
    }

    /** One attribute of an RFC 2253 name (the first, unescaped), or null. */
    static String attribute(String rfc2253, String type) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < rfc2253.length(); i++) {
            char c = rfc2253.charAt(i);
            if (c == '\\' && i + 1 < rfc2253.length()) {
                current.append(rfc2253.charAt(++i));
            } else if (c == ',' || c == '+') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(type)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
