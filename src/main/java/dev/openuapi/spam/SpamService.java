package dev.openuapi.spam;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.email.EmailService;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.kernel.Principal;

/**
 * An account's Apache SpamAssassin™ settings, kept where cPanel keeps them, in the home (src/docs/spam-settings.md):
 * <ul>
 * <li>{@code ~/.spamassassin/user_prefs}: the preferences SpamAssassin reads for the account
 * ({@code Cpanel::SpamAssassin::Config}; the directory is made 0700, a new file 0600);</li>
 * <li>{@code ~/.spamassassinenable}: SpamAssassin is on for the account ({@code Cpanel::SpamAssassin::Enable});</li>
 * <li>{@code ~/.spamassassinboxenable}: spam goes to the spam box ({@code enable_spam_box}).</li>
 * </ul>
 * Every file is read and written through the account's {@link Home} (no symlink followed out of the home, writes whole
 * or nothing, held to the disk quota); changes to one home are made one at a time.
 */
@ApplicationScoped
public class SpamService {

    static final HomePath FOLDER = HomePath.HOME.child(".spamassassin");
    static final HomePath USER_PREFS = FOLDER.child("user_prefs");
    static final HomePath ENABLED = HomePath.HOME.child(".spamassassinenable");
    static final HomePath SPAM_BOX = HomePath.HOME.child(".spamassassinboxenable");
    private static final int FOLDER_MODE = 0700;
    private static final int PREFS_MODE = 0600;
    private static final int TOUCH_MODE = 0644;
    private static final long MAX_FILE = 1024L * 1024L;

    /** What {@code Email::get_spam_settings} reports, read from the files above. */
    public record Settings(boolean spamEnabled, boolean spamBoxEnabled, boolean rewritesSubjects, boolean forMailbox) {
    }

    private final HomeDirectories homes;
    private final EmailService email;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    SpamService(HomeDirectories homes, EmailService email) {
        this.homes = homes;
        this.email = email;
    }

    /** The settings of {@code user_prefs}, by name, each with its values; empty when there is no such file (cPanel: undef). */
    public Optional<Map<String, List<String>>> preferences(Principal principal) {
        Home home = homes.of(principal);
        return read(home).map(UserPrefs::settings);
    }

    /**
     * Replaces every value of {@code preference} with {@code values} (none: removes it), checked first
     * ({@link SpamPreferences}); the other lines stay as they are. Returns the file's settings afterwards.
     */
    public Map<String, List<String>> update(Principal principal, String preference, List<String> values) {
        List<String> checked = SpamPreferences.check(preference, values);
        Home home = homes.of(principal);
        return locked(home, () -> {
            ensureFolder(home);
            Optional<UserPrefs> current = read(home);
            UserPrefs changed = current.orElse(UserPrefs.parse("")).with(preference, checked);
            home.write(USER_PREFS, changed.text().getBytes(StandardCharsets.UTF_8), true, current.isPresent() ? null : PREFS_MODE);
            return changed.settings();
        });
    }

    /**
     * The account's settings; {@code account} (a mailbox of the account, or the account's own user name) only checks
     * that the mailbox is there: OpenUAPI keeps no per-mailbox spam settings.
     */
    public Settings settings(Principal principal, String account) {
        boolean forMailbox = account != null && !account.isEmpty() && !account.equals(principal.username());
        if (forMailbox) {
            if (!account.contains("@")) {
                throw ApiException.invalid(Quote.of(account) + " is not a valid email address.");
            }
            email.get(principal.accountId(), account, null);
        }
        Home home = homes.of(principal);
        boolean rewrites = read(home).map(p -> p.values("rewrite_header").stream()
                .anyMatch(v -> v.regionMatches(true, 0, "subject", 0, 7) && (v.length() == 7 || Character.isWhitespace(v.charAt(7)))))
                .orElse(false);
        return new Settings(home.find(ENABLED).isPresent(), home.find(SPAM_BOX).isPresent(), rewrites, forMailbox);
    }

    /** Makes {@code ~/.spamassassinenable} (and {@code ~/.spamassassin}); false when it was there already. */
    public boolean enable(Principal principal) {
        Home home = homes.of(principal);
        return locked(home, () -> {
            ensureFolder(home);
            return touch(home, ENABLED);
        });
    }

    /** Removes {@code ~/.spamassassinenable}; false when it was not there. The preferences stay. */
    public boolean disable(Principal principal) {
        Home home = homes.of(principal);
        return locked(home, () -> remove(home, ENABLED));
    }

    /** Makes {@code ~/.spamassassinboxenable}; false when it was there already. */
    public boolean enableSpamBox(Principal principal) {
        Home home = homes.of(principal);
        return locked(home, () -> touch(home, SPAM_BOX));
    }

    /** Removes {@code ~/.spamassassinboxenable}; false when it was not there. */
    public boolean disableSpamBox(Principal principal) {
        Home home = homes.of(principal);
        return locked(home, () -> remove(home, SPAM_BOX));
    }

    // ---- inside ----

    private static Optional<UserPrefs> read(Home home) {
        Optional<FileInfo> info = home.find(USER_PREFS);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UserPrefs.parse(new String(home.readAll(USER_PREFS, MAX_FILE), StandardCharsets.UTF_8)));
    }

    /** {@code ~/.spamassassin}, 0700, as cPanel's {@code _ensure_spamassassin_folder} makes it. */
    private static void ensureFolder(Home home) {
        Optional<FileInfo> there = home.find(FOLDER);
        if (there.isEmpty()) {
            home.mkdir(FOLDER, false, FOLDER_MODE);
        } else if (!there.get().isDirectory() && !home.stat(home.resolve(FOLDER, true)).isDirectory()) {
            throw ApiException.invalid("The path " + Quote.of(FOLDER.relative()) + " exists and is not a directory.");
        }
    }

    private static boolean touch(Home home, HomePath flag) {
        if (home.find(flag).isPresent()) {
            return false;
        }
        home.write(flag, new byte[0], false, TOUCH_MODE);
        return true;
    }

    private static boolean remove(Home home, HomePath flag) {
        if (home.find(flag).isEmpty()) {
            return false;
        }
        home.delete(flag);
        return true;
    }

    private <T> T locked(Home home, Supplier<T> action) {
        synchronized (locks.computeIfAbsent(home.directory().toString(), key -> new Object())) {
            return action.get();
        }
    }
}
