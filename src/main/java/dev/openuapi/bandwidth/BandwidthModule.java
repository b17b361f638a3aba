package dev.openuapi.bandwidth;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * UAPI {@code Bandwidth}: the account's transfer as the metering agent reported it. Arguments and the answer's
 * nesting follow cPanel's {@code Cpanel::API::Bandwidth} and api.docs.cpanel.net (Bandwidth query,
 * get_retention_periods); see {@link BandwidthService} for what the reports can and cannot tell.
 */
@ApplicationScoped
public class BandwidthModule implements ApiModule {

    private static final Param GROUPING = Param.string("grouping",
            "|-separated: domain and/or protocol, and at most one of year, year_month, year_month_day, year_month_day_hour, "
                    + "year_month_day_hour_minute; the answer nests in this order. Protocols are refused: the reports have none.")
            .required().example("domain");
    private static final Param INTERVAL = Param.string("interval", "daily (the default), hourly or 5min: the length of a sample.")
            .example("daily");
    private static final Param DOMAINS = Param.string("domains", "|-separated domains to keep; traffic without a domain is UNKNOWN.")
            .example("UNKNOWN");
    private static final Param PROTOCOLS = Param.string("protocols", "|-separated protocols to keep (refused: the reports have none).")
            .example("http|imap");
    private static final Param START = Param.of("start", ParamType.EPOCH, "The earliest report time to count (Unix time, inclusive).")
            .example("1793491200");
    private static final Param END = Param.of("end", ParamType.EPOCH, "The latest report time to count (Unix time, inclusive).")
            .example("1796083200");
    private static final Param TIMEZONE = Param.string("timezone", "An Olson name for the time keys; the server's zone by default.")
            .example("America/Chicago");

    @RegisterForReflection
    @Schema(description = "A retention period.")
    record Retention(
            @Schema(description = "daily, hourly or 5min.") String interval,
            @Schema(description = "Seconds that samples of this interval are kept.") long retention) {
    }

    private final BandwidthService bandwidth;

    BandwidthModule(BandwidthService bandwidth) {
        this.bandwidth = bandwidth;
    }

    @Override
    public String name() {
        return "Bandwidth";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape bytesOrLevel = new Shape(null, "Bytes, or the next level of the grouping.", null, null, null, false);
        return List.of(
                ApiFunction.named("query").readsOnly().summary("Report the account's bandwidth use")
                        .description("Adds up what each metering agent report adds to the month's transfer, grouped as asked. "
                                + "The reports carry no domain, so every byte is under the pseudo-domain UNKNOWN, as cPanel files "
                                + "traffic it cannot tie to a domain.")
                        .param(GROUPING).param(INTERVAL).param(DOMAINS).param(PROTOCOLS).param(START).param(END).param(TIMEZONE)
                        .returns(Shape.mapOf("Keyed by the first grouping level's values (domains, or Unix times of a unit's start).",
                                bytesOrLevel))
                        .exampleJson("{\"UNKNOWN\":9500000}")
                        .exampleArgs("grouping=domain&interval=daily&domains=UNKNOWN&timezone=America/Chicago")
                        .exampleNotLive("a fresh account has no bandwidth until a metering agent reports it (PUT "
                                + "/api/v1/accounts/{user}/usage), which no setup call can do: BandwidthTest proves the example")
                        .handledBy(this::query),
                ApiFunction.named("get_retention_periods").readsOnly().summary("Return how long bandwidth samples are kept")
                        .returns(Shape.arrayOf("One row per interval whose samples expire.", Shape.of(Retention.class)))
                        .exampleJson("[{\"interval\":\"5min\",\"retention\":2678400}]")
                        .handledBy(call -> BandwidthService.RETENTION.entrySet().stream()
                                .map(e -> new Retention(e.getKey(), e.getValue())).toList()));
    }

    private Object query(Call call) {
        BandwidthService.Query query = new BandwidthService.Query(pipeList(GROUPING.from(call)), INTERVAL.from(call),
                optionalPipeList(DOMAINS.from(call)), optionalPipeList(PROTOCOLS.from(call)), epoch(START, call), epoch(END, call),
                TIMEZONE.from(call));
        return bandwidth.query(call.principal().accountId(), query);
    }

    private static List<String> pipeList(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("\\|")).filter(s -> !s.isEmpty()).toList();
    }

    /** A |-list, or {@code null} when the argument is absent or empty (cPanel: "if length $val"). */
    private static List<String> optionalPipeList(String value) {
        return value == null || value.isEmpty() ? null : pipeList(value);
    }

    private static Long epoch(Param param, Call call) {
        String value = param.from(call);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(Quote.of(value) + " is not a valid " + Quote.of(param.name()) + ": give a Unix time.");
        }
    }
}
