package dev.openuapi.dirprivacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.Md5Crypt;

/**
 * A protected directory's password file, {@code user:hash} per line, edited as Cpanel::HttpUtils::Htpasswd edits it:
 * lines that are not {@code name:…} are dropped, an existing user's line is replaced in place, a new one appended,
 * lines joined by newlines. Hashes are Apache's MD5 ({@code $apr1$}), as cPanel writes them.
 */
final class Htpasswd {

    private static final Pattern ENTRY = Pattern.compile("^(\\S+):");
    private static final String SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Htpasswd() {
    }

    static List<String> users(String text) {
        List<String> users = new ArrayList<>();
        for (String line : Htaccess.lines(text)) {
            Matcher m = ENTRY.matcher(line);
            if (!line.isEmpty() && m.find()) {
                users.add(m.group(1));
            }
        }
        return users;
    }

    /** The file with {@code user}'s line set to a new hash of {@code password}. */
    static String withUser(String text, String user, String password) {
        String entry = user + ":" + hash(password);
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        for (String line : Htaccess.lines(text)) {
            Matcher m = ENTRY.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (m.group(1).equals(user)) {
                lines.add(entry);
                replaced = true;
            } else {
                lines.add(line);
            }
        }
        if (!replaced) {
            lines.add(entry);
        }
        return String.join("\n", lines);
    }

    /** The file without {@code user}'s lines; {@code null} when it has none. */
    static String withoutUser(String text, String user) {
        List<String> all = Htaccess.lines(text);
        List<String> kept = all.stream().filter(line -> !line.startsWith(user + ":")).toList();
        return kept.size() == all.size() ? null : String.join("\n", kept);
    }

    /** Apache's MD5 crypt with an 8-character random salt. */
    static String hash(String password) {
        StringBuilder salt = new StringBuilder("$apr1$");
        for (int i = 0; i < 8; i++) {
            salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
        }
        return Md5Crypt.apr1Crypt(password.getBytes(StandardCharsets.UTF_8), salt.toString());
    }
}
