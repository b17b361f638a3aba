package dev.openuapi.fileman;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.ByteSize;
import dev.openuapi.common.Html;
import dev.openuapi.common.Quote;
import dev.openuapi.files.FileInfo;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Fileman} (src/docs/fileman.md): listing, reading, saving and uploading the account's files, with the
 * arguments, defaults and answers of cPanel's reference ({@code api.docs.cpanel.net}, "Manage files"). The trash and
 * the copy/move/rename/delete functions are another module's ({@code dev.openuapi.fileops}); both declare the same
 * feature, {@code filemanager}.
 */
@ApplicationScoped
public class FilemanModule implements ApiModule {

    public static final String FEATURE = "filemanager";

    static final String NO_FILES = "You must specify at least one file to upload.";
    static final String ALL_FAILED = "Failed to upload any of the requested files with various failures.";
    private static final Set<String> TYPES = Set.of("file", "dir", "char", "block", "fifo", "link", "socket");
    private static final String UNLIMITED = "∞";

    private static final Param DIR_REQUIRED = Param.string("dir", "The directory: relative to the home, or absolute below it.")
            .required().example("public_html");
    private static final Param SHOW_HIDDEN = Param.of("show_hidden", ParamType.BOOLEAN, "1: include names that begin with a dot. Default 0.")
            .example("1");
    private static final Param LEAVES = Param.of("check_for_leaf_directories", ParamType.BOOLEAN,
            "1: give each directory isleaf (1 when it holds no subdirectory). Default 0.").example("1");
    private static final Param INCLUDE_MIME = Param.of("include_mime", ParamType.BOOLEAN,
            "1: give mimename, mimetype, rawmimename, rawmimetype. Default 0; mime_types or raw_mime_types set it.").example("1");
    private static final Param INCLUDE_PERMISSIONS = Param.of("include_permissions", ParamType.BOOLEAN,
            "1: give read and write (the owner's permission bits). Default 0.").example("1");

    /** Setup calls of the examples: public_html/example.html and public_html/images. */
    private static final String SAVE_EXAMPLE_HTML = "/execute/Fileman/save_file_content?dir=public_html&file=example.html"
            + "&content=%3Chtml%3E%3Cbody%3EHello%3C%2Fbody%3E%3C%2Fhtml%3E";
    private static final String MKDIR_IMAGES = "/json-api/cpanel?cpanel_jsonapi_module=Fileman&cpanel_jsonapi_func=mkdir"
            + "&cpanel_jsonapi_apiversion=2&path=public_html&name=images";

    private final FilemanService files;

    FilemanModule(FilemanService files) {
        this.files = files;
    }

