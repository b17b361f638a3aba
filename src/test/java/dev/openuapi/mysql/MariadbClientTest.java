package dev.openuapi.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients never see the password in their arguments (any local user reads /proc/PID/cmdline): it is in an
 * option file of mode 0600, named first by --defaults-extra-file, and gone once the client ends.
 */
class MariadbClientTest {

    private static final String PASSWORD = "s3cret \"quoted\" 'single' #not-a-comment \\back\\ ";

    @TempDir
    Path dir;

    /** A stand-in for mariadb-dump and mariadb that writes down what it was started with. */
    private Path recorder() throws IOException {
        Path script = dir.resolve("recorder.sh");
        Files.writeString(script, """
                #!/bin/sh
                out="$(dirname "$0")/recorded"
                file="${1#--defaults-extra-file=}"
                printf '%s\\n' "$@" > "$out.args"
                stat -c %a "$file" > "$out.mode"
                cat "$file" > "$out.cnf"
                echo "$file" > "$out.path"
                cat > /dev/null
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void thePasswordIsInTheOptionFileAndNeverInTheArguments() throws Exception {
        Path script = recorder();
        MariadbClient client = new MariadbClient("jdbc:mariadb://db.example:3307/?sslMode=trust", Optional.of("admin"), Optional.of(PASSWORD),
                script.toString(), script.toString());

        client.dump("h3x_app", dir.resolve("out.sql"));
        List<String> args = Files.readAllLines(dir.resolve("recorded.args"));
        assertTrue(args.get(0).startsWith("--defaults-extra-file="), "the option file comes first: " + args);
        assertTrue(args.contains("--single-transaction") && args.contains("--routines") && args.contains("--triggers") && args.contains("--events"));
        assertTrue(args.contains("--no-create-db"));
        assertEquals("h3x_app", args.get(args.size() - 1));
        for (String arg : args) {
            assertFalse(arg.contains("s3cret"), "no password in the arguments: " + arg);
        }
        assertEquals("600", Files.readString(dir.resolve("recorded.mode")).strip());
        String cnf = Files.readString(dir.resolve("recorded.cnf"));
        assertTrue(cnf.contains("host=\"db.example\"\nport=3307\nprotocol=TCP\nuser=\"admin\"\n"), cnf);
        assertTrue(cnf.contains("password=" + MariadbClient.quoted(PASSWORD) + "\n"), cnf);
        assertTrue(cnf.endsWith("\nssl\nskip-ssl-verify-server-cert\n"), "TLS as the JDBC URL's sslMode=trust: " + cnf);
        assertFalse(Files.exists(Path.of(Files.readString(dir.resolve("recorded.path")).strip())), "the option file is deleted");

        client.load("h3x_new", new ByteArrayInputStream("SELECT 1;\n".getBytes()));
        args = Files.readAllLines(dir.resolve("recorded.args"));
        assertTrue(args.get(0).startsWith("--defaults-extra-file="), args.toString());
        assertTrue(args.contains("--database=h3x_new") && args.contains("--sandbox"), args.toString());
        assertFalse(String.join(" ", args).contains("s3cret"));
    }

    @Test
    void theArgumentListsCarryNoPassword() {
        MariadbClient client = new MariadbClient("jdbc:mariadb://localhost/", Optional.of("root"), Optional.of(PASSWORD), "mariadb-dump", "mariadb");
        Path file = Path.of("/tmp/x.cnf");
        for (List<String> args : List.of(client.dumpArguments(file, "h3x_db"), client.loadArguments(file, "h3x_db"))) {
            assertEquals("--defaults-extra-file=/tmp/x.cnf", args.get(1));
            assertFalse(String.join(" ", args).contains("s3cret"), args.toString());
            assertFalse(args.stream().anyMatch(a -> a.startsWith("-p") || a.startsWith("--password")), args.toString());
        }
    }

    @Test
    void optionValuesAreQuotedAsMariadbReadsThem() {
        assertEquals("\"a\\\\b\\\"c\\'d#e\\nf\"", MariadbClient.quoted("a\\b\"c'd#e\nf"));
        assertEquals(new MariadbClient.Connection("::1", 3306, "u", ""), MariadbClient.connection("jdbc:mariadb://[::1]/", "u", ""));
        assertEquals(new MariadbClient.Connection("h", 4000, "u", ""), MariadbClient.connection("jdbc:mariadb://h:4000,h2:4001/db?x=y", "u", ""));
        assertEquals("verify-full", MariadbClient.connection("jdbc:mariadb://h/?a=b&SSLMODE=VERIFY-FULL", "u", "").sslMode());
        assertTrue(MariadbClient.optionFile(MariadbClient.connection("jdbc:mariadb://h/", "u", "")).endsWith("\nskip-ssl\n"));
    }

    @Test
    void theRealClientReadsTheQuotedPasswordBack() throws Exception {
        // mariadb's own option reader, asked to print what it read (--print-defaults prints and exits)
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/my_print_defaults")), "my_print_defaults is installed");
        Path cnf = dir.resolve("x.cnf");
        Files.writeString(cnf, MariadbClient.optionFile(new MariadbClient.Connection("127.0.0.1", 3306, "u", PASSWORD)));
        Process p = new ProcessBuilder("my_print_defaults", "--defaults-file=" + cnf, "client").start();
        String printed = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        assertTrue(printed.lines().anyMatch(l -> l.equals("--password=" + PASSWORD)), printed);
    }
}
