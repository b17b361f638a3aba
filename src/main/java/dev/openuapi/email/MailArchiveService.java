package dev.openuapi.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.files.HomePaths;

/**
 * The mail part of an account backup (issue 17): mailboxes and forwarders where cPanel's {@code pkgacct} has them.
 *
 * <ul>
 * <li>{@code homedir/etc/<domain>/passwd}: {@code local:x:UID:GID::HOME/mail/<domain>/local:HOME} per mailbox;</li>
 * <li>{@code homedir/etc/<domain>/shadow}: {@code local:HASH:DAYS::::::}, the SHA512-CRYPT hash, {@code !} before it when
 * logins are suspended (as cPanel marks it), DAYS the day the mailbox was made;</li>
 * <li>{@code homedir/etc/<domain>/quota}: {@code local:BYTES}, 0 for no quota;</li>
 * <li>{@code va/<domain>}: cPanel's valiases, {@code address: dest1,dest2}; {@code :fail: message} and {@code :blackhole:}
 * each on a line of their own, a pipe quoted ({@code "|/home/user/prog"});</li>
 * <li>{@code email_suspensions/<domain>} (OpenUAPI's own; cPanel keeps these flags outside the archive's home):
 * {@code local: incoming,outgoing} for each mailbox with incoming or outgoing mail suspended.</li>
 * </ul>
 */
@ApplicationScoped
public class MailArchiveService {

    static final String ETC = "homedir/etc";
    static final String VALIASES = "va";
    static final String SUSPENSIONS = "email_suspensions";
    static final List<String> MAILBOX_FILES = List.of("passwd", "shadow", "quota");
    private static final long MIB = 1024L * 1024L;
    private static final long DAY = 86400L;

    private final MailboxRepository mailboxes;
    private final EmailForwarderRepository forwarders;
    private final AccountRepository accounts;
    private final AccountDomainRepository domains;
    private final EmailService email;
    private final HomePaths homes;
    private final HomeDirectories directories;

    MailArchiveService(MailboxRepository mailboxes, EmailForwarderRepository forwarders, AccountRepository accounts, AccountDomainRepository domains,
            EmailService email, HomePaths homes, HomeDirectories directories) {
        this.mailboxes = mailboxes;
        this.forwarders = forwarders;
        this.accounts = accounts;
        this.domains = domains;
        this.email = email;
        this.homes = homes;
        this.directories = directories;
    }

    /** One mailbox as the archive holds it. */
    record ArchivedMailbox(String local, String hash, boolean suspendedLogin, Long quotaMb, boolean suspendedIncoming, boolean suspendedOutgoing) {
    }

    /** One forwarder as the archive holds it: the destination as OpenUAPI stores it (a pipe with its absolute path). */
    record ArchivedForwarder(String address, String destination) {
    }

