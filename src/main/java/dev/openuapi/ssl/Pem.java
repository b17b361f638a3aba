package dev.openuapi.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * PEM certificates and private keys. Certificates are read by the JDK. Keys may be PKCS#8 ({@code PRIVATE
 * KEY}), PKCS#1 ({@code RSA PRIVATE KEY}, as acme.sh writes) or SEC1 ({@code EC PRIVATE KEY}), RSA or EC,
 * unencrypted; BouncyCastle's {@code PEMParser} reads the block and {@code JcaPEMKeyConverter} makes the JCA
 * key (both plain code, no reflection: native-friendly).
 */
public final class Pem {

    /** The first PEM block: its type, RFC 1421 header lines (Proc-Type, DEK-Info) if any, and its base64. */
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*((?:[A-Za-z0-9-]+:[^\\r\\n]*\\r?\\n\\s*)*)([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {
    }

    public static List<X509Certificate> certificates(String pem, String what) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw ApiException.invalid("The " + what + " is not a PEM-encoded certificate.");
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw ApiException.invalid("The " + what + " is not a PEM-encoded certificate.");
            }
            return certificates;
        } catch (CertificateException e) {
            throw ApiException.invalid("The " + what + " could not be parsed as an X.509 certificate.");
        }
    }

    public static PrivateKey privateKey(String pem) {
        Matcher m = BLOCK.matcher(pem == null ? "" : pem);
        if (!m.find()) {
            throw ApiException.invalid("The key is not a PEM-encoded private key.");
        }
        String type = m.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(3));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("The key is not a PEM-encoded private key.");
        }
        switch (type) {
            case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
            }
            case "ENCRYPTED PRIVATE KEY" -> throw encrypted();
            default -> throw ApiException.invalid(Quote.of(type) + " is not a supported private key format.");
        }
        // The block as PEMParser reads it: the lines of the upload may have been joined or indented on the way.
        StringBuilder block = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        m.group(2).lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(header -> block.append(header).append('\n'));
        block.append(Base64.getMimeEncoder().encodeToString(der)).append("\n-----END ").append(type).append("-----\n");
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(block.toString()))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
        if (parsed instanceof PEMEncryptedKeyPair) { // RSA PRIVATE KEY with Proc-Type: 4,ENCRYPTED
            throw encrypted();
        }
        PrivateKeyInfo info = parsed instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                : parsed instanceof PrivateKeyInfo plain ? plain : null;
        if (info == null) {
            throw unreadable();
        }
        if (type.equals("EC PRIVATE KEY") && info.getPrivateKeyAlgorithm().getParameters() == null) {
            throw ApiException.invalid("The EC private key does not name its curve.");
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
        if (!(key instanceof RSAPrivateKey || key instanceof ECPrivateKey)) {
            throw unreadable();
        }
        return key;
    }

    /** Whether {@code key} is the private half of {@code certificate}'s public key: it signs, the certificate verifies. */
    public static boolean matches(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm;
        if (key instanceof RSAPrivateKey && publicKey instanceof RSAPublicKey) {
            algorithm = "SHA256withRSA";
        } else if (key instanceof ECPrivateKey && publicKey instanceof ECPublicKey) {
            algorithm = "SHA256withECDSA";
        } else {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static ApiException encrypted() {
        return ApiException.invalid("The key is encrypted; upload it without a passphrase.");
    }

    private static ApiException unreadable() {
        return ApiException.invalid("The private key could not be read.");
    }
}
