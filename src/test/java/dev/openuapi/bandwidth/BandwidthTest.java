package dev.openuapi.bandwidth;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.ShapeCheck;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * UAPI Bandwidth::query and get_retention_periods, fed by the operator's usage endpoint
 * ({@code PUT /api/v1/accounts/{user}/usage}, {@code bandwidth_used_bytes}: the month's transfer so far).
 *
 * <p>cPanel's reference for query (api.docs.cpanel.net, openapi/cpanel-bandwidth-api-openapi.yml): objects nested in
 * the grouping's order, keyed by domain names (UNKNOWN for traffic without a domain) or by Unix times of a unit's
 * start, the deepest level in bytes, e.g. grouping=domain|year gives
 * {"UNKNOWN":{"1325376000":141799,…},"example.com":{…}}. For get_retention_periods:
 * [{"interval":"5min","retention":2678400}], which is also cPanel's code (only 5-minute data expires, after 31 days).
 */
@QuarkusTest
class BandwidthTest {

    static final String RETENTION = "[{\"interval\":\"5min\",\"retention\":2678400}]";

    static String query(TestAccount account, String token, Map<String, String> args) {
        return account.withToken(token).queryParams(args).get("/execute/Bandwidth/query").then().statusCode(200).extract().asString();
    }

    static void report(TestAccount account, long bandwidth) {
        asRoot().contentType(ContentType.JSON).body(Map.of("bandwidth_used_bytes", bandwidth))
                .put("/api/v1/accounts/" + account.username() + "/usage").then().statusCode(200);
    }

    static String utcStart(ChronoUnit unit) {
        var now = Instant.now().atZone(ZoneOffset.UTC);
        var start = switch (unit) {
            case MONTHS -> now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEARS -> now.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> now.truncatedTo(unit);
        };
        return String.valueOf(start.toEpochSecond());
    }

    @Test
    void theReportsAddUpByDomainAndTime() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals("{}", Uapi.success(query(alice, token, Map.of("grouping", "domain"))).get("data").toString(), "no report yet");

        report(alice, 7_000_000);
        report(alice, 9_500_000); // 2 500 000 more this month
        JsonNode byDomain = Uapi.success(query(alice, token, Map.of("grouping", "domain"))).get("data");
        assertEquals("{\"UNKNOWN\":9500000}", byDomain.toString(), "the reports carry no domain: cPanel's UNKNOWN");
        assertTrue(byDomain.get("UNKNOWN").isIntegralNumber());

        String month = utcStart(ChronoUnit.MONTHS);
        assertEquals("{\"" + month + "\":9500000}",
                Uapi.success(query(alice, token, Map.of("grouping", "year_month", "timezone", "UTC"))).get("data").toString());
        String day = utcStart(ChronoUnit.DAYS);
        assertEquals("{\"UNKNOWN\":{\"" + day + "\":9500000}}",
                Uapi.success(query(alice, token, Map.of("grouping", "domain|year_month_day", "timezone", "UTC"))).get("data").toString());
        assertEquals("{\"" + utcStart(ChronoUnit.YEARS) + "\":{\"UNKNOWN\":9500000}}",
                Uapi.success(query(alice, token, Map.of("grouping", "year|domain", "timezone", "UTC"))).get("data").toString());
        String hour = utcStart(ChronoUnit.HOURS);
        assertEquals("{\"" + hour + "\":9500000}",
                Uapi.success(query(alice, token, Map.of("grouping", "year_month_day_hour", "interval", "hourly", "timezone", "UTC")))
                        .get("data").toString());
        // daily samples start at midnight: grouped by hour they all fall at 00:00
        assertEquals("{\"" + day + "\":9500000}",
                Uapi.success(query(alice, token, Map.of("grouping", "year_month_day_hour", "timezone", "UTC"))).get("data").toString());

        // another time zone moves the keys to its own midnight
        String chicagoDay = String.valueOf(Instant.now().atZone(ZoneId.of("America/Chicago")).truncatedTo(ChronoUnit.DAYS).toEpochSecond());
        assertEquals("{\"" + chicagoDay + "\":9500000}",
                Uapi.success(query(alice, token, Map.of("grouping", "year_month_day", "timezone", "America/Chicago"))).get("data").toString());

        // a smaller figure than the last one: the counter started again, and counts in full
        report(alice, 1_000);
        assertEquals("{\"UNKNOWN\":9501000}", Uapi.success(query(alice, token, Map.of("grouping", "domain"))).get("data").toString());

        // the filters
        long now = System.currentTimeMillis() / 1000;
        assertEquals("{}", Uapi.success(query(alice, token, Map.of("grouping", "domain", "start", String.valueOf(now + 3600))))
                .get("data").toString());
        assertEquals("{}", Uapi.success(query(alice, token, Map.of("grouping", "domain", "end", String.valueOf(now - 3600))))
                .get("data").toString());
        assertEquals("{\"UNKNOWN\":9501000}", Uapi.success(query(alice, token, Map.of("grouping", "domain", "start",
                String.valueOf(now - 3600), "end", String.valueOf(now + 3600)))).get("data").toString());
        assertEquals("{}", Uapi.success(query(alice, token, Map.of("grouping", "domain", "domains", alice.domain()))).get("data").toString());
        assertEquals("{\"UNKNOWN\":9501000}", Uapi.success(query(alice, token, Map.of("grouping", "domain", "domains",
                alice.domain() + "|UNKNOWN"))).get("data").toString());

        TestAccount bob = newAccount();
        assertEquals("{}", Uapi.success(query(bob, bob.newToken(), Map.of("grouping", "domain"))).get("data").toString(),
                "each account sees its own reports");
    }

    @Test
    void whatTheReportsCannotTellIsRefused() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String noProtocols = "OpenUAPI’s bandwidth figures carry no protocol (the metering agent reports one total per account): "
                + "leave “protocol” out of “grouping” and do not send “protocols”.";
        Uapi.failure(query(alice, token, Map.of("grouping", "domain|protocol|year")), noProtocols);
        Uapi.failure(query(alice, token, Map.of("grouping", "domain", "protocols", "http|imap")), noProtocols);
        Uapi.failure(query(alice, token, Map.of("grouping", "domain", "protocols", "gopher")),
                "“gopher” is not a valid protocol: use http, imap, smtp, pop3 or ftp.");
        Uapi.failure(query(alice, token, Map.of()), "Provide the “grouping” argument.");
        String units = "year, year_month, year_month_day, year_month_day_hour, year_month_day_hour_minute";
        Uapi.failure(query(alice, token, Map.of("grouping", "week")),
                "“week” is not a valid “grouping”: give domain and/or protocol and at most one of " + units + ", separated by |.");
        Uapi.failure(query(alice, token, Map.of("grouping", "year|year_month")),
                "“year|year_month” is not a valid “grouping”: give domain and/or protocol and at most one of " + units + ", separated by |.");
        Uapi.failure(query(alice, token, Map.of("grouping", "domain", "interval", "weekly")),
                "“weekly” is not a valid “interval”: use daily, hourly or 5min.");
        Uapi.failure(query(alice, token, Map.of("grouping", "year", "timezone", "Mars/Olympus")),
                "“Mars/Olympus” is not a valid “timezone”: give an Olson name such as America/Chicago.");
        Uapi.failure(query(alice, token, Map.of("grouping", "year", "start", "yesterday")), "“yesterday” is not a valid “start”: give a Unix time.");
    }

    @Test
    void retentionPeriods() {
        TestAccount alice = newAccount();
        String body = alice.withToken(alice.newToken()).get("/execute/Bandwidth/get_retention_periods").then().statusCode(200).extract().asString();
        JsonNode answer = Uapi.success(body);
        ShapeCheck.sameShape(RETENTION, answer.get("data"));
        assertEquals(RETENTION, answer.get("data").toString(), "cPanel's values: only 5-minute samples expire, after 31 days");
        assertEquals(1, answer.get("metadata").get("transformed").intValue());
    }
}
