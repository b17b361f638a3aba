package dev.openuapi.bandwidth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.quota.UsageService;

/**
 * Bandwidth history for UAPI {@code Bandwidth}, fed by the metering agent's usage reports
 * ({@code PUT /api/v1/accounts/{user}/usage}, {@code bandwidth_used_bytes}: the month's transfer so far). Each
 * report is kept with what it adds to the previous report of the same month; a query adds those increments up
 * by domain and time unit, as cPanel's bandwidth database does with its samples.
 *
 * <p>The reports carry one total per account: no domain and no protocol. cPanel files traffic it cannot tie to a
 * domain under the pseudo-domain {@code UNKNOWN}; so does OpenUAPI. A protocol cannot be named at all, so a query
 * that groups or filters by protocol is refused.
 */
@ApplicationScoped
public class BandwidthService {

    /** cPanel's pseudo-domain for traffic recorded without a domain. */
    public static final String UNKNOWN_DOMAIN = "UNKNOWN";
    /** cPanel's {@code %Cpanel::BandwidthDB::Read::EXPIRATION_FOR_INTERVAL}: only 5-minute data expires, after 31 days. */
    public static final Map<String, Long> RETENTION = Map.of("5min", 31L * 86400L);
    public static final List<String> INTERVALS = List.of("daily", "hourly", "5min");
    public static final List<String> TIME_UNITS = List.of("year", "year_month", "year_month_day", "year_month_day_hour",
            "year_month_day_hour_minute");
    public static final Set<String> PROTOCOLS = Set.of("http", "imap", "smtp", "pop3", "ftp");

    /** A query, its arguments checked by {@link #query}. {@code null} means "not given" throughout. */
    public record Query(List<String> grouping, String interval, List<String> domains, List<String> protocols, Long start, Long end,
            String timezone) {
    }

    private final BandwidthReportRepository reports;
    private final AccountRepository accounts;

    BandwidthService(BandwidthReportRepository reports, AccountRepository accounts) {
        this.reports = reports;
        this.accounts = accounts;
    }

    /** Keeps each bandwidth figure of a usage report, in the report's transaction. */
    void onReport(@Observes UsageService.BandwidthReported report) {
        BandwidthReport row = new BandwidthReport();
        row.account = accounts.findById(report.accountId());
        row.reportedAt = report.reportedAt();
        row.monthBytes = report.monthBytes();
        row.deltaBytes = reports.latest(report.accountId())
                .filter(previous -> month(previous.reportedAt).equals(month(report.reportedAt())) && previous.monthBytes <= report.monthBytes())
                .map(previous -> report.monthBytes() - previous.monthBytes)
                .orElse(report.monthBytes());
        reports.persist(row);
    }

    /** The month a report's figure counts for: the metering agent's months are UTC months. */
    private static YearMonth month(long epoch) {
        return YearMonth.from(Instant.ofEpochSecond(epoch).atOffset(ZoneOffset.UTC));
    }

