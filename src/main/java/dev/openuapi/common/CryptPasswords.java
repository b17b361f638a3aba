package dev.openuapi.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.UnixSHACryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Passwords that other servers must verify from our tables (mailboxes for Dovecot's SQL passdb, FTP
 * logins for pure-ftpd or ProFTPD's mod_sql): SHA512-CRYPT, {@code $6$salt$hash}, the glibc crypt(3)
 * format all of them read. Hashed with WildFly Elytron.
 */
public final class CryptPasswords {

    private static final char[] SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int ROUNDS = 5000;
    /** {@code $6$[rounds=N$]salt$hash}: the rounds, the salt, the hash. */
    private static final Pattern CRYPT = Pattern.compile("\\$6\\$(?:rounds=(\\d{4,9})\\$)?([./0-9A-Za-z]{1,16})\\$([./0-9A-Za-z]{86})");

    private CryptPasswords() {
    }

    public static String sha512Crypt(String password) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) SALT_ALPHABET[random.nextInt(SALT_ALPHABET.length)];
        }
        try {
            PasswordFactory factory = factory();
            return ModularCrypt.encodeAsString(factory.generatePassword(
                    new EncryptablePasswordSpec(password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(ROUNDS, salt))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA512-CRYPT is not available", e);
        }
    }

    /**
     * Recomputes the hash with the stored salt and rounds and compares the hash part in constant time. Not
     * through {@code ModularCrypt.decode}: it reads a salt that begins with "r" as a "rounds=" field and
     * fails, so one hash in 64 (salts are random) would never verify.
     */
    public static boolean matches(String password, String crypt) {
        Matcher parts = crypt == null ? null : CRYPT.matcher(crypt);
        if (parts == null || !parts.matches()) {
            return false;
        }
        try {
            int rounds = parts.group(1) == null ? ROUNDS : Integer.parseInt(parts.group(1));
            String computed = ModularCrypt.encodeAsString(factory().generatePassword(new EncryptablePasswordSpec(password.toCharArray(),
                    new IteratedSaltedPasswordAlgorithmSpec(rounds, parts.group(2).getBytes(StandardCharsets.US_ASCII)))));
            String hash = computed.substring(computed.lastIndexOf('$') + 1);
            return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), parts.group(3).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The hash to store for a new password: the password hashed here, or a SHA512-CRYPT hash the client
     * computed itself (cPanel's {@code pass_hash} / {@code password_hash}, named {@code hashParameter}).
     */
    public static String fromInput(String password, String clientHash, String hashParameter) {
        if (clientHash != null && !clientHash.isEmpty()) {
            if (!isSha512Crypt(clientHash)) {
                throw ApiException.invalid(Quote.of(hashParameter) + " must be a SHA512-CRYPT hash ($6$…).");
            }
            return clientHash;
        }
        PasswordRule.requireMinimumLength(password);
        return sha512Crypt(password);
    }

    /** Accepts a hash the client computed itself (cPanel's {@code pass_hash}): only SHA512-CRYPT. */
    public static boolean isSha512Crypt(String value) {
        return value != null && value.matches("\\$6\\$(rounds=\\d{4,9}\\$)?[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{86}")
                && value.getBytes(StandardCharsets.US_ASCII).length < 200;
    }

    private static PasswordFactory factory() throws GeneralSecurityException {
        return PasswordFactory.getInstance(UnixSHACryptPassword.ALGORITHM_CRYPT_SHA_512, WildFlyElytronPasswordProvider.getInstance());
    }
}
