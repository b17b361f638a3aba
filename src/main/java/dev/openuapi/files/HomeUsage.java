package dev.openuapi.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;

/**
 * The bytes in each home directory, found by one walk of the tree the first time they are needed and then kept
 * current by every write OpenUAPI makes, and the plan's disk quota that writes are held to.
 */
@ApplicationScoped
public class HomeUsage implements DiskQuota {

    static final long MIB = 1024L * 1024L;

    private final PlanService plans;
    private final ConcurrentMap<String, AtomicLong> bytes = new ConcurrentHashMap<>();

    HomeUsage(PlanService plans) {
        this.plans = plans;
    }

    /** The size of the regular files in {@code home}. */
    public long bytes(Home home) {
        return counter(home).get();
    }

    @Override
    public void check(Home home, long growthBytes) {
        if (growthBytes <= 0) {
            return;
        }
        Long quotaMb = plans.byId(home.planId()).map((Plan p) -> p.diskQuotaMb).orElse(null);
        if (quotaMb == null || quotaMb <= 0) {
            return;
        }
        long limit = quotaMb * MIB;
        long used = bytes(home);
        if (used + growthBytes > limit) {
            throw ApiException.invalid("The operation would exceed your disk quota: " + used + " bytes used of " + limit + ", "
                    + growthBytes + " more requested.");
        }
    }

    @Override
    public void changed(Home home, long deltaBytes) {
        counter(home).addAndGet(deltaBytes);
    }

    private AtomicLong counter(Home home) {
        return bytes.computeIfAbsent(home.directory().toString(), key -> new AtomicLong(walk(home.directory())));
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
