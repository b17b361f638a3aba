package dev.openuapi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The container files, read as text (no Docker engine needed): base images pinned to exact versions and named
 * without a registry host, a non-root final stage with cPanel's and the management ports, Compose without
 * literal secrets, a one-shot migration before OpenUAPI starts, and a build context that keeps {@code .mvn/} but
 * not {@code target/} or {@code docker/.env}.
 *
 * <p>Each rule is a small static check; {@link #theChecksRejectWhatTheyShould()} feeds every check a bad input,
 * so a check that could never fail would fail that test.
 */
class DockerfilesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final List<String> DOCKERFILES = List.of("docker/Dockerfile.jvm", "docker/Dockerfile.native");
    private static final String COMPOSE = "docker/compose.yaml";
    private static final String SERVICE_UID = "10001";

    // ---- the repository's files --------------------------------------------------------------------------

    @Test
    void everyFromIsPinnedToAnExactVersion() throws IOException {
        for (String file : DOCKERFILES) {
            List<String> images = baseImages(instructions(read(file)));
            assertFalse(images.isEmpty(), file + " has no FROM");
            for (String image : images) {
                assertTrue(isPinned(image), file + ": FROM " + image + " is not pinned to an exact version or digest");
            }
        }
    }

    @Test
    void finalStageRunsAsTheServiceUser() throws IOException {
        for (String file : DOCKERFILES) {
            String user = finalStageUser(instructions(read(file)));
            assertNotNull(user, file + ": the final stage sets no USER (it would run as root)");
            assertTrue(isServiceUser(user), file + ": the final stage runs as " + user + ", not as " + SERVICE_UID);
        }
    }

    @Test
    void finalStageExposesCpanelAndManagementPorts() throws IOException {
        for (String file : DOCKERFILES) {
            Set<String> ports = finalStageExposedPorts(instructions(read(file)));
            assertTrue(ports.containsAll(List.of("2082", "2083", "9000")), file + " exposes " + ports);
        }
    }

    @Test
    void nativeBuilderChecksTheMandrelTarball() throws IOException {
        List<Instruction> nativeDockerfile = instructions(read("docker/Dockerfile.native"));
        assertTrue(nativeDockerfile.stream().anyMatch(i -> i.keyword().equals("ARG") && i.arguments().equals("MANDREL_SHA256")),
                "MANDREL_SHA256 must be an ARG without a default, so the checksum is always given");
        assertTrue(nativeDockerfile.stream().anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("sha256sum -c")
                && i.arguments().contains("${MANDREL_SHA256}")), "the Mandrel tarball must be checked with sha256sum -c");
        assertTrue(nativeDockerfile.stream().anyMatch(i -> i.keyword().equals("ENV") && i.arguments().contains("GRAALVM_HOME=")),
                "GRAALVM_HOME must point at Mandrel");
    }

    @Test
    void composeImagesArePinned() throws IOException {
        List<String> images = composeImages(read(COMPOSE));
        assertEquals(2, images.size(), "mariadb and pdns come from images, openuapi is built: " + images);
        for (String image : images) {
            assertTrue(isPinned(image), COMPOSE + ": image " + image + " is not pinned to an exact version or digest");
        }
    }

    @Test
    void composeHasNoLiteralSecrets() throws IOException {
        List<String> offending = literalSecrets(read(COMPOSE));
        assertTrue(offending.isEmpty(), COMPOSE + " holds secret values instead of ${VAR} references: " + offending);
    }

    @Test
    void composeRunsOpenUapiLockedDown() throws IOException {
        List<String> service = serviceBlock(read(COMPOSE), "openuapi");
        assertFalse(service.isEmpty(), "no openuapi service in " + COMPOSE);
        String block = String.join("\n", service);
        assertTrue(block.contains("user: \"" + SERVICE_UID + ":" + SERVICE_UID + "\""), block);
        assertTrue(block.contains("read_only: true"), block);
        assertTrue(block.contains("- no-new-privileges:true"), block);
        assertTrue(Pattern.compile("cap_drop:\\s*\\n\\s*- ALL").matcher(block).find(), block);
    }

    /**
     * Flyway runs once per release (issue 13 §3): a one-shot migrate service, the same build as openuapi, migrates
     * and exits, and openuapi starts only after it exited with 0, validating instead of migrating.
     */
    @Test
    void composeMigratesOnceBeforeOpenUapiStarts() throws IOException {
        Map<String, Object> services = map(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read(COMPOSE))).get("services"));
        Map<String, Object> migrate = map(services.get("migrate"));
        Map<String, Object> openuapi = map(services.get("openuapi"));

        assertEquals(openuapi.get("build"), migrate.get("build"), "migrate must run the image openuapi runs");
        assertEquals("no", migrate.get("restart"));
        assertEquals(Map.of("condition", "service_healthy"), map(migrate.get("depends_on")).get("mariadb"));
        assertEquals(Map.of("condition", "service_completed_successfully"), map(openuapi.get("depends_on")).get("migrate"));
        assertFalse(migrate.containsKey("ports"), "migrate serves nothing");

        Map<String, Object> migrateEnv = map(migrate.get("environment"));
        assertEquals("true", migrateEnv.get("QUARKUS_INIT_AND_EXIT"));
        assertEquals("true", migrateEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        assertEquals("false", migrateEnv.get("QUARKUS_FLYWAY_VALIDATE_AT_START"));
        Map<String, Object> openuapiEnv = map(openuapi.get("environment"));
        assertEquals("false", openuapiEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        assertEquals("true", openuapiEnv.get("QUARKUS_FLYWAY_VALIDATE_AT_START"));
        assertFalse(openuapiEnv.containsKey("QUARKUS_INIT_AND_EXIT"));
        for (String same : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "OPENUAPI_TOKENS_CHECK_KEY", "OPENUAPI_DNS_NAMESERVERS", "OPENUAPI_DNS_ACCOUNT_IP")) {
            assertEquals(openuapiEnv.get(same), migrateEnv.get(same), same);
        }

        String block = String.join("\n", serviceBlock(read(COMPOSE), "migrate"));
        assertTrue(block.contains("user: \"" + SERVICE_UID + ":" + SERVICE_UID + "\""), block);
        assertTrue(block.contains("read_only: true"), block);
        assertTrue(block.contains("- no-new-privileges:true"), block);
        assertTrue(Pattern.compile("cap_drop:\\s*\\n\\s*- ALL").matcher(block).find(), block);
    }

    /** The token check key every replica shares comes from docker/.env, required, and the example has a placeholder. */
    @Test
    void composeRequiresTheTokenCheckKey() throws IOException {
        Map<String, Object> services = map(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read(COMPOSE))).get("services"));
        Map<String, Object> env = map(map(services.get("openuapi")).get("environment"));

        assertEquals("${OPENUAPI_TOKENS_CHECK_KEY:?set it in docker/.env}", env.get("OPENUAPI_TOKENS_CHECK_KEY"));
        assertEquals("${OPENUAPI_TOKENS_PREVIOUS_CHECK_KEYS:-}", env.get("OPENUAPI_TOKENS_PREVIOUS_CHECK_KEYS"));
        assertTrue(read("docker/openuapi.env.example").lines().anyMatch(line -> line.equals("OPENUAPI_TOKENS_CHECK_KEY=CHANGE_ME")));
    }

    @Test
    void noImageReferenceNamesARegistryHost() throws IOException {
        List<String> references = new ArrayList<>();
        for (String file : DOCKERFILES) {
            List<Instruction> instructions = instructions(read(file));
            references.addAll(baseImages(instructions));
            references.addAll(copyFromImages(instructions));
        }
        references.addAll(composeImages(read(COMPOSE)));
        assertTrue(references.size() >= 6, "too few image references found: " + references);
        for (String reference : references) {
            assertFalse(namesRegistryHost(reference), reference + " names a registry host: use a Docker Hub name");
        }
    }

    @Test
    void buildContextKeepsMvnAndLeavesOutTargetAndSecrets() throws IOException {
        List<String> patterns = read(".dockerignore").lines().toList();
        for (String needed : List.of("pom.xml", "src/main/java/dev/openuapi/config/OpenUapiConfig.java",
                ".mvn/maven.config", ".mvn/repository/README.md")) {
            assertFalse(ignored(patterns, needed), needed + " must stay in the build context");
        }
        for (String unwanted : List.of("target/openuapi-0.1.0-SNAPSHOT-runner", "target/quarkus-app/quarkus-run.jar",
                "docker/.env", ".env", ".git/config")) {
            assertTrue(ignored(patterns, unwanted), unwanted + " must be left out of the build context");
        }
    }

    @Test
    void composeSecretsFileIsNotCommitted() throws IOException {
        assertTrue(read(".gitignore").lines().map(String::trim).anyMatch(line -> line.equals("docker/.env")),
                ".gitignore must list docker/.env");
        assertTrue(Files.exists(ROOT.resolve("docker/openuapi.env.example")), "docker/openuapi.env.example is missing");
        List<String> settings = literalSecrets(read("docker/openuapi.env.example"));
        assertTrue(settings.size() >= 6, "the example should list every secret: " + settings);
        assertTrue(settings.stream().allMatch(line -> line.endsWith("=CHANGE_ME")),
                "the example may hold placeholders only: " + settings);
    }

    // ---- every check fails on a bad input ----------------------------------------------------------------

    /**
     * The accounts' homes (issue 16 §1, src/docs/files.md): OpenUAPI's root is OPENUAPI_HOMES_ROOT, /home as on cPanel,
     * on a named volume of its own; the images make /home the service user's, so a new named volume inherits it.
     */
    @Test
    void composeKeepsTheHomesOnANamedVolumeTheServiceUserOwns() throws IOException {
        Map<String, Object> compose = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read(COMPOSE)));
        Map<String, Object> openuapi = map(map(compose.get("services")).get("openuapi"));
        String root = (String) map(openuapi.get("environment")).get("OPENUAPI_HOMES_ROOT");
        assertEquals("/home", root);
        String volume = volumeMountedAt(openuapi, root);
        assertEquals("openuapi-homes", volume, "the homes root's mount in " + openuapi.get("volumes"));
        assertTrue(map(compose.get("volumes")).containsKey(volume), volume + " is a named volume");
        for (String file : DOCKERFILES) {
            assertTrue(finalStageOwns(instructions(read(file)), root), file + " does not give " + root + " to " + SERVICE_UID);
        }
    }

    @Test
    void theChecksRejectWhatTheyShould() {
        assertEquals(null, volumeMountedAt(Map.of("volumes", List.of("data:/var/lib/openuapi")), "/home"));
        assertEquals(null, volumeMountedAt(Map.of("volumes", List.of("./homes:/home")), "/home"), "a bind mount is no named volume");
        assertEquals("h", volumeMountedAt(Map.of("volumes", List.of("h:/home:rw")), "/home"));
        assertFalse(finalStageOwns(instructions("FROM a:1.2\nRUN chown 10001:10001 /home\nFROM b:1.2\nRUN mkdir /home\n"), "/home"));
        assertFalse(finalStageOwns(instructions("FROM b:1.2\nRUN chown 10001:10001 /homes\n"), "/home"));
        assertTrue(finalStageOwns(instructions("FROM b:1.2\nRUN mkdir -p /home \\\n    && chown 10001:10001 /home\n"), "/home"));

        for (String bad : List.of("debian", "debian:latest", "debian:13-slim", "mariadb:10", "maven:3-eclipse-temurin-21",
                "eclipse-temurin:21-jre", "x:${VERSION}", "powerdns/pdns-auth-47:latest")) {
            assertFalse(isPinned(bad), bad);
        }
        for (String good : List.of("debian:13.2-slim", "mariadb:10.11.18", "eclipse-temurin:21.0.9_10-jre",
                "maven:3.9.11-eclipse-temurin-25", "powerdns/pdns-auth-47:4.7.4", "debian@sha256:" + "a".repeat(64))) {
            assertTrue(isPinned(good), good);
        }

        String rootFinal = "FROM maven:3.9.11-eclipse-temurin-21 AS build\nUSER 10001\nFROM debian:13.2-slim\nUSER root\n";
        assertFalse(isServiceUser(finalStageUser(instructions(rootFinal))));
        assertEquals(null, finalStageUser(instructions("FROM a:1.2 AS b\nUSER 10001\nFROM debian:13.2-slim\n")));
        assertTrue(isServiceUser(finalStageUser(instructions("FROM debian:13.2-slim\nUSER 10001:10001\n"))));
        assertEquals(List.of("maven:3.9.11-eclipse-temurin-21", "debian:13.2-slim"),
                baseImages(instructions("FROM --platform=$BUILDPLATFORM maven:3.9.11-eclipse-temurin-21 AS build\n"
                        + "FROM build AS again\nFROM debian:13.2-slim\n")));

        Set<String> exposed = finalStageExposedPorts(
                instructions("FROM a:1.2\nEXPOSE 9000\nFROM b:1.2\nEXPOSE 2082 \\\n  2083/tcp\n"));
        assertEquals(Set.of("2082", "2083"), exposed);

        String compose = """
                services:
                  db:
                    image: mariadb:10.11.18
                    environment:
                      MARIADB_ROOT_PASSWORD: hunter2
                      MARIADB_PASSWORD: ${DB_PASSWORD:-hunter2}
                      OPENUAPI_SSL_KEY_SECRET: ${SECRET:?set it}
                      - OPENUAPI_ROOT_PASSWORD=swordfish
                      MARIADB_USER: openuapi
                  dns:
                    image: "cr.example.net/powerdns/pdns:4.7.4"
                """;
        assertEquals(List.of("MARIADB_ROOT_PASSWORD: hunter2", "MARIADB_PASSWORD: ${DB_PASSWORD:-hunter2}",
                "- OPENUAPI_ROOT_PASSWORD=swordfish"), literalSecrets(compose));
        // An empty default is no secret: an optional setting (previous token check keys).
        assertEquals(List.of(), literalSecrets("    OPENUAPI_TOKENS_PREVIOUS_CHECK_KEYS: ${PREVIOUS_KEYS:-}\n"));
        assertEquals(List.of("mariadb:10.11.18", "cr.example.net/powerdns/pdns:4.7.4"), composeImages(compose));
        assertTrue(serviceBlock(compose, "db").stream().anyMatch(line -> line.contains("MARIADB_USER")));
        assertTrue(serviceBlock(compose, "db").stream().noneMatch(line -> line.contains("pdns")));

        for (String hosted : List.of("cr.example.net/quarkus/mandrel-builder:25.0",
                "registry.example.com/openuapi:1.0", "localhost:5000/openuapi:1.0", "localhost/openuapi:1.0")) {
            assertTrue(namesRegistryHost(hosted), hosted);
        }
        assertFalse(namesRegistryHost("powerdns/pdns-auth-47:4.7.4"));
        assertFalse(namesRegistryHost("debian:13.2-slim"));
        assertEquals(List.of("busybox:1.36.1"),
                copyFromImages(instructions("FROM a:1.2 AS build\nFROM b:1.2\nCOPY --from=build /x /x\n"
                        + "COPY --from=busybox:1.36.1 /bin/sh /bin/sh\n")));

        List<String> keepsTarget = List.of("*.log", "docker/");
        assertFalse(ignored(keepsTarget, "target/quarkus-app/quarkus-run.jar"));
        List<String> dropsMvn = List.of("target/", ".*");
        assertTrue(ignored(dropsMvn, ".mvn/maven.config"));
        assertFalse(ignored(List.of(".*", "!.mvn"), ".mvn/repository/README.md"));
        assertTrue(ignored(List.of("**/.env"), "docker/.env"));
    }

    // ---- the checks --------------------------------------------------------------------------------------

    /** One Dockerfile instruction with its continuation lines joined and comment lines dropped. */
    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> instructions(String dockerfile) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().trim();
            current.setLength(0);
            if (!text.isEmpty()) {
                String[] parts = text.split("\\s+", 2);
                result.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].trim() : ""));
            }
        }
        return result;
    }

    /** The images of the FROM lines, leaving out references to earlier stages ({@code FROM build AS again}). */
    static List<String> baseImages(List<Instruction> instructions) {
        List<String> images = new ArrayList<>();
        Set<String> stages = new LinkedHashSet<>();
        for (Instruction instruction : instructions) {
            if (!instruction.keyword().equals("FROM")) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(instruction.arguments().split("\\s+")));
            words.removeIf(word -> word.startsWith("--"));
            String image = words.get(0);
            if (!stages.contains(image.toLowerCase())) {
                images.add(image);
            }
            if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
                stages.add(words.get(2).toLowerCase());
            }
        }
        return images;
    }

    /** Images named by COPY --from= (not stage names). */
    static List<String> copyFromImages(List<Instruction> instructions) {
        Set<String> stages = new LinkedHashSet<>();
        List<String> images = new ArrayList<>();
        Pattern from = Pattern.compile("--from=(\\S+)");
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().split("\\s+");
                if (words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")) {
                    stages.add(words[words.length - 1].toLowerCase());
                }
            } else if (instruction.keyword().equals("COPY")) {
                Matcher matcher = from.matcher(instruction.arguments());
                if (matcher.find() && !stages.contains(matcher.group(1).toLowerCase()) && !matcher.group(1).matches("\\d+")) {
                    images.add(matcher.group(1));
                }
            }
        }
        return images;
    }

    private static List<Instruction> finalStage(List<Instruction> instructions) {
        int last = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return last < 0 ? List.of() : instructions.subList(last, instructions.size());
    }

    /** The named volume a Compose service mounts at {@code path}, or null (none, or a bind mount). */
    static String volumeMountedAt(Map<String, Object> service, String path) {
        Object volumes = service.get("volumes");
        if (!(volumes instanceof List<?> list)) {
            return null;
        }
        for (Object entry : list) {
            String[] parts = String.valueOf(entry).split(":");
            if (parts.length >= 2 && parts[1].equals(path) && !parts[0].startsWith(".") && !parts[0].startsWith("/")) {
                return parts[0];
            }
        }
        return null;
    }

    /** Whether the final stage gives {@code path} to the service user ({@code chown 10001:10001 <path>}). */
    static boolean finalStageOwns(List<Instruction> instructions, String path) {
        Pattern chown = Pattern.compile("chown\\s+(-R\\s+)?" + SERVICE_UID + ":" + SERVICE_UID + "\\s+" + Pattern.quote(path) + "(\\s|$)");
        return finalStage(instructions).stream().anyMatch(i -> i.keyword().equals("RUN") && chown.matcher(i.arguments()).find());
    }

    /** The user the final stage runs as, or null when it sets none (root). */
    static String finalStageUser(List<Instruction> instructions) {
        String user = null;
        for (Instruction instruction : finalStage(instructions)) {
            if (instruction.keyword().equals("USER")) {
                user = instruction.arguments();
            }
        }
        return user;
    }

    static boolean isServiceUser(String user) {
        return user != null && (user.equals(SERVICE_UID) || user.equals(SERVICE_UID + ":" + SERVICE_UID));
    }

    static Set<String> finalStageExposedPorts(List<Instruction> instructions) {
        Set<String> ports = new LinkedHashSet<>();
        for (Instruction instruction : finalStage(instructions)) {
            if (instruction.keyword().equals("EXPOSE")) {
                for (String port : instruction.arguments().split("\\s+")) {
                    ports.add(port.replaceAll("/(tcp|udp)$", ""));
                }
            }
        }
        return ports;
    }

    /**
     * Pinned: a digest, or a tag that starts with at least major.minor ({@code 10.11.18}, {@code 13.2-slim},
     * {@code 3.9.11-eclipse-temurin-25}); never {@code latest}, a bare major, no tag, or a build argument.
     */
    static boolean isPinned(String image) {
        if (image.contains("$")) {
            return false;
        }
        if (image.matches(".+@sha256:[0-9a-f]{64}")) {
            return true;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String tag = lastSegment.substring(colon + 1);
        return !tag.equals("latest") && tag.matches("\\d+\\.\\d+.*");
    }

    /** A registry host is a first path segment with a dot or a port, or localhost (Docker's own rule). */
    static boolean namesRegistryHost(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    /** The values of {@code image:} lines. */
    static List<String> composeImages(String compose) {
        List<String> images = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^\\s*image:\\s*[\"']?([^\"'\\s#]+)").matcher(compose);
        while (matcher.find()) {
            images.add(matcher.group(1));
        }
        return images;
    }

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY).*");
    private static final Pattern SETTING = Pattern.compile("^\\s*(?:-\\s*)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*[:=]\\s*(.*?)\\s*$");
    // ${VAR} or ${VAR:?message} / ${VAR?message}: a required reference, with no literal fallback value; or ${VAR:-},
    // an optional one whose fallback is empty.
    private static final Pattern REFERENCE = Pattern.compile("[\"']?\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*|:?-)?}[\"']?");

    /** Lines that give a secret-looking key anything but a required ${VAR} reference (comments aside). */
    static List<String> literalSecrets(String text) {
        List<String> offending = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher setting = SETTING.matcher(line);
            if (setting.matches() && SECRET_KEY.matcher(setting.group(1)).matches() && !setting.group(2).isEmpty()
                    && !REFERENCE.matcher(setting.group(2)).matches()) {
                offending.add(line.trim());
            }
        }
        return offending;
    }

    /** The lines of one service under {@code services:}, found by indentation. */
    static List<String> serviceBlock(String compose, String service) {
        List<String> lines = compose.lines().toList();
        List<String> block = new ArrayList<>();
        int indent = -1;
        for (String line : lines) {
            if (indent < 0) {
                if (line.trim().equals(service + ":") && line.startsWith("  ")) {
                    indent = line.indexOf(service);
                }
                continue;
            }
            if (!line.isBlank() && !line.trim().startsWith("#") && line.length() - line.stripLeading().length() <= indent) {
                break;
            }
            block.add(line);
        }
        return block;
    }

    /**
     * Docker's .dockerignore rule: the last pattern that matches the path or one of its parent directories
     * decides, and a pattern starting with {@code !} keeps what it matches.
     */
    static boolean ignored(List<String> patterns, String path) {
        boolean excluded = false;
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean keep = pattern.startsWith("!");
            if (keep) {
                pattern = pattern.substring(1).trim();
            }
            pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
            if (matchesOrParentMatches(pattern, path)) {
                excluded = !keep;
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(String pattern, String path) {
        Pattern regex = globToRegex(pattern);
        String candidate = path;
        while (true) {
            if (regex.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                // "**/" matches any number of directories, including none
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, () -> "expected a mapping, got " + value);
        return (Map<String, Object>) value;
    }

    private static String read(String relative) throws IOException {
        Path file = ROOT.resolve(relative);
        assertTrue(Files.isRegularFile(file), file + " is missing");
        return Files.readString(file);
    }
}
