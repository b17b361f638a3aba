package dev.openuapi.backup;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Ticker;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.dns.ZoneFileService;
import dev.openuapi.email.MailArchiveService;
import dev.openuapi.mysql.DatabaseDumpService;

/**
 * Full backups into the home (src/docs/backups.md): {@link #start} answers at once and a job on Quarkus' managed
 * executor, never the request's thread, writes {@code backup-MM.DD.YYYY_HH-MM-SS_<user>.tar.gz} in cPanel's pkgacct
 * layout. While it runs, a marker of the same name without suffix is in the home (cPanel's own convention), touched
 * every {@code openuapi.backup.heartbeat}; the archive is written under a temporary name and renamed when complete
 * ({@link Home#write}: whole or nothing, under the disk quota), then the marker goes. So a job that fails leaves its
 * marker marked failed and no archive, and one whose replica dies leaves a marker that stops being touched: listed as
 * {@code timeout}, never complete.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    /** cPanel's {@code Cpanel::Validate::EmailRFC} is broader; this is the account contact address's rule, in short. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    /** Perl's {@code scalar localtime}, as cPanel's {@code listfullbackups} shows it. */
    private static final DateTimeFormatter LOCALTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final String FAILED = "failed";

    /** One backup as listed: cPanel's {@code status} is {@code complete}, {@code inprogress} or {@code timeout}; OpenUAPI adds {@code failed}. */
    public record Listed(String file, String status, long time, String localtime, String error) {
    }

    private final HomeDirectories homes;
    private final AccountArchiveService account;
    private final DatabaseDumpService databases;
    private final ZoneFileService zoneFiles;
    private final MailArchiveService mail;
    private final ExecutorService executor;
    private final long stallMillis;
    private final long heartbeatMillis;
    private final SecureRandom random = new SecureRandom();

    BackupService(HomeDirectories homes, AccountArchiveService account, DatabaseDumpService databases, ZoneFileService zoneFiles,
            MailArchiveService mail, ExecutorService executor, OpenUapiConfig config) {
        this.zoneFiles = zoneFiles;
        this.mail = mail;
        this.homes = homes;
        this.account = account;
        this.databases = databases;
        this.executor = executor;
        this.stallMillis = config.backup().stallTimeout().toMillis();
        this.heartbeatMillis = Math.max(100, config.backup().heartbeat().toMillis());
    }

    /**
     * Starts a full backup of the account into its home and returns at once with the job's id (cPanel's {@code pid}).
     *
     * @param email       cPanel's confirmation address: OpenUAPI sends no mail, so one is refused (never accepted and
     *                    ignored)
     * @param includeHome cPanel's {@code homedir=include} (else {@code skip}: no {@code homedir/} files)
     */
    public String start(long accountId, String username, Long planId, String email, boolean includeHome) {
        if (email != null && !email.isBlank()) {
            String address = email.trim();
            if (!EMAIL.matcher(address).matches()) {
                throw ApiException.invalid("The email address " + Quote.of(address) + " is not valid.");
            }
            throw ApiException.invalid("This server sends no email: the system cannot send a confirmation to " + Quote.of(address)
                    + ". Call the function without “email” and poll Backups::listfullbackups for the backup’s status.");
        }
        Home home = homes.of(accountId, username, planId);
        String base = BackupNames.base(username, LocalDateTime.now());
        String pid = Long.toString(1 + random.nextInt(Integer.MAX_VALUE));
        long started = Epoch.now();
        if (home.find(HomePath.HOME.child(base + BackupNames.SUFFIX)).isPresent()) {
            throw ApiException.conflict("A backup named " + Quote.of(base + BackupNames.SUFFIX) + " exists already: wait a second and try again.");
        }
        // the marker, before the answer: the backup is listed in progress from now on (a second one in the same second is a conflict)
        home.write(marker(base), ("openuapi " + started + " " + pid + "\n").getBytes(UTF_8), false, 0600);
        try {
            executor.execute(() -> run(home, base, pid, started, includeHome));
        } catch (RuntimeException e) {
            fail(home, base, pid, started, "The backup could not be started: " + e.getMessage());
            throw e;
        }
        LOG.infof("Backup %s of %s started (job %s)", base, username, pid);
        return pid;
    }

    private static HomePath marker(String base) {
        return HomePath.HOME.child(base);
    }

    /** The job: parts into a staging directory outside the home, one tar.gz, written into the home whole or not at all. */
    void run(Home home, String base, String pid, long started, boolean includeHome) {
        Path staging = null;
        try (Ticker heartbeat = Ticker.every("openuapi-backup-" + pid, heartbeatMillis, () -> beat(home, base))) {
            staging = Files.createTempDirectory("openuapi-backup-");
            Files.setPosixFilePermissions(staging, TarArchives.permissions(0700));
            Path root = Files.createDirectory(staging.resolve(base));
            Path homedir = Files.createDirectory(root.resolve("homedir"));
            if (includeHome) {
                List<String> left = HomeCopy.backup(home, homedir);
                if (!left.isEmpty()) {
                    LOG.infof("Backup %s leaves out: %s", base, String.join("; ", left));
                }
            }
            // the order of the contract (notes/backup-contract.md): home, mysql, zones, mail, then the account's own parts
            databases.export(home.username(), root);
            zoneFiles.export(home.username(), root);
            mail.export(home.username(), root);
            account.export(home.username(), root);
            Path archive = staging.resolve(base + BackupNames.SUFFIX);
            try (OutputStream out = Files.newOutputStream(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                TarArchives.write(root, base, out);
            }
            try (InputStream in = Files.newInputStream(archive)) {
                home.write(HomePath.HOME.child(base + BackupNames.SUFFIX), in, false, 0600);
            }
            home.delete(marker(base));
            LOG.infof("Backup %s complete (%d bytes)", base, Files.size(archive));
        } catch (ApiException | IOException | UncheckedIOException e) {
            fail(home, base, pid, started, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Backup %s failed", base);
            fail(home, base, pid, started, "The backup failed: " + e.getClass().getSimpleName());
        } finally {
            deleteStaging(staging);
        }
    }

    private static void beat(Home home, String base) {
        try {
            home.touch(marker(base), Epoch.now());
        } catch (RuntimeException e) {
            // the marker was removed by its owner: the job goes on, and the archive is still written whole or not at all
        }
    }

    private static void fail(Home home, String base, String pid, long started, String message) {
        String text = FAILED + " " + started + " " + pid + "\n" + (message == null ? "" : message.replace('\n', ' ')) + "\n";
        try {
            home.write(marker(base), text.getBytes(UTF_8), true, 0600);
        } catch (RuntimeException e) {
            if (!Files.isDirectory(home.directory())) {
                // the account was removed while its backup ran, its home with it: there is nothing left to mark, nor to fix
                LOG.infof("Backup %s stopped: its account was removed while it ran (%s)", base, message);
                return;
            }
            LOG.errorf("Backup %s failed (%s), and its marker could not be updated: %s", base, message, e.getMessage());
            return;
        }
        LOG.warnf("Backup %s failed: %s", base, message);
    }

    /**
     * The account's backups in its home, oldest first: archives, and the markers of jobs that run or ran (cPanel's
     * {@code Backups::listfullbackups}).
     */
    public List<Listed> list(long accountId, String username, Long planId) {
        return list(homes.of(accountId, username, planId));
    }

    private List<Listed> list(Home home) {
        Map<String, Listed> byBase = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        List<FileInfo> markers = new ArrayList<>();
        for (FileInfo entry : home.list(HomePath.HOME)) {
            Optional<BackupNames.Parsed> parsed = BackupNames.parse(entry.name());
            if (parsed.isEmpty() || !parsed.get().username().equals(home.username())) {
                continue;
            }
            BackupNames.Parsed p = parsed.get();
            if (p.isMarker()) {
                if (entry.isFile()) {
                    markers.add(entry);
                }
            } else if (entry.isFile()) {
                byBase.putIfAbsent(p.base(), new Listed(entry.name(), "complete", p.time(), localtime(p.time()), null));
            }
        }
        for (FileInfo marker : markers) {
            BackupNames.Parsed p = BackupNames.parse(marker.name()).orElseThrow();
            String status;
            String error = null;
            String text = readMarker(home, marker.path());
            if (text.startsWith(FAILED + " ")) {
                status = FAILED;
                String[] lines = text.split("\n", 2);
                error = lines.length > 1 ? lines[1].trim() : null;
            } else {
                status = now - marker.mtime() * 1000 > stallMillis ? "timeout" : "inprogress";
            }
            Listed complete = byBase.get(p.base());
            String file = complete != null ? complete.file() : p.base() + BackupNames.SUFFIX;
            byBase.put(p.base(), new Listed(file, status, p.time(), localtime(p.time()), error));
        }
        List<Listed> rows = new ArrayList<>(byBase.values());
        rows.sort(Comparator.comparingLong(Listed::time).thenComparing(Listed::file));
        return rows;
    }

    private static String readMarker(Home home, HomePath marker) {
        try {
            return new String(home.readAll(marker, 4096), UTF_8);
        } catch (ApiException e) {
            return ""; // gone meanwhile, or not readable: treated as a job that stopped progressing
        }
    }

    /** The dates ({@code YYYY-MM-DD}) of the account's complete backups (UAPI {@code Backup::list_backups}). */
    public List<String> dates(long accountId, String username, Long planId) {
        return list(accountId, username, planId).stream().filter(l -> l.status().equals("complete"))
                .map(l -> Instant.ofEpochSecond(l.time()).atZone(ZoneId.systemDefault()).toLocalDate().toString()).distinct().toList();
    }

    private static String localtime(long time) {
        return LOCALTIME.format(Instant.ofEpochSecond(time).atZone(ZoneId.systemDefault()));
    }

    /** Removes a backup's or a restore's staging directory; what cannot be removed is logged. */
    static void deleteStaging(Path dir) {
        try {
            HomeDirectories.deleteTree(dir);
        } catch (IOException e) {
            LOG.warnf("Could not remove the staging directory %s: %s", dir, e.getMessage());
        }
    }
}
