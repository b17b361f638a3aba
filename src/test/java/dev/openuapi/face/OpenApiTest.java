package dev.openuapi.face;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document has one operation per registered function, from the registry. The list below is
 * the spec's list for this release: a function missing from the registry or the document fails here.
 */
@QuarkusTest
class OpenApiTest {

    static final List<String> FUNCTIONS = List.of("Tokens/create_full_access", "Tokens/list", "Tokens/rename", "Tokens/revoke",
            "Variables/get_user_information", "Features/has_feature", "Features/list_features", "DNS/parse_zone",
            "DNS/mass_edit_zone", "SSL/install_ssl", "SSL/list_certs", "SSL/installed_hosts", "SSL/delete_ssl", "SSL/delete_cert",
            "DomainInfo/list_domains", "DomainInfo/domains_data", "DomainInfo/single_domain_data", "Mysql/create_database",
            "Mysql/delete_database", "Mysql/list_databases", "Mysql/create_user", "Mysql/delete_user", "Mysql/rename_user",
            "Mysql/set_password", "Mysql/set_privileges_on_database", "Mysql/revoke_access_to_database", "Mysql/list_users",
            "Mysql/get_restrictions", "Batch/strict", "Quota/get_quota_info", "Quota/get_local_quota_info",
            "ResourceUsage/get_usages", "StatsBar/get_stats", "Variables/get_server_information", "Ftp/list_ftp",
            "Ftp/list_ftp_with_disk", "Ftp/add_ftp", "Ftp/delete_ftp", "Ftp/passwd", "Ftp/set_quota", "Ftp/set_homedir", "Email/list_pops",
            "Email/list_pops_with_disk", "Email/add_pop", "Email/delete_pop", "Email/passwd_pop", "Email/edit_pop_quota",
            "Email/get_pop_quota", "Email/list_forwarders", "Email/add_forwarder", "Email/delete_forwarder", "Email/suspend_login",
            "Email/unsuspend_login", "Email/suspend_incoming", "Email/unsuspend_incoming", "Email/suspend_outgoing",
            "Email/unsuspend_outgoing", "SubDomain/addsubdomain", "DNS/lookup", "DNS/ensure_domains_reside_only_locally",
            "DNS/has_local_authority", "Mysql/get_server_information", "Email/count_pops", "Resellers/list_accounts");

    static final List<String> API2_FUNCTIONS = List.of("CustInfo/displaycontactinfo", "ZoneEdit/fetchzones", "ZoneEdit/fetchzone",
            "ZoneEdit/fetchzone_records", "ZoneEdit/add_zone_record", "ZoneEdit/edit_zone_record", "ZoneEdit/remove_zone_record",
            "SSL/installssl", "SubDomain/listsubdomains", "Park/listparkeddomains", "AddonDomain/listaddondomains",
            "Cron/listcron", "Cron/fetchcron", "Cron/add_line", "Cron/edit_line", "Cron/remove_line", "Email/listpops",
            "Email/listpopswithdisk", "Email/addpop", "Email/delpop", "Email/passwdpop", "Email/editquota");

