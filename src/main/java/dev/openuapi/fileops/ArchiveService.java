package dev.openuapi.fileops;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomePath;

/**
 * Extraction and creation of archives in a home directory (API 2 {@code Fileman::fileop op=extract|compress}),
 * through {@link Home} only, so the disk quota and the path rules apply to every byte.
 * <p>
 * Extraction is whole or nothing: the archive is expanded into a new temporary directory inside the destination,
 * every entry checked on its own (no absolute name, no {@code ..}, no link that leads out of the extraction), the
 * entry count and the expanded bytes held to {@code openuapi.homes.archive-max-*}, and every file written through
 * {@link Home#write} (the quota is asked as the total grows). Only when all of it is there are the entries moved
 * into place; on any failure the temporary directory is removed and the destination is left as it was.
 */
@ApplicationScoped
public class ArchiveService {

    static final String UNSUPPORTED = "The File Manager does not support extracting this type of archive.";
    private static final String TEMP_PREFIX = ".openuapi-";

    enum Format {
        ZIP, TAR, TAR_GZ, TAR_BZ2, GZ, BZ2
    }

    private final int maxEntries;
    private final long maxBytes;

    ArchiveService(OpenUapiConfig config) {
        this.maxEntries = config.homes().archiveMaxEntries();
        this.maxBytes = config.homes().archiveMaxBytes();
    }

    // ---- extract ----

    /** Expands {@code archive} into {@code destination} (made when missing); returns the entries, one per line. */
    public String extract(Home home, HomePath archive, HomePath destination) {
        FileInfo info = home.stat(home.resolve(archive, true));
        if (!info.isFile()) {
            throw ApiException.invalid("The path " + Quote.of(archive.relative()) + " is not a regular file.");
        }
        Format format = extractFormat(home, archive);
        Optional<FileInfo> there = home.find(destination);
        if (there.isEmpty()) {
            home.mkdir(destination, true, 0755);
        } else if (!home.stat(home.resolve(destination, true)).isDirectory()) {
            throw ApiException.invalid("The destination " + Quote.of(destination.relative()) + " is not a directory.");
        }
        HomePath target = home.resolve(destination, true);
        HomePath temp = target.child(TEMP_PREFIX + "extract-" + UUID.randomUUID());
        home.mkdir(temp, false, 0700);
        boolean done = false;
        try {
            List<String> names = new ArrayList<>();
            Expansion expansion = new Expansion(home, temp, archive.name(), names);
            try (InputStream raw = home.read(archive)) {
                expansion.run(format, new BufferedInputStream(raw, 64 * 1024));
            } catch (IOException e) {
                throw unreadable(archive, e);
            }
            expansion.finish();
            checkConflicts(home, temp, target);
            mergeInto(home, temp, target);
            done = true;
            return String.join("\n", names);
        } finally {
            if (home.find(temp).isPresent()) {
                try {
                    home.delete(temp);
                } catch (ApiException e) {
                    if (done) {
                        throw e;
                    }
                    // the first failure is the one to report
                }
            }
        }
    }

