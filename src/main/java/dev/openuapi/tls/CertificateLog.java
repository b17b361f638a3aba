package dev.openuapi.tls;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Logs which certificate HTTPS serves, with its SHA-256 fingerprint, so that an operator can pin a
 * self-signed certificate in a client ({@code curl --pinnedpubkey}, or by comparing fingerprints).
 */
@ApplicationScoped
public class CertificateLog {

    private static final Logger LOG = Logger.getLogger(CertificateLog.class);

    @ConfigProperty(name = SelfSignedCertificateSource.CERT_FILES)
    Optional<java.util.List<String>> certificateFiles;

    void log(@Observes StartupEvent event) {
        if (certificateFiles.isEmpty() || certificateFiles.get().isEmpty()) {
            LOG.warn("No TLS certificate: HTTPS (2083) is off. Configure quarkus.http.ssl.certificate.files and key-files, "
                    + "or let OpenUAPI generate one (openuapi.tls.self-signed, openuapi.tls.directory).");
            return;
        }
        Path file = Path.of(certificateFiles.get().get(0));
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            LOG.infof("HTTPS serves %s (%s, valid until %s), SHA-256 fingerprint %s", file, certificate.getSubjectX500Principal(),
                    certificate.getNotAfter().toInstant(), fingerprint(certificate));
        } catch (Exception e) {
            LOG.warnf("Could not read the TLS certificate %s: %s", file, e.getMessage());
        }
    }

    public static String fingerprint(X509Certificate certificate) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
