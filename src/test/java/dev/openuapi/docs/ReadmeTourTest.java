package dev.openuapi.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.TestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The README's five-minute tour runs as written (issue 18: "its commands run as written"): its {@code sh} blocks are
 * run by bash, one command after another in one shell, against this test instance. Only the line
 * {@code BASE=http://localhost:2082} is pointed at the test port; the demo account is the dev profile's own, read
 * from its {@code %dev.openuapi.demo-account.*} lines. Every command must succeed, and the answer written under a
 * command (its {@code # ...} lines) must have the live answer's shape: the same keys and types, the same
 * {@code status}; an answer that is not JSON must be the same text.
 */
@QuarkusTest
@TestProfile(ReadmeTourTest.DevDemoAccount.class)
class ReadmeTourTest {

    static final String BASE_LINE = "BASE=http://localhost:2082";
    static final String MARK = "@@readme-tour-end@@ ";

    /** The test profile with the dev profile's demo account, so that the tour's credentials are the ones dev mode has. */
    public static class DevDemoAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> overrides = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%dev.openuapi.demo-account.")) {
                    overrides.put(key.substring("%dev.".length()), properties.getProperty(key));
                }
            }
            if (!"true".equals(overrides.get("openuapi.demo-account.enabled"))) {
                throw new IllegalStateException("the dev profile has no demo account: " + overrides);
            }
            return overrides;
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    /** One command of the tour (with its continuation lines), and the answer written under it, if any. */
    record Command(String text, String documented) {
    }

    @Test
    void theTourRunsAsWritten() throws Exception {
        List<Command> commands = commands(tour(Files.readString(Path.of("README.md"))));
        assertTrue(commands.stream().anyMatch(c -> c.text().equals(BASE_LINE)), "the tour sets " + BASE_LINE);
        assertTrue(commands.stream().filter(c -> c.documented() != null).count() >= 4, "the tour shows its answers: " + commands);

        List<Result> results = run(commands);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            Result result = results.get(i);
            String shown = hide(command.text()) + "\n→ exit " + result.exit() + ": " + hide(result.output());
            assertEquals(0, result.exit(), shown);
            if (command.documented() == null) {
                continue;
            }
            assertFalse(result.output().isBlank(), shown);
            if (command.documented().startsWith("{") || command.documented().startsWith("[")) {
                JsonNode documented = Fixtures.json(command.documented());
                JsonNode live = Fixtures.json(result.output());
                try {
                    JsonShapes.assertSameShape(command.documented(), live);
                } catch (AssertionError e) {
                    throw new AssertionError(shown + "\n" + hide(e.getMessage()), e);
                }
                if (documented.has("status")) {
                    assertEquals(documented.get("status"), live.get("status"), shown);
                }
            } else {
                assertEquals(command.documented(), result.output().strip(), shown);
            }
        }
    }

    /** The tour's sh blocks, with the server pointed at this test instance. */
    static List<String> tour(String readme) {
        int start = readme.indexOf("\n## A five-minute tour\n");
        assertTrue(start >= 0, "no tour in the README");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : section.split("\n", -1)) {
            if (!inside && line.equals("```sh")) {
                inside = true;
            } else if (inside && line.equals("```")) {
                inside = false;
                lines.add("");
            } else if (inside) {
                lines.add(line);
            }
        }
        assertFalse(lines.isEmpty(), "no ```sh block in the tour");
        return lines;
    }

    /**
     * Commands, joined with their {@code \} continuation lines. Comment lines right under a command are its answer;
     * comment lines after a blank line explain what follows and are skipped.
     */
    static List<Command> commands(List<String> lines) {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = null;
        StringBuilder documented = null;
        boolean continued = false;
        for (String line : lines) {
            if (continued) {
                text.append('\n').append(line);
                continued = line.endsWith("\\");
                continue;
            }
            if (line.startsWith("#")) {
                if (text != null) {
                    if (documented == null) {
                        documented = new StringBuilder();
                    }
                    documented.append(line.substring(1).strip());
                }
                continue;
            }
            if (text != null) {
                commands.add(new Command(text.toString(), documented == null ? null : documented.toString()));
                text = null;
                documented = null;
            }
            if (!line.isBlank()) {
                text = new StringBuilder(line);
                continued = line.endsWith("\\");
            }
        }
        if (text != null) {
            commands.add(new Command(text.toString(), documented == null ? null : documented.toString()));
        }
        return commands;
    }

    record Result(int exit, String output) {
    }

    /** Runs the commands in one bash, in order, and splits its output by command. */
    static List<Result> run(List<Command> commands) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("set -o pipefail\n");
        for (Command command : commands) {
            String text = command.text().equals(BASE_LINE) ? "BASE=http://localhost:" + TestConfig.httpPort() : command.text();
            script.append(text).append("\nprintf '\\n").append(MARK).append("%s\\n' \"$?\"\n");
        }
        Path file = Files.createTempFile("readme-tour", ".sh");
        Path out = Files.createTempFile("readme-tour", ".out");
        String output;
        try {
            Files.writeString(file, script);
            Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!bash.waitFor(60, TimeUnit.SECONDS)) {
                bash.destroyForcibly();
                throw new AssertionError("the tour did not end in 60 s");
            }
            output = Files.readString(out);
        } finally {
            Files.delete(file);
            Files.delete(out);
        }
        List<Result> results = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < commands.size(); i++) {
            int mark = output.indexOf("\n" + MARK, from);
            assertTrue(mark >= 0, "the tour stopped before: " + hide(commands.get(i).text()) + "\n" + hide(output.substring(from)));
            int eol = output.indexOf('\n', mark + 1);
            int exit = Integer.parseInt(output.substring(mark + 1 + MARK.length(), eol).strip());
            results.add(new Result(exit, output.substring(from, mark)));
            from = eol + 1;
        }
        return results;
    }

    /** Token values stay out of the test's report. */
    static String hide(String text) {
        return text.replaceAll("\\b[0-9A-Z]{32}\\b", "<token>");
    }
}
