package dev.openuapi.mysql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * MariaDB's command-line clients ({@code mariadb-dump} and {@code mariadb}) on the hosting server, reached at the host,
 * port and user of the hosting datasource ({@code quarkus.datasource.hosting.*}, the connection {@link HostingServer}
 * uses). The password is never a process argument (any local user can read those in /proc): it goes into a temporary
 * option file of mode 0600, named by {@code --defaults-extra-file=}, the first argument, as the clients require,
 * and deleted when the client ends.
 */
@ApplicationScoped
public class MariadbClient {

    private static final Logger LOG = Logger.getLogger(MariadbClient.class);
    /** The client's stderr kept for an error message (the clients never write the password there). */
    private static final int MAX_ERROR = 2000;

    /**
     * Where and as whom the clients connect; {@code password} never leaves the option file. {@code sslMode} is the
     * JDBC URL's ({@code disable}, the driver's default, {@code trust}, {@code verify-ca} or {@code verify-full}), so
     * the clients use TLS exactly as the JDBC connection does (MariaDB 11.4+ clients would otherwise require it).
     */
    record Connection(String host, int port, String user, String password, String sslMode) {

        Connection(String host, int port, String user, String password) {
            this(host, port, user, password, "disable");
        }

        @Override
        public String toString() {
            return "Connection[" + user + "@" + host + ":" + port + ", sslMode=" + sslMode + "]";
        }
    }

    private final Connection connection;
    private final String dumpCommand;
    private final String clientCommand;

    MariadbClient(@ConfigProperty(name = "quarkus.datasource.hosting.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.hosting.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.hosting.password") Optional<String> password,
            @ConfigProperty(name = "openuapi.mysql.dump-command", defaultValue = "mariadb-dump") String dumpCommand,
            @ConfigProperty(name = "openuapi.mysql.client-command", defaultValue = "mariadb") String clientCommand) {
        this.connection = connection(jdbcUrl, user.orElse("root"), password.orElse(""));
        this.dumpCommand = dumpCommand;
        this.clientCommand = clientCommand;
    }

