package dev.openuapi.hulk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.openuapi.common.Caches;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.config.OpenUapiConfig;

/**
 * cPHulk's engine, in memory only (spec §11): it answers "is this login refused?" without touching the
 * database, and counts failed logins by address (an IPv6 address by its network) and by user. What it counts
 * and the blocks it decides are queued for {@link HulkService}, which shares them with the other replicas
 * once a second and feeds theirs back through {@link #ingest}.
 *
 * <p>Everything is bounded: Caffeine caches with a maximum size hold the per-address and per-user windows
 * (each at most as many timestamps as the largest threshold), the recent-credential set and the blocks; the
 * queue of failures not yet shared is capped too.
 *
 * <p>The same wrong credential counts once: a keyed hash (HMAC with a key made at start and never stored) of
 * the address, user, service and credential is remembered in memory only, never written anywhere.
 */
@ApplicationScoped
public class LoginGuard {

    /** What a block is about, with cPanel's three kinds of brute. */
    public enum Kind {
        IP, EXCESSIVE, USER;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String tag) {
            return valueOf(tag.toUpperCase(Locale.ROOT));
        }
    }

    /** A counted failed login. Times are epoch milliseconds. */
    public record Failure(long id, String address, String ipKey, String user, String service, String reason, long at, String replica) {
    }

    /** A block: {@code key} is the counting key of the address (ip, excessive) or service and user (user). */
    public record Block(Kind kind, String key, String address, String user, String service, int failures, long since, long until,
            String reason, String replica) {
        String mapKey() {
            return (kind == Kind.USER ? "u:" : "a:") + key;
        }
    }

    /** Why a login is refused before its credentials are even looked at. */
    public record Refusal(boolean denied, long retryAfterSeconds) {
    }

    static final int MAX_PENDING = 50_000;
    static final int MAX_WINDOW = 10_000;

    private final boolean hardOff;
    private final int ipv6Prefix;
    private final String replica = UUID.randomUUID().toString();
    private final byte[] fingerprintKey = new byte[32];
    private final ThreadLocal<Mac> macs;

    private volatile HulkSettings settings;
    private volatile List<IpRange> white = List.of();
    private volatile List<IpRange> black = List.of();

    private final Cache<String, Window> windows;
    private final Cache<String, Boolean> recentCredentials;
    private final Cache<String, Block> blocks;
    private final Queue<Failure> pendingFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Queue<Block> pendingBlocks = new ConcurrentLinkedQueue<>();

    LoginGuard(OpenUapiConfig config) {
        OpenUapiConfig.Cphulk c = config.cphulk();
        this.hardOff = !c.enabled();
        this.ipv6Prefix = Math.max(1, Math.min(128, c.ipv6PrefixLength()));
        this.settings = HulkSettings.defaults(c);
        new SecureRandom().nextBytes(fingerprintKey);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        Expiry<String, Object> lookback = new Expiry<>() {
            @Override
            public long expireAfterCreate(String key, Object value, long now) {
                return TimeUnit.SECONDS.toNanos(settings.lookbackSeconds());
            }

            @Override
            public long expireAfterUpdate(String key, Object value, long now, long current) {
                return expireAfterCreate(key, value, now);
            }

            @Override
            public long expireAfterRead(String key, Object value, long now, long current) {
                return current;
            }
        };
        this.windows = Caches.newBuilder().maximumSize(2L * c.maxTracked()).expireAfter(lookback).build();
        this.recentCredentials = Caches.newBuilder().maximumSize(c.maxTracked()).expireAfter(lookback).build();
        this.blocks = Caches.newBuilder().maximumSize(c.maxTracked()).expireAfter(new Expiry<String, Block>() {
            @Override
            public long expireAfterCreate(String key, Block block, long now) {
                return TimeUnit.MILLISECONDS.toNanos(Math.max(0, block.until() - System.currentTimeMillis()));
            }

            @Override
            public long expireAfterUpdate(String key, Block block, long now, long current) {
                return expireAfterCreate(key, block, now);
            }

            @Override
            public long expireAfterRead(String key, Block block, long now, long current) {
                return current;
            }
        }).build();
    }

    /** This process's name in the shared tables. */
    public String replica() {
        return replica;
    }

    public boolean hardOff() {
        return hardOff;
    }

    public HulkSettings settings() {
        return settings;
    }

    public boolean active() {
        return !hardOff && settings.enabled();
    }

    /**
     * Whether a login from {@code address} as {@code user} is refused before its credentials are checked: a
     * denied address, a blocked address or a locked user. Memory only. {@code null}: go on.
     */
    public Refusal check(String address, String user, String service) {
        if (!active()) {
            return null;
        }
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null || listed(white, bytes)) {
            return null;
        }
        if (listed(black, bytes)) {
            return new Refusal(true, 0);
        }
        long now = System.currentTimeMillis();
        HulkSettings s = settings;
        long until = 0;
        if (s.ipBasedProtection() && !bytes2Loopback(bytes)) {
            Block block = blocks.getIfPresent("a:" + IpRange.countingKey(bytes, ipv6Prefix));
            if (block != null && block.until() > now) {
                until = block.until();
            }
        }
        if (userRuleApplies(s, bytes, user)) {
            Block block = blocks.getIfPresent("u:" + userKey(service, user));
            if (block != null && block.until() > now) {
                until = Math.max(until, block.until());
            }
        }
        return until == 0 ? null : new Refusal(false, Math.max(1, (until - now + 999) / 1000));
    }

    /**
     * A failed login: counted (unless the address is allowed, or the same credential already counted), and
     * queued to be shared. {@code credential} is only hashed, with a key that never leaves this process.
     */
    public void failed(String address, String user, String service, String credential, String reason) {
        if (!active()) {
            return;
        }
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null || listed(white, bytes)) {
            return;
        }
        HulkSettings s = settings;
        boolean ipRule = s.ipBasedProtection() && !bytes2Loopback(bytes);
        if (!ipRule && !userRuleApplies(s, bytes, user)) {
            return;
        }
        String ipKey = IpRange.countingKey(bytes, ipv6Prefix);
        String name = truncate(user, 64);
        if (recentCredentials.asMap().putIfAbsent(fingerprint(ipKey, name, service, credential), Boolean.TRUE) != null) {
            return; // the same wrong credential again: it counted once
        }
        Failure failure = new Failure(0, IpAddresses.format(bytes), ipKey, name, service, reason, System.currentTimeMillis(), replica);
        if (pendingCount.incrementAndGet() <= MAX_PENDING) {
            pendingFailures.add(failure);
        } else {
            pendingCount.decrementAndGet(); // the database is behind: keep counting here, share what fits
        }
        count(failure, true);
    }

    /** A failure another replica counted: counted here too, and it may block. */
    public void ingest(Failure failure) {
        if (active()) {
            count(failure, true);
        }
    }

    /** A block another replica (or a previous run) decided. */
    public void ingest(Block block) {
        if (block.until() <= System.currentTimeMillis()) {
            return;
        }
        blocks.asMap().merge(block.mapKey(), block, (old, fresh) -> fresh.until() > old.until() ? fresh : old);
    }

    /** Replaces what this replica knows with the shared state: settings, lists, blocks and history (no new blocks). */
    public void replace(HulkSettings newSettings, List<IpRange> newWhite, List<IpRange> newBlack, Collection<Block> activeBlocks,
            List<Failure> history, boolean forgetCredentials) {
        settings = newSettings;
        white = List.copyOf(newWhite);
        black = List.copyOf(newBlack);
        blocks.invalidateAll();
        activeBlocks.forEach(this::ingest);
        pendingBlocks.forEach(this::ingest);
        windows.invalidateAll();
        if (forgetCredentials) {
            recentCredentials.invalidateAll();
        }
        for (Failure failure : history) {
            count(failure, false);
        }
    }

    public List<Failure> drainFailures() {
        List<Failure> drained = new ArrayList<>();
        for (Failure f; (f = pendingFailures.poll()) != null;) {
            pendingCount.decrementAndGet();
            drained.add(f);
        }
        return drained;
    }

    public List<Block> drainBlocks() {
        List<Block> drained = new ArrayList<>();
        for (Block b; (b = pendingBlocks.poll()) != null;) {
            drained.add(b);
        }
        return drained;
    }

    public boolean isWhitelisted(String address) {
        return listed(white, IpAddresses.parse(address));
    }

    /** The key an address counts and is blocked under (an IPv6 address: its network). */
    public String countingKey(String address) {
        byte[] bytes = IpAddresses.parse(address);
        return bytes == null ? null : IpRange.countingKey(bytes, ipv6Prefix);
    }

    private void count(Failure f, boolean mayBlock) {
        byte[] bytes = IpAddresses.parse(f.address());
        if (bytes == null) {
            return;
        }
        HulkSettings s = settings;
        long now = System.currentTimeMillis();
        if (s.ipBasedProtection() && !bytes2Loopback(bytes)) {
            Window w = windows.get("a:" + f.ipKey(), k -> new Window());
            long[] nth = w.add(f.at(), now - s.lookbackSeconds() * 1000, cap(s), s.maxFailuresByip(), s.markAsBrute(),
                    now - s.ipPeriodSeconds() * 1000);
            if (mayBlock && nth[1] > 0) {
                block(new Block(Kind.EXCESSIVE, f.ipKey(), f.address(), f.user(), f.service(), s.markAsBrute(), now,
                        f.at() + s.excessiveBlockSeconds() * 1000, s.markAsBrute() + " failed logins in " + s.lookbackSeconds() / 60
                                + " minutes: excessive brute, blocked for " + s.excessiveBlockSeconds() / 60 + " minutes",
                        replica));
            } else if (mayBlock && nth[0] > 0) {
                block(new Block(Kind.IP, f.ipKey(), f.address(), f.user(), f.service(), s.maxFailuresByip(), now,
                        nth[0] + s.ipPeriodSeconds() * 1000, s.maxFailuresByip() + " failed logins in " + s.ipPeriodSeconds() / 60
                                + " minutes",
                        replica));
            }
        }
        if (userRuleApplies(s, bytes, f.user())) {
            String key = userKey(f.service(), f.user());
            Window w = windows.get("u:" + key, k -> new Window());
            long[] nth = w.add(f.at(), now - s.userPeriodSeconds() * 1000, cap(s), s.maxFailures(), 0, now - s.userPeriodSeconds() * 1000);
            if (mayBlock && nth[0] > 0) {
                block(new Block(Kind.USER, key, f.address(), f.user(), f.service(), s.maxFailures(), now,
                        nth[0] + s.userPeriodSeconds() * 1000, s.maxFailures() + " failed logins for the user in "
                                + s.userPeriodSeconds() / 60 + " minutes",
                        replica));
            }
        }
    }

    private void block(Block block) {
        if (block.until() <= System.currentTimeMillis()) {
            return;
        }
        Map<String, Block> map = blocks.asMap();
        Block old = map.get(block.mapKey());
        if (old != null && (old.until() >= block.until() || old.kind() == block.kind())) {
            return;
        }
        map.put(block.mapKey(), block);
        pendingBlocks.add(block);
    }

    private static int cap(HulkSettings s) {
        return Math.min(MAX_WINDOW, Math.max(s.markAsBrute(), Math.max(s.maxFailuresByip(), s.maxFailures())));
    }

    /** cPHulk's username rules: everywhere when on, else only for local requests; root only when allowed. */
    private static boolean userRuleApplies(HulkSettings s, byte[] address, String user) {
        if (user == null || user.isEmpty() || ("root".equals(user) && !s.usernameForRoot())) {
            return false;
        }
        return s.usernameBasedProtection() || (s.usernameLocalOrigin() && bytes2Loopback(address));
    }

    static boolean bytes2Loopback(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    private static boolean listed(List<IpRange> list, byte[] address) {
        if (address == null) {
            return false;
        }
        for (IpRange range : list) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static String userKey(String service, String user) {
        return service + "/" + user;
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }

    private String fingerprint(String ipKey, String user, String service, String credential) {
        Mac mac = macs.get();
        mac.reset();
        return java.util.HexFormat.of().formatHex(mac.doFinal((ipKey + '\0' + user + '\0' + service + '\0' + credential)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The recent failure times of one address or user, newest last, at most {@code cap} of them. */
    static final class Window {
        private final ArrayDeque<Long> times = new ArrayDeque<>();

        /**
         * Adds a failure and answers, for the two thresholds: the time of the {@code n}-th newest failure within
         * its period when there are at least {@code n} (the block runs from there for the period), else 0.
         */
        synchronized long[] add(long at, long oldest, int cap, int firstThreshold, int secondThreshold, long firstSince) {
            times.addLast(at);
            while (!times.isEmpty() && (times.peekFirst() < oldest || times.size() > cap)) {
                times.pollFirst();
            }
            long first = 0;
            long second = 0;
            int inFirst = 0;
            int all = 0;
            for (Iterator<Long> it = times.descendingIterator(); it.hasNext();) {
                long t = it.next();
                all++;
                if (t >= firstSince) {
                    inFirst++;
                    if (inFirst == firstThreshold) {
                        first = t;
                    }
                }
                if (secondThreshold > 0 && all == secondThreshold) {
                    second = t;
                }
            }
            return new long[] { first, second };
        }
    }

    /** For tests and the WHM functions: how long until the block on {@code address} ends, 0 if none. */
    public long blockedForMillis(String address) {
        String key = countingKey(address);
        Block block = key == null ? null : blocks.getIfPresent("a:" + key);
        return block == null ? 0 : Math.max(0, block.until() - System.currentTimeMillis());
    }
}