    /**
     * cPanel's {@code Bandwidth::query}: bytes, nested by the grouping's levels in the order given.
     *
     * @return an object keyed by the first level's values (domains, or time units as Unix times of their
     *         start in {@code timezone}), each holding the next level, the last holding bytes
     */
    @Transactional
    public Map<String, Object> query(long accountId, Query query) {
        if (query.grouping().isEmpty()) {
            throw ApiException.invalid("The “grouping” argument cannot be empty.");
        }
        String timeUnit = null;
        for (String level : query.grouping()) {
            if (level.equals("protocol")) {
                throw noProtocols();
            }
            if (TIME_UNITS.contains(level)) {
                if (timeUnit != null) {
                    throw invalidGrouping(String.join("|", query.grouping()));
                }
                timeUnit = level;
            } else if (!level.equals("domain")) {
                throw invalidGrouping(level);
            }
        }
        if (query.grouping().stream().distinct().count() != query.grouping().size()) {
            throw invalidGrouping(String.join("|", query.grouping()));
        }
        String interval = query.interval() == null || query.interval().isEmpty() ? "daily" : query.interval();
        if (!INTERVALS.contains(interval)) {
            throw ApiException.invalid(Quote.of(interval) + " is not a valid “interval”: use daily, hourly or 5min.");
        }
        if (query.protocols() != null) {
            for (String protocol : query.protocols()) {
                if (!PROTOCOLS.contains(protocol)) {
                    throw ApiException.invalid(Quote.of(protocol) + " is not a valid protocol: use http, imap, smtp, pop3 or ftp.");
                }
            }
            throw noProtocols();
        }
        ZoneId zone = zone(query.timezone());
        long now = Epoch.now();
        long from = query.start() == null ? Long.MIN_VALUE : query.start();
        Long retention = RETENTION.get(interval);
        if (retention != null) {
            from = Math.max(from, now - retention);
        }
        long to = query.end() == null ? Long.MAX_VALUE : query.end();
        boolean unknownWanted = query.domains() == null || query.domains().contains(UNKNOWN_DOMAIN);

        Map<String, Object> data = new TreeMap<>();
        if (!unknownWanted || from > to) {
            return data;
        }
        for (BandwidthReport report : reports.between(accountId, from, to)) {
            if (report.deltaBytes == 0) {
                continue;
            }
            long sample = truncate(report.reportedAt, interval, zone);
            Map<String, Object> level = data;
            for (int i = 0; i < query.grouping().size(); i++) {
                String key = query.grouping().get(i).equals("domain") ? UNKNOWN_DOMAIN
                        : String.valueOf(startOf(sample, query.grouping().get(i), zone));
                if (i == query.grouping().size() - 1) {
                    level.merge(key, report.deltaBytes, (a, b) -> (Long) a + (Long) b);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent(key, k -> new TreeMap<String, Object>());
                    level = next;
                }
            }
        }
        return plain(data);
    }

    private static ApiException noProtocols() {
        return ApiException.invalid("OpenUAPI’s bandwidth figures carry no protocol (the metering agent reports one total per account): "
                + "leave “protocol” out of “grouping” and do not send “protocols”.");
    }

    private static ApiException invalidGrouping(String given) {
        return ApiException.invalid(Quote.of(given) + " is not a valid “grouping”: give domain and/or protocol and at most one of "
                + String.join(", ", TIME_UNITS) + ", separated by |.");
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isEmpty()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw ApiException.invalid(Quote.of(timezone) + " is not a valid “timezone”: give an Olson name such as America/Chicago.");
        }
    }

    /** The start of the sample the report falls in: cPanel keeps daily, hourly and 5-minute samples. */
    private static long truncate(long epoch, String interval, ZoneId zone) {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), zone);
        LocalDateTime start = switch (interval) {
            case "daily" -> time.truncatedTo(ChronoUnit.DAYS);
            case "hourly" -> time.truncatedTo(ChronoUnit.HOURS);
            default -> time.truncatedTo(ChronoUnit.HOURS).plusMinutes(time.getMinute() / 5 * 5L);
        };
        return start.atZone(zone).toEpochSecond();
    }

    /** The start of the time unit (year, month, day, hour or minute) the sample falls in, as a Unix time. */
    private static long startOf(long epoch, String unit, ZoneId zone) {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), zone);
        LocalDateTime start = switch (unit) {
            case "year" -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            case "year_month" -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "year_month_day" -> time.truncatedTo(ChronoUnit.DAYS);
            case "year_month_day_hour" -> time.truncatedTo(ChronoUnit.HOURS);
            default -> time.truncatedTo(ChronoUnit.MINUTES);
        };
        return start.atZone(zone).toEpochSecond();
    }

    /** Sorted maps as ordered plain maps, for the answer. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> inner ? plain((Map<String, Object>) inner) : value));
        return copy;
    }
}
