package dev.openuapi.ssl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;

/**
 * PEM certificates and private keys, with the JDK alone. Keys may be PKCS#8 ({@code PRIVATE KEY}),
 * PKCS#1 ({@code RSA PRIVATE KEY}, as acme.sh writes) or SEC1 ({@code EC PRIVATE KEY}); the last two are
 * wrapped into PKCS#8 so the JDK's key factories read them.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

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
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("The key is not a PEM-encoded private key.");
        }
        try {
            return switch (type) {
                case "PRIVATE KEY" -> pkcs8(der);
                case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        sequence(concat(hex("020100"), RSA_ALGORITHM, tlv(0x04, der)))));
                case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        sequence(concat(hex("020100"), sequence(concat(EC_PUBLIC_KEY_OID, sec1CurveOid(der))), tlv(0x04, der)))));
                case "ENCRYPTED PRIVATE KEY" -> throw ApiException.invalid("The key is encrypted; upload it without a passphrase.");
                default -> throw ApiException.invalid("“" + type + "” is not a supported private key format.");
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("The private key could not be read.");
        }
    }

    /** Whether {@code key} is the private half of {@code certificate}'s public key: it signs, the certificate verifies. */
    public static boolean matches(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (!publicKey.getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
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

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new GeneralSecurityException("neither RSA nor EC");
    }

    /** The named-curve OID in a SEC1 ECPrivateKey's [0] parameters. */
    private static byte[] sec1CurveOid(byte[] der) {
        int[] outer = header(der, 0);
        int pos = outer[1];
        int end = outer[1] + outer[2];
        while (pos < end) {
            int[] element = header(der, pos);
            if ((der[pos] & 0xFF) == 0xA0) {
                int[] oid = header(der, element[1]);
                byte[] out = new byte[oid[1] - element[1] + oid[2]];
                System.arraycopy(der, element[1], out, 0, out.length);
                return out;
            }
            pos = element[1] + element[2];
        }
        throw ApiException.invalid("The EC private key does not name its curve.");
    }

    /** {tag, content offset, content length} of the DER element at {@code pos}. */
    private static int[] header(byte[] der, int pos) {
        int length = der[pos + 1] & 0xFF;
        int offset = pos + 2;
        if (length > 0x80) {
            int bytes = length & 0x7F;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[offset + i] & 0xFF);
            }
            offset += bytes;
        }
        return new int[] { der[pos] & 0xFF, offset, length };
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xFF);
            out.write(length & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