    /** Writes the account's mailboxes and forwarders under {@code root} (see the class comment). */
    @Transactional
    public void export(String username, Path root) {
        Account account = account(username);
        String home = homes.of(username);
        FileInfo owner = directories.of(account).stat(HomePath.HOME);
        Map<String, List<Mailbox>> byDomain = new TreeMap<>();
        for (Mailbox mailbox : mailboxes.forAccount(account.id)) {
            byDomain.computeIfAbsent(mailbox.domain, d -> new ArrayList<>()).add(mailbox);
        }
        try {
            // the copied home may hold such files of its own (uploaded, or left from another server): the archive's are the table's
            for (Path directory : children(root.resolve(ETC))) {
                if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) && !byDomain.containsKey(directory.getFileName().toString())) {
                    for (String name : MAILBOX_FILES) {
                        Files.deleteIfExists(directory.resolve(name));
                    }
                }
            }
            for (Map.Entry<String, List<Mailbox>> domain : byDomain.entrySet()) {
                Path etc = root.resolve(ETC).resolve(domain.getKey());
                Files.createDirectories(etc);
                StringBuilder passwd = new StringBuilder();
                StringBuilder shadow = new StringBuilder();
                StringBuilder quota = new StringBuilder();
                StringBuilder suspensions = new StringBuilder();
                for (Mailbox mailbox : domain.getValue()) {
                    String local = mailbox.email.substring(0, mailbox.email.lastIndexOf('@'));
                    passwd.append(local).append(":x:").append(owner.uid()).append(':').append(owner.gid()).append("::").append(home).append("/mail/")
                            .append(domain.getKey()).append('/').append(local).append(':').append(home).append('\n');
                    shadow.append(local).append(':').append(mailbox.suspendedLogin ? "!" : "").append(mailbox.passwordHash).append(':')
                            .append(mailbox.createdAt / DAY).append("::::::\n");
                    quota.append(local).append(':').append(mailbox.quotaMb == null ? 0 : mailbox.quotaMb * MIB).append('\n');
                    if (mailbox.suspendedIncoming || mailbox.suspendedOutgoing) {
                        List<String> flags = new ArrayList<>();
                        if (mailbox.suspendedIncoming) {
                            flags.add("incoming");
                        }
                        if (mailbox.suspendedOutgoing) {
                            flags.add("outgoing");
                        }
                        suspensions.append(local).append(": ").append(String.join(",", flags)).append('\n');
                    }
                }
                Files.writeString(etc.resolve("passwd"), passwd, StandardCharsets.UTF_8);
                Files.writeString(etc.resolve("shadow"), shadow, StandardCharsets.UTF_8);
                Files.writeString(etc.resolve("quota"), quota, StandardCharsets.UTF_8);
                if (!suspensions.isEmpty()) {
                    Files.createDirectories(root.resolve(SUSPENSIONS));
                    Files.writeString(root.resolve(SUSPENSIONS).resolve(domain.getKey()), suspensions, StandardCharsets.UTF_8);
                }
            }
            Map<String, List<EmailForwarder>> forwardersByDomain = new TreeMap<>();
            for (EmailForwarder forwarder : forwarders.forAccount(account.id)) {
                forwardersByDomain.computeIfAbsent(forwarder.domain, d -> new ArrayList<>()).add(forwarder);
            }
            for (Map.Entry<String, List<EmailForwarder>> domain : forwardersByDomain.entrySet()) {
                Files.createDirectories(root.resolve(VALIASES));
                Files.writeString(root.resolve(VALIASES).resolve(domain.getKey()),
                        valiases(domain.getValue().stream().map(f -> new ArchivedForwarder(f.address, f.destination)).toList()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the mail files under " + root, e);
        }
    }

    /** The domains whose mailboxes ({@code homedir/etc/<domain>/passwd|shadow|quota}) or forwarders ({@code va/<domain>}) the archive holds. */
    public List<String> domainsIn(Path root) {
        TreeSet<String> found = new TreeSet<>();
        for (Path directory : children(root.resolve(ETC))) {
            if (Files.isDirectory(directory) && MAILBOX_FILES.stream().anyMatch(f -> Files.isRegularFile(directory.resolve(f)))) {
                found.add(DomainNames.check(directory.getFileName().toString()));
            }
        }
        for (Path file : children(root.resolve(VALIASES))) {
            if (Files.isRegularFile(file)) {
                found.add(DomainNames.check(file.getFileName().toString()));
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * Recreates the archive's mailboxes (same password hashes, quotas and suspensions) and forwarders for account
     * {@code newUsername}, whose domains they must be on; a pipe's program below {@code oldUsername}'s home moves below the
     * new home. Everything is read and checked before anything is made (an address taken already, a domain not the
     * account's, a line that does not parse, a pipe outside the old home: refused, nothing changed); one transaction, so a
     * failure half-way leaves nothing behind.
     */
    @Transactional
    public void restore(Path root, String oldUsername, String newUsername) {
        Account account = account(newUsername);
        List<String> oldHomes = oldHomes(root, oldUsername);
        Map<String, List<ArchivedMailbox>> boxes = new LinkedHashMap<>();
        Map<String, List<ArchivedForwarder>> forwards = new LinkedHashMap<>();
        for (String domain : domainsIn(root)) {
            if (!domain.equals(account.domain) && domains.byName(domain).filter(d -> d.account.id.equals(account.id)).isEmpty()) {
                throw ApiException.invalid("The domain " + Quote.of(domain) + " does not belong to the account " + Quote.of(newUsername) + ".");
            }
            boxes.put(domain, readMailboxes(root, domain));
            Path va = root.resolve(VALIASES).resolve(domain);
            forwards.put(domain, Files.isRegularFile(va) ? parseValiases(read(va), domain) : List.of());
        }
        for (Map.Entry<String, List<ArchivedMailbox>> domain : boxes.entrySet()) {
            for (ArchivedMailbox box : domain.getValue()) {
                String address = box.local() + "@" + domain.getKey();
                if (mailboxes.find("email", address).count() > 0) {
                    throw ApiException.conflict("The email account " + Quote.of(address) + " already exists.");
                }
            }
        }
        for (List<ArchivedForwarder> list : forwards.values()) {
            for (ArchivedForwarder forwarder : list) {
                if (forwarder.destination().startsWith("|")) {
                    movedPipe(forwarder.destination().substring(1), oldHomes, newUsername);
                }
            }
        }
        for (Map.Entry<String, List<ArchivedMailbox>> domain : boxes.entrySet()) {
            for (ArchivedMailbox box : domain.getValue()) {
                String address = box.local() + "@" + domain.getKey();
                email.add(account.id, address, domain.getKey(), null, box.hash(), box.quotaMb() == null ? "unlimited" : String.valueOf(box.quotaMb()));
                if (box.suspendedLogin() || box.suspendedIncoming() || box.suspendedOutgoing()) {
                    email.change(account.id, address, m -> {
                        m.suspendedLogin = box.suspendedLogin();
                        m.suspendedIncoming = box.suspendedIncoming();
                        m.suspendedOutgoing = box.suspendedOutgoing();
                    });
                }
            }
        }
        for (Map.Entry<String, List<ArchivedForwarder>> domain : forwards.entrySet()) {
            for (ArchivedForwarder forwarder : domain.getValue()) {
                String destination = forwarder.destination();
                if (destination.startsWith("|")) {
                    email.addForwarder(account.id, forwarder.address(), domain.getKey(), "pipe", null, null,
                            movedPipe(destination.substring(1), oldHomes, newUsername));
                } else if (destination.equals(":blackhole:")) {
                    email.addForwarder(account.id, forwarder.address(), domain.getKey(), "blackhole", null, null, null);
                } else if (destination.startsWith(":fail:")) {
                    email.addForwarder(account.id, forwarder.address(), domain.getKey(), "fail", null, destination.substring(":fail:".length()).trim(), null);
                } else {
                    email.addForwarder(account.id, forwarder.address(), domain.getKey(), "fwd", destination, null, null);
                }
            }
        }
    }

    /** cPanel's valiases lines for one domain's forwarders, by address. */
    static String valiases(List<ArchivedForwarder> forwarders) {
        Map<String, TreeSet<String>> plain = new TreeMap<>();
        Map<String, TreeSet<String>> special = new TreeMap<>();
        for (ArchivedForwarder forwarder : forwarders) {
            boolean alone = forwarder.destination().startsWith(":");
            (alone ? special : plain).computeIfAbsent(forwarder.address(), a -> new TreeSet<>()).add(forwarder.destination());
            plain.computeIfAbsent(forwarder.address(), a -> new TreeSet<>());
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, TreeSet<String>> address : plain.entrySet()) {
            if (!address.getValue().isEmpty()) {
                out.append(address.getKey()).append(": ")
                        .append(String.join(",", address.getValue().stream().map(MailArchiveService::quoted).toList())).append('\n');
            }
            for (String alone : special.getOrDefault(address.getKey(), new TreeSet<>())) {
                out.append(address.getKey()).append(": ").append(alone).append('\n');
            }
        }
        return out.toString();
    }

    /** An address as it is; anything else (a pipe) quoted with {@code "} and {@code ,} escaped, as cPanel quotes it. */
    private static String quoted(String destination) {
        if (!destination.startsWith("|")) {
            return destination;
        }
        return "\"" + destination.replace("\"", "\\\"").replace(",", "\\,") + "\"";
    }

    /**
     * The forwarders of a valiases file: {@code address: dest,dest} lines (several lines may name one address); a
     * {@code :fail:}/{@code :blackhole:} destination takes the rest of its line. The domain default ({@code *:}) has no
     * counterpart in OpenUAPI and is refused, as are {@code :defer:} and {@code :include:}.
     */
    static List<ArchivedForwarder> parseValiases(String text, String domain) {
        List<ArchivedForwarder> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw ApiException.invalid("The forwarders of " + Quote.of(domain) + " hold a line that is not “address: destination”: " + Quote.of(line));
            }
            String address = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String rest = line.substring(colon + 1).strip();
            if (address.equals("*")) {
                throw ApiException.invalid("The forwarders of " + Quote.of(domain) + " set a default address (“*”), which OpenUAPI does not have.");
            }
            if (!address.endsWith("@" + domain)) {
                throw ApiException.invalid("The forwarder address " + Quote.of(address) + " is not on the domain " + Quote.of(domain) + ".");
            }
            String unquoted = rest.length() > 1 && rest.startsWith("\"") && rest.endsWith("\"") ? rest.substring(1, rest.length() - 1).strip() : rest;
            if (unquoted.startsWith(":")) {
                if (unquoted.equals(":blackhole:") || unquoted.startsWith(":fail:")) {
                    out.add(new ArchivedForwarder(address, unquoted.startsWith(":fail:") ? ":fail: " + unquoted.substring(6).strip() : unquoted));
                    continue;
                }
                throw ApiException.invalid("The forwarder " + Quote.of(address) + " has a destination OpenUAPI does not support: " + Quote.of(unquoted));
            }
            for (String destination : splitDestinations(rest)) {
                if (destination.isEmpty()) {
                    throw ApiException.invalid("The forwarder " + Quote.of(address) + " has an empty destination.");
                }
                out.add(new ArchivedForwarder(address, destination));
            }
        }
        return out;
    }

    /** Comma-separated destinations; a quoted one may hold {@code \"} and {@code \,} (cPanel's escapes). */
    private static List<String> splitDestinations(String rest) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                current.append(rest.charAt(++i));
            } else if (c == ',') {
                out.add(unquote(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(unquote(current.toString()));
        return out;
    }

    private static String unquote(String text) {
        String s = text.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The mailboxes of one domain: passwd names them, shadow holds their hashes, quota their limits. */
    private List<ArchivedMailbox> readMailboxes(Path root, String domain) {
        Path etc = root.resolve(ETC).resolve(domain);
        if (!Files.isRegularFile(etc.resolve("passwd"))) {
            return List.of();
        }
        Map<String, String> hashes = fields(etc.resolve("shadow"), domain);
        Map<String, String> quotas = fields(etc.resolve("quota"), domain);
        Map<String, String> suspensions = fields(root.resolve(SUSPENSIONS).resolve(domain), domain);
        List<ArchivedMailbox> out = new ArrayList<>();
        for (String local : fields(etc.resolve("passwd"), domain).keySet()) {
            String hash = hashes.get(local);
            if (hash == null || hash.isEmpty()) {
                throw ApiException.invalid("The mailbox " + Quote.of(local + "@" + domain) + " has no password hash in the archive's shadow file.");
            }
            boolean suspendedLogin = hash.startsWith("!");
            Long quotaMb = quotaMb(quotas.get(local), local + "@" + domain);
            String flags = suspensions.getOrDefault(local, "");
            out.add(new ArchivedMailbox(local, suspendedLogin ? hash.substring(1) : hash, suspendedLogin, quotaMb, flags.contains("incoming"),
                    flags.contains("outgoing")));
        }
        return out;
    }

    private static Long quotaMb(String bytes, String address) {
        if (bytes == null || bytes.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(bytes.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value == 0 ? null : (value + MIB - 1) / MIB;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("The quota of " + Quote.of(address) + " in the archive is not a number of bytes: " + Quote.of(bytes));
        }
    }

    /** {@code name:rest} lines of a file (none if it is missing): name to the second field (passwd and shadow) or the rest. */
    private static Map<String, String> fields(Path file, String domain) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : read(file).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw ApiException.invalid("The line " + Quote.of(line) + " of " + Quote.of(file.getFileName().toString()) + " for "
                        + Quote.of(domain) + " has no “name:” field.");
            }
            String rest = line.substring(colon + 1);
            int next = rest.indexOf(':');
            out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), (next < 0 ? rest : rest.substring(0, next)).strip());
        }
        return out;
    }

    /**
     * The program of a pipe below one of the old homes, as the same path below {@code newUsername}'s home; a program
     * elsewhere is refused (OpenUAPI's pipes run programs in the home only).
     */
    private String movedPipe(String program, List<String> oldHomes, String newUsername) {
        String path = program.strip();
        for (String old : oldHomes) {
            if (path.startsWith(old + "/")) {
                return HomePaths.moved(path, old, homes.of(newUsername));
            }
        }
        throw ApiException.invalid("The pipe forwarder to " + Quote.of(path) + " runs a program outside the account's old home directory.");
    }

    /** Where the archived account's home was: {@code meta/homedir_paths} (pkgacct's), then the old user's home here and under /home. */
    private List<String> oldHomes(Path root, String oldUsername) {
        List<String> out = new ArrayList<>();
        Path paths = root.resolve("meta/homedir_paths");
        if (Files.isRegularFile(paths)) {
            read(paths).lines().map(String::strip).filter(l -> l.startsWith("/") && l.length() > 1).forEach(out::add);
        }
        out.add(homes.of(oldUsername));
        out.add("/home/" + oldUsername);
        return out;
    }

    private Account account(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
    }

    private static List<Path> children(Path directory) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException("Could not list " + directory, e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + file, e);
        }
    }
}
