package dev.openuapi.stats;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.ShapeCheck;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Stats::list_sites. cPanel's reference: the POD of Cpanel::API::Stats
 * ({"domain":"domain.tld","ssl":1,"all_domains":0,"path":"/tmp/cpuser/webalizer/index.html"}) and
 * api.docs.cpanel.net (openapi/cpanel-stats-api-openapi.yml: engine required, webalizer or analog; traffic http or
 * ftp). Paths and refusals follow Cpanel::Stats (list_webalizer_http, list_webalizer_ftp, list_analog_http,
 * list_sites_stats).
 */
@QuarkusTest
class StatsModuleTest {

    static final String SITE = "{\"domain\":\"domain.tld\",\"ssl\":1,\"all_domains\":0,\"path\":\"/tmp/cpuser/webalizer/index.html\"}";

    static String call(TestAccount account, String token, String module, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/" + module + "/" + function).then().statusCode(200).extract()
                .asString();
    }

    @Test
    void webalizerListsEachSiteOverHttpAndHttps() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(call(alice, token, "SubDomain", "addsubdomain", Map.of("domain", "blog", "rootdomain", alice.domain())));
        JsonNode rows = Uapi.success(call(alice, token, "Stats", "list_sites", Map.of("engine", "webalizer"))).get("data");
        ShapeCheck.sameShape("[" + SITE + "]", rows);
        String u = alice.username();
        String blog = "blog." + alice.domain();
        assertEquals("[{\"domain\":\"" + blog + "\",\"ssl\":0,\"path\":\"/tmp/" + u + "/webalizer/" + blog + "/index.html\",\"all_domains\":0},"
                + "{\"domain\":\"" + blog + "\",\"ssl\":1,\"path\":\"/tmp/" + u + "/webalizer/ssl/" + blog + "/index.html\",\"all_domains\":0},"
                + "{\"domain\":\"" + alice.domain() + "\",\"ssl\":0,\"path\":\"/tmp/" + u + "/webalizer/" + alice.domain() + "/index.html\",\"all_domains\":0},"
                + "{\"domain\":\"" + alice.domain() + "\",\"ssl\":1,\"path\":\"/tmp/" + u + "/webalizer/ssl/" + alice.domain()
                + "/index.html\",\"all_domains\":0}]", rows.toString());
    }

    @Test
    void theOtherEnginesAndTraffic() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals("[{\"domain\":null,\"ssl\":0,\"path\":\"/tmp/" + alice.username() + "/webalizerftp/index.html\",\"all_domains\":1}]",
                Uapi.success(call(alice, token, "Stats", "list_sites", Map.of("engine", "webalizer", "traffic", "ftp"))).get("data").toString());
        assertEquals("[{\"domain\":\"" + alice.domain() + "\",\"ssl\":0,\"path\":\"analog.html?domain=" + alice.domain() + "&ssl=0\",\"all_domains\":0},"
                + "{\"domain\":\"" + alice.domain() + "\",\"ssl\":1,\"path\":\"analog.html?domain=" + alice.domain() + "&ssl=1\",\"all_domains\":0}]",
                Uapi.success(call(alice, token, "Stats", "list_sites", Map.of("engine", "analog"))).get("data").toString());
    }

    /** cPanel's wording (Cpanel::Stats::list_sites_stats; the required engine as get_length_required words it). */
    @Test
    void refusals() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.failure(call(alice, token, "Stats", "list_sites", Map.of()), "Provide the “engine” argument.");
        Uapi.failure(call(alice, token, "Stats", "list_sites", Map.of("engine", "")), "The “engine” argument cannot be empty.");
        Uapi.failure(call(alice, token, "Stats", "list_sites", Map.of("engine", "awstats")),
                "Engine “awstats” is not valid. Enter one of the following: “analog” or “webalizer”.");
        Uapi.failure(call(alice, token, "Stats", "list_sites", Map.of("engine", "analog", "traffic", "ftp")),
                "Traffic parameter “ftp” is not valid for the engine “analog”. Enter one of the following: “http”.");
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens", "analog")));
        Uapi.failure(call(alice, token, "Stats", "list_sites", Map.of("engine", "webalizer")), "You do not have the feature “webalizer”.");
        Uapi.success(call(alice, token, "Stats", "list_sites", Map.of("engine", "analog")));
    }
}
