package dev.openuapi.backup;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.dns.ZoneFileService;
import dev.openuapi.dns.ZoneService;
import dev.openuapi.domain.DomainService;
import dev.openuapi.email.MailArchiveService;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.mysql.DatabaseDumpService;

/**
 * The operator's restore of an account from a backup archive (src/docs/backups.md), under its own name or a new one,
 * in the contract's order: checks (nothing changed yet), account with plan, settings and domains, home, databases,
 * zones, mail, then API tokens, cron jobs and FTP accounts. A failure after the account exists undoes the restore as
 * {@code removeacct} would, and drops the databases it made.
 */
@ApplicationScoped
public class RestoreService {

    private static final Logger LOG = Logger.getLogger(RestoreService.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Set<String> MAILBOX_FILES = Set.of("passwd", "shadow", "quota");

    /** What a restore made. */
    public record Restored(String username, String restoredFrom, List<String> domains, List<String> databases, List<String> warnings) {
    }

    private final AccountService accounts;
    private final DomainService domains;
    private final ZoneService zones;
    private final HomeDirectories homes;
    private final AccountArchiveService account;
    private final DatabaseDumpService databases;
    private final ZoneFileService zoneFiles;
    private final MailArchiveService mail;
    private final Path backupDir;
    private final int maxEntries;
    private final long maxBytes;

    RestoreService(AccountService accounts, DomainService domains, ZoneService zones, HomeDirectories homes, AccountArchiveService account,
            DatabaseDumpService databases, ZoneFileService zoneFiles, MailArchiveService mail, OpenUapiConfig config) {
        this.accounts = accounts;
        this.domains = domains;
        this.zones = zones;
        this.homes = homes;
        this.account = account;
        this.databases = databases;
        this.zoneFiles = zoneFiles;
        this.mail = mail;
        this.backupDir = Path.of(config.backup().dir()).toAbsolutePath().normalize();
        this.maxEntries = config.homes().archiveMaxEntries();
        this.maxBytes = config.homes().archiveMaxBytes();
    }

    /**
     * @param archive     a path in a home ({@code /home/<user>/backup-….tar.gz} or the real path) or a file name on the
     *                    backup volume ({@code openuapi.backup.dir})
     * @param newUsername the restored account's name; {@code null} or empty: the archive's
     */
    public Restored restore(String archive, String newUsername) {
        Path staging = null;
        try {
            staging = Files.createTempDirectory("openuapi-restore-");
            Files.setPosixFilePermissions(staging, TarArchives.permissions(0700));
            Path root = Files.createDirectory(staging.resolve("archive"));
            TarArchives.Extracted extracted;
            try (InputStream in = open(archive)) {
                extracted = TarArchives.extract(in, root, maxEntries, maxBytes);
            }
            return restoreExtracted(root, archive, newUsername, extracted.skipped());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BackupService.deleteStaging(staging);
        }
    }

    private Restored restoreExtracted(Path root, String archive, String requested, List<String> skipped) {
        AccountArchiveService.Contents contents = account.read(root);
        String oldUsername = contents.username();
        String username = requested == null || requested.isBlank() ? oldUsername : requested.trim();
        // 1. refusals, before anything changes
        if (accounts.exists(username)) {
            throw ApiException.conflict("An account with the username " + Quote.of(username) + " already exists.");
        }
        Set<String> names = new LinkedHashSet<>(contents.domains());
        names.addAll(zoneFiles.zonesIn(root));
        names.addAll(mail.domainsIn(root));
        for (String name : names) {
            var owned = domains.find(name);
            if (owned.isPresent()) {
                throw ApiException.conflict("The domain " + Quote.of(name) + " belongs to the account " + Quote.of(owned.get().username())
                        + ": the archive cannot be restored while it does. Nothing was changed.");
            }
            if (zones.zoneExists(name)) {
                throw ApiException.conflict("A DNS zone for " + Quote.of(name) + " exists already on this server: the archive cannot be "
                        + "restored while it does. Nothing was changed.");
            }
        }
        List<String> warnings = new ArrayList<>();
        skipped.forEach(s -> warnings.add("Left out of the archive: " + s + "."));
        // 2. the account, its plan and settings, its domains (one transaction: nothing stays when it fails)
        warnings.addAll(account.createAccount(contents, username));
        boolean databasesMade = false;
        try {
            // 3. the home (mail's passwd/shadow/quota files stay in the archive: they go to the mailboxes in step 6)
            Account made = accounts.get(username);
            Home home = homes.of(made);
            Set<String> mailFiles = new java.util.HashSet<>();
            for (String domain : mail.domainsIn(root)) {
                MAILBOX_FILES.forEach(f -> mailFiles.add("etc/" + domain + "/" + f));
            }
            Path homedir = root.resolve("homedir");
            if (Files.isDirectory(homedir, NOFOLLOW_LINKS)) {
                HomeCopy.restore(homedir, home, mailFiles::contains);
            }
            // 4. databases and their users, renamed from <old>_ to <new>_
            databases.restore(root, oldUsername, username); // a failure inside removes what it made itself
            databasesMade = true;
            // 5. the zones as the archive holds them, in place of those the new domains were given
            zoneFiles.discard(root, username);
            zoneFiles.restore(root, username);
            // 6. mailboxes and forwarders
            mail.restore(root, oldUsername, username);
            // 7. API tokens (by hash), cron jobs, FTP accounts
            warnings.addAll(account.restoreRest(root, contents, username));
        } catch (RuntimeException e) {
            undo(root, oldUsername, username, databasesMade, e);
            throw e;
        }
        List<String> dbs = databases.databasesIn(root).stream()
                .map(db -> db.startsWith(oldUsername + "_") ? username + "_" + db.substring(oldUsername.length() + 1) : db).toList();
        LOG.infof("Restored account %s from %s (as %s)", oldUsername, archive, username);
        return new Restored(username, contents.username(), domains.list(username).stream().map(d -> d.name).toList(), dbs, warnings);
    }

    private void undo(Path root, String oldUsername, String username, boolean databasesMade, RuntimeException cause) {
        LOG.warnf("The restore of %s as %s failed (%s); undoing it", oldUsername, username, cause.getMessage());
        if (databasesMade) {
            try {
                databases.discard(root, oldUsername, username);
            } catch (RuntimeException e) {
                LOG.errorf("Undoing the restore of %s: its databases could not be removed: %s", username, e.getMessage());
            }
        }
        try {
            zoneFiles.discard(root, username);
        } catch (RuntimeException e) {
            LOG.errorf("Undoing the restore of %s: its zones could not be removed: %s", username, e.getMessage());
        }
        try {
            accounts.delete(username);
        } catch (RuntimeException e) {
            LOG.errorf("Undoing the restore of %s: the account could not be removed: %s", username, e.getMessage());
        }
    }

    /** The archive's bytes: from a home (through {@link Home}, no link out of it followed) or from the backup volume. */
    private InputStream open(String archive) throws IOException {
        if (archive == null || archive.isBlank()) {
            throw ApiException.invalid("“archive” is required: the path of a backup in a home directory (/home/<user>/backup-….tar.gz) "
                    + "or the name of a file on the backup volume.");
        }
        String path = archive.trim();
        if (!path.contains("/")) {
            return fromBackupVolume(path);
        }
        if (path.startsWith(backupDir + "/")) {
            return fromBackupVolume(path.substring(backupDir.toString().length() + 1));
        }
        String homesRoot = homes.root().toString();
        String user = null;
        for (String top : List.of("/home/", homesRoot + "/")) {
            if (path.startsWith(top)) {
                String rest = path.substring(top.length());
                int slash = rest.indexOf('/');
                user = slash > 0 ? rest.substring(0, slash) : null;
                break;
            }
        }
        if (user == null || !AccountService.USERNAME.matcher(user).matches() || !accounts.exists(user)) {
            throw ApiException.invalid("The archive " + Quote.of(path) + " is neither in an account's home directory (/home/<user>/…) nor on the "
                    + "backup volume.");
        }
        Home home = homes.of(accounts.get(user));
        HomePath file = home.path(path);
        return home.read(file);
    }

    private InputStream fromBackupVolume(String name) throws IOException {
        if (!FILE_NAME.matcher(name).matches()) {
            throw ApiException.invalid(Quote.of(name) + " is not a file name on the backup volume.");
        }
        Path file = backupDir.resolve(name);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            throw ApiException.notFound("The archive " + Quote.of(name) + " is not on the backup volume.");
        }
        if (!attrs.isRegularFile()) {
            throw ApiException.invalid("The archive " + Quote.of(name) + " on the backup volume is not a regular file.");
        }
        return Files.newInputStream(file, StandardOpenOption.READ, NOFOLLOW_LINKS);
    }
}
