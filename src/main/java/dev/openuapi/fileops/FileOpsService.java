package dev.openuapi.fileops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.kernel.Principal;

/**
 * The File Manager's operations of cPanel API 2 {@code Fileman} (fileop, mkdir, listfiles) and UAPI
 * {@code Fileman::empty_trash}, in the account's home directory through {@link Home}. Paths and texts follow
 * cPanel's Cpanel::Fileman (src/docs/file-operations.md).
 */
@ApplicationScoped
public class FileOpsService {

    /** What fileop did with one source: cPanel's {@code {src, dest, result, err, output}}. */
    public record Outcome(String src, String dest, boolean ok, String err, String output) {
    }

    /** One listed entry and, for a directory when asked, whether it has no subdirectory. */
    public record Listed(FileInfo info, String directory, String absdir, Boolean leaf) {
    }

    /** What mkdir made: the absolute parent, the name and the permissions as four octal digits. */
    public record Made(String path, String name, String permissions) {
    }

    static final Set<String> SOURCE_ONLY = Set.of("trash", "chmod", "unlink", "extract", "restorefile");
    private static final Pattern CHMOD = Pattern.compile("[0-7]{3,4}");
    private static final Pattern PERMISSIONS = Pattern.compile("0*[0-7]{1,3}");

    private final HomeDirectories homes;
    private final TrashService trash;
    private final ArchiveService archives;

    FileOpsService(HomeDirectories homes, TrashService trash, ArchiveService archives) {
        this.homes = homes;
        this.archives = archives;
        this.trash = trash;
    }

    // ---- fileop ----

