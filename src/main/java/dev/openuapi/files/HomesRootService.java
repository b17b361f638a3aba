package dev.openuapi.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the paths stored below the homes right when the homes root changes (a new {@code openuapi.homes.root}, or
 * rows written when every home was reported as {@code /home/<user>}): at start-up, when the root recorded in
 * {@code homes_root} is not this one, every feature rewrites its paths ({@link HomesRootMoved}) and the new root is
 * recorded, in one transaction. Replicas starting together wait for each other on the row's lock; the second finds
 * the root already recorded.
 */
@ApplicationScoped
public class HomesRootService {

    private static final Logger LOG = Logger.getLogger(HomesRootService.class);

    /** What every stored path was written under before homes were real. */
    static final String LEGACY_ROOT = "/home";

    private final HomesRootRepository roots;
    private final HomeDirectories directories;
    private final Event<HomesRootMoved> moved;

    HomesRootService(HomesRootRepository roots, HomeDirectories directories, Event<HomesRootMoved> moved) {
        this.roots = roots;
        this.directories = directories;
        this.moved = moved;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        String current = directories.root().toString();
        HomesRoot recorded = roots.findById(HomesRoot.ONLY, LockModeType.PESSIMISTIC_WRITE);
        if (recorded == null) {
            recorded = new HomesRoot();
            recorded.id = HomesRoot.ONLY;
            recorded.root = LEGACY_ROOT;
            roots.persist(recorded);
        }
        if (recorded.root.equals(current)) {
            return;
        }
        LOG.infof("The homes root is %s, the stored paths were written under %s: they follow", current, recorded.root);
        moved.fire(new HomesRootMoved(recorded.root, current));
        recorded.root = current;
    }
}
