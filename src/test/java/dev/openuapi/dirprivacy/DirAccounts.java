package dev.openuapi.dirprivacy;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Uapi;
import io.restassured.http.ContentType;

/** Accounts (named dp…) and calls for the Directory Privacy, Protection and Indexes tests. */
final class DirAccounts {

    /** A test account; {@code user} changes with a rename, the password stays. */
    record Account(String user, String password) {

        /** The raw body of a UAPI call (query string arguments, as cPanel's URL examples send them). */
        String call(String module, String function, Map<String, String> args) {
            return given().auth().preemptive().basic(user, password).queryParams(args).get("/execute/" + module + "/" + function).then()
                    .statusCode(200).extract().asString();
        }

        /** The raw body of a call whose arguments go in a form body (values with NUL, CR or LF). */
        String post(String module, String function, Map<String, String> args) {
            return given().auth().preemptive().basic(user, password).formParams(args).post("/execute/" + module + "/" + function).then()
                    .statusCode(200).extract().asString();
        }

        /**
         * The home directory on disk: Variables::get_user_information's {@code home} when it is a directory here, else the
         * home that DirectoryIndexes::list_directories reports (the test profile's homes live under target/test-homes).
         */
        Path home() {
            String reported = Uapi.success(call("Variables", "get_user_information", Map.of())).get("data").get("home").textValue();
            if (Files.isDirectory(Path.of(reported))) {
                return Path.of(reported);
            }
            JsonNode listing = Uapi.success(call("DirectoryIndexes", "list_directories", Map.of("dir", "/home/" + user))).get("data");
            return Path.of(listing.get("home").get("path").textValue());
        }
    }

    private DirAccounts() {
    }

    static Account create() {
        return create(null);
    }

    /** A new account, on {@code plan} when not null. */
    static Account create(String plan) {
        String user = "dp" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        String domain = user + ".example";
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password, "domain", domain, "contact_email", "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        if (plan != null) {
            asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + user + "/plan").then().statusCode(200);
        }
        return new Account(user, password);
    }

    /** A plan with a disk quota of {@code megabytes}. */
    static String planWithDiskQuota(int megabytes) {
        String plan = "dp-" + Fixtures.randomSuffix(8);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "disk_quota_mb", megabytes)).post("/api/v1/plans").then()
                .statusCode(201);
        return plan;
    }

    /** {@code htpasswd -vb file user password}'s exit status (0: the password matches the stored hash). */
    static int htpasswdVerify(Path file, String user, String password) {
        try {
            Process p = new ProcessBuilder(List.of("htpasswd", "-vb", file.toString(), user, password)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("htpasswd did not finish");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("htpasswd (Debian apache2-utils) is needed by these tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }




    /** A list's success body: UAPI marks lists {@code metadata.transformed} (cPanel's list_users reference shows it). */
    static String okList(String dataJson) {
        return "{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{\"transformed\":1},\"data\":" + dataJson + "}\n";
    }

    /** The six-key UAPI body cPanel answers a success with. */
    static String ok(String dataJson) {
        return "{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{},\"data\":" + dataJson + "}\n";
    }
}
