package dev.openuapi.cron;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;

/** An account's crontab: jobs validated as crontab syntax, kept in order, no two alike. */
@ApplicationScoped
public class CronService {

    /** A job's schedule and command, as a client sends them. */
    public record Schedule(String minute, String hour, String day, String month, String weekday, String command) {
    }

    private static final Pattern ITEM = Pattern.compile("(\\*|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:/(\\d+))?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private final CronJobRepository jobs;
    private final AccountRepository accounts;

    CronService(CronJobRepository jobs, AccountRepository accounts) {
        this.jobs = jobs;
        this.accounts = accounts;
    }

    @Transactional
    public List<CronJob> list(long accountId) {
        return jobs.forAccount(accountId);
    }

    @Transactional
    public CronJob add(long accountId, Schedule schedule) {
        Schedule valid = validate(schedule);
        refuseDuplicate(accountId, valid, null);
        CronJob job = new CronJob();
        job.account = accounts.findById(accountId);
        job.linekey = HexFormat.of().formatHex(randomBytes());
        apply(job, valid);
        job.createdAt = Epoch.now();
        jobs.persist(job);
        return job;
    }

    @Transactional
    public CronJob edit(long accountId, String linekey, String line, Schedule schedule) {
        CronJob job = find(accountId, linekey, line);
        Schedule merged = new Schedule(or(schedule.minute(), job.minute), or(schedule.hour(), job.hour), or(schedule.day(), job.day),
                or(schedule.month(), job.month), or(schedule.weekday(), job.weekday), or(schedule.command(), job.command));
        Schedule valid = validate(merged);
        refuseDuplicate(accountId, valid, job.id);
        apply(job, valid);
        return job;
    }

    @Transactional
    public void remove(long accountId, String linekey, String line) {
        jobs.delete(find(accountId, linekey, line));
    }

    /** By linekey, or by 1-based position (cPanel's {@code line}/{@code commandnumber}). */
    private CronJob find(long accountId, String linekey, String line) {
        List<CronJob> jobs = list(accountId);
        if (linekey != null && !linekey.isEmpty()) {
            return jobs.stream().filter(j -> j.linekey.equals(linekey)).findFirst().orElseThrow(CronService::notFound);
        }
        if (line != null && line.matches("\\d{1,6}") && Integer.parseInt(line) >= 1 && Integer.parseInt(line) <= jobs.size()) {
            return jobs.get(Integer.parseInt(line) - 1);
        }
        throw notFound();
    }

    private static ApiException notFound() {
        return ApiException.notFound("Cron job not found in the crontab.");
    }

    private void refuseDuplicate(long accountId, Schedule schedule, Long except) {
        for (CronJob job : list(accountId)) {
            if (!job.id.equals(except) && job.minute.equals(schedule.minute()) && job.hour.equals(schedule.hour())
                    && job.day.equals(schedule.day()) && job.month.equals(schedule.month()) && job.weekday.equals(schedule.weekday())
                    && job.command.equals(schedule.command())) {
                throw ApiException.conflict("This cron job already exists.");
            }
        }
    }

    private static void apply(CronJob job, Schedule schedule) {
        job.minute = schedule.minute();
        job.hour = schedule.hour();
        job.day = schedule.day();
        job.month = schedule.month();
        job.weekday = schedule.weekday();
        job.command = schedule.command();
    }

    static Schedule validate(Schedule s) {
        String command = s.command() == null ? "" : s.command().trim();
        if (command.isEmpty()) {
            throw ApiException.invalid("The “command” argument cannot be empty.");
        }
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0 || command.indexOf('\0') >= 0) {
            throw ApiException.invalid("A cron command must be a single line.");
        }
        return new Schedule(field(s.minute(), "minute", 0, 59, null), field(s.hour(), "hour", 0, 23, null),
                field(s.day(), "day", 1, 31, null), field(s.month(), "month", 1, 12, MONTHS),
                field(s.weekday(), "weekday", 0, 7, DAYS), command);
    }

    /** One crontab field: *, numbers, ranges, lists and steps within bounds (month and weekday names too). */
    private static String field(String raw, String name, int min, int max, List<String> names) {
        String value = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw ApiException.invalid("The " + Quote.of(name) + " argument cannot be empty.");
        }
        for (String item : value.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            boolean ok = m.matches();
            if (ok && m.group(2) != null) {
                int from = number(m.group(2), min, max, names);
                int to = m.group(3) == null ? from : number(m.group(3), min, max, names);
                ok = from >= 0 && to >= 0 && from <= to;
            }
            if (ok && m.group(4) != null) {
                ok = Integer.parseInt(m.group(4)) >= 1 && Integer.parseInt(m.group(4)) <= max;
            }
            if (!ok) {
                throw ApiException.invalid(Quote.of(raw) + " is not a valid " + name + " field: use *, a number from " + min + " to " + max
                        + ", a range, a list or a step (for example */5).");
            }
        }
        return value;
    }

    private static int number(String text, int min, int max, List<String> names) {
        if (names != null && names.contains(text)) {
            return names.indexOf(text) + (min == 1 ? 1 : 0);
        }
        if (!text.matches("\\d{1,2}")) {
            return -1;
        }
        int n = Integer.parseInt(text);
        return n >= min && n <= max ? n : -1;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
