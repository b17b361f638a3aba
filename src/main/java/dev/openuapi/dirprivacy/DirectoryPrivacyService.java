package dev.openuapi.dirprivacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.openuapi.account.AccountEvents;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.kernel.Principal;

/**
 * Password-protected directories, directory indexing and the leech-protection status, kept where cPanel keeps them:
 * in the directory's {@code .htaccess} and in {@code ~/.htpasswds/<directory below the home>/passwd}. Every file is
 * read and written through the account's {@link Home} (client paths checked, symlinks never followed out of the
 * home, writes whole or nothing and held to the disk quota). The {@code AuthUserFile} lines name the home's real
 * path; an account's rename rewrites them ({@link #onRenamed}).
 */
@ApplicationScoped
public class DirectoryPrivacyService {

    private static final Logger LOG = Logger.getLogger(DirectoryPrivacyService.class);

    static final String HTACCESS = ".htaccess";
    static final String HTPASSWDS = ".htpasswds";
    static final String PASSWD = "passwd";
    private static final long MAX_FILE = 1024L * 1024L;
    private static final int FILE_MODE = 0644;
    private static final int STORE_MODE = 0750;
    private static final Pattern USER_FORBIDDEN = Pattern.compile("[:<>\\s]");

    /** The UAPI index types, in the order of cPanel's internal numbers -1 .. 2. */
    static final List<String> INDEX_TYPES = List.of("inherit", "disabled", "standard", "fancy");

    /** How a directory argument that is not there is reported: the two message families cPanel's modules use. */
    enum Missing {
        /** Cpanel::Htaccess::_safe_dir: {@code “dir” does not exist.} (the argument as given). */
        AS_GIVEN,
        /** Cpanel::Exception::DirectoryDoesNotExist: {@code The “/home/u/dir” directory does not exist.} */
        ABSOLUTE
    }

    /** A directory argument, checked: inside the home, there, a directory. */
    record Directory(Home home, HomePath path, String absolute) {
    }

    /** Protection as the {@code .htaccess} states it, or as a change left it ({@code authType}/{@code authName} null when off). */
    public record Protection(String authType, String authName, String passwdFile, int isProtected) {
    }

    /** A directory and its state (one of the three kinds), or the reason the state could not be read. */
    public record Entry<S>(String path, S state, String error) {
    }

    /** A listing: the home, the parent of the directory, the directory and its subdirectories. */
    public record Listing<S>(Entry<S> home, Entry<S> parent, Entry<S> current, List<Entry<S>> children) {
    }

    private final HomeDirectories homes;
    private final TransactionSynchronizationRegistry transactions;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    DirectoryPrivacyService(HomeDirectories homes, TransactionSynchronizationRegistry transactions) {
        this.homes = homes;
        this.transactions = transactions;
    }

    // ---- DirectoryPrivacy ----

    public Protection protection(Principal principal, String dir) {
        Directory d = directory(principal, dir, Missing.AS_GIVEN);
        return fromFile(d);
    }

    /** Turns protection on ({@code authName} required) or off; cPanel's set_protected. */
    public Protection configure(Principal principal, String dir, boolean enabled, String authName) {
        Directory d = directory(principal, dir, Missing.AS_GIVEN);
        return locked(d.home(), () -> {
            String current = readText(d.home(), d.path().child(HTACCESS));
            Htaccess.Protection now = Htaccess.protection(current);
            String passwdFile = now.passwdFile().isEmpty() ? passwdFile(d) : now.passwdFile();
            String text = Htaccess.withProtection(current, enabled, authName, passwdFile);
            ensureStore(d);
            d.home().write(d.path().child(HTACCESS), text.getBytes(StandardCharsets.UTF_8), true, null);
            return new Protection(enabled ? "Basic" : null, enabled ? authName : null, passwdFile, enabled ? 1 : 0);
        });
    }

    public List<String> users(Principal principal, String dir) {
        Directory d = directory(principal, dir, Missing.ABSOLUTE);
        return Htpasswd.users(readText(d.home(), store(d).child(PASSWD)));
    }

    public void addUser(Principal principal, String dir, String user, String password) {
        Directory d = directory(principal, dir, Missing.ABSOLUTE);
        checkUser(user);
        if (password.length() > 255) {
            throw ApiException.invalid("The " + Quote.of("password") + " argument cannot be longer than 255 characters.");
        }
        locked(d.home(), () -> {
            ensureStore(d);
            HomePath file = store(d).child(PASSWD);
            String text = Htpasswd.withUser(readText(d.home(), file), user, password);
            d.home().write(file, text.getBytes(StandardCharsets.UTF_8), true, FILE_MODE);
            return null;
        });
    }

