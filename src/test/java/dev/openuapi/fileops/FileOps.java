package dev.openuapi.fileops;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test accounts (prefix {@code op}) and calls for the File Manager's operations, all through the public API. */
final class FileOps {

    private FileOps() {
    }

    record Account(String username, String token, Path home) {

        RequestSpecification request() {
            return given().header("Authorization", "cpanel " + username + ":" + token);
        }

        /** An API 2 call; values that are lists are sent as repeated keys. */
        JsonNode api2(String function, Map<String, ?> args) {
            RequestSpecification request = request().queryParam("cpanel_jsonapi_module", "Fileman").queryParam("cpanel_jsonapi_func", function)
                    .queryParam("cpanel_jsonapi_apiversion", "2");
            args.forEach((key, value) -> {
                if (value instanceof List<?> values) {
                    request.queryParam(key, values);
                } else {
                    request.queryParam(key, value);
                }
            });
            String body = request.get("/json-api/cpanel").then().statusCode(200).extract().asString();
            return Fixtures.json(body).get("cpanelresult");
        }

        /** fileop's single row (asserting there is exactly one). */
        JsonNode fileop(Map<String, ?> args) {
            JsonNode result = api2("fileop", args);
            assertEquals(1, result.get("data").size(), result.toString());
            return result.get("data").get(0);
        }

        JsonNode uapi(String function, Map<String, String> args) {
            String body = request().queryParams(args).get("/execute/Fileman/" + function).then().statusCode(200).extract().asString();
            return Fixtures.json(body);
        }

        Path at(String relative) {
            return home.resolve(relative);
        }
    }

    /** A new account (username op…) with a token; its real home found through the API. */
    static Account newAccount() {
        return newAccount(null);
    }

    static Account newAccount(Integer diskQuotaMb) {
        String username = "op" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        asRoot().contentType(ContentType.JSON).body(Map.of("username", username, "password", password, "domain", username + ".example",
                "contact_email", "owner@" + username + ".example")).post("/api/v1/accounts").then().statusCode(201);
        if (diskQuotaMb != null) {
            String plan = "op-" + Fixtures.randomSuffix(8);
            asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "disk_quota_mb", diskQuotaMb)).post("/api/v1/plans").then().statusCode(201);
            asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + username + "/plan").then().statusCode(200);
        }
        String token = given().auth().preemptive().basic(username, password).contentType(ContentType.JSON).body(Map.of("name", "t1"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        Account partial = new Account(username, token, null);
        return new Account(username, token, realHome(partial));
    }

    /**
     * The home on disk. Variables::get_user_information reports {@code home}; where that is cPanel's
     * {@code /home/<user>} and not this server's directory, Fileman::listfiles' {@code absdir} of the home is used.
     */
    static Path realHome(Account account) {
        String body = account.request().get("/execute/Variables/get_user_information").then().statusCode(200).extract().asString();
        JsonNode home = Fixtures.json(body).path("data").path("home");
        if (home.isTextual() && Files.isDirectory(Path.of(home.textValue()).resolve("public_html"), LinkOption.NOFOLLOW_LINKS)) {
            return Path.of(home.textValue());
        }
        JsonNode listed = account.api2("listfiles", Map.of());
        return Path.of(listed.get("data").get(0).get("absdir").textValue());
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path below {@code dir} (not following links), relative to it. */
    static List<String> tree(Path dir) {
        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(p -> all.add(dir.relativize(p).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(null);
        return all;
    }

    static void mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "mkfifo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
