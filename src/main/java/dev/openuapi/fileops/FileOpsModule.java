package dev.openuapi.fileops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * cPanel API 2 {@code Fileman::fileop}, {@code Fileman::mkdir} and {@code Fileman::listfiles}, and UAPI
 * {@code Fileman::empty_trash}: the File Manager's operations on the account's home directory
 * (src/docs/file-operations.md). The module is cPanel's {@code Fileman}, which needs the {@code filemanager} feature
 * (Cpanel::Fileman's {@code needs_feature}); UAPI Fileman's other functions live in {@code dev.openuapi.fileman}.
 */
@ApplicationScoped
public class FileOpsModule implements ApiModule {

    /** The UAPI module's feature: the registry requires one feature per module name. */
    public static final String FEATURE = dev.openuapi.fileman.FilemanModule.FEATURE;

    private final FileOpsService files;

    FileOpsModule(FileOpsService files) {
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
                ApiFunction.named("fileop").api2().changesState()
                        .summary("Copy, move, rename, trash, restore, chmod, delete, extract or compress files")
                        .description("Each source (comma-separated, or repeated as sourcefiles-N) gets the destination of the same position, "
                                + "or the first one; a relative destination is taken in the source's directory. One row per source; "
                                + "compress makes one archive of all the sources. op=link (hard links) is refused.")
                        .param(Param.string("op", "copy, move, rename, trash, restorefile, chmod, unlink, extract or compress.").required()
                                .example("copy"))
                        .param(Param.string("sourcefiles", "The source paths, comma-separated (one path when multiform=1).").example("hot.txt"))
                        .param(Param.string("destfiles", "The destination paths, comma-separated: a directory, a new name, an archive or "
                                + "the directory to extract into.").example("new_directory"))
                        .param(Param.string("metadata", "chmod: the mode (644, 0755); compress: the archive type (zip, tar, tar.gz, tgz, "
                                + "tar.bz2, tbz, gz, bz2).").example("0644"))
                        .param(Param.of("doubledecode", ParamType.BOOLEAN, "1: the paths and metadata are URI-encoded once more; decode them.")
                                .example("0"))
                        .param(Param.of("multiform", ParamType.BOOLEAN, "1: sourcefiles and destfiles are one path each (commas are kept).")
                                .example("0"))
                        .returns(Shape.arrayOf("One row per source (one row in all for compress).", Shape.of(FileOpsRows.Result.class)))
                        .exampleJson("[{\"src\":\"/home/example/hot.txt\",\"dest\":\"/home/example/new_directory\",\"result\":1}]")
                        .exampleSetup("/execute/Fileman/save_file_content?file=hot.txt&content=Hot%20stuff",
                                "/json-api/cpanel?cpanel_jsonapi_module=Fileman&cpanel_jsonapi_func=mkdir&cpanel_jsonapi_apiversion=2"
                                        + "&name=new_directory")
                        // metadata is chmod's and compress's, not copy's
                        .exampleArgs("op=copy&sourcefiles=hot.txt&destfiles=new_directory&doubledecode=0&multiform=0")
                        .handledBy(this::fileop),
                ApiFunction.named("mkdir").api2().changesState().summary("Create a directory")
                        .param(Param.string("path", "The directory to make it in (default: the home directory).").example("public_html"))
                        .param(Param.string("name", "The new directory's name (cPanel answers “No name specified.” without it).").example("new_dir"))
                        .param(Param.string("permissions", "Its permissions in octal (0755 when not given).").example("0755"))
                        .returns(Shape.arrayOf("One row.", Shape.of(FileOpsRows.Made.class)))
                        .exampleJson("[{\"path\":\"/home/example/public_html\",\"name\":\"new_dir\",\"permissions\":\"0755\"}]")
                        .handledBy(this::mkdir),
                ApiFunction.named("listfiles").api2().readsOnly().summary("List a directory's files and their attributes")
                        .description("Directories first, then the rest, each sorted without regard to case. uid, gid, size, mtime, mode and ctime "
                                + "are numbers, or \"\" when 0 (cPanel's $stat[n] || ''): the example leaves uid and gid null, since the "
                                + "owner is root (0) where the example is proved and a hosting account's own user elsewhere.")
                        .param(Param.string("dir", "The directory (default: the home directory).").example("public_html"))
                        .param(Param.string("types", "Only these types, |-separated: file, dir, link, special.").example("dir|file"))
                        .param(Param.of("filelist", ParamType.BOOLEAN, "1: only the names given as filepath-* arguments.").example("0"))
                        .param(Param.of("showdotfiles", ParamType.BOOLEAN, "1: include names that begin with a dot.").example("1"))
                        .param(Param.of("checkleaf", ParamType.BOOLEAN, "1: add isleaf to each directory.").example("1"))
                        .param(Param.of("needmime", ParamType.BOOLEAN, "Not available here: 1 is refused (cPanel's MIME map).").example("0"))
                        .returns(Shape.arrayOf("The entries.", Shape.of(FileOpsRows.Entry.class)))
                        .exampleJson("[{\"fullpath\":\"/home/example/public_html/images\",\"path\":\"/home/example/public_html\","
                                + "\"file\":\"images\",\"uid\":null,\"gid\":null,\"size\":4096,\"mtime\":1733011200,\"humansize\":\"4 KB\","
                                + "\"nicemode\":\"0755\",\"mode\":16877,\"ctime\":1733011200,\"type\":\"dir\","
                                + "\"absdir\":\"/home/example/public_html\",\"exists\":1,\"isleaf\":1}]")
                        .exampleSetup("/json-api/cpanel?cpanel_jsonapi_module=Fileman&cpanel_jsonapi_func=mkdir&cpanel_jsonapi_apiversion=2"
                                + "&path=public_html&name=images")
                        .handledBy(this::listfiles),
                ApiFunction.named("empty_trash").changesState().summary("Delete .trash folder content")
                        .description("Removes what is in ~/.trash; with older_than=N only what was moved there more than N days ago.")
                        .param(Param.of("older_than", ParamType.INTEGER, "Keep what is at most this many days old; 0 (the default) "
                                + "purges everything.").example("31"))
                        .example(null)
                        .doing(this::emptyTrash));
    }

    private Object fileop(Call call) {
        Args args = call.args();
        boolean decode = args.isTrue("doubledecode");
        boolean multiform = args.isTrue("multiform");
        List<String> sources = paths(args, "sourcefiles", multiform, decode);
        List<String> destinations = paths(args, "destfiles", multiform, decode);
        String metadata = args.get("metadata");
        if (decode && metadata != null) {
            metadata = uriDecode(metadata);
        }
        List<FileOpsRows.Result> rows = new ArrayList<>();
        String lastError = null;
        for (FileOpsService.Outcome outcome : files.fileop(call.principal(), args.get("op"), sources, destinations, metadata)) {
            rows.add(FileOpsRows.Result.of(outcome));
            if (!outcome.ok()) {
                lastError = outcome.err();
            }
        }
        if (lastError != null) {
            call.error(lastError);
        }
        return rows;
    }

    /** cPanel's reading: the bare argument split on commas (unless multiform), then each {@code name-N} as it is. */
    private static List<String> paths(Args args, String name, boolean multiform, boolean decode) {
        List<String> values = new ArrayList<>();
        String bare = args.get(name);
        if (bare != null && !bare.isEmpty()) {
            if (multiform) {
                values.add(bare);
            } else {
                for (String part : bare.split(",")) {
                    if (!part.isEmpty()) {
                        values.add(part);
                    }
                }
            }
        }
        List<String> all = args.getMultiple(name);
        values.addAll(bare == null ? all : all.subList(Math.min(1, all.size()), all.size()));
        if (decode) {
            values.replaceAll(FileOpsModule::uriDecode);
        }
        return values;
    }

    private static String uriDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("The value " + value + " is not valid URI encoding (doubledecode=1).");
        }
    }

    private Object mkdir(Call call) {
        Args args = call.args();
        FileOpsService.Made made = files.mkdir(call.principal(), args.get("path"), args.get("name"), args.get("permissions"));
        return List.of(new FileOpsRows.Made(made.path(), made.name(), made.permissions()));
    }

    private Object listfiles(Call call) {
        Args args = call.args();
        if (args.isTrue("needmime")) {
            throw ApiException.invalid("needmime=1 is not available: this server has no cPanel MIME map. Leave it out.");
        }
        Set<String> types = new LinkedHashSet<>();
        String typeList = args.get("types");
        if (typeList != null) {
            for (String type : typeList.split("\\|")) {
                if (!type.isBlank()) {
                    types.add(type.trim());
                }
            }
        }
        List<String> only = null;
        if (args.isTrue("filelist")) {
            only = new ArrayList<>();
            for (Map.Entry<String, String> entry : args.asMap().entrySet()) {
                if (entry.getKey().startsWith("filepath-") && entry.getValue() != null) {
                    only.add(entry.getValue());
                }
            }
        }
        List<FileOpsRows.Entry> rows = new ArrayList<>();
        for (FileOpsService.Listed listed : files.list(call.principal(), args.get("dir"), types, only, args.isTrue("showdotfiles"),
                args.isTrue("checkleaf"))) {
            rows.add(FileOpsRows.Entry.of(listed));
        }
        return rows;
    }

    private void emptyTrash(Call call) {
        String olderThan = call.args().get("older_than");
        long days = 0;
        if (olderThan != null) {
            if (!olderThan.matches("[0-9]{1,9}")) {
                throw ApiException.invalid("The parameter “older_than” must be a whole number.");
            }
            days = Long.parseLong(olderThan);
        }
        files.emptyTrash(call.principal(), days);
    }
}
