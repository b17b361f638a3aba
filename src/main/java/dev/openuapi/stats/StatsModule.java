package dev.openuapi.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * UAPI {@code Stats::list_sites}: arguments, keys, the engine and traffic checks and their wording follow cPanel's
 * {@code Cpanel::API::Stats} and {@code Cpanel::Stats::list_sites_stats}; each engine needs its own feature
 * ({@code webalizer}, {@code analog}), as there.
 */
@ApplicationScoped
public class StatsModule implements ApiModule {

    private static final Param ENGINE = Param.string("engine", "webalizer or analog.").required().example("webalizer");
    private static final Param TRAFFIC = Param.string("traffic", "http (the default), or ftp for webalizer.").example("http");

    @RegisterForReflection
    @Schema(description = "A statistics link.")
    record Site(
            @Schema(description = "The site; null for the one all-domains report (webalizer FTP).", nullable = true) String domain,
            @Schema(description = "1 for the HTTPS report, 0 for HTTP.") int ssl,
            @Schema(description = "The report's path, relative to the session (URI-encoded).") String path,
            @JsonProperty("all_domains") @Schema(description = "1 when the report covers all the account's domains.") int allDomains) {
    }

    private final StatsService stats;

    StatsModule(StatsService stats) {
        this.stats = stats;
    }

    @Override
    public String name() {
        return "Stats";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("list_sites").readsOnly().summary("List the account's web statistics reports").param(ENGINE).param(TRAFFIC)
                .description("Lists where the hosting server's statistics engine writes each site's report; OpenUAPI runs no "
                        + "statistics engine itself and does not check that a report has been generated.")
                .returns(Shape.arrayOf("The reports.", Shape.of(Site.class)))
                .exampleJson("[{\"domain\":\"example.com\",\"ssl\":0,\"path\":\"/tmp/user/webalizer/example.com/index.html\",\"all_domains\":0}]")
                .handledBy(this::list));
    }

    private List<Site> list(Call call) {
        String traffic = TRAFFIC.from(call);
        return stats.sites(call.principal(), ENGINE.from(call), traffic == null ? "http" : traffic).stream()
                .map(s -> new Site(s.domain(), s.ssl() ? 1 : 0, s.path(), s.allDomains() ? 1 : 0)).toList();
    }
}
