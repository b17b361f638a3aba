package dev.openuapi.fileman;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.files.HomeUsage;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Upload;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;

/**
 * The account's files as cPanel's UAPI {@code Fileman} sees them (src/docs/fileman.md): listings, one file's
 * information, a file's content in a character set, saving text, and uploads. Every access goes through the account's
 * {@link Home}, which keeps it inside the home directory and holds writes to the disk quota.
 */
@ApplicationScoped
public class FilemanService {

    /** The most bytes {@code get_file_content} reads: the answer is one JSON string. */
    static final long MAX_CONTENT_BYTES = 16L * 1024 * 1024;

    /** The mode of a directory {@code upload_files} makes. */
    private static final int NEW_DIRECTORY_MODE = 0755;
    private static final Pattern META_CHARSET = Pattern.compile("(<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?)([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3}");

    private final HomeDirectories homes;
    private final HomeUsage usage;
    private final PlanService plans;
    private final long maxUploadBytes;

    FilemanService(HomeDirectories homes, HomeUsage usage, PlanService plans, OpenUapiConfig config) {
        this.homes = homes;
        this.usage = usage;
        this.plans = plans;
        this.maxUploadBytes = config.files().maxUploadSize().asLongValue();
    }

    /**
     * What to keep of a directory's entries ({@code list_files}' options); {@code null} sets keep everything.
     *
     * @param types        cPanel's type names: file, dir, link, fifo, socket, char, block
     * @param names        only these names (only_these_files, or the filepath-* list of limit_to_list)
     * @param mimeTypes    types or type names (text/plain or text-plain) to keep
     * @param rawMimeTypes the same, of the raw type
     */
    public record ListQuery(Set<String> types, boolean showHidden, Set<String> names, boolean checkLeaves, Set<String> mimeTypes,
            Set<String> rawMimeTypes) {
    }

    /**
     * One file or directory as Fileman reports it.
     *
     * @param type      cPanel's type name (file, dir, link, fifo, socket, char, block)
     * @param directory the absolute path of the directory that holds it
     * @param leaf      for a directory when asked: whether it has no subdirectory; otherwise {@code null}
     * @param mimeType  its MIME type (a directory's is {@code httpd/unix-directory})
     */
    public record Entry(FileInfo info, String name, String type, String directory, Boolean leaf, String mimeType) {

        public String fullpath() {
            return directory + "/" + name;
        }
    }

    /** A directory's entries, sorted by name. */
    public List<Entry> list(Principal account, String dir, ListQuery query) {
        Home home = homes.of(account);
        HomePath path = home.path(dir);
        HomePath real = home.resolve(path, true);
        String absolute = home.absolute(real);
        List<Entry> entries = new ArrayList<>();
        List<FileInfo> infos = new ArrayList<>(home.list(path));
        infos.sort(Comparator.comparing(FileInfo::name));
        for (FileInfo info : infos) {
            String name = info.name();
            if (!query.showHidden() && name.startsWith(".")) {
                continue;
            }
            if (query.names() != null && !query.names().contains(name)) {
                continue;
            }
            String type = typeOf(home, info);
            if (query.types() != null && !query.types().contains(type)) {
                continue;
            }
            String mime = mimeOf(info, type);
            if (!mimeMatches(query.mimeTypes(), mime) || !mimeMatches(query.rawMimeTypes(), mime)) {
                continue;
            }
            entries.add(new Entry(info, name, type, absolute, query.checkLeaves() && info.isDirectory() ? isLeaf(home, info.path()) : null, mime));
        }
        return entries;
    }

    /** One path's information; a hidden name only with {@code showHidden}. */
    public Entry information(Principal account, String path, boolean showHidden, boolean checkLeaf) {
        Home home = homes.of(account);
        HomePath target = home.path(path);
        if (!showHidden && target.name().startsWith(".")) {
            throw ApiException.invalid("The path " + Quote.of(path) + " is a hidden file: set show_hidden=1 to see it.");
        }
        FileInfo info = home.stat(target);
        String directory = home.absolute(home.resolve(target.parent(), true));
        String name = info.name();
        String type = typeOf(home, info);
        if (target.isHome()) {
            directory = home.directory().getParent().toString();
            name = home.directory().getFileName().toString();
        }
        return new Entry(info, name, type, directory, checkLeaf && info.isDirectory() ? isLeaf(home, info.path()) : null, mimeOf(info, type));
    }

