package dev.openuapi.mysql;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Mysql::get_server_information}: the hosting MariaDB server the tests run against (localhost:3306). */
@QuarkusTest
class MysqlServerInformationTest {

    // UAPI Mysql::get_server_information (api.docs.cpanel.net): host, is_remote 0|1, version "5.6.23". The page types host
    // as "any"; cPanel's GET_SERVER_INFORMATION returns the host name, or localhost, a string.
    static final String EXAMPLE = """
            {"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{},
            "data":{"host":"localhost","is_remote":0,"version":"5.6.23"}}""";

    @Test
    void reportsTheHostingServer() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode answer = Uapi.success(alice.withToken(token).get("/execute/Mysql/get_server_information").then().statusCode(200)
                .extract().asString());
        JsonShapes.assertSameShape(EXAMPLE, answer);
        JsonNode data = answer.get("data");
        assertEquals("localhost", data.get("host").textValue(), "quarkus.datasource.hosting.jdbc.url of the test profile");
        assertEquals(0, data.get("is_remote").intValue());
        String version;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            assertTrue(rs.next());
            version = rs.getString(1);
        }
        assertEquals(version, data.get("version").textValue(), "the server's own full version");
        // the Mysql module's feature, as for every Mysql function
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens")));
        Uapi.failure(alice.withToken(token).get("/execute/Mysql/get_server_information").then().statusCode(200).extract().asString(),
                "You do not have the feature “mysql”.");
    }
}
