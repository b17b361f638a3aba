package dev.openuapi.backup;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * The tar.gz side of a backup (commons-compress): a staging directory written as one archive under one top directory,
 * and an archive extracted into a staging directory, safely. Staging directories are OpenUAPI's own, never a home.
 */
final class TarArchives {

    private TarArchives() {
    }

    /** Writes {@code dir}'s tree as {@code top/...} (directories, regular files and symlinks, as links; nothing else). */
    static void write(Path dir, String top, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                TarArchiveEntry entry = new TarArchiveEntry(name(dir, top, d) + "/");
                entry.setMode(040000 | mode(d));
                entry.setModTime(attrs.lastModifiedTime().toMillis());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    TarArchiveEntry entry = new TarArchiveEntry(name(dir, top, f), TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(f).toString());
                    entry.setMode(0120777);
                    entry.setModTime(attrs.lastModifiedTime().toMillis());
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                } else if (attrs.isRegularFile()) {
                    TarArchiveEntry entry = new TarArchiveEntry(name(dir, top, f));
                    entry.setMode(0100000 | mode(f));
                    entry.setModTime(attrs.lastModifiedTime().toMillis());
                    entry.setSize(attrs.size());
                    tar.putArchiveEntry(entry);
                    try (InputStream in = Files.newInputStream(f, StandardOpenOption.READ, NOFOLLOW_LINKS)) {
                        long copied = in.transferTo(tar);
                        if (copied != attrs.size()) {
                            throw new IOException(dir.relativize(f) + " changed while it was archived");
                        }
                    }
                    tar.closeArchiveEntry();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        tar.finish();
        gzip.finish();
        gzip.flush();
    }

    private static String name(Path dir, String top, Path p) {
        Path rel = dir.relativize(p);
        return rel.toString().isEmpty() ? top : top + "/" + rel.toString().replace('\\', '/');
    }

