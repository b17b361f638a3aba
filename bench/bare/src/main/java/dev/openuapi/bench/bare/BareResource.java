package dev.openuapi.bench.bare;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yardstick of bench/ratio.sh: what Quarkus REST costs with no authentication, no database and no
 * UAPI machinery. One blocking method (a worker thread, as OpenUAPI's UAPI calls run) that builds and
 * serializes a reply of the shape and about the size of OpenUAPI's Variables::get_user_information.
 * The Authorization header the benchmark sends is ignored.
 */
@Path("/execute/Variables/get_user_information")
public class BareResource {

    private static final List<String> FEATURES = List.of("addondomains", "apitokens", "bandwidth", "cron",
            "diskusageviewer", "forwarders", "ftpaccts", "mysql", "parkeddomains", "popaccts", "sslinstall",
            "subdomains", "zoneedit");

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        Map<String, Integer> feature = new LinkedHashMap<>();
        for (String name : FEATURES) {
            feature.put(name, 1);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", "bench12345678");
        data.put("domain", "bench.example");
        data.put("domains", List.of("bench.example"));
        data.put("contact_email", "bench@bench.example");
        data.put("contact_email_2", "");
        data.put("created", 1767225600L);
        data.put("last_modified", 1767225600L);
        data.put("demo_mode", 0);
        data.put("feature", feature);
        data.put("home", "/home/bench12345678");
        data.put("ip", "10.0.0.1");
        data.put("plan", "default");
        data.put("owner", "root");
        data.put("maximum_mail_accounts", "unlimited");
        data.put("maximum_databases", "unlimited");
        data.put("maximum_ftp_accounts", "unlimited");
        data.put("maximum_subdomains", "unlimited");
        data.put("maximum_addon_domains", "unlimited");
        data.put("maximum_parked_domains", "unlimited");
        data.put("bandwidth_limit", 0L);
        data.put("disk_block_limit", 0L);

        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("apiversion", 3);
        reply.put("func", "get_user_information");
        reply.put("module", "Variables");
        reply.put("status", 1);
        reply.put("data", data);
        reply.put("errors", null);
        reply.put("messages", null);
        reply.put("warnings", null);
        reply.put("metadata", Map.of());
        return reply;
    }
}
