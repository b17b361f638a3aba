package dev.openuapi.spam;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.openuapi.support.Fixtures;

/** Accounts (named h2sp…) and calls for the spam settings tests. */
final class SpamAccounts {

    record Account(String user, String password, String domain) {

        /** The raw body of a UAPI call, its arguments in the query string as cPanel's URL examples send them. */
        String call(String module, String function, Map<String, String> args) {
            return given().auth().preemptive().basic(user, password).queryParams(args).get("/execute/" + module + "/" + function).then()
                    .statusCode(200).extract().asString();
        }

        /** The raw body of a call whose arguments go in a form body (values with CR or LF). */
        String post(String module, String function, Map<String, String> args) {
            return given().auth().preemptive().basic(user, password).formParams(args).post("/execute/" + module + "/" + function).then()
                    .statusCode(200).extract().asString();
        }

        /** The home directory, as Variables::get_user_information reports it (checked to be a directory here). */
        Path home() {
            return Path.of(Fixtures.homeOf(given().auth().preemptive().basic(user, password)));
        }

        Path userPrefs() {
            return home().resolve(".spamassassin/user_prefs");
        }
    }

    private SpamAccounts() {
    }

    static Account create() {
        Fixtures.TestAccount made = Fixtures.newAccount("h2sp" + Fixtures.randomSuffix(10));
        return new Account(made.username(), made.password(), made.domain());
    }

    /** The six-key UAPI body cPanel answers a success with. */
    static String ok(String dataJson) {
        return "{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{},\"data\":" + dataJson + "}\n";
    }




    /** Whether Debian's {@code spamassassin} is installed here (CI installs it). */
    static boolean spamassassinInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/spamassassin"));
    }

    /** {@code spamassassin --lint -p file}'s exit status (0: the file is a valid user_prefs) and its output. */
    record Lint(int exit, String output) {
    }

    static Lint lint(Path userPrefs) {
        try {
            Process p = new ProcessBuilder(List.of("spamassassin", "--lint", "-p", userPrefs.toString())).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("spamassassin --lint did not finish");
            }
            return new Lint(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