    public void deleteUser(Principal principal, String dir, String user) {
        Directory d = directory(principal, dir, Missing.ABSOLUTE);
        checkUser(user);
        locked(d.home(), () -> {
            HomePath file = store(d).child(PASSWD);
            String text = Htpasswd.withoutUser(readText(d.home(), file), user);
            if (text == null) {
                throw ApiException.invalid("The " + Quote.of(user) + " user is not protecting the " + Quote.of(d.absolute()) + " directory.");
            }
            d.home().write(file, text.getBytes(StandardCharsets.UTF_8), true, null);
            return null;
        });
    }

    // ---- DirectoryIndexes ----

    public String indexing(Principal principal, String dir) {
        Directory d = directory(principal, dir, Missing.ABSOLUTE);
        return indexType(d.home(), d.path());
    }

    /** Sets the indexing type ({@link #INDEX_TYPES}); the type is checked first, as cPanel does. */
    public String setIndexing(Principal principal, String dir, String type) {
        int internal = INDEX_TYPES.indexOf(type) - 1;
        if (internal < -1) {
            throw ApiException.invalid("The " + Quote.of("type") + " argument may only have a value of " + orList(INDEX_TYPES) + ".");
        }
        Directory d = directory(principal, dir, Missing.ABSOLUTE);
        locked(d.home(), () -> {
            HomePath file = d.path().child(HTACCESS);
            String text = Htaccess.withIndexType(readText(d.home(), file), internal);
            d.home().write(file, text.getBytes(StandardCharsets.UTF_8), true, null);
            return null;
        });
        return type;
    }

    // ---- listings (all three modules) ----

    public Listing<Protection> privacyListing(Principal principal, String dir) {
        return listing(principal, dir, (home, path) -> fromFile(new Directory(home, path, home.absolute(path))));
    }

    public Listing<String> indexListing(Principal principal, String dir) {
        return listing(principal, dir, this::indexType);
    }

    public Listing<Integer> leechListing(Principal principal, String dir) {
        return listing(principal, dir, (home, path) -> Htaccess.hasLeechProtection(readText(home, path.child(HTACCESS))) ? 1 : 0);
    }

    interface State<S> {
        S of(Home home, HomePath path);
    }

    private <S> Listing<S> listing(Principal principal, String dir, State<S> state) {
        Directory d = directory(principal, dir, Missing.AS_GIVEN);
        Home home = d.home();
        List<Entry<S>> children = new ArrayList<>();
        List<FileInfo> entries = new ArrayList<>(home.list(d.path()));
        entries.sort(Comparator.comparing(e -> home.absolute(d.path().child(e.name()))));
        for (FileInfo entry : entries) {
            if (entry.name().startsWith(".") || !entry.isDirectory()) {
                continue; // cPanel hides dot directories, symlinks and files
            }
            children.add(entry(home, d.path().child(entry.name()), state));
        }
        HomePath parent = d.path().parent();
        return new Listing<>(entry(home, HomePath.HOME, state), entry(home, parent, state), entry(home, d.path(), state), children);
    }

    private <S> Entry<S> entry(Home home, HomePath path, State<S> state) {
        try {
            return new Entry<>(home.absolute(path), state.of(home, path), null);
        } catch (ApiException e) {
            return new Entry<>(home.absolute(path), null, e.getMessage());
        }
    }

    // ---- rename ----

