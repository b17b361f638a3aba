package dev.openuapi.backup;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomePath;

/**
 * A home's files into a backup's {@code homedir/} and back, through {@link Home} only (symlinks never followed out of
 * the home, writes under the disk quota).
 */
final class HomeCopy {

    /** Home's temporary files: a write in progress (perhaps the archive being written), never backed up or restored. */
    static final String TEMP_PREFIX = ".openuapi-";

    private HomeCopy() {
    }

    /**
     * Copies the home into {@code into} (a new directory): directories, regular files (modes and times kept) and
     * symbolic links as links. Left out: the backups themselves at the top of the home (archives and their markers,
     * {@link BackupNames}), Home's partial files ({@code .openuapi-*}), sockets, FIFOs and devices, and links that lead
     * out of the home (listed in the answer). An absolute link into the home is kept relative, so that it stays in the
     * home wherever the home is restored.
     */
    static List<String> backup(Home home, Path into) {
        List<String> left = new ArrayList<>();
        try {
            copyOut(home, HomePath.HOME, into, left);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return left;
    }

    private static void copyOut(Home home, HomePath dir, Path into, List<String> left) throws IOException {
        for (FileInfo entry : home.list(dir)) {
            String name = entry.name();
            if (name.startsWith(TEMP_PREFIX) || (dir.isHome() && BackupNames.parse(name).isPresent())) {
                continue;
            }
            HomePath path = dir.child(name);
            Path target = into.resolve(name);
            switch (entry.kind()) {
                case DIRECTORY -> {
                    Files.createDirectory(target);
                    copyOut(home, path, target, left);
                    Files.setPosixFilePermissions(target, TarArchives.permissions(entry.mode()));
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.mtime() * 1000));
                }
                case FILE -> {
                    try (InputStream in = home.read(path);
                            OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS)) {
                        in.transferTo(out);
                    }
                    Files.setPosixFilePermissions(target, TarArchives.permissions(entry.mode()));
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.mtime() * 1000));
                }
                case SYMLINK -> {
                    String link = relativeLink(home, path, home.readLink(path));
                    if (link == null) {
                        left.add(path.relative() + " (a symbolic link that leads out of the home directory)");
                    } else {
                        Files.createSymbolicLink(target, Path.of(link));
                    }
                }
                case OTHER -> left.add(path.relative() + " (not a file, directory or link)");
            }
        }
    }

    /** The link's target as a relative path that stays in the home, or {@code null} when it leads out. */
    private static String relativeLink(Home home, HomePath link, String target) {
        HomePath pointed;
        if (target.startsWith("/")) {
            try {
                pointed = home.path(target); // /home/<user>/... or the real home
            } catch (ApiException outside) {
                return null;
            }
        } else {
            pointed = link.parent().resolve(target);
            if (pointed == null) {
                return null;
            }
            return TarArchives.staysBelow(link.parent().parts().size(), target) ? target : null;
        }
        // an absolute link into the home: as a path relative to the link's directory
        List<String> from = link.parent().parts();
        List<String> to = pointed.parts();
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
            common++;
        }
        StringBuilder relative = new StringBuilder();
        for (int i = common; i < from.size(); i++) {
            relative.append("../");
        }
        relative.append(String.join("/", to.subList(common, to.size())));
        String text = relative.toString();
        if (text.isEmpty()) {
            return ".";
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Copies a backup's {@code homedir/} into the home, over what is there (a new account's skeleton): directories
     * made or kept, files written whole with their modes (permission bits only) and times, links made as they are in the
     * archive (extraction kept only those that stay in the home). {@code skip}: paths (relative to the home) left out.
     */
    static void restore(Path from, Home home, Predicate<String> skip) {
        try {
            copyIn(from, HomePath.HOME, home, skip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyIn(Path dir, HomePath at, Home home, Predicate<String> skip) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            list.forEach(entries::add);
        }
        entries.sort(null);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            HomePath path = at.child(name);
            if (name.startsWith(TEMP_PREFIX) || skip.test(path.relative())) {
                continue;
            }
            BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, NOFOLLOW_LINKS);
            int mode = attrs.isSymbolicLink() ? 0 : mode(entry);
            Optional<FileInfo> there = home.find(path);
            if (attrs.isDirectory()) {
                if (there.isEmpty()) {
                    home.mkdir(path, false, mode | 0700);
                } else if (!there.get().isDirectory()) {
                    throw ApiException.conflict("The home has a file where the archive has the directory " + Quote.of(path.relative()) + ".");
                }
                copyIn(entry, path, home, skip);
                home.chmod(path, mode | 0700);
            } else if (attrs.isRegularFile()) {
                if (there.isPresent() && !there.get().isFile()) {
                    home.delete(path);
                }
                try (InputStream in = Files.newInputStream(entry, StandardOpenOption.READ, NOFOLLOW_LINKS)) {
                    home.write(path, in, true, mode);
                }
                home.touch(path, attrs.lastModifiedTime().toMillis() / 1000);
            } else if (attrs.isSymbolicLink()) {
                if (there.isPresent()) {
                    home.delete(path);
                }
                home.symlink(path, Files.readSymbolicLink(entry).toString());
            }
        }
    }

    private static int mode(Path p) throws IOException {
        Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(p, NOFOLLOW_LINKS);
        int mode = 0;
        for (java.nio.file.attribute.PosixFilePermission perm : perms) {
            mode |= 1 << (8 - perm.ordinal());
        }
        return mode;
    }
}
