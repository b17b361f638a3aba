package dev.openuapi.backup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows cPanel's {@code Backup} (UAPI) and {@code Backups} (API 2) functions answer with. */
final class BackupRows {

    private BackupRows() {
    }

    /** UAPI {@code Backup::fullbackup_to_homedir}. */
    @RegisterForReflection
    @Schema(description = "The backup job.")
    record Started(@Schema(description = "The backup's process identifier (here: the job's id).") String pid) {
    }

    /** API 2 {@code Backups::listfullbackups}: cPanel's four fields. */
    @RegisterForReflection
    @Schema(description = "A full backup in the home directory.")
    record FullBackup(@Schema(description = "The archive's file name.") String file,
            @Schema(description = "complete, inprogress, timeout (stopped progressing) or failed.") String status,
            @Schema(description = "When the backup started (Unix time, from the file name).") long time,
            @Schema(description = "The same time as the server's local time, as Perl's localtime writes it.") String localtime) {
    }
}
