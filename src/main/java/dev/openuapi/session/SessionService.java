package dev.openuapi.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Caches;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Snapshots;
import dev.openuapi.common.Ticker;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.AccountAccess;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sessions (issue 14 §1), stored in MariaDB for every replica and answered from memory: a session's snapshot is a
 * {@link Snapshots} cache entry by the hash of its secret, labelled {@code session:<hash>} (and its account and
 * plan), so a logout, which deletes the row and records the label in the change feed, is seen by every replica
 * within a second, and a session in use costs no database statement.
 *
 * <p><b>Idle timeout across replicas.</b> A use is noted in memory; the stored last use is written off the request
 * path (every half second, in one transaction), and only once it is older than a quarter of the idle timeout (at
 * most a minute), without a change-feed label, so other replicas do not reload for it. A replica whose snapshot
 * says a session has been idle too long reads the row again (one statement, only then) before it ends the session.
 * The stored last use is at most that quarter (and half a second) behind the real one, so a session is ended after
 * between the idle timeout and a quarter more of it without use, never before. Ended sessions are deleted once a
 * minute.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    static final long FLUSH_MILLIS = 500;
    static final long PURGE_MILLIS = 60_000;
    private static final long MAX_TOUCH_MILLIS = 60_000;

    /**
     * A session as the credential check needs it.
     *
     * @param principal the account of a cpaneld session, {@code null} while it may not log in (suspended)
     * @param whmUser   root or the reseller of a whostmgrd session, {@code null} while it may not log in
     * @param lastActiveAt the stored last use, as read
     */
    public record Snapshot(long id, String secretHash, String securityToken, Daemon daemon, String username, Principal principal,
            WhmUser whmUser, boolean pending, long lastActiveAt, long expiresAt, List<String> tags) {

        /** Whether its user may log in now (not suspended, still a reseller for a WHM session). */
        public boolean usable() {
            return daemon == Daemon.CPANELD ? principal != null : whmUser != null;
        }
    }

    /**
     * A session just made: the secret goes to the client once (as the cookie, or in create_user_session's URL) and
     * is never stored.
     */
    public record Issued(Daemon daemon, String username, String secret, String securityToken, long createdAt, long idleEndsAt,
            long expiresAt) {
    }

    /** What this replica knows of a session's use: the last use, and the last one written (or read). */
    private static final class Activity {
        volatile long last;
        volatile long stored;

        Activity(long stored) {
            this.last = stored;
            this.stored = stored;
        }
    }

    private final LoginSessionRepository sessions;
    private final AccountRepository accounts;
    private final AccountAccess access;
    private final long idleMillis;
    private final long absoluteMillis;
    private final long touchMillis;
    private final LoadingCache<String, Optional<Snapshot>> snapshots;
    private final Cache<Long, Activity> activity;
    private final Map<Long, Long> unwritten = new ConcurrentHashMap<>();
    private Ticker flushTicker;
    private Ticker purgeTicker;

    SessionService(LoginSessionRepository sessions, AccountRepository accounts, AccountAccess access, OpenUapiConfig config,
            ExecutorService executor) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.access = access;
        this.idleMillis = positive(config.sessions().idleTimeout(), "idle-timeout");
        this.absoluteMillis = positive(config.sessions().absoluteTimeout(), "absolute-timeout");
        this.touchMillis = Math.min(MAX_TOUCH_MILLIS, idleMillis / 4);
        long size = config.tokens().cacheSize();
        this.snapshots = Snapshots.cache(size, executor, this::load,
                (hash, found) -> found.isPresent() ? found.get().tags() : List.of(tag(hash)));
        this.activity = Caches.newBuilder().maximumSize(size).expireAfterAccess(Duration.ofMillis(idleMillis + touchMillis + PURGE_MILLIS))
                .build();
    }

    private static long positive(Duration duration, String key) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("openuapi.sessions." + key + " must be positive: " + duration);
        }
        return duration.toMillis();
    }

    void onStart(@Observes StartupEvent event) {
        flushTicker = Ticker.every("session-activity", FLUSH_MILLIS, this::flush);
        purgeTicker = Ticker.every("session-purge", PURGE_MILLIS, this::purge);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (flushTicker != null) {
            flushTicker.close();
        }
        if (purgeTicker != null) {
            purgeTicker.close();
        }
        flush();
    }

    /** The change-feed label of a session's snapshot. */
    static String tag(String secretHash) {
        return Snapshots.tag("session", secretHash);
    }

    public long idleMillis() {
        return idleMillis;
    }

    /** How far the stored last use may be behind the real one: a quarter of the idle timeout, and the next write. */
    private long lagMillis() {
        return touchMillis + FLUSH_MILLIS;
    }

    // --- making and ending sessions ----------------------------------------------------------------------

    /**
     * A session for a password login: a cpaneld session of the account {@code accountId}, or a whostmgrd session
     * of root ({@code accountId} null) or of a reseller.
     */
    @Transactional
    public Issued login(Daemon daemon, String username, Long accountId, String address) {
        return create(daemon, username, accountId, address, false);
    }

    /**
     * A session made by WHM's {@code create_user_session} for {@code username}: its secret is a one-time login
     * string, good for one {@link #consume} within the idle timeout. A cpaneld session is for an account the WHM
     * user may manage ({@link AccountAccess#owned}); a whostmgrd session is for the WHM user itself (with a
     * credential that holds all of its privileges: a limited WHM token must not make a session that holds more), or
     * made by root for a reseller.
     */
    @Transactional
    public Issued createForUser(WhmUser creator, Daemon daemon, String username) {
        if (daemon == Daemon.CPANELD) {
            Account account = access.owned(creator, username);
            if (account.suspended) {
                throw ApiException.invalid("The account " + Quote.of(username) + " is suspended.");
            }
            return create(daemon, account.username, account.id, null, true);
        }
        boolean whole = creator.tokenAcls() == null || creator.tokenAcls().contains(WhmUser.ALL);
        if (!whole) {
            throw ApiException.forbidden("Permission denied: a WHM session needs a credential that holds all of its user's privileges.");
        }
        if (username.equals(creator.username())) {
            return create(daemon, creator.username(), creator.accountId(), null, true);
        }
        if (!WhmUser.ROOT.equals(creator.username())) {
            throw ApiException.forbidden("Permission denied: a WHM session can be made only for yourself, or by root for a reseller.");
        }
        Account reseller = access.owned(creator, username);
        if (!reseller.isReseller()) {
            throw ApiException.invalid(Quote.of(username) + " is not a reseller.");
        }
        return create(daemon, reseller.username, reseller.id, null, true);
    }

    private Issued create(Daemon daemon, String username, Long accountId, String address, boolean pending) {
        long now = System.currentTimeMillis();
        String secret = pending ? SessionSecrets.newLoginString(username) : SessionSecrets.newCookieSecret(username);
        LoginSession session = new LoginSession();
        session.secretHash = SessionSecrets.hash(secret);
        session.securityToken = SessionSecrets.newSecurityToken();
        session.service = daemon.wireName();
        session.username = username;
        session.account = accountId == null ? null : accounts.getEntityManager().getReference(Account.class, accountId);
        session.origin = pending ? LoginSession.ORIGIN_CREATE_USER_SESSION : LoginSession.ORIGIN_LOGIN;
        session.pending = pending;
        session.address = address;
        session.createdAt = now;
        session.lastActiveAt = now;
        session.expiresAt = now + absoluteMillis;
        sessions.persist(session);
        return new Issued(daemon, username, secret, session.securityToken, now, now + idleMillis, session.expiresAt);
    }

    /**
     * Uses create_user_session's one-time login string, under its security token: the session becomes live with a
     * new secret (the cookie's), and the string logs in no more. Empty when the string is unknown, used, expired or
     * not this token's.
     */
    @Transactional
    public Optional<Issued> consume(String loginString, String securityToken, String address) {
        long now = System.currentTimeMillis();
        String oneTime = SessionSecrets.hash(loginString);
        Optional<LoginSession> found = sessions.findByHash(oneTime);
        if (found.isEmpty() || !found.get().pending) {
            return Optional.empty();
        }
        LoginSession session = found.get();
        String secret = SessionSecrets.newCookieSecret(session.username);
        String secretHash = SessionSecrets.hash(secret);
        if (!sessions.consume(oneTime, securityToken, secretHash, now, now - idleMillis)) {
            return Optional.empty();
        }
        Snapshots.changed(tag(oneTime));
        Snapshots.changed(tag(secretHash));
        Daemon daemon = Daemon.named(session.service).orElseThrow();
        LOG.debugf("A create_user_session session of %s was used from %s", session.username, address);
        return Optional.of(new Issued(daemon, session.username, secret, session.securityToken, session.createdAt, now + idleMillis,
                session.expiresAt));
    }

    /**
     * A renamed account's sessions end (cpaneld's and, for a reseller, whostmgrd's): each was issued to the old name,
     * which no longer exists; its user logs in again under the new one. Each row is deleted through its entity, so
     * the change feed names it and every replica forgets it.
     */
    void onAccountRenamed(@Observes AccountEvents.Renamed event) {
        sessions.list("account.id", event.account().id).forEach(sessions::delete);
    }

    /** Ends the session whose secret has this hash (a logout, or one found expired): every replica forgets it. */
    @Transactional
    public void end(String secretHash) {
        sessions.deleteByHash(secretHash);
        Snapshots.changed(tag(secretHash));
    }

    // --- answering from memory ---------------------------------------------------------------------------

    /** The session whose secret has this hash, from memory in the steady state. */
    public Optional<Snapshot> find(String secretHash) {
        return snapshots.get(secretHash);
    }

    /** The same, read from the database now (when the snapshot says the session may have ended). */
    public Optional<Snapshot> reread(String secretHash) {
        snapshots.invalidate(secretHash);
        return snapshots.get(secretHash);
    }

    /**
     * Whether the session has ended at {@code now}: past its absolute end, or unused for longer than the idle
     * timeout. The last use is the later of this replica's and the stored one plus the quarter that writing it may
     * lag behind, so a session used on another replica is never taken for idle.
     */
    public boolean ended(Snapshot session, long now) {
        if (now > session.expiresAt()) {
            return true;
        }
        Activity seen = activity.getIfPresent(session.id());
        long local = seen == null ? 0 : seen.last;
        return now - Math.max(local, session.lastActiveAt() + lagMillis()) > idleMillis;
    }

    /** Notes a use; it is written later, and only when the stored one is a quarter of the idle timeout old. */
    public void used(Snapshot session, long now) {
        Activity seen = activity.get(session.id(), id -> new Activity(session.lastActiveAt()));
        if (now > seen.last) {
            seen.last = now;
        }
        if (session.lastActiveAt() > seen.stored) {
            seen.stored = session.lastActiveAt();
        }
        if (now - seen.stored >= touchMillis) {
            seen.stored = now;
            unwritten.put(session.id(), now);
        }
    }

    /** Writes the noted uses in one transaction; what fails is dropped (a later use is noted again). */
    synchronized void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        Map<Long, Long> batch = Map.copyOf(unwritten);
        batch.forEach(unwritten::remove);
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(sessions::recordActivity));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the last use of %d session(s) (%s)", batch.size(), e.toString());
        }
    }

    /** Deletes sessions that have ended; none of them can be used any more, so no replica needs telling. */
    void purge() {
        long now = System.currentTimeMillis();
        try {
            // a minute beyond the lag, so no replica still holds a live snapshot of what goes
            long purged = QuarkusTransaction.requiringNew().call(() -> sessions.deleteEnded(now, now - idleMillis - lagMillis() - PURGE_MILLIS));
            if (purged > 0) {
                LOG.debugf("Deleted %d ended session(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete ended sessions (%s)", e.toString());
        }
    }

    /** One lookup on the unique hash index, the account joined; its user as it is now. */
    private Optional<Snapshot> load(String secretHash) {
        return sessions.findByHashWithAccount(secretHash).map(s -> {
            Daemon daemon = Daemon.named(s.service).orElse(null);
            Principal principal = null;
            WhmUser whmUser = null;
            List<String> tags = new ArrayList<>(List.of(tag(s.secretHash)));
            Account account = s.account;
            if (account != null) {
                tags.add(Snapshots.tag("account", account.id));
                if (account.planId != null) {
                    tags.add(Snapshots.tag("plan", account.planId));
                }
            }
            if (daemon == Daemon.CPANELD && account != null && !account.suspended) {
                principal = account.principal();
            } else if (daemon == Daemon.WHOSTMGRD && account == null && WhmUser.ROOT.equals(s.username)) {
                whmUser = WhmUser.root(null);
            } else if (daemon == Daemon.WHOSTMGRD && account != null && account.isReseller() && !account.suspended) {
                whmUser = WhmUser.reseller(account.principal(), null);
            }
            return new Snapshot(s.id, s.secretHash, s.securityToken, daemon, s.username, principal, whmUser, s.pending, s.lastActiveAt,
                    s.expiresAt, List.copyOf(tags));
        });
    }
}
