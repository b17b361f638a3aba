package dev.openuapi.fileops;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomePath;

/**
 * cPanel's trash: {@code ~/.trash} (0700), where a trashed file is moved under its own name ({@code name.1},
 * {@code name.2}, … when taken), and {@code ~/.trash/.trash_restore} (0600), one line per trashed file,
 * {@code <name in the trash>=<absolute original path>}, {@code =} and line feeds in names written as
 * {@code ____EQUALS____} and {@code ____NEWLINE____} (cPanel's Cpanel::Fileman::delfile, restore_file and
 * Cpanel::Fileman::Trash::empty_trash). The map is read and rewritten under a lock per home.
 */
@ApplicationScoped
public class TrashService {

    static final String TRASH = ".trash";
    static final String RESTORE_MAP = ".trash_restore";
    private static final long MAX_MAP_BYTES = 64L * 1024 * 1024;
    private static final long DAY = 86_400L;

    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    /** Moves {@code path} into the trash and records where it was; returns its name in the trash. */
    public String trash(Home home, HomePath path) {
        if (path.isHome()) {
            throw ApiException.invalid("You cannot move your home directory to the trash.");
        }
        HomePath source = home.resolve(path.parent(), true).child(path.name());
        if (home.find(source).isEmpty()) {
            throw ApiException.notFound("Failed to move “" + path.name() + "” to trash: the file does not exist.");
        }
        synchronized (lock(home)) {
            HomePath trash = trashDirectory(home);
            Map<String, String> map = readMap(home);
            String name = source.name();
            String candidate = name;
            for (int i = 1; map.containsKey(candidate) || home.find(trash.child(candidate)).isPresent(); i++) {
                candidate = name + "." + i;
            }
            home.move(source, trash.child(candidate), false);
            map.put(candidate, home.absolute(source));
            writeMap(home, map);
            return candidate;
        }
    }

    /** Moves {@code inTrash} (a file in {@code ~/.trash}) back to where it was trashed from; cPanel's texts on refusal. */
    public HomePath restore(Home home, HomePath inTrash) {
        String name = inTrash.name();
        HomePath trash = HomePath.HOME.child(TRASH);
        if (!inTrash.parent().equals(trash) || name.equals(RESTORE_MAP)) {
            throw ApiException.invalid("Unable to restore '" + name + "'! File is not present within the .trash_restore map.");
        }
        synchronized (lock(home)) {
            if (home.find(trash.child(RESTORE_MAP)).isEmpty()) {
                throw ApiException.notFound("Restore file failed, unable to read mapping file (.trash_restore): No such file or directory");
            }
            Map<String, String> map = readMap(home);
            String original = map.get(name);
            if (original == null) {
                throw ApiException.notFound("Unable to restore '" + name + "'! File is not present within the .trash_restore map.");
            }
            HomePath target;
            try {
                target = home.path(original);
            } catch (ApiException outside) {
                throw ApiException.invalid("Unable to restore '" + name + "'! Restore path is outside of user's homedir.");
            }
            if (home.find(home.resolve(target.parent(), true).child(target.name())).isPresent()) {
                throw ApiException.conflict("Unable to restore '" + name + "'! File is already present on the filesystem.");
            }
            if (home.find(inTrash).isEmpty()) {
                throw ApiException.notFound("Failed to restore '" + name + "'! The file is no longer in the trash.");
            }
            home.move(inTrash, target, false);
            map.remove(name);
            writeMap(home, map);
            return target;
        }
    }

    /**
     * UAPI {@code Fileman::empty_trash}: removes what is in the trash, all of it when {@code olderThanDays} is 0,
     * else what changed status more than {@code olderThanDays + 1} days ago (cPanel's cut-off); then drops the map's
     * lines whose file is gone. {@code .trash_restore} itself stays.
     */
    public void empty(Home home, long olderThanDays, long nowSeconds) {
        long ageMin = olderThanDays == 0 ? Long.MAX_VALUE : nowSeconds - (olderThanDays + 1) * DAY;
        HomePath trash = HomePath.HOME.child(TRASH);
        synchronized (lock(home)) {
            Optional<FileInfo> there = home.find(trash);
            if (there.isEmpty()) {
                return;
            }
            if (!there.get().isDirectory()) {
                throw ApiException.invalid("The trash “" + home.absolute(trash) + "” is not a directory.");
            }
            for (FileInfo entry : home.list(trash)) {
                if (entry.name().equals(RESTORE_MAP) || entry.ctime() >= ageMin) {
                    continue;
                }
                home.delete(trash.child(entry.name()));
            }
            if (home.find(trash.child(RESTORE_MAP)).isPresent()) {
                Map<String, String> map = readMap(home);
                map.keySet().removeIf(name -> home.find(trash.child(name)).isEmpty());
                writeMap(home, map);
            }
        }
    }

    private HomePath trashDirectory(Home home) {
        HomePath trash = HomePath.HOME.child(TRASH);
        Optional<FileInfo> there = home.find(trash);
        if (there.isEmpty()) {
            home.mkdir(trash, false, 0700);
        } else if (!there.get().isDirectory()) {
            throw ApiException.invalid("The trash “" + home.absolute(trash) + "” is not a directory.");
        }
        return trash;
    }

    private static Map<String, String> readMap(Home home) {
        HomePath file = HomePath.HOME.child(TRASH).child(RESTORE_MAP);
        Map<String, String> map = new LinkedHashMap<>();
        if (home.find(file).isEmpty()) {
            return map;
        }
        String text = new String(home.readAll(file, MAX_MAP_BYTES), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            map.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
        }
        return map;
    }

    private static void writeMap(Home home, Map<String, String> map) {
        StringBuilder text = new StringBuilder();
        map.forEach((name, original) -> text.append(escape(name)).append('=').append(escape(original)).append('\n'));
        home.write(HomePath.HOME.child(TRASH).child(RESTORE_MAP), text.toString().getBytes(StandardCharsets.UTF_8), true, 0600);
    }

    static String escape(String name) {
        return name.replace("=", "____EQUALS____").replace("\n", "____NEWLINE____");
    }

    static String unescape(String name) {
        return name.replace("____EQUALS____", "=").replace("____NEWLINE____", "\n");
    }

    private Object lock(Home home) {
        return locks.computeIfAbsent(home.directory().toString(), key -> new Object());
    }
}
