package dev.openuapi.backup;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/** cPanel UAPI {@code Backup}: a full backup into the home, and the dates of the backups there (src/docs/backups.md). */
@ApplicationScoped
public class BackupModule implements ApiModule {

    public static final String FEATURE = "backup";

    private final BackupService backups;

    BackupModule(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "Backup";
    }

    /** cPanel's {@code _needs_feature => "backup"} (Cpanel/API/Backup.pm, {@code %API}). */
    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("fullbackup_to_homedir").changesState().summary("Back up cPanel account to home directory")
                        .description("Answers at once with the job's id; the job then writes backup-MM.DD.YYYY_HH-MM-SS_<user>.tar.gz "
                                + "into the home (cPanel's pkgacct layout, under the disk quota). Poll Backups::listfullbackups (API 2) "
                                + "for its status. This server sends no mail: an email argument is refused.")
                        .param(Param.string("email", "The address for a confirmation when the backup completes: this server sends no "
                                + "mail, so any address is refused with an error.").example("username@example.com"))
                        .param(Param.string("homedir", "include (the default): the home directory's files are in the backup; skip: "
                                + "they are not.").example("include"))
                        .returns(Shape.of(BackupRows.Started.class))
                        .example(new BackupRows.Started("2857"))
                        // no email: this server sends no mail and refuses one
                        .exampleArgs("homedir=include")
                        .handledBy(this::fullbackup),
                ApiFunction.named("list_backups").readsOnly().summary("Return backup files")
                        .description("The dates (YYYY-MM-DD, the server's local time) of the account's complete backups in its home "
                                + "directory, as cPanel lists its backup dates. Backups::listfullbackups (API 2) lists each archive with "
                                + "its status.")
                        .returns(Shape.arrayOf("The dates of the account's backups.", Shape.string("A date, YYYY-MM-DD.")))
                        .example(List.of("2014-12-02"))
                        // a backup is listed once complete: start one, and wait for it
                        .exampleSetup("/execute/Backup/fullbackup_to_homedir?homedir=skip", "poll /execute/Backup/list_backups")
                        .handledBy(call -> {
                            Principal p = call.principal();
                            return backups.dates(p.accountId(), p.username(), p.planId());
                        }));
    }

    private Object fullbackup(Call call) {
        String homedir = call.args().get("homedir");
        boolean include;
        if (homedir == null || homedir.isEmpty() || homedir.equals("include")) {
            include = true;
        } else if (homedir.equals("skip")) {
            include = false;
        } else {
            // cPanel's words (Cpanel::API::Backup::_do_fullbackup)
            throw ApiException.invalid(Quote.of(homedir) + " is not a valid value of “homedir”. Use “skip” or “include”.");
        }
        Principal p = call.principal();
        return new BackupRows.Started(backups.start(p.accountId(), p.username(), p.planId(), call.args().get("email"), include));
    }
}