    private static Format extractFormat(Home home, HomePath archive) {
        String name = archive.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return Format.TAR_GZ;
        }
        if (name.endsWith(".tar")) {
            return Format.TAR;
        }
        if (name.endsWith(".zip") || startsWithZipSignature(home, archive)) {
            return Format.ZIP;
        }
        if (name.endsWith(".tar.bz2") || name.endsWith(".tbz")) {
            return Format.TAR_BZ2;
        }
        throw ApiException.invalid(UNSUPPORTED);
    }

    private static boolean startsWithZipSignature(Home home, HomePath archive) {
        try (InputStream in = home.read(archive)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** One extraction into a temporary directory: entries are checked, counted and written as they come. */
    private final class Expansion {
        private final Home home;
        private final HomePath root;
        private final String archiveName;
        private final List<String> names;
        private final List<String[]> symlinks = new ArrayList<>();
        private int entries;
        private long bytes;

        Expansion(Home home, HomePath root, String archiveName, List<String> names) {
            this.home = home;
            this.root = root;
            this.archiveName = archiveName;
            this.names = names;
        }

        void run(Format format, InputStream in) throws IOException {
            switch (format) {
                case ZIP -> zip(new ZipInputStream(in, StandardCharsets.UTF_8));
                case TAR -> tar(new TarArchiveInputStream(in, "UTF-8"));
                case TAR_GZ -> tar(new TarArchiveInputStream(new GZIPInputStream(in, 64 * 1024), "UTF-8"));
                case TAR_BZ2 -> tar(new TarArchiveInputStream(new BZip2CompressorInputStream(in), "UTF-8"));
                default -> throw ApiException.invalid(UNSUPPORTED);
            }
        }

        private void zip(ZipInputStream zip) throws IOException {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                List<String> parts = entryPath(entry.getName());
                count(entry.getName());
                if (parts.isEmpty()) {
                    continue;
                }
                if (entry.isDirectory()) {
                    directory(parts, 0755);
                } else {
                    // java.util.zip does not read the Unix mode: a symlink entry is written as a file holding its target
                    file(parts, zip, 0644);
                }
            }
        }

        private void tar(TarArchiveInputStream tar) throws IOException {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                List<String> parts = entryPath(entry.getName());
                count(entry.getName());
                if (parts.isEmpty()) {
                    continue;
                }
                int mode = (entry.getMode() & 0777) & ~022;
                if (entry.isSymbolicLink()) {
                    symlinks.add(new String[] {String.join("/", parts), symlinkTarget(entry.getName(), parts, entry.getLinkName())});
                } else if (entry.isLink()) {
                    List<String> linked = entryPath(entry.getLinkName(), entry.getName());
                    HomePath from = under(linked);
                    Optional<FileInfo> earlier = home.find(from);
                    if (earlier.isEmpty() || !earlier.get().isFile()) {
                        throw ApiException.invalid("The archive entry " + Quote.of(entry.getName()) + " is a hard link to "
                                + Quote.of(entry.getLinkName()) + ", which is not a file earlier in the archive.");
                    }
                    ensureParent(parts);
                    grow(earlier.get().size(), entry.getName());
                    home.copy(from, under(parts), true);
                } else if (entry.isDirectory()) {
                    directory(parts, mode == 0 ? 0755 : mode | 0700);
                } else if (entry.isFile()) {
                    file(parts, tar, mode == 0 ? 0644 : mode | 0600);
                } else {
                    // devices and FIFOs are not made in a home directory; their names are listed as skipped
                    names.set(names.size() - 1, entry.getName() + " (skipped: not a file, directory or link)");
                }
            }
        }

        /** Links are made last, so that no file of the archive is written through one. */
        void finish() {
            for (String[] link : symlinks) {
                List<String> parts = List.of(link[0].split("/"));
                ensureParent(parts);
                HomePath at = under(parts);
                if (home.find(at).isPresent()) {
                    home.delete(at);
                }
                home.symlink(at, link[1]);
            }
        }

        private void count(String name) {
            if (++entries > maxEntries) {
                throw ApiException.invalid("The archive " + Quote.of(archiveName) + " has more than " + maxEntries
                        + " entries; nothing was extracted.");
            }
            names.add(name);
        }

        private void grow(long more, String name) {
            bytes += more;
            if (bytes > maxBytes) {
                throw ApiException.invalid("The archive " + Quote.of(archiveName) + " expands to more than " + maxBytes
                        + " bytes; nothing was extracted.");
            }
        }

        private void directory(List<String> parts, int mode) {
            HomePath dir = under(parts);
            Optional<FileInfo> there = home.find(dir);
            if (there.isEmpty()) {
                ensureParent(parts);
                home.mkdir(dir, false, mode);
            } else if (!there.get().isDirectory()) {
                throw ApiException.invalid("The archive has both a file and a directory named " + Quote.of(String.join("/", parts)) + ".");
            }
        }

        private void file(List<String> parts, InputStream content, int mode) {
            ensureParent(parts);
            HomePath file = under(parts);
            if (!home.resolve(file.parent(), true).isWithin(root)) {
                throw ApiException.invalid("The archive entry " + Quote.of(String.join("/", parts)) + " leads out of the extraction directory.");
            }
            home.write(file, new Limited(content, String.join("/", parts)), true, mode);
        }

        private void ensureParent(List<String> parts) {
            if (parts.size() > 1) {
                HomePath parent = under(parts.subList(0, parts.size() - 1));
                Optional<FileInfo> there = home.find(parent);
                if (there.isEmpty()) {
                    home.mkdir(parent, true, 0755);
                } else if (!there.get().isDirectory()) {
                    throw ApiException.invalid("The archive has both a file and a directory named " + Quote.of(parent.relative()) + ".");
                }
            }
        }

        private HomePath under(List<String> parts) {
            HomePath path = root;
            for (String part : parts) {
                path = path.child(part);
            }
            return path;
        }

        /** Counts the bytes of one entry into the archive's total as they are read, and refuses past the limit. */
        private final class Limited extends FilterInputStream {
            private final String name;

            Limited(InputStream in, String name) {
                super(in);
                this.name = name;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = in.read(b, off, len);
                } catch (IOException e) {
                    throw unreadable(HomePath.HOME.child(archiveName), e);
                }
                if (n > 0) {
                    grow(n, name);
                }
                return n;
            }

            @Override
            public void close() {
                // the archive stream stays open for the next entry
            }
        }
    }

    /**
     * An entry's name as components below the extraction directory: {@code ./} and empty components dropped; an
     * absolute name, a {@code ..} component, or a NUL, CR or LF refuses the whole archive.
     */
    static List<String> entryPath(String name) {
        return entryPath(name, name);
    }

    private static List<String> entryPath(String name, String entry) {
        if (name.startsWith("/")) {
            throw ApiException.invalid("The archive entry " + Quote.of(entry) + " has an absolute path; nothing was extracted.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw ApiException.invalid("The archive entry " + Quote.of(entry) + " leads out of the extraction directory (..); nothing was extracted.");
            }
            if (part.indexOf('\0') >= 0 || part.indexOf('\r') >= 0 || part.indexOf('\n') >= 0 || part.startsWith(TEMP_PREFIX)) {
                throw ApiException.invalid("The archive entry " + Quote.of(entry.replace("\0", "\\0")) + " has a name that cannot be used; nothing was extracted.");
            }
            parts.add(part);
        }
        return parts;
    }

    /** A symlink's target, kept only when it is relative and stays inside what the archive extracts. */
    private static String symlinkTarget(String entry, List<String> parts, String target) {
        String refusal = "The archive entry " + Quote.of(entry) + " is a symbolic link to " + Quote.of(target)
                + ", which leads out of the extraction directory; nothing was extracted.";
        if (target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0) {
            throw ApiException.invalid(refusal);
        }
        int depth = parts.size() - 1;
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            depth += part.equals("..") ? -1 : 1;
            if (depth < 0) {
                throw ApiException.invalid(refusal);
            }
        }
        return target;
    }

    /** Refuses before anything moves when an entry would replace a directory with a file or the other way round. */
    private static void checkConflicts(Home home, HomePath from, HomePath to) {
        for (FileInfo entry : home.list(from)) {
            Optional<FileInfo> there = home.find(to.child(entry.name()));
            if (there.isEmpty()) {
                continue;
            }
            boolean dirHere = entry.isDirectory();
            boolean dirThere = there.get().isDirectory();
            if (dirHere != dirThere) {
                throw ApiException.conflict("The archive's " + Quote.of(entry.name()) + " would replace "
                        + (dirThere ? "the directory " : "the file ") + Quote.of(home.absolute(to.child(entry.name()))) + "; nothing was extracted.");
            }
            if (dirHere) {
                checkConflicts(home, from.child(entry.name()), to.child(entry.name()));
            }
        }
    }

    /** Moves what was extracted into place; files replace files of the same name, as {@code unzip -o} and tar do. */
    private static void mergeInto(Home home, HomePath from, HomePath to) {
        for (FileInfo entry : home.list(from)) {
            HomePath target = to.child(entry.name());
            Optional<FileInfo> there = home.find(target);
            if (there.isPresent() && there.get().isDirectory() && entry.isDirectory()) {
                mergeInto(home, from.child(entry.name()), target);
            } else {
                home.move(from.child(entry.name()), target, true);
            }
        }
    }

    private static ApiException unreadable(HomePath archive, IOException e) {
        return ApiException.invalid("The archive " + Quote.of(archive.name()) + " could not be read: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "; nothing was extracted.");
    }

    // ---- compress ----

    /** The archive types compress takes, as cPanel names them in {@code metadata}. */
    static Format compressFormat(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "zip" -> Format.ZIP;
            case "tar" -> Format.TAR;
            case "tar.gz", "tgz" -> Format.TAR_GZ;
            case "tar.bz2", "tbz" -> Format.TAR_BZ2;
            case "gz" -> Format.GZ;
            case "bz2" -> Format.BZ2;
            default -> throw ApiException.invalid("Invalid archive type: " + (type == null ? "" : type) + ".  No archive created.");
        };
    }

    /**
     * Writes an archive of {@code sources} (each under its own name, directories with all they hold) to
     * {@code archive} through {@link Home#write}, so the quota applies and a failure leaves no archive. Returns the
     * entries, one per line. Symlinks and special files inside are left out (listed as skipped).
     */
    public String compress(Home home, List<HomePath> sources, HomePath archive, String type) {
        Format format = compressFormat(type);
        List<HomePath> real = new ArrayList<>();
        for (HomePath source : sources) {
            HomePath resolved = home.resolve(source, true);
            FileInfo info = home.stat(resolved);
            if (resolved.isHome()) {
                throw ApiException.invalid("You cannot compress your whole home directory into itself.");
            }
            if (!info.isFile() && !info.isDirectory()) {
                throw ApiException.invalid("The path " + Quote.of(source.relative()) + " is not a regular file or directory.");
            }
            if ((format == Format.GZ || format == Format.BZ2) && !info.isFile()) {
                throw ApiException.invalid("A " + type + " archive holds one regular file; " + Quote.of(source.relative()) + " is not one.");
            }
            real.add(resolved);
        }
        if (real.isEmpty()) {
            throw ApiException.invalid("Source must be supplied.");
        }
        HomePath target = home.resolve(archive, true);
        if (home.find(target.parent()).isEmpty()) {
            home.mkdir(target.parent(), true, 0755);
        }
        List<String> names = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        PipedInputStream pipe = new PipedInputStream(64 * 1024);
        PipedOutputStream sink;
        try {
            sink = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread producer = new Thread(() -> {
            try (OutputStream out = sink) {
                writeArchive(home, format, real, out, names);
            } catch (IOException e) {
                failure.compareAndSet(null, ApiException.invalid("The archive could not be written: " + e.getMessage()));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, "openuapi-compress");
        producer.setDaemon(true);
        producer.start();
        try (InputStream checked = new FilterInputStream(pipe) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n < 0) {
                    joinQuietly(producer);
                    RuntimeException failed = failure.get();
                    if (failed != null) {
                        throw failed;
                    }
                }
                return n;
            }
        }) {
            home.write(target, checked, true, 0644);
        } catch (IOException e) {
            throw ApiException.invalid("The archive could not be written: " + e.getMessage());
        } finally {
            joinQuietly(producer);
        }
        return String.join("\n", names);
    }

    private static void writeArchive(Home home, Format format, List<HomePath> sources, OutputStream out, List<String> names) throws IOException {
        switch (format) {
            case ZIP -> {
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                for (HomePath source : sources) {
                    walk(home, source, source.name(), new Sink() {
                        @Override
                        public void directory(String name, FileInfo info) throws IOException {
                            ZipEntry entry = new ZipEntry(name + "/");
                            entry.setTime(info.mtime() * 1000);
                            zip.putNextEntry(entry);
                            zip.closeEntry();
                        }

                        @Override
                        public void file(String name, FileInfo info, HomePath path) throws IOException {
                            ZipEntry entry = new ZipEntry(name);
                            entry.setTime(info.mtime() * 1000);
                            zip.putNextEntry(entry);
                            try (InputStream in = home.read(path)) {
                                in.transferTo(zip);
                            }
                            zip.closeEntry();
                        }
                    }, names);
                }
                zip.finish();
            }
            case TAR, TAR_GZ, TAR_BZ2 -> {
                OutputStream compressed = format == Format.TAR_GZ ? new GZIPOutputStream(out, 64 * 1024)
                        : format == Format.TAR_BZ2 ? new BZip2CompressorOutputStream(out) : out;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed, "UTF-8");
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (HomePath source : sources) {
                    walk(home, source, source.name(), new Sink() {
                        @Override
                        public void directory(String name, FileInfo info) throws IOException {
                            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
                            entry.setMode(040000 | info.mode());
                            entry.setModTime(info.mtime() * 1000);
                            tar.putArchiveEntry(entry);
                            tar.closeArchiveEntry();
                        }

                        @Override
                        public void file(String name, FileInfo info, HomePath path) throws IOException {
                            TarArchiveEntry entry = new TarArchiveEntry(name);
                            entry.setMode(0100000 | info.mode());
                            entry.setModTime(info.mtime() * 1000);
                            entry.setSize(info.size());
                            tar.putArchiveEntry(entry);
                            try (InputStream in = home.read(path)) {
                                long copied = copyExactly(in, tar, info.size());
                                if (copied != info.size()) {
                                    throw new IOException(path.relative() + " changed while it was archived");
                                }
                            }
                            tar.closeArchiveEntry();
                        }
                    }, names);
                }
                tar.finish();
                if (compressed != out) {
                    compressed.close();
                }
            }
            case GZ, BZ2 -> {
                HomePath source = sources.get(0);
                OutputStream compressed = format == Format.GZ ? new GZIPOutputStream(out, 64 * 1024) : new BZip2CompressorOutputStream(out);
                try (InputStream in = home.read(source)) {
                    in.transferTo(compressed);
                }
                compressed.close();
                names.add(source.name());
            }
        }
    }

    private static long copyExactly(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < size) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private interface Sink {
        void directory(String name, FileInfo info) throws IOException;

        void file(String name, FileInfo info, HomePath path) throws IOException;
    }

    private static void walk(Home home, HomePath path, String name, Sink sink, List<String> names) throws IOException {
        FileInfo info = home.stat(path);
        if (info.isDirectory()) {
            sink.directory(name, info);
            names.add(name + "/");
            List<FileInfo> entries = new ArrayList<>(home.list(path));
            entries.sort(java.util.Comparator.comparing(FileInfo::name));
            for (FileInfo entry : entries) {
                if (entry.name().startsWith(TEMP_PREFIX)) {
                    continue; // a write in progress, perhaps this very archive's
                }
                if (entry.isDirectory() || entry.isFile()) {
                    walk(home, path.child(entry.name()), name + "/" + entry.name(), sink, names);
                } else {
                    names.add(name + "/" + entry.name() + " (skipped: not a file or directory)");
                }
            }
        } else if (info.isFile()) {
            sink.file(name, info, path);
            names.add(name);
        } else {
            names.add(name + " (skipped: not a file or directory)");
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
