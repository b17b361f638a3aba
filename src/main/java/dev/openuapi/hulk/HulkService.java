package dev.openuapi.hulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Ticker;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.hulk.LoginGuard.Block;
import dev.openuapi.hulk.LoginGuard.Failure;
import dev.openuapi.hulk.LoginGuard.Kind;
import dev.openuapi.metrics.OpenUapiMetrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * cPHulk's shared state: loads settings, lists, blocks and recent history at start (so a restart keeps the
 * blocks), and every 0.4 s, in one transaction, writes this replica's new failures (one multi-row INSERT)
 * and new blocks, then reads in one statement what the other replicas counted and blocked and whether the
 * operator changed anything. Also the operations behind the WHM functions.
 */
@ApplicationScoped
public class HulkService {

    private static final Logger LOG = Logger.getLogger(HulkService.class);
    static final int HISTORY_LIMIT = 200_000;
    /** How often a replica shares: another replica sees a failure within two of these (one write, one read). */
    static final long TICK_MILLIS = 400;
    /** Old rows are deleted every this many ticks (a minute). */
    static final int PURGE_EVERY = 150;

    private final LoginGuard guard;
    private final LoginFailureRepository failures;
    private final HulkBlockRepository blocks;
    private final HulkListRepository lists;
    private final HulkSettingRepository settings;
    private final OpenUapiMetrics metrics;
    private final OpenUapiConfig.Cphulk config;

    private final List<Failure> unsentFailures = new ArrayList<>();
    private final List<Block> unsentBlocks = new ArrayList<>();
    private long lastFailureId;
    private long lastBlockId;
    private String revision;
    private boolean loaded;
    private int ticks;
    private boolean failing;
    private volatile boolean stopping;
    private Ticker timer;
    /** The ticks' reads so far: they run as often with no request at all (for the cost test). */
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    /**
     * The blocks this replica has read from the table (key → until), so that when two replicas decide the same
     * block at once (each wrote a row), only the one whose row came first logs and counts it.
     */
    private final Map<String, Long> blocksRead = new java.util.concurrent.ConcurrentHashMap<>();

    HulkService(LoginGuard guard, LoginFailureRepository failures, HulkBlockRepository blocks, HulkListRepository lists,
            HulkSettingRepository settings, OpenUapiMetrics metrics, OpenUapiConfig config) {
        this.guard = guard;
        this.failures = failures;
        this.blocks = blocks;
        this.lists = lists;
        this.settings = settings;
        this.metrics = metrics;
        this.config = config.cphulk();
    }

    void onStart(@Observes StartupEvent event) {
        if (guard.hardOff()) {
            LOG.warn("cPHulk brute-force protection is off (openuapi.cphulk.enabled=false).");
            return;
        }
        timer = Ticker.every("cphulk-share", TICK_MILLIS, this::tick);
        try {
            synchronized (this) {
                QuarkusTransaction.requiringNew().run(this::reload);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cPHulk could not load its shared state yet (%s); it retries every second.", e.getClass().getSimpleName());
        }
    }

    void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
        if (timer != null) {
            timer.close();
        }
    }

    /** Every 0.4 s, so another replica sees a failure within 0.8 s (one write, one read): share this replica's counts and read the others'. */
    void tick() {
        if (guard.hardOff() || stopping) {
            return;
        }
        try {
            synchronized (this) {
                QuarkusTransaction.requiringNew().run(loaded ? this::share : this::reload);
                if (++ticks % PURGE_EVERY == 0) {
                    QuarkusTransaction.requiringNew().run(this::purge);
                }
            }
            if (failing) {
                LOG.info("cPHulk shares its counts again.");
                failing = false;
            }
        } catch (RuntimeException e) {
            LOG.debug("cPHulk tick failed", e);
            if (!failing) {
                LOG.warnf("cPHulk could not share its counts (%s); this replica keeps counting alone until the database answers.",
                        e.getClass().getSimpleName());
                failing = true;
            }
        }
    }

