package dev.openuapi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * Lints and renders the chart in {@code helm/openuapi} with real Helm (helm-java runs Helm's Go code as a
 * native library), then reads the rendered manifests. No cluster is involved: this checks what the chart
 * would send to the API server, not how a cluster runs it.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "openuapi");
    private static final String RELEASE = "openuapi";
    private static final String NAMESPACE = "hosting";

    /** The four credentials the chart-made Secret needs; rendering without any of them must fail. */
    private static final Map<String, String> PASSWORDS = Map.of(
            "secrets.dbPassword", "db-password-for-test",
            "secrets.hostingDbPassword", "hosting-password-for-test",
            "secrets.rootPassword", "root-password-for-test",
            "secrets.sslKeySecret", "ssl-key-secret-for-test");

    /**
     * What new zones get: required, no defaults (issue 12 §7). Added to every rendering unless the test sets
     * {@code dns.accountIp} itself.
     */
    private static final Map<String, String> DNS = Map.of(
            "dns.accountIp", "10.20.30.40",
            "dns.nameservers[0]", "ns1.hosting.internal",
            "dns.nameservers[1]", "ns2.hosting.internal");

    /** Every value the task calls non-default, in one values file as an operator would write it. */
    private static final String NON_DEFAULT_VALUES = """
            replicaCount: 3
            existingSecret: openuapi-credentials
            tls:
              existingSecret: openuapi-tls
            http:
              plain:
                enabled: false
            autoscaling:
              enabled: true
              minReplicas: 3
              maxReplicas: 7
            ingress:
              enabled: true
              className: nginx
              hosts:
                - host: panel.example.com
                  paths:
                    - path: /
                      pathType: Prefix
              tls:
                - secretName: panel-example-com-tls
                  hosts: [panel.example.com]
            serviceMonitor:
              enabled: true
              labels:
                release: prometheus
            service:
              cpanelWhmPorts: true
            mariadb:
              host: db.databases.svc
              hosting:
                host: hosting-db.databases.svc
                port: 3307
            trustedProxies:
              - 10.42.0.0/16
            dns:
              database: powerdns
            """;

    @TempDir
    Path tempDir;

    @Test
    void lintPassesStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        List<String> problems = result.getMessages().stream()
                .filter(m -> m.contains("[ERROR]") || m.contains("[WARNING]"))
                .toList();
        assertTrue(problems.isEmpty(), () -> "helm lint reported " + problems);
    }

    @Test
    void defaultsRunHardenedAsNonRootOnReadOnlyRoot() {
        Manifests manifests = render(Map.of());
        Map<String, Object> pod = manifests.podSpec();
        Map<String, Object> container = manifests.container();

        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        assertEquals(true, podSecurity.get("runAsNonRoot"));
        assertEquals(10001, podSecurity.get("runAsUser"));
        assertEquals(10001, podSecurity.get("runAsGroup"));
        assertEquals(10001, podSecurity.get("fsGroup"));
        assertEquals("RuntimeDefault", at(podSecurity, "seccompProfile", "type"));

        Map<String, Object> security = map(container.get("securityContext"));
        assertEquals(true, security.get("runAsNonRoot"));
        assertEquals(10001, security.get("runAsUser"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(security, "capabilities", "drop"));
        assertNull(at(security, "capabilities", "add"), "no capability is added back");
        assertEquals("RuntimeDefault", at(security, "seccompProfile", "type"));

        // With a read-only root, /tmp and /var/lib/openuapi (the self-signed certificate) are emptyDirs.
        Map<String, String> mounts = mountsByPath(container);
        assertEquals("tmp", mounts.get("/tmp"));
        assertEquals("data", mounts.get("/var/lib/openuapi"));
        Map<String, Map<String, Object>> volumes = byName(list(pod.get("volumes")));
        assertNotNull(volumes.get("tmp").get("emptyDir"));
        assertNotNull(volumes.get("data").get("emptyDir"));

        assertEquals(false, pod.get("automountServiceAccountToken"));
        assertEquals(false, pod.get("enableServiceLinks"));
        assertEquals(false, manifests.named("ServiceAccount", RELEASE).get("automountServiceAccountToken"));
        assertEquals(RELEASE, pod.get("serviceAccountName"));
    }

    @Test
    void defaultImageIsTheAppVersionWithoutRegistryHost() {
        Map<String, Object> container = render(Map.of()).container();

        assertEquals("openuapi:0.1.0", container.get("image"));
        assertEquals("IfNotPresent", container.get("imagePullPolicy"));
    }

    @Test
    void imageDigestWinsOverTag() {
        String digest = "sha256:" + "ab".repeat(32);
        Map<String, Object> container = render(Map.of("image.digest", digest, "image.tag", "0.1.1")).container();

        assertEquals("openuapi@" + digest, container.get("image"));
    }

    @Test
    void probesUseTheManagementPort9000() {
        Map<String, Object> container = render(Map.of()).container();
        Map<String, Integer> ports = containerPorts(container);
        assertEquals(Map.of("http", 2082, "https", 2083, "management", 9000), ports);

        assertProbe(container, "livenessProbe", "/q/health/live", ports);
        assertProbe(container, "readinessProbe", "/q/health/ready", ports);
        assertProbe(container, "startupProbe", "/q/health/started", ports);
    }

    @Test
    void startupProbeCanBeTurnedOff() {
        Map<String, Object> container = render(Map.of("probes.startup.enabled", false)).container();

        assertNull(container.get("startupProbe"));
        assertNotNull(container.get("livenessProbe"));
    }

    @Test
    void credentialsComeFromTheChartMadeSecret() {
        // Another release name, so the Secret's name and the references to it are not the chart's name by luck.
        Manifests manifests = render("panel", Map.of());
        Map<String, Object> secret = manifests.named("Secret", "panel-openuapi");

        Map<String, Object> data = map(secret.get("data"));
        assertEquals("db-password-for-test", decode(data.get("db-password")));
        assertEquals("hosting-password-for-test", decode(data.get("hosting-db-password")));
        assertEquals("root-password-for-test", decode(data.get("root-password")));
        assertEquals("ssl-key-secret-for-test", decode(data.get("ssl-key-secret")));

        assertSecretReferences(manifests.container(), "panel-openuapi");
        assertNotNull(at(manifests.deployment(), "spec", "template", "metadata", "annotations", "checksum/secret"));
        String everythingButTheSecret = manifests.documents().stream()
                .filter(d -> !"Secret".equals(d.get("kind")))
                .map(Object::toString)
                .collect(Collectors.joining("\n"));
        for (String password : PASSWORDS.values()) {
            assertFalse(everythingButTheSecret.contains(password), password + " leaked outside the Secret");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "secrets.dbPassword", "secrets.hostingDbPassword", "secrets.rootPassword",
            "secrets.sslKeySecret" })
    void renderingFailsWithoutAnyOfThePasswords(String missing) {
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.remove(missing);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template(RELEASE, values, List.of()).call());
        assertTrue(error.getMessage().contains(missing + " is required"), error::getMessage);
    }

    /** No placeholder DNS settings ship as defaults: rendering stops, naming the value, until both are set. */
    @Test
    void renderingFailsWithoutTheDnsSettings() {
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.put("dns.accountIp", "10.20.30.40");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> template(RELEASE, values, List.of()).call());
        assertTrue(error.getMessage().contains("dns.nameservers is required"), error::getMessage);

        values.put("dns.accountIp", "");
        values.put("dns.nameservers[0]", "ns1.hosting.internal");
        error = assertThrows(IllegalStateException.class, () -> template(RELEASE, values, List.of()).call());
        assertTrue(error.getMessage().contains("dns.accountIp is required"), error::getMessage);
    }

    @Test
    void renderingFailsWithEmptyPasswordsToo() {
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.put("secrets.rootPassword", "");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template(RELEASE, values, List.of()).call());
        assertTrue(error.getMessage().contains("secrets.rootPassword is required"), error::getMessage);
    }

    @Test
    void existingSecretNeedsNoPasswordsAndMakesNoSecret() {
        String rendered = template(RELEASE, Map.of("existingSecret", "my-credentials"), List.of()).call();
        Manifests manifests = Manifests.parse(rendered);

        assertTrue(manifests.all("Secret").isEmpty(), "the chart made a Secret next to existingSecret");
        assertSecretReferences(manifests.container(), "my-credentials");
        assertNull(at(manifests.deployment(), "spec", "template", "metadata", "annotations", "checksum/secret"));
    }

    @Test
    void defaultsKeepTwoReplicasWithoutAutoscaler() {
        Manifests manifests = render(Map.of());

        assertEquals(2, at(manifests.deployment(), "spec", "replicas"));
        assertTrue(manifests.all("HorizontalPodAutoscaler").isEmpty());
        assertTrue(manifests.all("Ingress").isEmpty());
        assertTrue(manifests.all("ServiceMonitor").isEmpty());
        Map<String, Object> pdb = manifests.named("PodDisruptionBudget", RELEASE);
        assertEquals("policy/v1", pdb.get("apiVersion"));
        assertEquals(1, at(pdb, "spec", "maxUnavailable"));
    }

    @Test
    void replicaCountIsHonouredWithoutAutoscaler() {
        Manifests manifests = render(Map.of("replicaCount", 3));

        assertEquals(3, at(manifests.deployment(), "spec", "replicas"));
        assertTrue(manifests.all("HorizontalPodAutoscaler").isEmpty());
    }

    @Test
    void defaultConfigurationBuildsTheJdbcUrlsAndLeavesOptionalKeysOut() {
        Map<String, Object> config = map(render(Map.of()).named("ConfigMap", RELEASE).get("data"));

        assertEquals("jdbc:mariadb://mariadb:3306/openuapi", config.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("openuapi", config.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("jdbc:mariadb://mariadb:3306/", config.get("QUARKUS_DATASOURCE_HOSTING_JDBC_URL"));
        assertEquals("openuapi_hosting", config.get("QUARKUS_DATASOURCE_HOSTING_USERNAME"));
        assertEquals("ns1.hosting.internal,ns2.hosting.internal", config.get("OPENUAPI_DNS_NAMESERVERS"));
        assertEquals("10.20.30.40", config.get("OPENUAPI_DNS_ACCOUNT_IP"));
        assertEquals("enabled", config.get("QUARKUS_HTTP_INSECURE_REQUESTS"));
        assertEquals("/var/lib/openuapi/tls", config.get("OPENUAPI_TLS_DIRECTORY"));
        for (String optional : List.of("OPENUAPI_DNS_DATABASE", "OPENUAPI_TRUSTED_PROXIES",
                "QUARKUS_HTTP_SSL_CERTIFICATE_FILES", "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES")) {
            assertFalse(config.containsKey(optional), optional + " is set by default");
        }
        // No credential ever sits in the ConfigMap.
        assertTrue(config.keySet().stream().noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET")),
                () -> "credential-like keys in the ConfigMap: " + config.keySet());
    }

    @Test
    void nonDefaultValuesRenderAutoscalerIngressTlsAndServiceMonitor() throws IOException {
        Manifests manifests = renderWithFile(NON_DEFAULT_VALUES);
        Map<String, Object> deployment = manifests.deployment();
        Map<String, Object> container = manifests.container();

        // The HPA owns the count: the Deployment has no `replicas`, or every upgrade would reset it.
        assertFalse(map(deployment.get("spec")).containsKey("replicas"), "replicas set next to an HPA");
        Map<String, Object> hpa = manifests.named("HorizontalPodAutoscaler", RELEASE);
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals(3, at(hpa, "spec", "minReplicas"));
        assertEquals(7, at(hpa, "spec", "maxReplicas"));
        assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals(RELEASE, at(hpa, "spec", "scaleTargetRef", "name"));

        assertTrue(manifests.all("Secret").isEmpty());
        assertSecretReferences(container, "openuapi-credentials");

        // TLS: the operator's certificate, mounted read-only, and Quarkus pointed at it.
        Map<String, Object> config = map(manifests.named("ConfigMap", RELEASE).get("data"));
        assertEquals("/etc/openuapi/tls/tls.crt", config.get("QUARKUS_HTTP_SSL_CERTIFICATE_FILES"));
        assertEquals("/etc/openuapi/tls/tls.key", config.get("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES"));
        Map<String, Object> tlsMount = byName(list(container.get("volumeMounts"))).get("tls");
        assertEquals("/etc/openuapi/tls", tlsMount.get("mountPath"));
        assertEquals(true, tlsMount.get("readOnly"));
        Map<String, Object> tlsVolume = byName(list(manifests.podSpec().get("volumes"))).get("tls");
        assertEquals("openuapi-tls", at(tlsVolume, "secret", "secretName"));

        // Plain HTTP off: port 2082 is closed everywhere, and the Ingress talks HTTPS.
        assertEquals("disabled", config.get("QUARKUS_HTTP_INSECURE_REQUESTS"));
        assertEquals(Map.of("https", 2083, "management", 9000), containerPorts(container));
        assertEquals(Map.of("https", 2083, "whm-https", 2087), servicePorts(manifests.named("Service", RELEASE)));
        Map<String, Object> ingress = manifests.named("Ingress", RELEASE);
        assertEquals("nginx", at(ingress, "spec", "ingressClassName"));
        Map<String, Object> rule = map(list(at(ingress, "spec", "rules")).get(0));
        assertEquals("panel.example.com", rule.get("host"));
        Map<String, Object> backend = map(at(map(list(at(rule, "http", "paths")).get(0)), "backend", "service"));
        assertEquals(RELEASE, backend.get("name"));
        assertEquals("https", at(backend, "port", "name"));
        assertEquals("panel-example-com-tls", map(list(at(ingress, "spec", "tls")).get(0)).get("secretName"));

        // Metrics: the ServiceMonitor scrapes the management Service, and only that one.
        Map<String, Object> monitor = manifests.named("ServiceMonitor", RELEASE);
        assertEquals("monitoring.coreos.com/v1", monitor.get("apiVersion"));
        assertEquals("prometheus", at(monitor, "metadata", "labels", "release"));
        Map<String, Object> endpoint = map(list(at(monitor, "spec", "endpoints")).get(0));
        assertEquals("management", endpoint.get("port"));
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals(List.of(NAMESPACE), at(monitor, "spec", "namespaceSelector", "matchNames"));
        Map<String, Object> selector = map(at(monitor, "spec", "selector", "matchLabels"));
        List<String> selected = manifests.all("Service").stream()
                .filter(s -> map(at(s, "metadata", "labels")).entrySet().containsAll(selector.entrySet()))
                .map(s -> (String) at(s, "metadata", "name"))
                .toList();
        assertEquals(List.of("openuapi-management"), selected);

        assertEquals("jdbc:mariadb://db.databases.svc:3306/openuapi", config.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("jdbc:mariadb://hosting-db.databases.svc:3307/", config.get("QUARKUS_DATASOURCE_HOSTING_JDBC_URL"));
        assertEquals("10.42.0.0/16", config.get("OPENUAPI_TRUSTED_PROXIES"));
        assertEquals("powerdns", config.get("OPENUAPI_DNS_DATABASE"));
    }

    @Test
    void servicesExposeCpanelPortsAndWhmPortsOnRequest() {
        Manifests plain = render(Map.of());
        assertEquals(Map.of("http", 2082, "https", 2083), servicePorts(plain.named("Service", RELEASE)));

        Manifests whm = render(Map.of("service.cpanelWhmPorts", true, "service.type", "LoadBalancer"));
        Map<String, Object> service = whm.named("Service", RELEASE);
        assertEquals(Map.of("http", 2082, "https", 2083, "whm-http", 2086, "whm-https", 2087), servicePorts(service));
        Map<String, Object> targets = list(at(service, "spec", "ports")).stream().map(HelmChartTest::map)
                .collect(Collectors.toMap(p -> String.valueOf(p.get("port")), p -> p.get("targetPort")));
        assertEquals(Map.of("2082", "http", "2083", "https", "2086", "http", "2087", "https"), targets);

        // The management port lives on its own ClusterIP Service, so a LoadBalancer never publishes it.
        assertEquals("LoadBalancer", at(service, "spec", "type"));
        Map<String, Object> management = whm.named("Service", "openuapi-management");
        assertEquals("ClusterIP", at(management, "spec", "type"));
        assertEquals(Map.of("management", 9000), servicePorts(management));
    }

    @Test
    void networkPolicyOpensApiPortsManagementToMonitoringAndEgressToMariadbAndDns() {
        Map<String, Object> policy = render(Map.of()).named("NetworkPolicy", RELEASE);
        List<Map<String, Object>> ingress = list(at(policy, "spec", "ingress")).stream().map(HelmChartTest::map).toList();
        List<Map<String, Object>> egress = list(at(policy, "spec", "egress")).stream().map(HelmChartTest::map).toList();

        assertEquals(List.of("Ingress", "Egress"), at(policy, "spec", "policyTypes"));
        assertEquals(2, ingress.size());
        assertEquals(List.of(2082, 2083), ports(ingress.get(0)));
        assertNull(ingress.get(0).get("from"), "the API is open to anyone by default");
        assertEquals(List.of(9000), ports(ingress.get(1)));
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"),
                at(map(list(ingress.get(1).get("from")).get(0)), "namespaceSelector", "matchLabels"));

        assertEquals(2, egress.size());
        assertEquals(List.of(3306), ports(egress.get(0)));
        assertEquals(List.of(53, 53), ports(egress.get(1)));
    }

    @Test
    void podsRollWhenConfigurationOrSecretChanges() {
        Map<String, Object> before = annotations(render(Map.of()));
        Map<String, Object> otherHost = annotations(render(Map.of("mariadb.host", "db2")));
        Map<String, Object> otherPassword = annotations(render(Map.of("secrets.rootPassword", "rotated")));

        assertNotEquals(before.get("checksum/config"), otherHost.get("checksum/config"));
        assertEquals(before.get("checksum/secret"), otherHost.get("checksum/secret"));
        assertNotEquals(before.get("checksum/secret"), otherPassword.get("checksum/secret"));
        assertEquals(before.get("checksum/config"), otherPassword.get("checksum/config"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "replicaCount: three                | replicaCount",
            "image: {pullPolicy: Sometimes}     | pullPolicy",
            "image: {tag: latest}               | image.tag",
            "service: {type: ExternalName}      | service.type",
            "mariadb: {port: '3306'}            | mariadb.port",
            "replicas: 3                        | replicas",
    })
    void schemaRejectsWrongValues(String values, String reported) throws IOException {
        Path file = Files.writeString(tempDir.resolve("bad-values.yaml"), values + "\n");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template(RELEASE, PASSWORDS, List.of(file)).call());
        assertTrue(error.getMessage().contains("values don't meet the specifications of the schema"), error::getMessage);
        assertTrue(error.getMessage().contains(reported), error::getMessage);
    }

    @Test
    void schemaRejectsAWrongTypeGivenWithSet() {
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.put("replicaCount", "three");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template(RELEASE, values, List.of()).call());
        assertTrue(error.getMessage().contains("replicaCount: Invalid type. Expected: integer"), error::getMessage);
    }

    @Test
    void ingressRefusesThePlainPortWhenPlainHttpIsOff() {
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.put("ingress.enabled", true);
        values.put("ingress.servicePort", "http");
        values.put("http.plain.enabled", false);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template(RELEASE, values, List.of()).call());
        assertTrue(error.getMessage().contains("http.plain.enabled is false"), error::getMessage);
    }

    @Test
    void notesTellPortsCredentialsAndThatReplicasMayMigrateTogether() {
        // A client-side dry-run install renders NOTES.txt too (helm template leaves it out); no cluster is contacted.
        InstallCommand install = new Helm(CHART).install().withName(RELEASE).withNamespace(NAMESPACE)
                .clientOnly().withDryRunOption(DryRun.CLIENT)
                .set("existingSecret", "openuapi-credentials")
                .set("dns.accountIp", DNS.get("dns.accountIp")).set("dns.nameservers[0]", DNS.get("dns.nameservers[0]"))
                .set("service.cpanelWhmPorts", true);
        String output = install.call().getOutput();
        String notes = output.substring(output.indexOf("NOTES:"));

        assertTrue(notes.contains("Flyway takes a MariaDB named lock"), notes);
        assertTrue(notes.contains("Secret openuapi-credentials"), notes);
        assertTrue(notes.contains("2086  plain HTTP, WHM's port number"), notes);
        assertTrue(notes.contains("2087  HTTPS, WHM's port number"), notes);
        assertTrue(notes.contains("each pod serves a self-signed one"), notes);
    }

    // --- rendering

    private Manifests render(Map<String, ?> values) {
        return render(RELEASE, values);
    }

    private Manifests render(String release, Map<String, ?> values) {
        Map<String, Object> all = new LinkedHashMap<>(PASSWORDS);
        all.putAll(values);
        return Manifests.parse(template(release, all, List.of()).call());
    }

    private Manifests renderWithFile(String valuesYaml) throws IOException {
        Path file = Files.writeString(tempDir.resolve("values.yaml"), valuesYaml);
        return Manifests.parse(template(RELEASE, Map.of(), List.of(file)).call());
    }

    private static TemplateCommand template(String release, Map<String, ?> values, List<Path> valuesFiles) {
        TemplateCommand command = new Helm(CHART).template().withName(release).withNamespace(NAMESPACE);
        if (!values.containsKey("dns.accountIp")) {
            for (Map.Entry<String, String> value : DNS.entrySet()) {
                command = command.set(value.getKey(), value.getValue());
            }
        }
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, ?> value : values.entrySet()) {
            command = command.set(value.getKey(), value.getValue());
        }
        return command;
    }

    /** The rendered documents, by kind and name. */
    private record Manifests(List<Map<String, Object>> documents) {

        static Manifests parse(String rendered) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return new Manifests(documents);
        }

        List<Map<String, Object>> all(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> named(String kind, String name) {
            return all(kind).stream()
                    .filter(d -> name.equals(at(d, "metadata", "name")))
                    .findFirst()
                    .orElseGet(() -> fail("no " + kind + " named " + name + " in " + summary()));
        }

        Map<String, Object> deployment() {
            List<Map<String, Object>> deployments = all("Deployment");
            assertEquals(1, deployments.size(), this::summary);
            return deployments.get(0);
        }

        Map<String, Object> podSpec() {
            return map(at(deployment(), "spec", "template", "spec"));
        }

        Map<String, Object> container() {
            List<Object> containers = list(podSpec().get("containers"));
            assertEquals(1, containers.size());
            return map(containers.get(0));
        }

        private String summary() {
            return documents.stream().map(d -> d.get("kind") + "/" + at(d, "metadata", "name")).toList().toString();
        }
    }

    // --- assertions on manifests

    private static void assertProbe(Map<String, Object> container, String probe, String path,
            Map<String, Integer> ports) {
        Map<String, Object> httpGet = map(at(container, probe, "httpGet"));
        assertEquals(path, httpGet.get("path"), probe);
        Object port = httpGet.get("port");
        int number = port instanceof Integer n ? n : ports.getOrDefault(String.valueOf(port), -1);
        assertEquals(9000, number, probe + " port " + port);
    }

    private static void assertSecretReferences(Map<String, Object> container, String secretName) {
        Map<String, String> expected = Map.of(
                "QUARKUS_DATASOURCE_PASSWORD", "db-password",
                "QUARKUS_DATASOURCE_HOSTING_PASSWORD", "hosting-db-password",
                "OPENUAPI_ROOT_PASSWORD", "root-password",
                "OPENUAPI_SSL_KEY_SECRET", "ssl-key-secret");
        Map<String, Map<String, Object>> env = byName(list(container.get("env")));
        for (Map.Entry<String, String> variable : expected.entrySet()) {
            Map<String, Object> entry = env.get(variable.getKey());
            assertNotNull(entry, variable.getKey() + " is not set");
            assertNull(entry.get("value"), variable.getKey() + " is set in plain text");
            Map<String, Object> ref = map(at(entry, "valueFrom", "secretKeyRef"));
            assertEquals(secretName, ref.get("name"), variable.getKey());
            assertEquals(variable.getValue(), ref.get("key"), variable.getKey());
        }
    }

    private static Map<String, Object> annotations(Manifests manifests) {
        return map(at(manifests.deployment(), "spec", "template", "metadata", "annotations"));
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        return list(container.get("ports")).stream().map(HelmChartTest::map)
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (Integer) p.get("containerPort")));
    }

    private static Map<String, Integer> servicePorts(Map<String, Object> service) {
        return list(at(service, "spec", "ports")).stream().map(HelmChartTest::map)
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (Integer) p.get("port")));
    }

    private static List<Object> ports(Map<String, Object> rule) {
        return list(rule.get("ports")).stream().map(p -> map(p).get("port")).toList();
    }

    private static Map<String, String> mountsByPath(Map<String, Object> container) {
        return list(container.get("volumeMounts")).stream().map(HelmChartTest::map)
                .collect(Collectors.toMap(m -> (String) m.get("mountPath"), m -> (String) m.get("name")));
    }

    private static Map<String, Map<String, Object>> byName(List<Object> items) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object item : items) {
            byName.put((String) map(item).get("name"), map(item));
        }
        return byName;
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), java.nio.charset.StandardCharsets.UTF_8);
    }

    // --- walking parsed YAML

    /** The value at a path of map keys, or null where the path ends early. */
    private static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            fail("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            fail("expected a sequence, got " + value);
        }
        return (List<Object>) value;
    }
}