    /** {@code jdbc:mariadb://HOST[:PORT]/…} (or {@code [v6]}, or several hosts: the first) to host and port (3306). */
    static Connection connection(String jdbcUrl, String user, String password) {
        String host = HostingServer.hostOf(jdbcUrl);
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
        rest = rest.substring(at + 1);
        int afterHost = rest.startsWith("[") ? rest.indexOf(']') + 1 : host.length();
        int port = 3306;
        if (afterHost < rest.length() && rest.charAt(afterHost) == ':') {
            int end = afterHost + 1;
            while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
                end++;
            }
            port = Integer.parseInt(rest.substring(afterHost + 1, end));
        }
        return new Connection(host.isEmpty() ? "localhost" : host, port, user, password, sslMode(jdbcUrl));
    }

    /** The URL's {@code sslMode} option, {@code disable} when it has none. */
    static String sslMode(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String option : jdbcUrl.substring(query + 1).split("&")) {
                int eq = option.indexOf('=');
                if (eq > 0 && option.substring(0, eq).equalsIgnoreCase("sslMode")) {
                    String mode = option.substring(eq + 1).toLowerCase(java.util.Locale.ROOT);
                    return switch (mode) {
                        case "disable", "trust", "verify-ca", "verify-full" -> mode;
                        default -> throw new IllegalArgumentException("quarkus.datasource.hosting.jdbc.url has an sslMode the clients do not know: " + mode);
                    };
                }
            }
        }
        return "disable";
    }

    /**
     * The option file's text: a {@code [client]} group (read by mariadb and mariadb-dump alike) with the connection.
     * TCP always, as the JDBC driver connects: {@code localhost} would otherwise mean the local socket.
     */
    static String optionFile(Connection c) {
        return "[client]\n"
                + "host=" + quoted(c.host()) + "\n"
                + "port=" + c.port() + "\n"
                + "protocol=TCP\n"
                + "user=" + quoted(c.user()) + "\n"
                + "password=" + quoted(c.password()) + "\n"
                + switch (c.sslMode()) {
                    case "trust" -> "ssl\nskip-ssl-verify-server-cert\n";
                    case "verify-ca", "verify-full" -> "ssl\nssl-verify-server-cert\n";
                    default -> "skip-ssl\n";
                };
    }

    /**
     * A value in double quotes with the escapes MariaDB's option-file reader undoes ({@code \\ \" \' \n \r \t}), so
     * any password (a #, a quote, leading spaces) reads back exactly.
     */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    /**
     * The arguments of a dump of one database: no CREATE DATABASE or USE (one database named without
     * {@code --databases}), so the dump can be loaded into a database of another name; one consistent snapshot of
     * InnoDB tables without locking them ({@code --single-transaction}, which turns {@code --lock-tables} off);
     * routines, triggers and events too; binary columns as hex literals, so no character set can mangle them; rows of
     * up to 1 GB (the protocol's limit; the server's own max_allowed_packet still applies when the dump is loaded). No
     * {@code --force}, unlike cPanel's pkgacct: a table that cannot be dumped fails the backup instead of leaving a
     * dump without it.
     */
    List<String> dumpArguments(Path optionFile, String database) {
        return List.of(dumpCommand, "--defaults-extra-file=" + optionFile, "--single-transaction", "--skip-lock-tables",
                "--routines", "--triggers", "--events", "--hex-blob", "--default-character-set=utf8mb4", "--max-allowed-packet=1G", "--no-create-db",
                "--skip-dump-date", "--", database);
    }

    /**
     * The arguments of a load into one database: in batch mode, stopping at the first error, with the client's
     * shell-escape and file commands ({@code \!}, {@code source}) disabled.
     */
    List<String> loadArguments(Path optionFile, String database) {
        return List.of(clientCommand, "--defaults-extra-file=" + optionFile, "--batch", "--sandbox", "--binary-mode",
                "--default-character-set=utf8mb4", "--max-allowed-packet=1G", "--database=" + database);
    }

    /** mariadb-dump of {@code database} into {@code target}. */
    public void dump(String database, Path target) {
        run(file -> dumpArguments(file, database), null, target, "dump the database " + database);
    }

    /** Runs the statements {@code sql} gives with {@code database} as the default database. */
    public void load(String database, InputStream sql) {
        run(file -> loadArguments(file, database), sql, null, "restore the database " + database);
    }

    private void run(java.util.function.Function<Path, List<String>> arguments, InputStream input, Path output, String what) {
        Path optionFile = null;
        try {
            optionFile = Files.createTempFile("openuapi-mariadb-", ".cnf", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(optionFile, optionFile(connection), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            List<String> command = arguments.apply(optionFile);
            ProcessBuilder builder = new ProcessBuilder(command);
            // no ~/.my.cnf of the service user can override the option file ([client] groups read after it)
            builder.environment().put("HOME", optionFile.getParent().toString());
            builder.environment().remove("MYSQL_PWD");
            builder.redirectError(ProcessBuilder.Redirect.PIPE);
            if (output != null) {
                builder.redirectOutput(output.toFile());
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process = builder.start();
            StringBuilder errors = new StringBuilder();
            Thread reader = new Thread(() -> drain(process.getErrorStream(), errors::append), "mariadb-client-stderr");
            reader.setDaemon(true);
            reader.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    input.transferTo(stdin);
                } catch (IOException e) {
                    // the client ended early (an SQL error): its exit status and stderr say why
                }
            }
            int status = process.waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            if (status != 0) {
                String message = errors.toString().strip();
                LOG.errorf("Could not %s: %s exited with %d: %s", what, command.get(0), status, message);
                throw new ClientFailed("Could not " + what + ": " + message);
            }
        } catch (IOException e) {
            LOG.errorf("Could not %s: %s", what, e.getMessage());
            throw new ClientFailed("Could not " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientFailed("Interrupted while trying to " + what);
        } finally {
            if (optionFile != null) {
                try {
                    Files.deleteIfExists(optionFile);
                } catch (IOException e) {
                    LOG.errorf("Could not delete the temporary option file %s", optionFile);
                }
            }
        }
    }

    private static void drain(InputStream in, Consumer<String> sink) {
        try {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            sink.accept(text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text);
        } catch (IOException e) {
            // nothing more to read
        }
    }

    /** A client exited with an error, or could not be started. */
    public static final class ClientFailed extends RuntimeException {
        ClientFailed(String message) {
            super(message);
        }
    }
}