    private static int mode(Path p) throws IOException {
        int mode = 0;
        for (PosixFilePermission perm : Files.getPosixFilePermissions(p, NOFOLLOW_LINKS)) {
            mode |= 1 << (8 - perm.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    /** What an extraction found: the archive's one top directory, and the links it made (below {@code homedir/}). */
    record Extracted(String top, List<String> skipped) {
    }

    /**
     * Extracts a tar.gz into the empty directory {@code into}, refusing the whole archive (nothing is used) when an entry
     * has an absolute name, a {@code ..} component or a control character, lies outside the one top directory, is a
     * hard link, or is a symbolic link anywhere but below {@code homedir/}, or one whose target is absolute or leads out
     * of {@code homedir/}; and when the archive has more than {@code maxEntries} entries or expands to more than
     * {@code maxBytes}. Modes keep only the permission bits (no set-id, no sticky bit), with the owner's read (and, for
     * directories, write and search) always on. Devices and FIFOs are skipped. Links are made last.
     */
    static Extracted extract(InputStream archive, Path into, int maxEntries, long maxBytes) {
        List<String[]> links = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String top = null;
        int entries = 0;
        long[] bytes = {0};
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(archive, 64 * 1024), "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw ApiException.invalid("The archive has more than " + maxEntries + " entries.");
                }
                List<String> parts = parts(entry.getName());
                if (parts.isEmpty()) {
                    continue;
                }
                if (top == null) {
                    top = parts.get(0);
                } else if (!top.equals(parts.get(0))) {
                    throw ApiException.invalid("The archive entry " + Quote.of(entry.getName()) + " is outside the archive's top directory "
                            + Quote.of(top) + ".");
                }
                List<String> below = parts.subList(1, parts.size());
                if (below.isEmpty()) {
                    continue;
                }
                Path target = into;
                for (String part : below) {
                    target = target.resolve(part);
                }
                int mode = entry.getMode() & 0777;
                if (entry.isSymbolicLink()) {
                    String linkTarget = linkTarget(entry, below);
                    if (linkTarget == null) {
                        skipped.add(entry.getName() + " (a symbolic link to " + entry.getLinkName() + ", which leads out of the home directory)");
                    } else {
                        links.add(new String[] {String.join("/", below), linkTarget});
                    }
                } else if (entry.isLink()) {
                    throw ApiException.invalid("The archive entry " + Quote.of(entry.getName()) + " is a hard link; backups hold none.");
                } else if (entry.isDirectory()) {
                    parents(into, target);
                    if (!Files.isDirectory(target, NOFOLLOW_LINKS)) {
                        Files.createDirectory(target);
                    }
                    Files.setPosixFilePermissions(target, permissions(mode | 0700));
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.getModTime().getTime()));
                } else if (entry.isFile()) {
                    parents(into, target);
                    String name = entry.getName();
                    InputStream limited = new FilterInputStream(tar) {
                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = in.read(b, off, len);
                            if (n > 0 && (bytes[0] += n) > maxBytes) {
                                throw ApiException.invalid("The archive expands to more than " + maxBytes + " bytes (at " + Quote.of(name) + ").");
                            }
                            return n;
                        }

                        @Override
                        public int read() throws IOException {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                        }

                        @Override
                        public void close() {
                            // the archive stays open for the next entry
                        }
                    };
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS)) {
                        limited.transferTo(out);
                    }
                    Files.setPosixFilePermissions(target, permissions(mode | 0600));
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.getModTime().getTime()));
                } else {
                    skipped.add(entry.getName());
                }
            }
            for (String[] link : links) {
                Path at = into;
                for (String part : link[0].split("/")) {
                    at = at.resolve(part);
                }
                parents(into, at);
                Files.createSymbolicLink(at, Path.of(link[1]));
            }
            // a chain of links can lead where no single target does: each one must end inside homedir/
            if (!links.isEmpty()) {
                Path home = into.resolve("homedir").toRealPath();
                for (String[] link : links) {
                    Path at = into.resolve(link[0]);
                    if (Files.exists(at) && !at.toRealPath().startsWith(home)) {
                        Files.delete(at);
                        skipped.add(top + "/" + link[0] + " (a symbolic link that leads out of the home directory through another)");
                    }
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw ApiException.invalid("The archive holds the same name twice: " + Quote.of(into.relativize(Path.of(e.getFile())).toString()) + ".");
        } catch (IOException e) {
            throw ApiException.invalid("The archive could not be read: " + e.getMessage());
        }
        if (top == null) {
            throw ApiException.invalid("The archive is empty.");
        }
        return new Extracted(top, skipped);
    }

    /** Makes the missing parent directories of {@code target}, each refused if it exists as anything but a directory. */
    private static void parents(Path into, Path target) throws IOException {
        Path parent = target.getParent();
        List<Path> missing = new ArrayList<>();
        while (parent != null && !parent.equals(into)) {
            if (Files.isDirectory(parent, NOFOLLOW_LINKS)) {
                break;
            }
            if (Files.exists(parent, NOFOLLOW_LINKS)) {
                throw ApiException.invalid("The archive has both a file and a directory named " + Quote.of(into.relativize(parent).toString()) + ".");
            }
            missing.add(0, parent);
            parent = parent.getParent();
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            Files.setPosixFilePermissions(p, permissions(0755));
        }
    }

    /** An entry name's components: {@code ./} and empty ones dropped; absolute names, {@code ..} and control characters refused. */
    static List<String> parts(String name) {
        if (name.startsWith("/")) {
            throw ApiException.invalid("The archive entry " + Quote.of(name) + " has an absolute path.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw ApiException.invalid("The archive entry " + Quote.of(name) + " leads out of the archive (..).");
            }
            if (part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ApiException.invalid("The archive entry " + Quote.of(name.replaceAll("\\p{Cntrl}", "?")) + " has a control character in its name.");
            }
            parts.add(part);
        }
        return parts;
    }

    /** A link's target: relative, below {@code homedir/}, and staying inside it; {@code null} when it is not. */
    private static String linkTarget(TarArchiveEntry entry, List<String> below) {
        String target = entry.getLinkName();
        if (below.size() < 2 || !below.get(0).equals("homedir")) {
            return null;
        }
        if (target == null || target.isEmpty() || target.startsWith("/") || target.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return staysBelow(below.size() - 2, target) ? target : null; // directories between homedir/ and the link
    }

    /** Whether a relative link target, followed from {@code depth} directories below a top, never climbs out of it. */
    static boolean staysBelow(int depth, String target) {
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            depth += part.equals("..") ? -1 : 1;
            if (depth < 0) {
                return false;
            }
        }
        return true;
    }
}