    private void share() {
        List<Failure> newFailures = new ArrayList<>(unsentFailures);
        newFailures.addAll(guard.drainFailures());
        List<Block> newBlocks = new ArrayList<>(unsentBlocks);
        newBlocks.addAll(guard.drainBlocks());
        unsentFailures.clear();
        unsentBlocks.clear();
        try {
            failures.insertAll(newFailures);
            failures.insertBlocks(newBlocks);
        } catch (RuntimeException e) {
            keep(newFailures, newBlocks);
            throw e;
        }
        String seenRevision = revision;
        reads.incrementAndGet();
        for (Object[] row : failures.changesSince(lastFailureId, lastBlockId, guard.replica())) {
            String kind = String.valueOf(row[0]);
            long id = ((Number) row[1]).longValue();
            switch (kind) {
                case "f" -> {
                    guard.ingest(new Failure(id, (String) row[3], (String) row[2], (String) row[4], (String) row[5], (String) row[9],
                            ((Number) row[6]).longValue(), (String) row[10]));
                    lastFailureId = Math.max(lastFailureId, id);
                }
                case "b" -> {
                    Block block = new Block(Kind.of((String) row[8]), (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                            ((Number) row[11]).intValue(), ((Number) row[6]).longValue(), ((Number) row[7]).longValue(), (String) row[9],
                            (String) row[10]);
                    guard.ingest(block);
                    lastBlockId = Math.max(lastBlockId, id);
                    Long earlier = blocksRead.put(block.kind() + block.mapKey(), block.until());
                    boolean first = earlier == null || earlier < block.since();
                    if (first && guard.replica().equals(block.replica())) {
                        // the row this replica wrote: logged and counted once, here
                        LOG.warnf("cPHulk blocked %s (%s, user %s, %s) until %s: %s", block.kind() == Kind.USER ? "a user" : block.address(),
                                block.kind().tag(), block.user(), block.service(), java.time.Instant.ofEpochMilli(block.until()), block.reason());
                        metrics.cphulkBlock(block.kind().tag());
                    }
                }
                default -> seenRevision = (String) row[2];
            }
        }
        if (seenRevision != null && !seenRevision.equals(revision)) {
            reload();
        }
    }

    private void keep(List<Failure> newFailures, List<Block> newBlocks) {
        int room = LoginGuard.MAX_PENDING - unsentFailures.size();
        unsentFailures.addAll(newFailures.subList(Math.max(0, newFailures.size() - room), newFailures.size()));
        unsentBlocks.addAll(newBlocks);
    }

    /** Everything again from the database: settings, lists, active blocks and the history in the look-back period. */
    private void reload() {
        failures.insertAll(guard.drainFailures());
        failures.insertBlocks(guard.drainBlocks());
        Map<String, String> stored = new LinkedHashMap<>();
        String rev = "0";
        for (HulkSetting s : settings.all()) {
            if (s.name.equals(HulkSetting.REVISION)) {
                rev = s.value;
            } else {
                stored.put(s.name, s.value);
            }
        }
        HulkSettings effective = HulkSettings.defaults(config).with(stored);
        List<IpRange> white = new ArrayList<>();
        List<IpRange> black = new ArrayList<>();
        for (HulkListEntry entry : lists.all()) {
            (entry.listName.equals("white") ? white : black).add(entry.range());
        }
        long now = System.currentTimeMillis();
        List<Block> active = blocks.activeAt(now).stream().map(HulkService::block).toList();
        List<Failure> history = failures.since(now - effective.lookbackSeconds() * 1000, HISTORY_LIMIT).stream()
                .map(f -> new Failure(f.id, f.address, f.ipKey, f.username, f.service, f.reason, f.failedAt, f.replica)).toList();
        guard.replace(effective, white, black, active, history, true);
        blocksRead.clear();
        active.forEach(b -> blocksRead.merge(b.kind() + b.mapKey(), b.until(), Math::max));
        lastFailureId = failures.maxId();
        lastBlockId = blocks.maxId();
        revision = rev;
        loaded = true;
    }

    private void purge() {
        long now = System.currentTimeMillis();
        failures.purgeBefore(now - guard.settings().lookbackSeconds() * 1000);
        blocks.delete("blockedUntil < ?1", now - 86_400_000L);
        blocksRead.values().removeIf(until -> until < now);
    }

    private static Block block(HulkBlock b) {
        return new Block(Kind.of(b.kind), b.blockKey, b.address, b.username, b.service, b.failures, b.blockedSince, b.blockedUntil,
                b.reason, b.replica);
    }

    /** Runs an operator's change, tells the other replicas (the revision) and reloads here at once. */
    private <T> T change(java.util.function.Supplier<T> work) {
        synchronized (this) {
            T result = QuarkusTransaction.requiringNew().call(() -> {
                T r = work.get();
                settings.bumpRevision();
                return r;
            });
            QuarkusTransaction.requiringNew().run(this::reload);
            return result;
        }
    }

    // ---- what the WHM functions do

    public boolean enabled() {
        return guard.active();
    }

    public boolean hardOff() {
        return guard.hardOff();
    }

    public HulkSettings current() {
        return guard.settings();
    }

    public void setEnabled(boolean on) {
        if (on && guard.hardOff()) {
            throw ApiException.invalid("cPHulk is turned off in OpenUAPI's configuration (openuapi.cphulk.enabled=false).");
        }
        change(() -> {
            settings.put("is_enabled", on ? "1" : "0");
            return null;
        });
    }

    /** set_cphulk_config_key: one key, checked as cPanel documents it. */
    public HulkSettings setKey(String key, String value) {
        Map.Entry<String, String> stored;
        try {
            stored = HulkSettings.normalize(key, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        if (stored != null && stored.getKey().equals("is_enabled") && stored.getValue().equals("1") && guard.hardOff()) {
            throw ApiException.invalid("cPHulk is turned off in OpenUAPI's configuration (openuapi.cphulk.enabled=false).");
        }
        if (stored != null) {
            change(() -> {
                settings.put(stored.getKey(), stored.getValue());
                return null;
            });
        }
        return guard.settings();
    }

    /** For tests: forget every run-time setting (the configuration's defaults again). */
    public void resetSettings() {
        change(() -> settings.delete("name <> ?1", HulkSetting.REVISION));
    }

    public void requireEnabled(boolean skipCheck) {
        if (!skipCheck && !guard.active()) {
            throw ApiException.invalid("cPHulk is disabled on the server.");
        }
    }

    public boolean isWhitelisted(String address) {
        return guard.isWhitelisted(address);
    }

    /** A list's records: the range as given → its comment. */
    public Map<String, String> records(String listName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HulkListEntry e : lists.inList(listName)) {
            out.put(e.ipRange, e.comment == null ? "" : e.comment);
        }
        return out;
    }

    /** What adding records did. */
    public record Added(List<IpRange> added, Map<String, String> failed, long blocksRemoved) {
    }

    /** Adds records (range → comment); on the whitelist, the blocks of the addresses it covers go. */
    public Added addRecords(String listName, Map<String, String> records) {
        List<IpRange> valid = new ArrayList<>();
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        records.forEach((ip, comment) -> {
            IpRange range = IpRange.parse(ip);
            if (range == null) {
                failed.put(ip, "Invalid IP address or range: “" + shorten(ip) + "”");
            } else if (comment != null && comment.length() > 255) {
                failed.put(ip, "The comment is longer than 255 characters.");
            } else {
                valid.add(range);
                comments.put(range.given(), comment);
            }
        });
        long removed = change(() -> {
            long count = 0;
            for (IpRange range : valid) {
                lists.remove(listName, range.given());
                HulkListEntry entry = new HulkListEntry();
                entry.listName = listName;
                entry.ipRange = range.given();
                entry.startBytes = range.start();
                entry.endBytes = range.end();
                entry.comment = comments.get(range.given());
                lists.persist(entry);
                if (listName.equals("white")) {
                    for (HulkBlock b : blocks.activeAt(System.currentTimeMillis())) {
                        byte[] address = IpAddresses.parse(b.address);
                        if (b.kind.equals(Kind.USER.tag()) ? false : range.contains(address)) {
                            blocks.delete(b);
                            count++;
                        }
                    }
                }
            }
            lists.flush();
            return count;
        });
        return new Added(valid, failed, removed);
    }

    /** What deleting records did. */
    public record Removed(List<String> removed, Map<String, String> failed) {
    }

    public Removed deleteRecords(String listName, List<String> ips) {
        List<String> removed = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        change(() -> {
            for (String ip : ips) {
                if (lists.remove(listName, ip.trim()) > 0) {
                    removed.add(ip.trim());
                } else {
                    failed.put(ip, IpRange.parse(ip) == null ? "Invalid IP address or range: “" + shorten(ip) + "”"
                            : "“" + shorten(ip) + "” is not in the " + listName + " list.");
                }
            }
            return null;
        });
        return new Removed(removed, failed);
    }

    /** flush_cphulk_login_history: every failed login and every block. */
    public long flushHistory() {
        return change(() -> failures.deleteAll() + blocks.deleteAll());
    }

    /** flush_cphulk_login_history_for_ips: the history and blocks of these addresses (an IPv6 address: its network). */
    public long flushHistoryFor(List<String> ips) {
        List<String> keys = new ArrayList<>();
        for (String ip : ips) {
            String key = guard.countingKey(ip.trim());
            if (key == null) {
                throw ApiException.invalid("Invalid IP address: “" + shorten(ip) + "”");
            }
            keys.add(key);
        }
        return change(() -> failures.delete("ipKey in ?1", keys) + blocks.delete("kind <> ?1 and blockKey in ?2", Kind.USER.tag(), keys)
                + blocks.delete("kind = ?1 and address in ?2", Kind.USER.tag(), ips.stream().map(String::trim).toList()));
    }

    long reads() {
        return reads.get();
    }

    /** Shares this replica's counts now, so that what the WHM functions read includes them. */
    public void syncNow() {
        tick();
    }

    public List<HulkBlock> activeBlocks(Kind kind) {
        return blocks.activeOfKind(kind.tag(), System.currentTimeMillis());
    }

    public List<LoginFailure> failedLogins() {
        return failures.since(System.currentTimeMillis() - guard.settings().lookbackSeconds() * 1000, HISTORY_LIMIT);
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
