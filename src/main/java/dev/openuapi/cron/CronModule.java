package dev.openuapi.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Html;
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

    /** The job the examples list, change and remove, as cPanel's documentation account would add it. */
    private static final String ADD_JOB = "/json-api/cpanel?cpanel_jsonapi_apiversion=2&cpanel_jsonapi_module=Cron"
            + "&cpanel_jsonapi_func=add_line&minute=*/15&hour=*&day=*&month=*&weekday=*&command=/usr/local/bin/php /home/example/cron.php";
    private static final String CHANGED = "[{\"status\":1,\"statusmsg\":\"\",\"linekey\":\"5f0c8e1d9a2b4c6e\"}]";

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
                Param.string("command", "The command line.").example("/usr/local/bin/php /home/example/cron.php"));
        Param linekey = Param.string("linekey", "The job's linekey (from listcron); or give line (its 1-based position).")
                .example("5f0c8e1d9a2b4c6e");
        Param line = Param.string("line", "The job's 1-based position (commandnumber is accepted too).")
                .example("1");
        Shape change = Shape.arrayOf("One element.", Shape.of(CronRows.Change.class));
        ApiFunction.Builder add = ApiFunction.named("add_line").api2().changesState().summary("Add a cron job")
                .description("A job identical to an existing one is refused.");
        ApiFunction.Builder edit = ApiFunction.named("edit_line").api2().changesState().summary("Change a cron job")
                .description("Fields left out keep their value; the linekey stays the same.").param(linekey).param(line);
        fields.forEach(add::param);
        fields.forEach(edit::param);
        return List.of(
                ApiFunction.named("listcron").api2().readsOnly().summary("List the cron jobs")
                        .description("One row per job, plus a last row holding only the next count, unless omit_extra_record=1.")
                        .param(Param.string("omit_extra_record", "1: leave out the extra count row.").example("1"))
                        .returns(Shape.arrayOf("The jobs, then (unless omit_extra_record=1) a row with only the next count.",
                                Shape.of(CronRows.Job.class)))
                        .exampleJson("""
                                [{"count":1,"minute":"*/15","hour":"*","day":"*","month":"*","weekday":"*",\
                                "command":"/usr/local/bin/php /home/example/cron.php",\
                                "command_htmlsafe":"/usr/local/bin/php /home/example/cron.php","linekey":"5f0c8e1d9a2b4c6e"}]""")
                        .exampleSetup(ADD_JOB)
                        .handledBy(this::listCron),
                ApiFunction.named("fetchcron").api2().readsOnly().summary("Return the parsed crontab")
                        .returns(Shape.arrayOf("The crontab's lines.", Shape.of(CronRows.Line.class)))
                        .exampleJson("""
                                [{"line":1,"type":"command","minute":"*/15","hour":"*","day":"*","month":"*","weekday":"*",\
                                "command":"/usr/local/bin/php /home/example/cron.php","commandnumber":1,"linekey":"5f0c8e1d9a2b4c6e"}]""")
                        .exampleSetup(ADD_JOB)
                        .handledBy(this::fetchCron),
                add.returns(change).exampleJson(CHANGED).handledBy(call -> change(call, () -> cron.add(call.principal().accountId(), schedule(call.args())).linekey)),
                edit.returns(change).exampleJson(CHANGED).exampleSetup(ADD_JOB)
                        .exampleArgs("line=1&minute=0&hour=*/2&day=*&month=*&weekday=*&command=/usr/local/bin/php /home/example/cron.php")
                        .handledBy(call -> change(call, () -> cron.edit(call.principal().accountId(), call.args().get("linekey"),
                        line(call.args()), schedule(call.args())).linekey)),
                ApiFunction.named("remove_line").api2().changesState().summary("Remove a cron job").param(linekey).param(line)
                        .returns(change)
                        .exampleJson("[{\"status\":1,\"statusmsg\":\"\"}]").exampleSetup(ADD_JOB).exampleArgs("line=1")
                        .handledBy(call -> change(call, () -> {
                            cron.remove(call.principal().accountId(), call.args().get("linekey"), line(call.args()));
                            return null;
                        })));
    }

    private Object listCron(Call call) {
        List<Object> rows = new ArrayList<>();
        int count = 0;
        for (CronJob job : cron.list(call.principal().accountId())) {
            count++;
            rows.add(new CronRows.Job(count, job.minute, job.hour, job.day, job.month, job.weekday, job.command, Html.escape(job.command),
                    job.linekey));
        }
        if (!call.args().isTrue("omit_extra_record")) {
            rows.add(new CronRows.NextCount(count + 1));
        }
        return rows;
    }

    private Object fetchCron(Call call) {
        List<CronRows.Line> rows = new ArrayList<>();
        for (CronJob job : cron.list(call.principal().accountId())) {
            rows.add(CronRows.Line.of(rows.size() + 1, job));
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
        try {
            return List.of(new CronRows.Change(1, "", action.get()));
        } catch (ApiException e) {
            call.error(e.getMessage());
            return List.of(new CronRows.Change(0, e.getMessage(), null));
        }
    }
}
