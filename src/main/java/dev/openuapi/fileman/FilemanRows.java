package dev.openuapi.fileman;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows UAPI {@code Fileman} answers with; field names and types from cPanel's reference (src/docs/fileman.md). */
final class FilemanRows {

    private FilemanRows() {
    }

    /** list_files' entries and get_file_information's answer. */
    @RegisterForReflection
    @Schema(description = "A file or directory.")
    record File(@Schema(description = "The absolute path of the directory that holds it.") String absdir,
            @Schema(description = "Its last status change, Unix time.") long ctime,
            @Schema(description = "1: it exists.") int exists,
            @Schema(description = "Its name.") String file,
            @Schema(description = "Its absolute path.") String fullpath,
            @Schema(description = "The owner's group ID.") int gid,
            @Schema(description = "Its size for people: 4 KB, 1.5 MB, 2 GB.") String humansize,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "A directory with check_for_leaf_directories=1: 1 when it holds no subdirectory.") Integer isleaf,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "list_files: 0 (no parent record is listed).") Integer isparent,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include_mime: the MIME type's name (text-plain).") String mimename,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include_mime: the MIME type (text/plain).") String mimetype,
            @Schema(description = "st_mode in decimal, as a string: 16877 is a directory with 0755.") String mode,
            @Schema(description = "Its last modification, Unix time.") long mtime,
            @Schema(description = "The permission bits as octal digits: 755.") int nicemode,
            @Schema(description = "The absolute path of the directory that holds it.") String path,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include_mime: the raw MIME type's name.") String rawmimename,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include_mime: the raw MIME type.") String rawmimetype,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include_permissions: 1 when the owner may read it.") Integer read,
            @Schema(description = "Its size in bytes.") long size,
            @Schema(description = "file, dir, link, fifo, socket, char or block.") String type,
            @Schema(description = "The owner's user ID.") int uid,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include_permissions: 1 when the owner may write it.") Integer write) {
    }

    @RegisterForReflection
    @Schema(description = "A directory's entries, sorted by name.")
    record Listing(@Schema(description = "Its directories.") List<File> dirs,
            @Schema(description = "Everything else: files, symlinks, special files.") List<File> files) {
    }

    @RegisterForReflection
    @Schema(description = "A file's content.")
    record Content(@Schema(description = "The content, decoded from from_char.") String content,
            @Schema(description = "The absolute path of the directory that holds the file.") String dir,
            @Schema(description = "The file's name.") String filename,
            @JsonProperty("from_char") @Schema(description = "The charset the file was read in (the detected one for _DETECT_).") String fromChar,
            @JsonProperty("from_charset") @Schema(description = "The from_charset asked for.") String fromCharset,
            @Schema(description = "The file's absolute path.") String path,
            @JsonProperty("to_char") @Schema(description = "The charset of the answer.") String toChar,
            @JsonProperty("to_charset") @Schema(description = "The to_charset asked for.") String toCharset) {
    }

    @RegisterForReflection
    @Schema(description = "The saved file.")
    record Saved(@JsonProperty("from_charset") @Schema(description = "The charset of the content.") String fromCharset,
            @Schema(description = "The file's absolute path.") String path,
            @JsonProperty("to_charset") @Schema(description = "The charset the file was written in.") String toCharset) {
    }

    @RegisterForReflection
    @Schema(description = "A completion.")
    record Completion(@Schema(description = "A matching file or directory, as a path to type (HTML-escaped when html=1).") String file) {
    }

    @RegisterForReflection
    @Schema(description = "One file of the request.")
    record Upload(@Schema(description = "The stored file's name.") String file,
            @Schema(description = "Its size in bytes; null when it failed.", nullable = true) Long size,
            @Schema(description = "1: stored; 0: failed (see reason).") int status,
            @Schema(description = "What happened to it.") String reason,
            @Schema(description = "Non-critical problems.") List<String> warnings) {
    }

    @RegisterForReflection
    @Schema(description = "The account's disk use and upload limits (get_disk_info=1): byte counts as strings with two decimals, ∞ when not limited.")
    record DiskInfo(@JsonProperty("file_upload_max_bytes") @Schema(description = "The most bytes one request may upload.") String fileUploadMaxBytes,
            @JsonProperty("file_upload_max_bytes_humansize") @Schema(description = "The same for people.") String fileUploadMaxBytesHuman,
            @JsonProperty("file_upload_must_leave_bytes") @Schema(description = "Bytes that must stay free after an upload.") String mustLeave,
            @JsonProperty("file_upload_must_leave_bytes_humansize") @Schema(description = "The same for people.") String mustLeaveHuman,
            @JsonProperty("file_upload_remain") @Schema(description = "The bytes the account may upload now.") String uploadRemain,
            @JsonProperty("file_upload_remain_humansize") @Schema(description = "The same for people.") String uploadRemainHuman,
            @Schema(description = "The inodes the account may use: ∞ (no inode quota).", type = SchemaType.STRING) Object fileslimit,
            @Schema(description = "The inodes the account may still use: ∞.", type = SchemaType.STRING) Object filesremain,
            @Schema(description = "The inodes the home directory uses.", type = SchemaType.INTEGER) Object filesused,
            @Schema(description = "The disk quota in bytes, or ∞.") String spacelimit,
            @JsonProperty("spacelimit_humansize") @Schema(description = "The same for people.") String spacelimitHuman,
            @Schema(description = "The bytes still free under the quota, or ∞.") String spaceremain,
            @JsonProperty("spaceremain_humansize") @Schema(description = "The same for people.") String spaceremainHuman,
            @Schema(description = "The bytes the home directory uses.") String spaceused,
            @JsonProperty("spaceused_humansize") @Schema(description = "The same for people.") String spaceusedHuman) {
    }

    @RegisterForReflection
    @Schema(description = "The outcome of each file.")
    record Uploads(@Schema(description = "One entry per file part, in the order sent.") List<Upload> uploads,
            @Schema(description = "Files stored.") int succeeded, @Schema(description = "Files not stored.") int failed,
            @Schema(description = "Files with warnings.") int warned,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only with get_disk_info=1.") DiskInfo diskinfo) {
    }
}