    /**
     * After a rename commits (the home has moved: HomeDirectories observes first), each {@code AuthUserFile} that named
     * a file under the old home names it under the new one. The directories to look at are those with a password
     * store, {@code ~/.htpasswds/<dir>}, which protection always makes.
     */
    void onRenamed(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) AccountEvents.Renamed event) {
        String oldHome = homes.directory(event.oldUsername()).toString();
        long id = event.account().id;
        String user = event.account().username;
        Long planId = event.account().planId;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    rewriteAuthUserFiles(homes.of(id, user, planId), oldHome);
                } catch (RuntimeException e) {
                    LOG.errorf("After the rename of %s to %s, its .htaccess files could not all be updated: %s", event.oldUsername(), user,
                            e.getMessage());
                }
            }
        });
    }

    void rewriteAuthUserFiles(Home home, String oldHome) {
        String newHome = home.directory().toString();
        HomePath store = HomePath.HOME.child(HTPASSWDS);
        Optional<FileInfo> top = home.find(store);
        if (top.isEmpty() || !top.get().isDirectory()) {
            return;
        }
        List<HomePath> todo = new ArrayList<>(List.of(store));
        while (!todo.isEmpty()) {
            HomePath at = todo.remove(todo.size() - 1);
            HomePath protectedDir = new HomePath(at.parts().subList(1, at.parts().size()));
            HomePath htaccess = protectedDir.child(HTACCESS);
            Optional<FileInfo> file = home.find(htaccess);
            if (file.isPresent() && file.get().isFile()) {
                String moved = Htaccess.withHomeMoved(readText(home, htaccess), oldHome, newHome);
                if (moved != null) {
                    home.write(htaccess, moved.getBytes(StandardCharsets.UTF_8), true, null);
                }
            }
            for (FileInfo child : home.list(at)) {
                if (child.isDirectory()) {
                    todo.add(at.child(child.name()));
                }
            }
        }
    }

    // ---- inside ----

    private Directory directory(Principal principal, String dir, Missing missing) {
        Home home = homes.of(principal);
        HomePath real = home.resolve(home.path(dir), true);
        String absolute = home.absolute(real);
        Optional<FileInfo> info = home.find(real);
        if (info.isEmpty()) {
            throw ApiException.notFound(missing == Missing.AS_GIVEN ? Quote.of(dir) + " does not exist."
                    : "The " + Quote.of(absolute) + " directory does not exist.");
        }
        if (!info.get().isDirectory()) {
            throw ApiException.invalid(Quote.of(missing == Missing.AS_GIVEN ? dir : absolute) + " is not a directory.");
        }
        return new Directory(home, real, absolute);
    }

    private Protection fromFile(Directory d) {
        Htaccess.Protection p = Htaccess.protection(readText(d.home(), d.path().child(HTACCESS)));
        return new Protection(p.authType(), p.authName(), p.passwdFile(), p.isProtected());
    }

    private String indexType(Home home, HomePath dir) {
        return INDEX_TYPES.get(Htaccess.indexType(readText(home, dir.child(HTACCESS))) + 1);
    }

    /** {@code ~/.htpasswds/<dir below the home>}. */
    private static HomePath store(Directory d) {
        List<String> parts = new ArrayList<>();
        parts.add(HTPASSWDS);
        parts.addAll(d.path().parts());
        return new HomePath(parts);
    }

    private String passwdFile(Directory d) {
        return d.home().directory() + "/" + HTPASSWDS + (d.path().isHome() ? "" : "/" + d.path().relative()) + "/" + PASSWD;
    }

    /** Makes the password store's directories that are missing, as cPanel's get_path does. */
    private static void ensureStore(Directory d) {
        HomePath store = store(d);
        d.home().resolve(store, true); // refuses a store that is, or passes, a symlink out of the home
        List<String> upTo = new ArrayList<>();
        for (String part : store.parts()) {
            upTo.add(part);
            HomePath step = new HomePath(upTo);
            Optional<FileInfo> there = d.home().find(step);
            if (there.isEmpty()) {
                d.home().mkdir(step, false, STORE_MODE);
            } else if (!there.get().isDirectory()) {
                throw ApiException.invalid("The path " + Quote.of(step.relative()) + " exists and is not a directory.");
            }
        }
    }

    /** The text of a file, {@code ""} when there is none. */
    private static String readText(Home home, HomePath file) {
        Optional<FileInfo> info = home.find(file);
        if (info.isEmpty()) {
            return "";
        }
        return new String(home.readAll(file, MAX_FILE), StandardCharsets.UTF_8);
    }

    private static void checkUser(String user) {
        if (user.length() > 255) {
            throw ApiException.invalid("The " + Quote.of("user") + " argument cannot be longer than 255 characters.");
        }
        if (USER_FORBIDDEN.matcher(user).find()) {
            throw ApiException.invalid("The " + Quote.of("user") + " argument cannot include: “:”, “<”, “>”, or “ ”");
        }
    }

    private <T> T locked(Home home, Supplier<T> action) {
        synchronized (locks.computeIfAbsent(home.directory().toString(), key -> new Object())) {
            return action.get();
        }
    }

    /** cPanel's {@code [list_or_quoted,…]}: “a”, “b”, or “c”. */
    private static String orList(List<String> values) {
        List<String> quoted = values.stream().map(Quote::of).toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", or " + quoted.get(quoted.size() - 1);
    }
}
