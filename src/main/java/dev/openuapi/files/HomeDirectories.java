package dev.openuapi.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.kernel.Principal;

/**
 * The accounts' home directories under {@code openuapi.homes.root}: one per account, {@code <root>/<user>}, laid out as
 * cPanel lays it out. Made with the account, moved by its rename, removed once its removal commits (the file system
 * is not transactional: a creation or move is undone when the account's transaction does not commit). An account made
 * before homes existed gets its home the first time it is used.
 */
@ApplicationScoped
public class HomeDirectories {

    private static final Logger LOG = Logger.getLogger(HomeDirectories.class);

    /** cPanel's layout of a new home, with cPanel's permissions. */
    private static final List<Entry> SKELETON = List.of(new Entry("public_html", 0750), new Entry("mail", 0751), new Entry("etc", 0750),
            new Entry("tmp", 0755));
    private static final int HOME_MODE = 0711;

    private record Entry(String name, int mode) {
    }

    private final Path configuredRoot;
    private final DiskQuota quota;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Path root;

    HomeDirectories(OpenUapiConfig config, DiskQuota quota, TransactionSynchronizationRegistry transactions) {
        this.configuredRoot = Path.of(config.homes().root()).toAbsolutePath().normalize();
        this.quota = quota;
        this.transactions = transactions;
    }

    /** The real path of {@code openuapi.homes.root}, made when first needed. */
    public Path root() {
        Path known = root;
        if (known == null) {
            try {
                Files.createDirectories(configuredRoot);
                known = configuredRoot.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the homes root " + configuredRoot, e);
            }
            root = known;
        }
        return known;
    }

    /** Where {@code username}'s home is (whether or not it exists yet). */
    public Path directory(String username) {
        return root().resolve(username);
    }

    /** The home of the account a call runs as. */
    public Home of(Principal principal) {
        return of(principal.accountId(), principal.username(), principal.planId());
    }

    public Home of(Account account) {
        return of(account.id, account.username, account.planId);
    }

    public Home of(long accountId, String username, Long planId) {
        Path dir = directory(username);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                make(dir);
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another request
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the home directory of " + username, e);
            }
        }
        return new Home(accountId, username, planId, dir, quota);
    }

    /** A new account gets a new home; one left at its place by something else is refused, never taken over. */
    void onCreated(@Observes AccountEvents.Created event) {
        Path dir = directory(event.account().username);
        try {
            make(dir);
        } catch (FileAlreadyExistsException e) {
            throw ApiException.conflict("The home directory " + Quote.of(dir.toString()) + " already exists.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the home directory " + dir, e);
        }
        afterCompletion(committed -> {
            if (!committed) {
                removeHome(dir);
            }
        });
    }

    /** The home goes once the account's removal commits. */
    void onRemoving(@Observes AccountEvents.Removing event) {
        Path dir = directory(event.account().username);
        afterCompletion(committed -> {
            if (committed) {
                removeHome(dir);
            }
        });
    }

    /** The home moves with the account's rename, and back when the rename does not commit. */
    void onRenamed(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) AccountEvents.Renamed event) {
        Path from = directory(event.oldUsername());
        Path to = directory(event.account().username);
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.conflict("The home directory " + Quote.of(to.toString()) + " already exists.");
        }
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the home directory " + from + " to " + to, e);
        }
        afterCompletion(committed -> {
            if (!committed) {
                try {
                    Files.move(to, from, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    LOG.errorf("The rename of %s did not commit, and its home directory could not move back from %s: %s", event.oldUsername(),
                            to, e.getMessage());
                }
            }
        });
    }

    private void make(Path dir) throws IOException {
        Files.createDirectories(root());
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, Home.fromMode(HOME_MODE));
        for (Entry entry : SKELETON) {
            Path sub = dir.resolve(entry.name());
            Files.createDirectory(sub);
            Files.setPosixFilePermissions(sub, Home.fromMode(entry.mode()));
        }
    }

    /** How many times the removal of a home walks its tree while something keeps adding to it. */
    static final int REMOVE_ATTEMPTS = 5;

    private void afterCompletion(java.util.function.Consumer<Boolean> action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }

    /**
     * Removes a home directory after the fact; what cannot be removed is logged. A job still writing into it (a running
     * backup's heartbeat, or the failure marker it writes once its account is gone) may add a file while the tree is
     * walked (or remove one), and the home could then not be removed: the walk is made again, up to {@link #REMOVE_ATTEMPTS} times. Once
     * the directory is gone such a job's writes fail, as they create no directory.
     */
    private static void removeHome(Path dir) {
        for (int attempt = 1;; attempt++) {
            try {
                deleteTree(dir);
                return;
            } catch (IOException e) {
                boolean changedMeanwhile = e instanceof java.nio.file.DirectoryNotEmptyException || e instanceof java.nio.file.NoSuchFileException;
                if (!changedMeanwhile || attempt == REMOVE_ATTEMPTS) {
                    LOG.errorf("Could not remove the home directory %s completely: %s", dir, e.getMessage());
                    return;
                }
                LOG.debugf("The home directory %s gained an entry while it was removed; removing it again", dir);
            }
        }
    }

    /** Removes a tree (nothing when {@code dir} is null or absent) without following symlinks out of it. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
