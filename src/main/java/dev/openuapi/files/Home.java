package dev.openuapi.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * One account's home directory, and every file operation OpenUAPI does in it (src/docs/files.md). A client's path
 * is parsed by {@link #path} (its text), then checked again on the disk when it is used:
 * <ul>
 * <li>symlinks are followed only while they stay inside the home, resolved here, not by the kernel;</li>
 * <li>the resolved path is then opened one directory at a time, each relative to the one before, with
 * {@code NOFOLLOW_LINKS} ({@code openat(O_NOFOLLOW)} through {@link SecureDirectoryStream}), so that a directory
 * swapped for a symlink after the check makes the operation fail instead of leaving the home;</li>
 * <li>only regular files and directories are read or written: a FIFO, socket or device is refused.</li>
 * </ul>
 * Writes go to a temporary file in the same directory, renamed over the target when complete, so a refused or
 * failed write leaves nothing half-written; each one asks {@link DiskQuota} first.
 */
public final class Home {

    /** Read and write in chunks of this size; the quota is asked again before the first one past the room it gave. */
    static final int CHUNK = 64 * 1024;
    private static final int MAX_LINK_HOPS = 40;
    private static final String TEMP_PREFIX = ".openuapi-";

    private final long accountId;
    private final String username;
    private final Long planId;
    private final Path dir;
    private final DiskQuota quota;

    Home(long accountId, String username, Long planId, Path dir, DiskQuota quota) {
        this.accountId = accountId;
        this.username = username;
        this.planId = planId;
        this.dir = dir;
        this.quota = quota;
    }

    public long accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }

    public Long planId() {
        return planId;
    }

    /** The home directory's real path on this server ({@code <openuapi.homes.root>/<user>}). */
    public Path directory() {
        return dir;
    }

    /** A client's path (relative, under {@code /home/<user>}, or under the real home), checked by its text. */
    public HomePath path(String clientPath) {
        return HomePath.parse(username, dir.toString(), clientPath);
    }

    /** The real absolute path that clients are shown: {@code /srv/homes/bob/public_html}. */
    public String absolute(HomePath path) {
        return path.under(dir.toString());
    }

    /**
     * {@code path} with each symlink along it replaced by its target, as long as the target stays in the home
     * ({@code followLast}: the last component's too). A link that leads out is refused. Components that do not
     * exist are kept as they are.
     */
    public HomePath resolve(HomePath path, boolean followLast) {
        List<String> done = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(path.parts());
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.removeFirst();
            Path here = onDisk(done).resolve(part);
            boolean link;
            try {
                link = Files.readAttributes(here, PosixFileAttributes.class, NOFOLLOW_LINKS).isSymbolicLink();
            } catch (NoSuchFileException | NotDirectoryException e) {
                done.add(part);
                done.addAll(todo);
                break;
            } catch (IOException e) {
                throw failure(new HomePath(done).child(part), e);
            }
            if (!link || (todo.isEmpty() && !followLast)) {
                done.add(part);
                continue;
            }
            if (++hops > MAX_LINK_HOPS) {
                throw ApiException.invalid("The path " + Quote.of(path.relative()) + " has too many levels of symbolic links.");
            }
            String target;
            try {
                target = Files.readSymbolicLink(here).toString();
            } catch (IOException e) {
                throw failure(new HomePath(done).child(part), e);
            }
            HomePath next;
            if (target.startsWith("/")) {
                try {
                    next = path(target);
                } catch (ApiException e) {
                    next = null;
                }
            } else {
                next = new HomePath(done).resolve(target);
            }
            if (next == null) {
                throw ApiException.invalid("The path " + Quote.of(path.relative()) + " leads out of your home directory through the symbolic link "
                        + Quote.of(new HomePath(done).child(part).relative()) + ".");
            }
            Deque<String> rest = new ArrayDeque<>(next.parts());
            rest.addAll(todo);
            todo = rest;
            done = new ArrayList<>();
        }
        return new HomePath(done);
    }

    /** What {@code path} is (a symlink at its end is reported as one), or empty when nothing is there. */
    public Optional<FileInfo> find(HomePath path) {
        if (path.isHome()) {
            try (SecureDirectoryStream<Path> home = open(List.of())) {
                return Optional.of(info(path, home.getFileAttributeView(PosixFileAttributeView.class).readAttributes(), dir));
            } catch (IOException e) {
                throw failure(path, e);
            }
        }
        HomePath real = resolve(path.parent(), true).child(path.name());
        try (SecureDirectoryStream<Path> parent = open(real.parent().parts())) {
            return Optional.ofNullable(attributes(parent, real));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    /** What {@code path} is; refused when nothing is there. */
    public FileInfo stat(HomePath path) {
        return find(path).orElseThrow(() -> missing(path));
    }

    /** The entries of a directory (symlinks inside it followed), unsorted. */
    public List<FileInfo> list(HomePath directory) {
        HomePath real = resolve(directory, true);
        try (SecureDirectoryStream<Path> open = open(real.parts())) {
            List<FileInfo> entries = new ArrayList<>();
            for (Path entry : open) {
                FileInfo info = attributes(open, real.child(entry.getFileName().toString()));
                if (info != null) {
                    entries.add(info);
                }
            }
            return entries;
        } catch (NotDirectoryException e) {
            throw ApiException.invalid("The path " + Quote.of(directory.relative()) + " is not a directory.");
        } catch (IOException e) {
            throw failure(directory, e);
        }
    }

    /** Opens a regular file for reading (a symlink to one inside the home is followed). The caller closes it. */
    public InputStream read(HomePath file) {
        HomePath real = resolve(file, true);
        if (real.isHome()) {
            throw ApiException.invalid("The path " + Quote.of(file.relative()) + " is a directory.");
        }
        SecureDirectoryStream<Path> parent = null;
        try {
            parent = open(real.parent().parts());
            FileInfo info = attributes(parent, real);
            if (info == null) {
                throw missing(file);
            }
            requireFile(file, info);
            SeekableByteChannel channel = parent.newByteChannel(Path.of(real.name()), Set.of(READ, NOFOLLOW_LINKS));
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            throw failure(file, e);
        } finally {
            closeQuietly(parent);
        }
    }

    /** The whole content of a regular file, refused when it is larger than {@code maxBytes}. */
    public byte[] readAll(HomePath file, long maxBytes) {
        FileInfo info = stat(resolve(file, true));
        requireFile(file, info);
        if (info.size() > maxBytes) {
            throw ApiException.invalid("The file " + Quote.of(file.relative()) + " is larger than " + maxBytes + " bytes.");
        }
        try (InputStream in = read(file)) {
            return in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /**
     * Writes a regular file from {@code content}, all of it or nothing: into a temporary file beside it, renamed over
     * the target when complete. {@code overwrite}: an existing file is replaced (its permissions kept), else it is a
     * conflict. {@code mode}: the new file's permissions ({@code null}: 0644). A symlink to a file in the home is
     * written through. Returns what was written.
     */
    public FileInfo write(HomePath file, InputStream content, boolean overwrite, Integer mode) {
        HomePath real = resolve(file, true);
        if (real.isHome()) {
            throw ApiException.invalid("The path " + Quote.of(file.relative()) + " is a directory.");
        }
        try (SecureDirectoryStream<Path> parent = open(real.parent().parts())) {
            FileInfo existing = attributes(parent, real);
            if (existing != null) {
                if (!overwrite) {
                    throw ApiException.conflict("The file " + Quote.of(file.relative()) + " already exists.");
                }
                requireFile(file, existing);
            }
            long oldSize = existing == null ? 0 : existing.size();
            int permissions = mode != null ? mode : existing != null ? existing.mode() : 0644;
            Path temp = Path.of(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
            long written = 0;
            boolean done = false;
            try {
                try (SeekableByteChannel out = parent.newByteChannel(temp, Set.of(WRITE, CREATE_NEW, NOFOLLOW_LINKS), permissions(permissions))) {
                    long allowed = oldSize;
                    byte[] buffer = new byte[CHUNK];
                    int n;
                    while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                        if (written + n > allowed) {
                            // asks for exactly what the file has grown by; the answer says how far it may grow before asking again
                            long room = quota.room(this, written + n - oldSize);
                            allowed = written + n + Math.min(room, Long.MAX_VALUE - written - n);
                        }
                        out.write(ByteBuffer.wrap(buffer, 0, n));
                        written += n;
                    }
                }
                if (written > oldSize) {
                    quota.check(this, written - oldSize);
                }
                parent.getFileAttributeView(temp, PosixFileAttributeView.class, NOFOLLOW_LINKS).setPermissions(fromMode(permissions));
                parent.move(temp, parent, Path.of(real.name()));
                done = true;
            } finally {
                if (!done) {
                    try {
                        parent.deleteFile(temp);
                    } catch (IOException ignored) {
                        // nothing was there, or it is gone already
                    }
                }
            }
            quota.changed(this, written - oldSize);
            return attributes(parent, real);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Writes {@code content} as a whole ({@link #write(HomePath, InputStream, boolean, Integer)}). */
    public FileInfo write(HomePath file, byte[] content, boolean overwrite, Integer mode) {
        return write(file, new java.io.ByteArrayInputStream(content), overwrite, mode);
    }

    /**
     * Makes a directory ({@code parents}: and any missing above it). The JDK has no {@code mkdirat}, so the parent
     * is checked on its real path just before: it must still be the home's.
     */
    public void mkdir(HomePath directory, boolean parents, int mode) {
        HomePath real = resolve(directory, true);
        if (real.isHome()) {
            return;
        }
        List<String> upTo = new ArrayList<>();
        for (int i = 0; i < real.parts().size(); i++) {
            upTo.add(real.parts().get(i));
            boolean last = i == real.parts().size() - 1;
            HomePath step = new HomePath(upTo);
            Optional<FileInfo> there = find(step);
            if (there.isPresent()) {
                if (!there.get().isDirectory()) {
                    throw ApiException.invalid("The path " + Quote.of(step.relative()) + " exists and is not a directory.");
                }
                if (last) {
                    throw ApiException.conflict("The directory " + Quote.of(directory.relative()) + " already exists.");
                }
                continue;
            }
            if (!last && !parents) {
                throw missing(step.parent().child(step.name()));
            }
            Path parentOnDisk = onDisk(upTo.subList(0, upTo.size() - 1));
            try {
                Path realParent = parentOnDisk.toRealPath();
                if (!realParent.startsWith(dir)) {
                    throw ApiException.invalid("The path " + Quote.of(directory.relative()) + " leads out of your home directory.");
                }
                Files.createDirectory(realParent.resolve(step.name()), permissions(mode));
                Files.setPosixFilePermissions(realParent.resolve(step.name()), fromMode(mode));
            } catch (IOException e) {
                throw failure(step, e);
            }
        }
    }

    /** Removes a file, a symlink (not what it points to) or a whole directory tree; returns the bytes freed. */
    public long delete(HomePath path) {
        if (path.isHome()) {
            throw ApiException.invalid("You cannot remove your home directory.");
        }
        HomePath real = resolve(path.parent(), true).child(path.name());
        try (SecureDirectoryStream<Path> parent = open(real.parent().parts())) {
            FileInfo info = attributes(parent, real);
            if (info == null) {
                throw missing(path);
            }
            long freed = deleteIn(parent, real.name(), info);
            quota.changed(this, -freed);
            return freed;
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    /**
     * Moves or renames {@code from} to {@code to} (a symlink at {@code from}'s end moves as a link). {@code overwrite}:
     * an existing file at {@code to} is replaced, else it is a conflict. A directory cannot move into itself.
     */
    public void move(HomePath from, HomePath to, boolean overwrite) {
        HomePath source = resolve(from.parent(), true).child(requireNotHome(from).name());
        HomePath target = resolve(requireNotHome(to), true);
        if (target.isWithin(source) && !target.equals(source)) {
            throw ApiException.invalid("You cannot move " + Quote.of(from.relative()) + " into itself.");
        }
        try (SecureDirectoryStream<Path> sourceDir = open(source.parent().parts());
                SecureDirectoryStream<Path> targetDir = open(target.parent().parts())) {
            if (attributes(sourceDir, source) == null) {
                throw missing(from);
            }
            FileInfo existing = attributes(targetDir, target);
            if (existing != null && !target.equals(source)) {
                if (!overwrite) {
                    throw ApiException.conflict("The path " + Quote.of(to.relative()) + " already exists.");
                }
                if (existing.isDirectory()) {
                    throw ApiException.conflict("The directory " + Quote.of(to.relative()) + " already exists.");
                }
            }
            sourceDir.move(Path.of(source.name()), targetDir, Path.of(target.name()));
            if (existing != null && existing.isFile() && !target.equals(source)) {
                quota.changed(this, -existing.size()); // the file it replaced is gone
            }
        } catch (IOException e) {
            throw failure(from, e);
        }
    }

    /**
     * Copies a file or directory tree (symlinks inside it are copied as links, and only when they stay in the home;
     * special files are skipped). The quota is asked for the whole size first.
     */
    public void copy(HomePath from, HomePath to, boolean overwrite) {
        HomePath source = resolve(requireNotHome(from), true);
        HomePath target = resolve(requireNotHome(to), true);
        if (target.isWithin(source)) {
            throw ApiException.invalid("You cannot copy " + Quote.of(from.relative()) + " into itself.");
        }
        FileInfo info = stat(source);
        quota.check(this, size(source, info));
        copyTree(source, info, target, overwrite);
    }

    /** The total size of the regular files at and below {@code path} (symlinks not followed). */
    public long size(HomePath path) {
        HomePath real = resolve(path, true);
        return size(real, stat(real));
    }

    /** Sets the permission bits of a file or directory (not of a symlink). */
    public void chmod(HomePath path, int mode) {
        HomePath real = resolve(path, true);
        if (real.isHome()) {
            try (SecureDirectoryStream<Path> home = open(List.of())) {
                home.getFileAttributeView(PosixFileAttributeView.class).setPermissions(fromMode(mode));
                return;
            } catch (IOException e) {
                throw failure(path, e);
            }
        }
        try (SecureDirectoryStream<Path> parent = open(real.parent().parts())) {
            FileInfo info = attributes(parent, real);
            if (info == null) {
                throw missing(path);
            }
            if (info.kind() != FileInfo.Kind.FILE && info.kind() != FileInfo.Kind.DIRECTORY) {
                throw ApiException.invalid("The path " + Quote.of(path.relative()) + " is not a regular file or directory.");
            }
            parent.getFileAttributeView(Path.of(real.name()), PosixFileAttributeView.class, NOFOLLOW_LINKS).setPermissions(fromMode(mode));
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    /** Sets a file's modification time (seconds since the epoch). */
    public void touch(HomePath path, long mtime) {
        HomePath real = resolve(requireNotHome(path), true);
        try (SecureDirectoryStream<Path> parent = open(real.parent().parts())) {
            if (attributes(parent, real) == null) {
                throw missing(path);
            }
            parent.getFileAttributeView(Path.of(real.name()), PosixFileAttributeView.class, NOFOLLOW_LINKS)
                    .setTimes(FileTime.fromMillis(mtime * 1000), null, null);
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    // ---- inside ----

    private void copyTree(HomePath source, FileInfo info, HomePath target, boolean overwrite) {
        switch (info.kind()) {
            case FILE -> {
                try (InputStream in = read(source)) {
                    write(target, in, overwrite, info.mode());
                } catch (IOException e) {
                    throw failure(source, e);
                }
            }
            case DIRECTORY -> {
                Optional<FileInfo> there = find(target);
                if (there.isEmpty()) {
                    mkdir(target, false, info.mode());
                } else if (!there.get().isDirectory()) {
                    throw ApiException.conflict("The path " + Quote.of(target.relative()) + " already exists and is not a directory.");
                }
                for (FileInfo entry : list(source)) {
                    copyTree(entry.path(), entry, target.child(entry.name()), overwrite);
                }
            }
            case SYMLINK -> {
                HomePath linked;
                try {
                    linked = resolve(source, true);
                } catch (ApiException leadsOut) {
                    return;
                }
                Optional<FileInfo> pointed = find(linked);
                if (pointed.isPresent() && pointed.get().kind() != FileInfo.Kind.SYMLINK) {
                    copyTree(linked, pointed.get(), target, overwrite);
                }
            }
            case OTHER -> {
                // sockets, FIFOs and devices are never copied
            }
        }
    }

    private long size(HomePath real, FileInfo info) {
        if (info.isFile()) {
            return info.size();
        }
        if (!info.isDirectory()) {
            return 0;
        }
        long total = 0;
        for (FileInfo entry : list(real)) {
            total += entry.isDirectory() ? size(entry.path(), entry) : entry.isFile() ? entry.size() : 0;
        }
        return total;
    }

    private long deleteIn(SecureDirectoryStream<Path> parent, String name, FileInfo info) throws IOException {
        Path entry = Path.of(name);
        if (info.kind() != FileInfo.Kind.DIRECTORY) {
            parent.deleteFile(entry);
            return info.isFile() ? info.size() : 0;
        }
        long freed = 0;
        try (SecureDirectoryStream<Path> child = parent.newDirectoryStream(entry, NOFOLLOW_LINKS)) {
            List<String> names = new ArrayList<>();
            for (Path p : child) {
                names.add(p.getFileName().toString());
            }
            for (String childName : names) {
                FileInfo childInfo = attributes(child, info.path().child(childName));
                if (childInfo != null) {
                    freed += deleteIn(child, childName, childInfo);
                }
            }
        }
        parent.deleteDirectory(entry);
        return freed;
    }

    /** Opens the directory at {@code parts} below the home, one component at a time, never following a symlink. */
    SecureDirectoryStream<Path> open(List<String> parts) throws IOException {
        DirectoryStream<Path> top = Files.newDirectoryStream(dir);
        if (!(top instanceof SecureDirectoryStream<Path> current)) {
            top.close();
            throw new IOException("This platform cannot open files relative to a directory");
        }
        try {
            for (String part : parts) {
                SecureDirectoryStream<Path> next = current.newDirectoryStream(Path.of(part), NOFOLLOW_LINKS);
                current.close();
                current = next;
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /** The attributes of {@code path}'s last component, read through its open parent without following it; {@code null} when absent. */
    FileInfo attributes(SecureDirectoryStream<Path> parent, HomePath path) throws IOException {
        try {
            PosixFileAttributes a = parent.getFileAttributeView(Path.of(path.name()), PosixFileAttributeView.class, NOFOLLOW_LINKS)
                    .readAttributes();
            return info(path, a, onDisk(path.parts()));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The attributes read through the directory handle, and what only the JDK's {@code unix} view by path gives: the
     * status-change time ({@code ctime}: a rename, such as a move into the trash, sets it) and the numeric owner and group.
     * A read of metadata only, at the path just checked (a race could at worst report another file's); without that
     * view the modification time stands in, and the ids are -1.
     */
    private static FileInfo info(HomePath path, PosixFileAttributes a, Path onDisk) {
        FileInfo.Kind kind = a.isRegularFile() ? FileInfo.Kind.FILE
                : a.isDirectory() ? FileInfo.Kind.DIRECTORY : a.isSymbolicLink() ? FileInfo.Kind.SYMLINK : FileInfo.Kind.OTHER;
        long mtime = a.lastModifiedTime().toMillis() / 1000;
        long ctime = mtime;
        int uid = -1;
        int gid = -1;
        try {
            Map<String, Object> unix = Files.readAttributes(onDisk, "unix:ctime,uid,gid", NOFOLLOW_LINKS);
            if (unix.get("ctime") instanceof FileTime changed) {
                ctime = changed.toMillis() / 1000;
            }
            uid = unix.get("uid") instanceof Integer id ? id : uid;
            gid = unix.get("gid") instanceof Integer id ? id : gid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here
        }
        return new FileInfo(path, kind, a.size(), toMode(a.permissions()), mtime, ctime, uid, gid, a.owner().getName(), a.group().getName());
    }

    private Path onDisk(List<String> parts) {
        Path p = dir;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }

    private static HomePath requireNotHome(HomePath path) {
        if (path.isHome()) {
            throw ApiException.invalid("The path is your home directory itself.");
        }
        return path;
    }

    private static void requireFile(HomePath path, FileInfo info) {
        if (info.isDirectory()) {
            throw ApiException.invalid("The path " + Quote.of(path.relative()) + " is a directory.");
        }
        if (!info.isFile()) {
            throw ApiException.invalid("The path " + Quote.of(path.relative()) + " is not a regular file.");
        }
    }

    static ApiException missing(HomePath path) {
        return ApiException.notFound("The file or directory " + Quote.of(path.relative()) + " does not exist.");
    }

    /** An I/O failure as the caller should read it; never the server's own paths beyond the home. */
    static ApiException failure(HomePath path, IOException e) {
        String where = Quote.of(path.relative());
        if (e instanceof NoSuchFileException) {
            return missing(path);
        }
        if (e instanceof FileAlreadyExistsException) {
            return ApiException.conflict("The path " + where + " already exists.");
        }
        if (e instanceof DirectoryNotEmptyException) {
            return ApiException.conflict("The directory " + where + " is not empty.");
        }
        if (e instanceof NotDirectoryException) {
            return ApiException.invalid("A component of the path " + where + " is not a directory.");
        }
        if (e instanceof AccessDeniedException) {
            return ApiException.forbidden("Permission denied: " + where + ".");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            // ELOOP from O_NOFOLLOW: a component became a symlink after the path was checked
            return ApiException.invalid("The path " + where + " could not be used: " + f.getReason() + ".");
        }
        return ApiException.invalid("The path " + where + " could not be used: " + e.getClass().getSimpleName() + ".");
    }

    static int toMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    static FileAttribute<Set<PosixFilePermission>> permissions(int mode) {
        return PosixFilePermissions.asFileAttribute(fromMode(mode));
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a directory handle
        }
    }


    // ---- added for the File Manager's operations (dev.openuapi.fileops) ----

    /**
     * Makes a symbolic link at {@code link} holding {@code target} as given (the caller has checked where it leads).
     * As {@link #mkdir}, the parent is checked on its real path just before: it must still be the home's.
     */
    public void symlink(HomePath link, String target) {
        HomePath real = resolve(requireNotHome(link).parent(), true).child(link.name());
        try {
            Path realParent = onDisk(real.parent().parts()).toRealPath();
            if (!realParent.startsWith(dir)) {
                throw ApiException.invalid("The path " + Quote.of(link.relative()) + " leads out of your home directory.");
            }
            Files.createSymbolicLink(realParent.resolve(real.name()), Path.of(target));
        } catch (IOException e) {
            throw failure(link, e);
        }
    }

    /**
     * The text of the symbolic link at {@code link}, not followed (added for backups, {@code dev.openuapi.backup}: a
     * backup keeps a link as a link). Refused when nothing, or something else than a link, is there.
     */
    public String readLink(HomePath link) {
        HomePath real = resolve(requireNotHome(link).parent(), true).child(link.name());
        try (SecureDirectoryStream<Path> parent = open(real.parent().parts())) {
            FileInfo info = attributes(parent, real);
            if (info == null) {
                throw missing(link);
            }
            if (info.kind() != FileInfo.Kind.SYMLINK) {
                throw ApiException.invalid("The path " + Quote.of(link.relative()) + " is not a symbolic link.");
            }
            return Files.readSymbolicLink(onDisk(real.parts())).toString();
        } catch (IOException e) {
            throw failure(link, e);
        }
    }

    // ---- added for the File Manager's listing (dev.openuapi.fileman) ----

    /**
     * What a special file ({@link FileInfo.Kind#OTHER}) at {@code path} is, as cPanel's {@code list_files} names it:
     * {@code fifo}, {@code socket}, {@code char} or {@code block}; {@code null} when it is none of them. Only the
     * attributes of the last component are read, without following it (added for Fileman, src/docs/fileman.md).
     */
    public String specialType(HomePath path) {
        HomePath real = path.isHome() ? path : resolve(path.parent(), true).child(path.name());
        int type;
        try {
            type = ((Integer) Files.getAttribute(onDisk(real.parts()), "unix:mode", NOFOLLOW_LINKS)) & 0170000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        return switch (type) {
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            case 0020000 -> "char";
            case 0060000 -> "block";
            default -> null;
        };
    }
}
