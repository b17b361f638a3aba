package dev.openuapi.backup;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/** cPanel API 2 {@code Backups::listfullbackups}: the full backups in the home, with their status (src/docs/backups.md). */
@ApplicationScoped
public class BackupsModule implements ApiModule {

    private final BackupService backups;

    BackupsModule(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "Backups";
    }

    @Override
    public Optional<String> feature() {
        return Optional.empty();
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("listfullbackups").api2().readsOnly().summary("List full backups in the home directory")
                .description("Pending and completed backups in the home directory, oldest first: complete, inprogress, timeout (a job "
                        + "that stopped progressing, e.g. its server stopped) or failed (an error; the marker file of the same name "
                        + "without .tar.gz holds it).")
                .returns(Shape.arrayOf("The backups.", Shape.of(BackupRows.FullBackup.class)))
                .exampleJson("[{\"file\":\"backup-12.1.2026_14-05-09_example.tar.gz\",\"status\":\"complete\",\"time\":1796133909,"
                        + "\"localtime\":\"Tue Dec  1 14:05:09 2026\"}]")
                // the backup is listed (inprogress) from the moment fullbackup_to_homedir answers
                .exampleSetup("/execute/Backup/fullbackup_to_homedir?homedir=skip")
                .handledBy(call -> {
                    Principal p = call.principal();
                    return backups.list(p.accountId(), p.username(), p.planId()).stream()
                            .map(b -> new BackupRows.FullBackup(b.file(), b.status(), b.time(), b.localtime())).toList();
                }));
    }
}
