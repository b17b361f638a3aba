package dev.openuapi.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.mysql.MysqlService;

/**
 * An account's disk use, and the plan's disk quota that OpenUAPI's writes are held to (src/docs/disk-usage.md): the
 * regular files in its home, mail included ({@code <home>/mail}), plus its MariaDB databases.
 * <ul>
 * <li>The home's size is stored in the shared database ({@link HomeSizeService}), so every replica reads the same
 * figure; each write OpenUAPI makes adds what it changed with one atomic {@code UPDATE}. The home is walked only when
 * no figure is stored (synchronously: a new home is nearly empty), or in the background when the figure is older than
 * {@code openuapi.disk-usage.rescan-interval} (to catch what mail delivery and FTP wrote), one replica at a time.</li>
 * <li>The databases' size is read from the hosting server's {@code information_schema} and kept by each replica for
 * {@code openuapi.disk-usage.database-cache}.</li>
 * </ul>
 */
@ApplicationScoped
public class HomeUsage implements DiskQuota {

    static final long MIB = 1024L * 1024L;
    private static final Logger LOG = Logger.getLogger(HomeUsage.class);

    /** What an account uses, in bytes. */
    public record Use(long homeBytes, long databaseBytes) {
        public long total() {
            return homeBytes + databaseBytes;
        }
    }

    private record Cached(long bytes, long readAtNanos) {
    }

    private final HomeSizeService sizes;
    private final MysqlService mysql;
    private final long rescanSeconds;
    private final long databaseCacheNanos;
    private final ConcurrentMap<Long, Cached> databases = new ConcurrentHashMap<>();
    private final ExecutorService rescans = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openuapi-home-rescan");
        t.setDaemon(true);
        return t;
    });

    @Inject
    HomeUsage(HomeSizeService sizes, MysqlService mysql, OpenUapiConfig config) {
        this(sizes, mysql, config.diskUsage().rescanInterval(), config.diskUsage().databaseCache());
    }

    HomeUsage(HomeSizeService sizes, MysqlService mysql, Duration rescanInterval, Duration databaseCache) {
        this.sizes = sizes;
        this.mysql = mysql;
        this.rescanSeconds = rescanInterval.toSeconds();
        this.databaseCacheNanos = databaseCache.toNanos();
    }

    @PreDestroy
    void stop() {
        rescans.shutdownNow();
    }

    /** The size of the regular files in {@code home}, mail included. */
    public long bytes(Home home) {
        long now = Epoch.now();
        Optional<HomeSizeService.Stored> stored = sizes.find(home.accountId());
        if (stored.isEmpty()) {
            return measure(home);
        }
        if (rescanSeconds > 0 && stored.get().measuredAt() < now - rescanSeconds && sizes.claim(home.accountId(), now - rescanSeconds, now)) {
            rescans.execute(() -> {
                try {
                    measure(home);
                } catch (RuntimeException e) {
                    LOG.warnf("Could not measure the home directory of %s: %s", home.username(), e.getMessage());
                }
            });
        }
        return stored.get().bytes();
    }

    /** The size of the account's databases (kept for {@code openuapi.disk-usage.database-cache}). */
    public long databaseBytes(long accountId) {
        Cached cached = databases.get(accountId);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAtNanos() < databaseCacheNanos) {
            return cached.bytes();
        }
        try {
            long bytes = mysql.diskUsage(accountId);
            databases.put(accountId, new Cached(bytes, now));
            return bytes;
        } catch (IllegalStateException unreachable) {
            // the hosting server cannot be reached: the last figure known, rather than no answer at all
            LOG.warnf("Could not read the size of account %d's databases: %s", accountId, unreachable.getMessage());
            return cached == null ? 0 : cached.bytes();
        }
    }

    /** What the account uses: its home (files and mail) and its databases. */
    public Use use(Home home) {
        return new Use(bytes(home), databaseBytes(home.accountId()));
    }

    /** Walks the home now and stores what it found (the figure every replica then reads). */
    public long measure(Home home) {
        long now = Epoch.now();
        long bytes = walk(home.directory());
        sizes.store(home.accountId(), bytes, now);
        return bytes;
    }

    /** The metering agent measured the home ({@code PUT /api/v1/accounts/{user}/usage}, disk_used_bytes). */
    public void reported(long accountId, long homeBytes) {
        sizes.reported(accountId, homeBytes, Epoch.now());
    }

    /** The home's stored size, without measuring it when none is stored. */
    public Optional<Long> stored(long accountId) {
        return sizes.find(accountId).map(HomeSizeService.Stored::bytes);
    }

    /** The plan's disk quota in bytes; empty when unlimited (no plan, no quota, or 0). */
    public Optional<Long> limitBytes(Home home) {
        return sizes.quotaBytes(home.planId());
    }

    @Override
    public void check(Home home, long growthBytes) {
        room(home, growthBytes);
    }

    @Override
    public long room(Home home, long growthBytes) {
        Optional<Long> limit = limitBytes(home);
        if (limit.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long used = use(home).total();
        if (growthBytes > 0 && used + growthBytes > limit.get()) {
            throw ApiException.invalid(exceeded(growthBytes, used, limit.get()));
        }
        return Math.max(0, limit.get() - used - Math.max(0, growthBytes));
    }

    /** The refusal: the words of the kernel's EDQUOT, which cPanel's own writes report, then the figures. */
    static String exceeded(long growthBytes, long used, long limit) {
        return "Disk quota exceeded: the operation needs " + growthBytes + " more bytes, and the account uses " + used + " of its "
                + limit + " bytes (files, mail and databases).";
    }

    @Override
    public void changed(Home home, long deltaBytes) {
        if (deltaBytes != 0) {
            // no figure stored yet: the first measurement walks the home and finds this write there
            sizes.add(home.accountId(), deltaBytes);
        }
    }

    /** The size of the regular files below {@code dir}, not following symlinks. */
    static long walk(Path dir) {
        AtomicLong total = new AtomicLong();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total.addAndGet(attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total.get();
    }
}