    /**
     * API 2 {@code Fileman::fileop}: {@code op} on each of {@code sources}, with the destination of the same index
     * (or the first one). A relative destination is taken in the source's directory, as cPanel does.
     */
    public List<Outcome> fileop(Principal who, String op, List<String> sources, List<String> destinations, String metadata) {
        Home home = homes.of(who);
        String operation = op == null ? "" : op;
        if (operation.equals("move") && (sources.isEmpty() || destinations.isEmpty())) {
            String err = sources.isEmpty() ? "Source must be supplied." : "";
            if (destinations.isEmpty()) {
                err = (err.isEmpty() ? "" : err + " ") + "Destination must be supplied.";
            }
            return List.of(new Outcome(null, null, false, err, null));
        }
        List<Outcome> results = new ArrayList<>();
        if (operation.equals("compress")) {
            results.add(compress(home, sources, destinations, metadata));
            return results;
        }
        if (operation.equals("move") && destinations.size() == 1 && sources.size() > 1) {
            Optional<HomePath> dest;
            try {
                dest = destination(home, sources.get(0), destinations.get(0));
            } catch (ApiException e) {
                return List.of(new Outcome(sources.get(0), destinations.get(0), false, e.getMessage(), null));
            }
            if (!isDirectory(home, dest.get())) {
                return List.of(new Outcome(null, null, false, "Multiple sources may not be moved to a non-directory destination.", null));
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            String rawDest = i < destinations.size() && !destinations.get(i).isEmpty() ? destinations.get(i)
                    : destinations.isEmpty() ? null : destinations.get(0);
            Outcome outcome = one(home, operation, sources.get(i), rawDest, metadata);
            if (outcome != null) {
                results.add(outcome); // unlink of the home itself is skipped without a row, as cPanel does
            }
        }
        return results;
    }

    private Outcome one(Home home, String op, String rawSource, String rawDest, String metadata) {
        String src = rawSource;
        String dest = rawDest;
        try {
            HomePath source = home.path(rawSource);
            src = home.absolute(source);
            HomePath target = null;
            if (rawDest != null) {
                target = destination(home, rawSource, rawDest).orElseThrow();
                dest = home.absolute(target);
            }
            if (!SOURCE_ONLY.contains(op) && isKnown(op)) {
                if (target == null) {
                    return new Outcome(src, null, false, "Destination must be supplied.", null);
                }
                if (same(home, source, target)) {
                    return new Outcome(src, dest, false, "Source and Destination are the Same", null);
                }
            }
            String output = switch (op) {
                case "copy" -> {
                    FileInfo what = home.stat(home.resolve(source, true));
                    if (!what.isFile() && !what.isDirectory()) {
                        throw ApiException.invalid("The path “" + source.relative() + "” is not a regular file or directory.");
                    }
                    home.copy(source, into(home, source, target), true);
                    yield null;
                }
                case "move" -> {
                    home.move(source, into(home, source, target), true);
                    yield null;
                }
                case "rename" -> {
                    if (home.find(home.resolve(target.parent(), true).child(target.name())).isPresent()) {
                        throw ApiException.conflict("Destination already exists");
                    }
                    home.move(source, target, false);
                    yield null;
                }
                case "trash" -> {
                    trash.trash(home, source);
                    yield null;
                }
                case "restorefile" -> {
                    trash.restore(home, source);
                    yield null;
                }
                case "chmod" -> {
                    if (metadata == null || !CHMOD.matcher(metadata).matches()) {
                        throw ApiException.invalid("Invalid filesystem permissions specified");
                    }
                    int mode = Integer.parseInt(metadata, 8);
                    if ((mode & ~0777) != 0) {
                        throw ApiException.invalid("Invalid filesystem permissions specified: the setuid, setgid and sticky bits ("
                                + metadata + ") cannot be set here.");
                    }
                    home.chmod(source, mode);
                    yield null;
                }
                case "unlink" -> {
                    if (source.isHome()) {
                        yield "";
                    }
                    home.delete(source);
                    yield null;
                }
                case "extract" -> archives.extract(home, source, target != null ? target : source.parent());
                case "link" -> throw ApiException.invalid("The link operation (a hard link) is not available: hard links are not made in home directories.");
                default -> throw ApiException.invalid("Unknown operation sent to api2_fileop");
            };
            if ("".equals(output) && op.equals("unlink")) {
                return null;
            }
            return new Outcome(src, dest, true, null, output);
        } catch (ApiException e) {
            return new Outcome(src, dest, false, e.getMessage(), null);
        }
    }

    private Outcome compress(Home home, List<String> sources, List<String> destinations, String metadata) {
        if (sources.isEmpty()) {
            return new Outcome(null, null, false, "Source must be supplied.", null);
        }
        String src = sources.get(0);
        String dest = destinations.isEmpty() ? null : destinations.get(0);
        try {
            List<HomePath> paths = new ArrayList<>();
            for (String source : sources) {
                paths.add(home.path(source));
            }
            src = home.absolute(paths.get(0));
            if (dest == null || dest.isEmpty()) {
                return new Outcome(src, null, false, "Destination must be supplied.", null);
            }
            HomePath archive = destination(home, sources.get(0), dest).orElseThrow();
            dest = home.absolute(archive);
            String output = archives.compress(home, paths, archive, metadata);
            return new Outcome(src, dest, true, null, output);
        } catch (ApiException e) {
            return new Outcome(src, dest, false, e.getMessage(), null);
        }
    }

    /** An absolute destination as it is; a relative one in the source's directory (cPanel's fileop). */
    private static Optional<HomePath> destination(Home home, String rawSource, String rawDest) {
        if (rawDest.startsWith("/") || rawDest.startsWith("~")) {
            return Optional.of(home.path(rawDest));
        }
        HomePath source = home.path(rawSource);
        String parent = source.parent().relative();
        return Optional.of(home.path(parent.isEmpty() ? rawDest : parent + "/" + rawDest));
    }

    /** Into a directory destination under the source's name, else to the destination itself. */
    private static HomePath into(Home home, HomePath source, HomePath target) {
        return isDirectory(home, target) ? home.resolve(target, true).child(source.name()) : target;
    }

    private static boolean isDirectory(Home home, HomePath path) {
        Optional<FileInfo> there = home.find(home.resolve(path, true));
        return there.isPresent() && there.get().isDirectory();
    }

    /** cPanel's refusal: the destination is the source, or the directory that already holds it. */
    private static boolean same(Home home, HomePath source, HomePath target) {
        HomePath realTarget = home.resolve(target, true);
        if (realTarget.equals(home.resolve(source, true))) {
            return true;
        }
        return isDirectory(home, target) && realTarget.equals(home.resolve(source.parent(), true));
    }

    private static boolean isKnown(String op) {
        return Set.of("copy", "move", "rename", "link").contains(op);
    }

    // ---- mkdir ----

    /** API 2 {@code Fileman::mkdir}: {@code name} in {@code path} (the home when empty), cPanel's checks and texts. */
    public Made mkdir(Principal who, String path, String name, String permissions) {
        Home home = homes.of(who);
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid("No name specified.");
        }
        if (name.contains("/")) {
            throw ApiException.invalid("The following character may not be part of a file or directory name: /");
        }
        int mode = 0755;
        if (permissions != null) {
            if (!PERMISSIONS.matcher(permissions).matches()) {
                throw ApiException.invalid("Invalid permissions string: " + permissions);
            }
            mode = Integer.parseInt(permissions, 8);
        }
        HomePath dir = path == null || path.isEmpty() ? HomePath.HOME : home.path(path);
        HomePath.checkName(name);
        String absolute = home.absolute(dir);
        Optional<FileInfo> parent = home.find(dir);
        if (parent.isEmpty()) {
            throw ApiException.notFound("Could not create directory \"" + name + "\" in " + absolute + ": Directory " + absolute + " does not exist.");
        }
        try {
            home.mkdir(dir.child(name), false, mode);
        } catch (ApiException e) {
            throw new ApiException(e.kind(), "Could not create directory \"" + name + "\" in " + absolute + ": " + e.getMessage());
        }
        return new Made(absolute, name, String.format(Locale.ROOT, "%04o", mode));
    }