    /**
     * A file's content as text.
     *
     * @param fromChar the charset it was read in (detected for {@code _DETECT_})
     * @param toChar   the charset it is answered in
     */
    public record Content(String content, String dir, String filename, String path, String fromChar, String toChar) {
    }

    /**
     * Reads a file and decodes it: {@code fromCharset} {@code _DETECT_} takes UTF-8 when the bytes are valid UTF-8,
     * else the charset an HTML file's {@code <meta>} names, else ISO-8859-1 (every byte one character, so a binary
     * file comes back byte for byte). {@code toCharset}: {@code _LOCALE_} is UTF-8; a JSON answer can only carry
     * UTF-8 or US-ASCII, so any other is refused. {@code updateHtml}: an HTML file's {@code <meta>} charset is changed
     * to the answer's.
     */
    public Content content(Principal account, String dir, String file, String fromCharset, String toCharset, boolean updateHtml) {
        Home home = homes.of(account);
        HomePath target = home.path(dir).child(file);
        Charset to = answerCharset(toCharset);
        byte[] bytes = home.readAll(target, MAX_CONTENT_BYTES);
        boolean html = MimeTypes.isHtml(file);
        Charset from = fromCharset == null || fromCharset.isEmpty() || fromCharset.equals("_DETECT_") ? detect(bytes, html)
                : charset(fromCharset, "from_charset");
        String text = new String(bytes, from);
        if (to.equals(StandardCharsets.US_ASCII) && !to.newEncoder().canEncode(text)) {
            throw ApiException.invalid("The file " + Quote.of(file) + " has characters that US-ASCII cannot represent: ask for UTF-8.");
        }
        if (html && updateHtml && !from.equals(to)) {
            text = META_CHARSET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + to.name()));
        }
        HomePath real = home.resolve(target, true);
        return new Content(text, home.absolute(real.parent()), file, home.absolute(real), from.name(), to.name());
    }

    /** What {@link #save} wrote: the path and the charsets it used; {@code fellBack} when it wrote UTF-8 instead of {@code to}. */
    public record Saved(String path, String fromCharset, String toCharset, boolean fellBack) {
    }

    /**
     * Writes text to a file (made when missing, replaced whole when there), encoded in {@code toCharset}. The text
     * must be expressible in {@code fromCharset}, the charset the client says it is in. A character {@code toCharset}
     * cannot represent fails the call, or with {@code fallback} the file is written in UTF-8 instead.
     */
    public Saved save(Principal account, String dir, String file, String content, String fromCharset, String toCharset, boolean fallback) {
        Home home = homes.of(account);
        HomePath target = home.path(dir == null || dir.isEmpty() ? "" : dir).child(file);
        Charset from = charset(fromCharset == null || fromCharset.isEmpty() ? "UTF-8" : fromCharset, "from_charset");
        Charset to = charset(toCharset == null || toCharset.isEmpty() ? "UTF-8" : toCharset, "to_charset");
        String text = content == null ? "" : content;
        if (!from.newEncoder().canEncode(text)) {
            throw ApiException.invalid("The content has characters that are not in the character set " + Quote.of(from.name()) + ".");
        }
        byte[] bytes;
        boolean fellBack = false;
        try {
            bytes = encode(text, to);
        } catch (CharacterCodingException e) {
            if (!fallback) {
                throw ApiException.invalid("The content cannot be saved in the character set " + Quote.of(to.name()) + ".");
            }
            bytes = text.getBytes(StandardCharsets.UTF_8);
            to = StandardCharsets.UTF_8;
            fellBack = true;
        }
        home.write(target, bytes, true, null);
        return new Saved(home.absolute(home.resolve(target, true)), from.name(), to.name(), fellBack);
    }

    /** One completion of {@code autocompletedir}: the path as the client would type it, and whether it is a directory. */
    public record Completion(String path, boolean directory) {
    }

    /**
     * Completes {@code prefix}: ending with {@code /}, or with {@code listAll} and a directory there, everything in it;
     * otherwise the names in its parent that begin with its last component. Hidden names only when the prefix's last component starts with a dot.
     */
    public List<Completion> autocomplete(Principal account, String prefix, boolean dirsOnly, boolean listAll) {
        Home home = homes.of(account);
        HomePath path = home.path(prefix);
        Optional<FileInfo> there = home.find(path);
        HomePath directory;
        String start;
        String shown;
        boolean directoryNamed = prefix.endsWith("/") || path.isHome();
        if (directoryNamed || (listAll && there.isPresent() && (there.get().isDirectory() || isDirectoryLink(home, there.get())))) {
            directory = path;
            start = "";
            shown = prefix.endsWith("/") || prefix.isEmpty() ? prefix : prefix + "/";
        } else {
            directory = path.parent();
            start = path.name();
            int slash = prefix.lastIndexOf('/');
            shown = slash < 0 ? "" : prefix.substring(0, slash + 1);
        }
        List<Completion> completions = new ArrayList<>();
        List<FileInfo> entries = new ArrayList<>(home.list(directory));
        entries.sort(Comparator.comparing(FileInfo::name));
        for (FileInfo entry : entries) {
            String name = entry.name();
            if (!name.startsWith(start) || (name.startsWith(".") && !start.startsWith("."))) {
                continue;
            }
            boolean isDirectory = entry.isDirectory() || isDirectoryLink(home, entry);
            if (dirsOnly && !isDirectory) {
                continue;
            }
            completions.add(new Completion(shown + name, isDirectory));
        }
        return completions;
    }

    /** One file's outcome in {@code upload_files}: {@code size} is {@code null} when it failed. */
    public record Stored(String file, Long size, boolean stored, String reason, List<String> warnings) {
    }

    /** The account's disk use and upload limits, in bytes ({@code null}: not limited). */
    public record DiskUse(long used, Long limit, long maxUploadBytes, long inodesUsed) {
    }

    /**
     * Stores uploaded files in {@code dir} (made when missing), each through {@link Home#write} so it is whole or
     * absent and held to the disk quota; one file's failure does not stop the others. A file named like an earlier one
     * of the same request is stored as {@code name-2.ext}, {@code name-3.ext}, … (cPanel's rule).
     *
     * @param mode the permission bits every stored file gets
     */
    public List<Stored> upload(Principal account, String dir, List<Upload> files, boolean overwrite, int mode) {
        Home home = homes.of(account);
        HomePath directory = home.path(dir == null || dir.isEmpty() ? "" : dir);
        Optional<FileInfo> there = home.find(directory);
        if (there.isEmpty()) {
            home.mkdir(directory, true, NEW_DIRECTORY_MODE);
        } else if (!there.get().isDirectory() && !isDirectoryLink(home, there.get())) {
            throw ApiException.invalid("The path " + Quote.of(dir) + " is not a directory.");
        }
        Set<String> taken = new HashSet<>();
        List<Stored> results = new ArrayList<>();
        for (Upload upload : files) {
            String name = upload.filename();
            String problem = filenameProblem(name);
            if (problem != null) {
                results.add(new Stored(name == null ? "" : name, null, false, problem, List.of()));
                continue;
            }
            name = unique(name, taken);
            taken.add(name);
            try (InputStream in = upload.content().open()) {
                FileInfo written = home.write(directory.child(name), in, overwrite, mode);
                results.add(new Stored(name, written.size(), true, "Upload of " + Quote.of(name) + " succeeded.", List.of()));
            } catch (ApiException e) {
                results.add(new Stored(name, null, false, e.getMessage(), List.of()));
            } catch (IOException e) {
                results.add(new Stored(name, null, false, "The upload of " + Quote.of(name) + " could not be read.", List.of()));
            }
        }
        return results;
    }

    /** The account's disk use and limits (upload_files' {@code get_disk_info}). */
    public DiskUse diskUse(Principal account) {
        Home home = homes.of(account);
        Long quotaMb = account.planId() == null ? null : plans.byId(account.planId()).map((Plan p) -> p.diskQuotaMb).orElse(null);
        Long limit = quotaMb == null || quotaMb <= 0 ? null : quotaMb * 1024L * 1024L;
        long inodes;
        try (Stream<java.nio.file.Path> walk = Files.walk(home.directory())) {
            inodes = walk.count();
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.invalid("The home directory could not be read to count its files.");
        }
        return new DiskUse(usage.bytes(home), limit, maxUploadBytes, inodes);
    }

    /** The octal permissions of upload_files: {@code 0644} or {@code 644}. */
    public static int parseMode(String permissions) {
        if (permissions == null || permissions.isEmpty()) {
            return 0644;
        }
        if (!OCTAL_MODE.matcher(permissions).matches()) {
            throw ApiException.invalid("The " + Quote.of("permissions") + " value " + Quote.of(permissions)
                    + " is not an octal mode such as 0644.");
        }
        return Integer.parseInt(permissions, 8);
    }

    /** Why cPanel refuses this upload filename: {@code .}, {@code ..}, control characters, a backtick, {@code ;} or {@code /}. */
    static String filenameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "The upload has no filename.";
        }
        boolean bad = name.equals(".") || name.equals("..");
        for (int i = 0; i < name.length() && !bad; i++) {
            char c = name.charAt(i);
            bad = c < 0x20 || c == 0x7f || c == '`' || c == ';' || c == '/';
        }
        return bad ? "The filename " + Quote.of(name.replaceAll("\\p{Cntrl}", "?")) + " is not valid: it may not be . or .., "
                + "or contain control characters, a backtick, a semicolon or a slash." : null;
    }

    private static String unique(String name, Set<String> taken) {
        if (!taken.contains(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2;; n++) {
            String candidate = base + "-" + n + extension;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String typeOf(Home home, FileInfo info) {
        return switch (info.kind()) {
            case FILE -> "file";
            case DIRECTORY -> "dir";
            case SYMLINK -> "link";
            case OTHER -> {
                String special = home.specialType(info.path());
                yield special == null ? "file" : special;
            }
        };
    }

    private static String mimeOf(FileInfo info, String type) {
        return type.equals("dir") ? MimeTypes.DIRECTORY : MimeTypes.ofFile(info.name());
    }

    private static boolean mimeMatches(Set<String> wanted, String mime) {
        return wanted == null || wanted.contains(mime) || wanted.contains(MimeTypes.nameOf(mime));
    }

    /** A directory is a leaf when nothing in it is a directory. One that cannot be read counts as a leaf. */
    private static boolean isLeaf(Home home, HomePath directory) {
        try {
            return home.list(directory).stream().noneMatch(FileInfo::isDirectory);
        } catch (ApiException e) {
            return true;
        }
    }

    private static boolean isDirectoryLink(Home home, FileInfo info) {
        if (info.kind() != FileInfo.Kind.SYMLINK) {
            return false;
        }
        try {
            return home.find(home.resolve(info.path(), true)).map(FileInfo::isDirectory).orElse(false);
        } catch (ApiException leadsOut) {
            return false;
        }
    }

    /** {@code _LOCALE_} is UTF-8; a JSON answer carries only UTF-8 or US-ASCII (cPanel's reference). */
    private static Charset answerCharset(String name) {
        if (name == null || name.isEmpty() || name.equals("_LOCALE_")) {
            return StandardCharsets.UTF_8;
        }
        Charset charset = charset(name, "to_charset");
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            throw ApiException.invalid("The " + Quote.of("to_charset") + " value " + Quote.of(name)
                    + " cannot be carried in a JSON answer: use UTF-8 or US-ASCII.");
        }
        return charset;
    }

    static Charset charset(String name, String parameter) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiException.invalid("The " + Quote.of(parameter) + " value " + Quote.of(name) + " is not a character set this server knows.");
        }
    }

    private static Charset detect(byte[] bytes, boolean html) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            if (html) {
                Matcher meta = META_CHARSET.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                if (meta.find()) {
                    try {
                        return Charset.forName(meta.group(2));
                    } catch (IllegalArgumentException unknown) {
                        // fall through to ISO-8859-1
                    }
                }
            }
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static byte[] encode(String text, Charset charset) throws CharacterCodingException {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