    @Override
    public String name() {
        return "Fileman";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("list_files").readsOnly().summary("Return directory content")
                        .description("A directory's entries sorted by name, directories in dirs and everything else in files.")
                        .param(DIR_REQUIRED)
                        .param(Param.string("types", "A pipe-separated list of types to keep: file|dir|link|fifo|socket|char|block.")
                                .example("file|dir"))
                        .param(Param.of("limit_to_list", ParamType.BOOLEAN, "1: keep only the names given in filepath-* arguments (filepath-0, filepath-1, …).")
                                .example("0"))
                        .param(Param.string("only_these_files", "A comma-separated list of names to keep.").example("example.html,images"))
                        .param(SHOW_HIDDEN).param(LEAVES).param(INCLUDE_MIME).param(INCLUDE_PERMISSIONS)
                        .param(Param.string("mime_types", "MIME types or names to keep (text/plain or text-plain), separated by | or ,; sets include_mime.")
                                .example("text/html|httpd/unix-directory"))
                        .param(Param.string("raw_mime_types", "Raw MIME types or names to keep, separated by | or ,; sets include_mime.")
                                .example("text-html|httpd-unix-directory"))
                        .returns(Shape.of(FilemanRows.Listing.class))
                        .exampleJson("{\"dirs\":[{\"absdir\":\"/home/example/public_html\",\"ctime\":1733011200,\"exists\":1,"
                                + "\"file\":\"images\",\"fullpath\":\"/home/example/public_html/images\",\"gid\":1001,"
                                + "\"humansize\":\"4 KB\",\"isleaf\":1,\"isparent\":0,\"mimename\":\"httpd-unix-directory\","
                                + "\"mimetype\":\"httpd/unix-directory\",\"mode\":\"16877\",\"mtime\":1733011200,\"nicemode\":755,"
                                + "\"path\":\"/home/example/public_html\",\"rawmimename\":\"httpd-unix-directory\","
                                + "\"rawmimetype\":\"httpd/unix-directory\",\"read\":1,\"size\":4096,\"type\":\"dir\",\"uid\":1001,"
                                + "\"write\":1}],\"files\":[{\"absdir\":\"/home/example/public_html\",\"ctime\":1733011200,\"exists\":1,"
                                + "\"file\":\"example.html\",\"fullpath\":\"/home/example/public_html/example.html\",\"gid\":1001,"
                                + "\"humansize\":\"0.03 KB\",\"isparent\":0,\"mimename\":\"text-html\","
                                + "\"mimetype\":\"text/html\",\"mode\":\"33188\",\"mtime\":1733011200,\"nicemode\":644,"
                                + "\"path\":\"/home/example/public_html\",\"rawmimename\":\"text-html\",\"rawmimetype\":\"text/html\","
                                + "\"read\":1,\"size\":31,\"type\":\"file\",\"uid\":1001,\"write\":1}]}")
                        .exampleSetup(SAVE_EXAMPLE_HTML,
                                MKDIR_IMAGES)
                        .handledBy(this::listFiles),
                ApiFunction.named("get_file_information").readsOnly().summary("Return file or directory information")
                        .param(Param.string("path", "The file or directory.").required().example("public_html"))
                        .param(SHOW_HIDDEN).param(LEAVES).param(INCLUDE_MIME).param(INCLUDE_PERMISSIONS)
                        .returns(Shape.of(FilemanRows.File.class))
                        .exampleJson("{\"absdir\":\"/home/example\",\"ctime\":1733011200,\"exists\":1,\"file\":\"public_html\","
                                + "\"fullpath\":\"/home/example/public_html\",\"gid\":1001,\"humansize\":\"4 KB\",\"isleaf\":0,"
                                + "\"mimename\":\"httpd-unix-directory\",\"mimetype\":\"httpd/unix-directory\",\"mode\":\"16872\","
                                + "\"mtime\":1733011200,\"nicemode\":750,\"path\":\"/home/example\",\"rawmimename\":\"httpd-unix-directory\","
                                + "\"rawmimetype\":\"httpd/unix-directory\",\"read\":1,\"size\":4096,\"type\":\"dir\",\"uid\":1001,\"write\":1}")
                        .exampleSetup(MKDIR_IMAGES)
                        .handledBy(this::information),
                ApiFunction.named("get_file_content").readsOnly().summary("Return file content")
                        .description("JSON carries only UTF-8: for a non-UTF-8 or binary file give from_charset=ISO-8859-1; each byte "
                                + "is then one character of content (cPanel's advice).")
                        .param(DIR_REQUIRED)
                        .param(Param.string("file", "The file's name in dir.").required().example("example.html"))
                        .param(Param.string("from_charset", "The file's charset; _DETECT_ (default): UTF-8 when valid, else an HTML "
                                + "file's meta charset, else ISO-8859-1.").example("UTF-8"))
                        .param(Param.string("to_charset", "The answer's charset: _LOCALE_ (default, UTF-8), UTF-8 or US-ASCII.").example("UTF-8"))
                        .param(Param.of("update_html_document_encoding", ParamType.BOOLEAN,
                                "1 (default): an HTML file's meta charset is changed to the answer's charset.").example("1"))
                        .returns(Shape.of(FilemanRows.Content.class))
                        .exampleJson("{\"content\":\"<html><body>Hello</body></html>\",\"dir\":\"/home/example/public_html\","
                                + "\"filename\":\"example.html\",\"from_char\":\"UTF-8\",\"from_charset\":\"UTF-8\","
                                + "\"path\":\"/home/example/public_html/example.html\",\"to_char\":\"UTF-8\",\"to_charset\":\"UTF-8\"}")
                        .exampleSetup(SAVE_EXAMPLE_HTML)
                        .handledBy(this::content),
                ApiFunction.named("save_file_content").changesState().summary("Save file")
                        .description("Writes the file whole (made when missing), encoded in to_charset; the disk quota applies.")
                        .param(Param.string("file", "The file's name in dir.").required().example("example.html"))
                        .param(Param.string("dir", "The directory; default the home directory.").example("public_html"))
                        .param(Param.string("content", "The text to save; absent: an empty file.").example("<html><body>Hello</body></html>"))
                        .param(Param.string("from_charset", "The charset of content (default UTF-8): it must be expressible in it.")
                                .example("UTF-8"))
                        .param(Param.string("to_charset", "The charset to write the file in (default UTF-8).").example("UTF-8"))
                        .param(Param.of("fallback", ParamType.BOOLEAN,
                                "1 (default): when to_charset cannot represent the content, write UTF-8 instead; 0: fail.").example("1"))
                        .returns(Shape.of(FilemanRows.Saved.class))
                        .exampleJson("{\"from_charset\":\"UTF-8\",\"path\":\"/home/example/public_html/example.html\",\"to_charset\":\"UTF-8\"}")
                        .handledBy(this::save),
                ApiFunction.named("upload_files").changesState().summary("Upload files")
                        .description("POST multipart/form-data with file parts (file-0, file-1, …; each stored under its filename). "
                                + "The request may be up to openuapi.files.max-upload-size; the disk quota applies to every byte.")
                        .param(Param.string("dir", "The directory to store the files in (made when missing); default the home directory.")
                                .example("public_html"))
                        .param(Param.of("overwrite", ParamType.BOOLEAN, "1: replace an existing file; 0 (default): that file fails.").example("1"))
                        .param(Param.string("permissions", "Octal permissions for every file: 0644 (default) or 644.").example("0644"))
                        .param(Param.of("get_disk_info", ParamType.BOOLEAN, "1: add diskinfo, the account's disk use and limits.").example("1"))
                        .returns(Shape.of(FilemanRows.Uploads.class))
                        .exampleJson("{\"uploads\":[{\"file\":\"example.html\",\"size\":31,\"status\":1,"
                                + "\"reason\":\"Upload of “example.html” succeeded.\",\"warnings\":[]}],\"succeeded\":1,\"failed\":0,\"warned\":0,"
                                + "\"diskinfo\":{\"file_upload_max_bytes\":\"104857600.00\",\"file_upload_max_bytes_humansize\":\"100 MB\","
                                + "\"file_upload_must_leave_bytes\":\"0.00\",\"file_upload_must_leave_bytes_humansize\":\"0 bytes\","
                                + "\"file_upload_remain\":\"104857600.00\",\"file_upload_remain_humansize\":\"100 MB\",\"fileslimit\":\"∞\","
                                + "\"filesremain\":\"∞\",\"filesused\":12,\"spacelimit\":\"1048576000.00\",\"spacelimit_humansize\":\"1,000 MB\","
                                + "\"spaceremain\":\"1048520704.00\",\"spaceremain_humansize\":\"999.95 MB\",\"spaceused\":\"55296.00\","
                                + "\"spaceused_humansize\":\"54 KB\"}}")
                        .exampleNotLive("a multipart/form-data upload (file-0, file-1, …): the live test sends URL-encoded forms, "
                                + "which carry no file part, so this call can only fail there; FilemanUploadTest covers it")
                        .handledBy(this::upload),
                ApiFunction.named("autocompletedir").readsOnly().summary("Return autocomplete file and directory names")
                        .param(Param.string("path", "The prefix of the paths to complete.").required().example("public"))
                        .param(Param.of("dirsonly", ParamType.BOOLEAN, "1: only directories. Default 0.").example("1"))
                        .param(Param.of("html", ParamType.BOOLEAN, "1 (default): HTML-encode the answers.").example("1"))
                        .param(Param.of("list_all", ParamType.BOOLEAN,
                                "1 (default): when path is a directory, everything in it; 0: names that begin with path.").example("0"))
                        .exampleJson("[{\"file\":\"public_html\"}]")
                        .returns(Shape.arrayOf("The matches.", Shape.of(FilemanRows.Completion.class)))
                        .handledBy(this::autocomplete));
    }

    private Object listFiles(Call call) {
        Args args = call.args();
        Set<String> types = null;
        if (args.getNonEmpty("types") != null) {
            types = new LinkedHashSet<>();
            for (String type : args.get("types").split("\\|")) {
                String t = type.trim().toLowerCase(Locale.ROOT);
                if (!TYPES.contains(t)) {
                    throw ApiException.invalid("The " + Quote.of("types") + " value " + Quote.of(type)
                            + " is not one of file, dir, char, block, fifo, link and socket.");
                }
                types.add(t);
            }
        }
        Set<String> names = null;
        if (args.getNonEmpty("only_these_files") != null) {
            names = list(args.get("only_these_files"), ",");
        }
        if (args.isTrue("limit_to_list")) {
            Set<String> listed = new LinkedHashSet<>();
            for (Map.Entry<String, String> arg : args.asMap().entrySet()) {
                if (arg.getKey().startsWith("filepath-") && arg.getValue() != null && !arg.getValue().isEmpty()) {
                    String value = arg.getValue().endsWith("/") ? arg.getValue().substring(0, arg.getValue().length() - 1) : arg.getValue();
                    listed.add(value.substring(value.lastIndexOf('/') + 1));
                }
            }
            if (names != null) {
                listed.retainAll(names);
            }
            names = listed;
        }
        Set<String> mimeTypes = args.getNonEmpty("mime_types") == null ? null : list(args.get("mime_types"), "[|,]");
        Set<String> rawMimeTypes = args.getNonEmpty("raw_mime_types") == null ? null : list(args.get("raw_mime_types"), "[|,]");
        boolean includeMime = args.isTrue("include_mime") || mimeTypes != null || rawMimeTypes != null;
        boolean permissions = args.isTrue("include_permissions");
        List<FilemanService.Entry> entries = files.list(call.principal(), args.get("dir"), new FilemanService.ListQuery(types,
                args.isTrue("show_hidden"), names, args.isTrue("check_for_leaf_directories"), mimeTypes, rawMimeTypes));
        List<FilemanRows.File> dirs = new ArrayList<>();
        List<FilemanRows.File> rest = new ArrayList<>();
        for (FilemanService.Entry entry : entries) {
            FilemanRows.File row = row(entry, includeMime, permissions, 0);
            (entry.info().isDirectory() ? dirs : rest).add(row);
        }
        return new FilemanRows.Listing(dirs, rest);
    }

    private Object information(Call call) {
        Args args = call.args();
        FilemanService.Entry entry = files.information(call.principal(), args.get("path"), args.isTrue("show_hidden"),
                args.isTrue("check_for_leaf_directories"));
        return row(entry, args.isTrue("include_mime"), args.isTrue("include_permissions"), null);
    }

    private Object content(Call call) {
        Args args = call.args();
        String from = args.getOrDefault("from_charset", "_DETECT_");
        String to = args.getOrDefault("to_charset", "_LOCALE_");
        boolean updateHtml = !args.has("update_html_document_encoding") || args.isTrue("update_html_document_encoding");
        FilemanService.Content content = files.content(call.principal(), args.get("dir"), args.get("file"), from, to, updateHtml);
        return new FilemanRows.Content(content.content(), content.dir(), content.filename(), content.fromChar(), from, content.path(),
                content.toChar(), to);
    }

    private Object save(Call call) {
        Args args = call.args();
        boolean fallback = !args.has("fallback") || args.isTrue("fallback");
        FilemanService.Saved saved = files.save(call.principal(), args.get("dir"), args.get("file"), args.get("content"),
                args.get("from_charset"), args.get("to_charset"), fallback);
        if (saved.fellBack()) {
            call.warning("The content could not be saved in " + Quote.of(args.get("to_charset")) + ": the file was saved in "
                    + saved.toCharset() + ".");
        }
        return new FilemanRows.Saved(saved.fromCharset(), saved.path(), saved.toCharset());
    }

    private Object upload(Call call) {
        Args args = call.args();
        int mode = FilemanService.parseMode(args.get("permissions"));
        List<FilemanRows.Upload> rows = new ArrayList<>();
        int succeeded = 0;
        int failed = 0;
        int warned = 0;
        if (!call.uploads().isEmpty()) {
            for (FilemanService.Stored stored : files.upload(call.principal(), args.get("dir"), call.uploads(), args.isTrue("overwrite"), mode)) {
                rows.add(new FilemanRows.Upload(stored.file(), stored.size(), stored.stored() ? 1 : 0, stored.reason(), stored.warnings()));
                succeeded += stored.stored() ? 1 : 0;
                failed += stored.stored() ? 0 : 1;
                warned += stored.warnings().isEmpty() ? 0 : 1;
            }
        }
        if (rows.isEmpty()) {
            call.error(NO_FILES);
        } else if (succeeded == 0) {
            call.error(ALL_FAILED);
        }
        return new FilemanRows.Uploads(rows, succeeded, failed, warned, args.isTrue("get_disk_info") ? diskInfo(call) : null);
    }

    private FilemanRows.DiskInfo diskInfo(Call call) {
        FilemanService.DiskUse use = files.diskUse(call.principal());
        Long remain = use.limit() == null ? null : Math.max(0, use.limit() - use.used());
        long uploadRemain = remain == null ? use.maxUploadBytes() : Math.min(remain, use.maxUploadBytes());
        return new FilemanRows.DiskInfo(bytes(use.maxUploadBytes()), ByteSize.inUnits(use.maxUploadBytes()), bytes(0), ByteSize.inUnits(0),
                bytes(uploadRemain), ByteSize.inUnits(uploadRemain), UNLIMITED, UNLIMITED, use.inodesUsed(),
                use.limit() == null ? UNLIMITED : bytes(use.limit()), use.limit() == null ? UNLIMITED : ByteSize.inUnits(use.limit()),
                remain == null ? UNLIMITED : bytes(remain), remain == null ? UNLIMITED : ByteSize.inUnits(remain), bytes(use.used()),
                ByteSize.inUnits(use.used()));
    }

    private Object autocomplete(Call call) {
        Args args = call.args();
        boolean html = !args.has("html") || args.isTrue("html");
        boolean listAll = !args.has("list_all") || args.isTrue("list_all");
        List<FilemanRows.Completion> rows = new ArrayList<>();
        for (FilemanService.Completion completion : files.autocomplete(call.principal(), args.get("path"), args.isTrue("dirsonly"), listAll)) {
            rows.add(new FilemanRows.Completion(html ? Html.escape(completion.path()) : completion.path()));
        }
        return rows;
    }

    private static FilemanRows.File row(FilemanService.Entry entry, boolean includeMime, boolean permissions, Integer isparent) {
        FileInfo info = entry.info();
        String mime = includeMime ? entry.mimeType() : null;
        int bits = info.mode();
        return new FilemanRows.File(entry.directory(), info.ctime(), 1, entry.name(), entry.fullpath(), info.gid(), ByteSize.inUnits(info.size()),
                entry.leaf() == null ? null : entry.leaf() ? 1 : 0, isparent, mime == null ? null : MimeTypes.nameOf(mime), mime,
                Integer.toString(typeBits(entry.type()) | bits), info.mtime(), Integer.parseInt(Integer.toOctalString(bits)), entry.directory(),
                mime == null ? null : MimeTypes.nameOf(mime), mime, permissions ? ((bits & 0400) != 0 ? 1 : 0) : null, info.size(),
                entry.type(), info.uid(), permissions ? ((bits & 0200) != 0 ? 1 : 0) : null);
    }

    /** The file-type bits of st_mode for cPanel's type name. */
    private static int typeBits(String type) {
        return switch (type) {
            case "dir" -> 0040000;
            case "link" -> 0120000;
            case "fifo" -> 0010000;
            case "socket" -> 0140000;
            case "char" -> 0020000;
            case "block" -> 0060000;
            default -> 0100000;
        };
    }

    private static String bytes(long value) {
        return value + ".00";
    }

    private static Set<String> list(String value, String separator) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(separator)) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