    // ---- listfiles ----

    /**
     * API 2 {@code Fileman::listfiles}: the directories, then the other entries, each sorted without regard to case;
     * dot files only when {@code showHidden}; {@code types} and {@code only} (the names of {@code filelist}) filter.
     */
    public List<Listed> list(Principal who, String dir, Set<String> types, List<String> only, boolean showHidden, boolean checkLeaf) {
        Home home = homes.of(who);
        HomePath path = dir == null || dir.isEmpty() ? HomePath.HOME : home.path(dir);
        Optional<FileInfo> there = home.find(path);
        if (there.isEmpty() || !home.stat(home.resolve(path, true)).isDirectory()) {
            throw ApiException.notFound("The directory " + home.absolute(path) + " does not exist.");
        }
        HomePath real = home.resolve(path, true);
        String directory = home.absolute(path);
        String absdir = home.absolute(real);
        List<FileInfo> entries;
        if (only == null) {
            entries = home.list(path);
        } else {
            entries = new ArrayList<>();
            for (String name : only) {
                if (name.contains("/") || name.isEmpty()) {
                    throw ApiException.invalid("The file " + name + " contains invalid characters for a filename. Do not include ,/\\<>; characters in a filename.");
                }
                home.find(real.child(HomePath.checkName(name))).ifPresent(entries::add);
            }
        }
        List<Listed> dirs = new ArrayList<>();
        List<Listed> files = new ArrayList<>();
        for (FileInfo info : entries) {
            if (!showHidden && info.name().startsWith(".")) {
                continue;
            }
            if (!types.isEmpty() && !types.contains(FileOpsRows.type(info))) {
                continue;
            }
            Boolean leaf = null;
            if (info.isDirectory() && checkLeaf) {
                leaf = home.list(info.path()).stream().noneMatch(e -> e.isDirectory() && (showHidden || !e.name().startsWith(".")));
            }
            (info.isDirectory() ? dirs : files).add(new Listed(info, directory, absdir, leaf));
        }
        Comparator<Listed> byName = Comparator.comparing(l -> l.info().name().toLowerCase(Locale.ROOT));
        dirs.sort(byName);
        files.sort(byName);
        dirs.addAll(files);
        return dirs;
    }

    // ---- empty_trash ----

    public void emptyTrash(Principal who, long olderThanDays) {
        trash.empty(homes.of(who), olderThanDays, System.currentTimeMillis() / 1000);
    }
}
