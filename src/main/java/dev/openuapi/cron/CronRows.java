package dev.openuapi.cron;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows cPanel API 2 {@code Cron} answers with. */
final class CronRows {

    private CronRows() {
    }

    @RegisterForReflection
    @Schema(description = "A job.")
    record Job(@Schema(description = "1-based position.") int count, @Schema(description = "Minute field.") String minute,
            @Schema(description = "Hour field.") String hour, @Schema(description = "Day field.") String day,
            @Schema(description = "Month field.") String month, @Schema(description = "Weekday field.") String weekday,
            @Schema(description = "The command.") String command,
            @JsonProperty("command_htmlsafe") @Schema(description = "The command, HTML-escaped.") String commandHtmlSafe,
            @Schema(description = "Identifies the job.") String linekey) {
    }

    /** listcron's last row: only the count the next job would get. */
    @RegisterForReflection
    record NextCount(int count) {
    }

    @RegisterForReflection
    @Schema(description = "A line.")
    record Line(@Schema(description = "1-based line number.") int line, @Schema(description = "Always command.") String type,
            @Schema(description = "Minute field.") String minute, @Schema(description = "Hour field.") String hour,
            @Schema(description = "Day field.") String day, @Schema(description = "Month field.") String month,
            @Schema(description = "Weekday field.") String weekday, @Schema(description = "The command.") String command,
            @Schema(description = "The same as line.") int commandnumber, @Schema(description = "Identifies the job.") String linekey) {

        static Line of(int number, CronJob job) {
            return new Line(number, "command", job.minute, job.hour, job.day, job.month, job.weekday, job.command, number, job.linekey);
        }
    }

    @RegisterForReflection
    @Schema(description = "The outcome.")
    record Change(@Schema(description = "1 or 0.") int status, @Schema(description = "Empty on success, or the reason.") String statusmsg,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The job's linekey (not after remove_line or a refusal).")
            String linekey) {
    }
}
