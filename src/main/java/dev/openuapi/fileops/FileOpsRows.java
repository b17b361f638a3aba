package dev.openuapi.fileops;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.openuapi.files.FileInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows cPanel API 2 {@code Fileman} (fileop, mkdir, listfiles) answers with, as Cpanel::Fileman builds them. */
final class FileOpsRows {

    private FileOpsRows() {
    }

    @RegisterForReflection
    @Schema(description = "What fileop did with one source file.")
    record Result(@Schema(description = "The source's absolute path.", nullable = true) String src,
            @Schema(description = "The destination's absolute path (null for operations without one).", nullable = true) String dest,
            @Schema(description = "1 on success, 0 on failure.") int result,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why it failed (only on failure).") String err,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "extract and compress: the archive's entries, one per line.")
            String output) {

        static Result of(FileOpsService.Outcome outcome) {
            return new Result(outcome.src(), outcome.dest(), outcome.ok() ? 1 : 0, outcome.err(), outcome.output());
        }
    }

    @RegisterForReflection
    @Schema(description = "The directory made.")
    record Made(@Schema(description = "The absolute path of the directory that holds it.") String path,
            @Schema(description = "Its name.") String name,
            @Schema(description = "Its permissions, four octal digits.") String permissions) {
    }

    @RegisterForReflection
    @Schema(description = "A file or directory (cPanel's list_files fields; uid, gid, size, mtime, mode and ctime are \"\" when 0).")
    record Entry(@Schema(description = "The absolute path of the entry.") String fullpath,
            @Schema(description = "The absolute path of its directory.") String path,
            @Schema(description = "Its name.") String file,
            @Schema(description = "The owner's user id.") Object uid,
            @Schema(description = "The group id.") Object gid,
            @Schema(description = "The size in bytes.") Object size,
            @Schema(description = "Last modification, Unix time.") Object mtime,
            @Schema(description = "The size for people: 12 bytes, 1.5 KB.") String humansize,
            @Schema(description = "The permissions, four octal digits.") String nicemode,
            @Schema(description = "The whole st_mode (type and permissions).") Object mode,
            @Schema(description = "Last status change, Unix time.") Object ctime,
            @Schema(description = "file, dir, link or special.") String type,
            @Schema(description = "The directory's real absolute path.") String absdir,
            @Schema(description = "Always 1.") int exists,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "checkleaf=1, directories only: 1 when it holds no directory.")
            Integer isleaf) {

        static Entry of(FileOpsService.Listed listed) {
            FileInfo info = listed.info();
            return new Entry(listed.directory() + "/" + info.name(), listed.directory(), info.name(), orEmpty(info.uid()), orEmpty(info.gid()),
                    orEmpty(info.size()), orEmpty(info.mtime()), humanSize(info.size()), String.format(Locale.ROOT, "%04o", info.mode()),
                    orEmpty(typeBits(info) | info.mode()), orEmpty(info.ctime()), FileOpsRows.type(info), listed.absdir(), 1,
                    listed.leaf() == null ? null : listed.leaf() ? 1 : 0);
        }
    }

    /** cPanel's list_files writes {@code $stat[n] || ''}: a zero becomes an empty string. */
    static Object orEmpty(long value) {
        return value == 0 ? "" : value;
    }

    static String type(FileInfo info) {
        return switch (info.kind()) {
            case FILE -> "file";
            case DIRECTORY -> "dir";
            case SYMLINK -> "link";
            case OTHER -> "special";
        };
    }

    private static int typeBits(FileInfo info) {
        return switch (info.kind()) {
            case FILE -> 0100000;
            case DIRECTORY -> 040000;
            case SYMLINK -> 0120000;
            case OTHER -> 0;
        };
    }


    /** Locale::Maketext::Utils' format_bytes, as cPanel's humansize: "0 bytes", "1 byte", "1,000 bytes", "1.5 KB". */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return String.format(Locale.US, "%,d %s", bytes, bytes == 1 ? "byte" : "bytes");
        }
        return dev.openuapi.common.ByteSize.inUnits(bytes);
    }
}
