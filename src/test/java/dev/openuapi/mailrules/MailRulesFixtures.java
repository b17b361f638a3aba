package dev.openuapi.mailrules;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;

/** Accounts named with this helper's prefix ({@code h1…}), mailboxes, UAPI calls and the files they leave in the home. */
final class MailRulesFixtures {

    private MailRulesFixtures() {
    }

    static TestAccount account() {
        return Fixtures.newAccount("h1" + Fixtures.randomSuffix(10));
    }

    static String call(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/Email/" + function).then().statusCode(200).extract().asString();
    }

    /** The data of a successful call, as compact JSON. */
    static String data(TestAccount account, String token, String function, Map<String, String> args) {
        return Uapi.success(call(account, token, function, args)).get("data").toString();
    }

    static String mailbox(TestAccount account, String token, String user) {
        Uapi.success(call(account, token, "add_pop", Map.of("email", user, "password", "mail-pass-" + Fixtures.randomSuffix(8))));
        return user + "@" + account.domain();
    }

    static Path script(TestAccount account, String address) {
        int at = address.indexOf('@');
        return Path.of(account.home(), "mail", address.substring(at + 1), address.substring(0, at), ".dovecot.sieve");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file + ": " + e, e);
        }
    }

    static JsonNode json(String body) {
        return Fixtures.json(body);
    }
}