    @Test
    void everyFunctionIsDocumentedWithItsParametersAndResult() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        for (String function : FUNCTIONS) {
            String path = "/execute/" + function;
            org.junit.jupiter.api.Assertions.assertTrue(paths.containsKey(path), path + " is documented");
        }
        String create = "paths.'/execute/Tokens/create_full_access'";
        org.hamcrest.MatcherAssert.assertThat(doc.getString(create + ".get.summary"), equalTo("Create a full-access API token"));
        org.hamcrest.MatcherAssert.assertThat(doc.getList(create + ".get.parameters.name"), equalTo(List.of("name", "expires_at")));
        org.hamcrest.MatcherAssert.assertThat(doc.getBoolean(create + ".get.parameters[0].required"), equalTo(true));
        org.hamcrest.MatcherAssert.assertThat(doc.getList(create + ".post.requestBody.content.'application/x-www-form-urlencoded'.schema.required"),
                equalTo(List.of("name")));
        org.hamcrest.MatcherAssert.assertThat(doc.get(create + ".get.responses.'200'.content.'application/json'.schema.properties.data.properties.token"),
                notNullValue());
        org.hamcrest.MatcherAssert.assertThat(doc.getString("paths.'/execute/Tokens/list'.get.responses.'200'.content.'application/json'.schema.properties.data.type"),
                equalTo("array"));
    }

    @Test
    void api2FunctionsAreDocumentedUnderJsonApiCpanel() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        for (String function : API2_FUNCTIONS) {
            String[] parts = function.split("/");
            org.junit.jupiter.api.Assertions.assertTrue(paths.containsKey("/json-api/cpanel;module=" + parts[0] + ";func=" + parts[1]),
                    function + " is documented");
        }
        String op = "paths.'/json-api/cpanel;module=CustInfo;func=displaycontactinfo'.get";
        org.hamcrest.MatcherAssert.assertThat(doc.getString(op + ".summary"), equalTo("Show the account's contact information"));
        org.hamcrest.MatcherAssert.assertThat(doc.getList(op + ".parameters.name").subList(0, 3),
                equalTo(List.of("cpanel_jsonapi_module", "cpanel_jsonapi_func", "cpanel_jsonapi_apiversion")));
        org.hamcrest.MatcherAssert.assertThat(doc.getList(op + ".parameters[0].schema.enum"), equalTo(List.of("CustInfo")));
    }

    @Test
    void whmFunctionsAreDocumentedUnderJsonApi() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String function : List.of("createacct", "removeacct", "listaccts", "accountsummary", "suspendacct", "unsuspendacct",
                "modifyacct", "passwd", "changepackage", "listpkgs", "addpkg", "editpkg", "killpkg")) {
            org.hamcrest.MatcherAssert.assertThat(doc.getString("paths.'/json-api/" + function + "'.get.operationId"),
                    equalTo("whm_" + function));
        }
        org.hamcrest.MatcherAssert.assertThat(doc.getList("paths.'/json-api/createacct'.get.parameters.name").subList(0, 4),
                equalTo(List.of("api.version", "username", "domain", "password")));
    }

    /**
     * Issue 14 §3's functions: each with its parameters and an example answer in its face's envelope (cPanel's reference
     * example, or one in its shape).
     */
    @Test
    void issue14FunctionsHaveParametersAndAnExampleAnswer() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> uapi = Map.of("DNS/lookup", List.of("domain"), "DNS/ensure_domains_reside_only_locally", List.of("domain"),
                "DNS/has_local_authority", List.of("domain"), "Mysql/get_server_information", List.of(), "Email/count_pops", List.of(),
                "Resellers/list_accounts", List.of());
        uapi.forEach((function, params) -> {
            String op = "paths.'/execute/" + function + "'.get";
            List<Object> names = doc.getList(op + ".parameters.name");
            org.hamcrest.MatcherAssert.assertThat(function, names == null ? List.of() : names, equalTo(params));
            String example = op + ".responses.'200'.content.'application/json'.example";
            org.hamcrest.MatcherAssert.assertThat(function, doc.getInt(example + ".status"), equalTo(1));
            org.hamcrest.MatcherAssert.assertThat(function, doc.get(example + ".data"), notNullValue());
        });
        Map<String, List<String>> whm = Map.of("version", List.of("api.version"), "gethostname", List.of("api.version"),
                "listips", List.of("api.version"), "listsuspended", List.of("api.version"),
                "domainuserdata", List.of("api.version", "domain"), "get_domain_info", List.of("api.version"),
                "showbw", List.of("api.version", "month", "year", "showres", "search", "searchtype"));
        whm.forEach((function, params) -> {
            String op = "paths.'/json-api/" + function + "'.get";
            org.hamcrest.MatcherAssert.assertThat(function, doc.getList(op + ".parameters.name"), equalTo(params));
            String example = op + ".responses.'200'.content.'application/json'.example";
            org.hamcrest.MatcherAssert.assertThat(function, doc.getString(example + ".metadata.command"), equalTo(function));
            org.hamcrest.MatcherAssert.assertThat(function, doc.get(example + ".data"), notNullValue());
        });
        org.hamcrest.MatcherAssert.assertThat(doc.getString("paths.'/json-api/version'.get.responses.'200'.content.'application/json'"
                + ".example.data.version"), equalTo("11.120.0.16"));
        org.hamcrest.MatcherAssert.assertThat(doc.getInt("paths.'/execute/Email/count_pops'.get.responses.'200'.content.'application/json'"
                + ".example.data"), equalTo(1));
    }

    @Test
    void securitySchemesAndRestResourcesAreThere() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        org.hamcrest.MatcherAssert.assertThat(doc.getString("components.securitySchemes.cpanelToken.type"), equalTo("apiKey"));
        org.hamcrest.MatcherAssert.assertThat(doc.getString("components.securitySchemes.cpanelToken.name"), equalTo("Authorization"));
        org.hamcrest.MatcherAssert.assertThat(doc.getString("components.securitySchemes.basicAuth.scheme"), equalTo("basic"));
        org.hamcrest.MatcherAssert.assertThat(doc.getMap("paths").keySet(), hasItem("/api/v1/tokens"));
        org.hamcrest.MatcherAssert.assertThat(doc.getMap("paths").keySet(), hasItem("/api/v1/accounts"));
        org.hamcrest.MatcherAssert.assertThat("the generic dispatcher is hidden", doc.getMap("paths").keySet().stream()
                .noneMatch(p -> p.toString().contains("{module}")), equalTo(true));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
