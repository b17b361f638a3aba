package dev.openuapi.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.files.HomeDirectoriesTest.Account;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stored paths follow the homes root: rows written under another root (an earlier {@code openuapi.homes.root}, or
 * {@code /home/<user>} before homes were real, which V22 records) are rewritten to the current root when the
 * application starts ({@link HomesRootService}). The start is replayed here on rows moved back by SQL; a packaged run
 * would need a second start with another root, so this test has no {@code *IT}.
 */
@QuarkusTest
class HomesRootServiceTest {

    @Inject
    DataSource dataSource;

    @Inject
    HomesRootService service;

    @Test
    void rowsWrittenUnderAnEarlierRootFollowTheCurrentOne() throws SQLException {
        replay("/srv/earlier-homes");
    }

    @Test
    void rowsWrittenUnderSlashHomeBeforeHomesWereRealFollowTheRoot() throws SQLException {
        replay("/home");
    }

    private void replay(String earlier) throws SQLException {
        Account alice = HomeDirectoriesTest.createacct();
        Uapi.success(alice.uapi("Ftp/add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1")));
        Uapi.success(alice.uapi("SubDomain/addsubdomain", Map.of("domain", "blog", "rootdomain", alice.domain())));
        Uapi.success(alice.uapi("Email/add_forwarder", Map.of("domain", alice.domain(), "email", "robot", "fwdopt", "pipe", "pipefwd",
                "bin/robot.sh")));
        String home = alice.home();
        String root = Path.of(home).getParent().toString();
        List<String> current = paths(alice);
        assertEquals(List.of(home + "/public_html/deploy", home + "/blog." + alice.domain(), "|" + home + "/bin/robot.sh"), current);

        // as the rows were written under the earlier root, which homes_root names
        moveRows(alice, root, earlier);
        execute("UPDATE homes_root SET root = ? WHERE id = 1", earlier);
        String earlierHome = earlier + "/" + alice.user();
        assertEquals(List.of(earlierHome + "/public_html/deploy", earlierHome + "/blog." + alice.domain(), "|" + earlierHome + "/bin/robot.sh"),
                paths(alice), "the API shows what is stored");

        service.onStart(null);
        assertEquals(current, paths(alice), "the paths follow the current root");
        assertEquals(root, recordedRoot());
        service.onStart(null);
        assertEquals(current, paths(alice), "a second start changes nothing");
    }

    /** The FTP login's directory, the subdomain's document root and the pipe, as the API reports them. */
    private static List<String> paths(Account alice) {
        JsonNode ftp = Uapi.success(alice.uapi("Ftp/list_ftp", Map.of("skip_acct_types", "main"))).get("data");
        JsonNode blog = Uapi.success(alice.uapi("DomainInfo/single_domain_data", Map.of("domain", "blog." + alice.domain()))).get("data");
        JsonNode pipe = Uapi.success(alice.uapi("Email/list_forwarders", Map.of("domain", alice.domain()))).get("data");
        return List.of(ftp.get(0).get("homedir").textValue(), blog.get("documentroot").textValue(), pipe.get(0).get("forward").textValue());
    }

    private void moveRows(Account alice, String from, String to) throws SQLException {
        String account = "(SELECT id FROM account WHERE username = ?)";
        int n = execute("UPDATE account_domain SET document_root = CONCAT(?, SUBSTRING(document_root, ?)) WHERE account_id = " + account, to,
                from.length() + 1, alice.user());
        n += execute("UPDATE ftp_account SET homedir = CONCAT(?, SUBSTRING(homedir, ?)) WHERE account_id = " + account, to,
                from.length() + 1, alice.user());
        n += execute("UPDATE email_forwarder SET destination = CONCAT(?, SUBSTRING(destination, ?)) WHERE account_id = " + account, "|" + to,
                from.length() + 2, alice.user());
        assertEquals(4, n, "the main domain, the subdomain, the FTP login and the pipe");
    }

    private int execute(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private String recordedRoot() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT root FROM homes_root WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
