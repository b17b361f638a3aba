package dev.openuapi.cron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/** cPanel API 2 {@code Cron} (spec §9.2): the account's crontab. Changes answer {@code [{status,statusmsg,linekey}]}. */
@ApplicationScoped
public class CronModule implements ApiModule {

    public static final String FEATURE = "cron";

    private final CronService cron;

    CronModule(CronService cron) {
        this.cron = cron;
    }

    @Override
    public String name() {
        return "Cron";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        List<Param> fields = List.of(
                Param.string("minute", "Minute: *, 0-59, ranges, lists, steps.").example("*/15"),
                Param.string("hour", "Hour: *, 0-23, …").example("*"),
                Param.string("day", "Day of month: *, 1-31, …").example("*"),
                Param.string("month", "Month: *, 1-12 or jan-dec, …").example("*"),
                Param.string("weekday", "Day of week: *, 0-7 or sun-sat, …").example("*"),
                Param.string("command", "The command line.").example("/usr/local/bin/php /home/alice/cron.php"));
        Param linekey = Param.string("linekey", "The job's linekey (from listcron); or give line (its 1-based position).");
        Param line = Param.string("line", "The job's 1-based position (commandnumber is accepted too).");
        Shape change = Shape.arrayOf("One element.", Shape.object("The outcome.")
                .field("status", Shape.integer("1 or 0."))
                .field("statusmsg", Shape.string("Empty on success, or the reason."))
                .field("linekey", Shape.string("The job's linekey."))
                .build());
        ApiFunction.Builder add = ApiFunction.named("add_line").api2().summary("Add a cron job")
                .description("A job identical to an existing one is refused.");
        ApiFunction.Builder edit = ApiFunction.named("edit_line").api2().summary("Change a cron job")
                .description("Fields left out keep their value; the linekey stays the same.").param(linekey).param(line);
        fields.forEach(add::param);
        fields.forEach(edit::param);
        return List.of(
                ApiFunction.named("listcron").api2().summary("List the cron jobs")
                        .description("One row per job, plus a last row holding only the next count, unless omit_extra_record=1.")
                        .param(Param.string("omit_extra_record", "1: leave out the extra count row."))
                        .returns(Shape.arrayOf("The jobs.", Shape.object("A job.")
                                .field("count", Shape.integer("1-based position."))
                                .field("minute", Shape.string("Minute field.")).field("hour", Shape.string("Hour field."))
                                .field("day", Shape.string("Day field.")).field("month", Shape.string("Month field."))
                                .field("weekday", Shape.string("Weekday field.")).field("command", Shape.string("The command."))
                                .field("command_htmlsafe", Shape.string("The command, HTML-escaped."))
                                .field("linekey", Shape.string("Identifies the job.")).build()))
                        .handledBy(this::listCron),
                ApiFunction.named("fetchcron").api2().summary("Return the parsed crontab")
                        .returns(Shape.arrayOf("The crontab's lines.", Shape.object("A line.").build()))
                        .handledBy(this::fetchCron),
                add.returns(change).handledBy(call -> change(call, () -> cron.add(call.principal().accountId(), schedule(call.args())).linekey)),
                edit.returns(change).handledBy(call -> change(call, () -> cron.edit(call.principal().accountId(), call.args().get("linekey"),
                        line(call.args()), schedule(call.args())).linekey)),
                ApiFunction.named("remove_line").api2().summary("Remove a cron job").param(linekey).param(line)
                        .returns(change)
                        .handledBy(call -> change(call, () -> {
                            cron.remove(call.principal().accountId(), call.args().get("linekey"), line(call.args()));
                            return null;
                        })));
    }

    private Object listCron(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int count = 0;
        for (CronJob job : cron.list(call.principal().accountId())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("count", ++count);
            row.put("minute", job.minute);
            row.put("hour", job.hour);
            row.put("day", job.day);
            row.put("month", job.month);
            row.put("weekday", job.weekday);
            row.put("command", job.command);
            row.put("command_htmlsafe", htmlSafe(job.command));
            row.put("linekey", job.linekey);
            rows.add(row);
        }
        if (!call.args().isTrue("omit_extra_record")) {
            rows.add(Map.of("count", count + 1));
        }
        return rows;
    }

    private Object fetchCron(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int number = 0;
        for (CronJob job : cron.list(call.principal().accountId())) {
            number++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", number);
            row.put("type", "command");
            row.put("minute", job.minute);
            row.put("hour", job.hour);
            row.put("day", job.day);
            row.put("month", job.month);
            row.put("weekday", job.weekday);
            row.put("command", job.command);
            row.put("commandnumber", number);
            row.put("linekey", job.linekey);
            rows.add(row);
        }
        return rows;
    }

    private static CronService.Schedule schedule(Args args) {
        return new CronService.Schedule(args.get("minute"), args.get("hour"), args.get("day"), args.get("month"), args.get("weekday"),
                args.get("command"));
    }

    private static String line(Args args) {
        String line = args.get("line");
        return line == null || line.isEmpty() ? args.get("commandnumber") : line;
    }

    private static Object change(Call call, Supplier<String> action) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            String linekey = action.get();
            result.put("status", 1);
            result.put("statusmsg", "");
            if (linekey != null) {
                result.put("linekey", linekey);
            }
        } catch (ApiException e) {
            result.put("status", 0);
            result.put("statusmsg", e.getMessage());
            call.error(e.getMessage());
        }
        return List.of(result);
    }

    private static String htmlSafe(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
