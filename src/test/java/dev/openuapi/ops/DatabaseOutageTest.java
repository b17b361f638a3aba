package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * While MariaDB is unreachable, readiness goes DOWN (the load balancer stops sending requests) and
 * liveness stays UP (nobody restarts a healthy process over a database outage). The application reaches
 * MariaDB through a {@link TcpProxy} that the test cuts and restores.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    static TcpProxy proxy;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(ProxyResource.class));
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        private static final String TEST_URL = "%test.quarkus.datasource.jdbc.url";
        private String commandLineUrl;

        @Override
        public Map<String, String> start() {
            try {
                proxy = new TcpProxy(3306);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String url = "jdbc:mariadb://127.0.0.1:" + proxy.port()
                    + "/openuapi_outage_test?createDatabaseIfNotExist=true&connectTimeout=2000&socketTimeout=5000";
            // A -D%test.quarkus.datasource.jdbc.url on the command line (one database per checkout) is a system
            // property, which outranks what a test resource returns and would bypass the proxy: replace it while
            // this application runs, and put it back in stop().
            commandLineUrl = System.getProperty(TEST_URL);
            if (commandLineUrl != null) {
                System.setProperty(TEST_URL, url);
            }
            return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.health.enabled", "true");
        }

        @Override
        public void stop() {
            if (commandLineUrl != null) {
                System.setProperty(TEST_URL, commandLineUrl);
            }
            try {
                proxy.close();
            } catch (IOException e) {
                // the test is over
            }
        }
    }

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNot() throws Exception {
        given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        proxy.cut();
        try {
            given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get(ManagementTest.management() + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            proxy.restore();
        }
        long deadline = System.currentTimeMillis() + 15_000;
        int status;
        do {
            status = given().get(ManagementTest.management() + "/q/health/ready").then().extract().statusCode();
        } while (status != 200 && System.currentTimeMillis() < deadline && sleep());
        given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
