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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Lints and renders the chart in {@code helm/openuapi} with real Helm (helm-java runs Helm's Go code as a
 * native library), then reads the rendered manifests. No cluster is involved: this checks what the chart
 * would send to the API server, not how a cluster runs it.
 *
 * <p>Two stand-ins, both for what helm-java's {@code template} cannot do by itself. It returns the release's
 * manifest without the hooks (Helm keeps those apart), so the hook resources are checked in a copy of the chart
 * whose hook annotations are renamed ({@link #renderWithHooks}); the real chart shows that Helm takes them out of
 * the release. And it answers the chart's {@code lookup} from a Kubernetes API server (found through KUBECONFIG,
 * which Helm's Go code reads from the environment the process started with), so the renderings that look the
 * Secret up run in a JVM of their own, pointed at a tiny fake API server ({@link FakeApiServer}) that serves the
 * Secret of an earlier install, or none.
 */
class HelmChartTest {

    /** The API server {@code lookup} asks; see {@link FakeApiServer}. */
    private static final FakeApiServer API = FakeApiServer.start();

    private static final Path CHART = Path.of("helm", "openuapi");
    private static final String RELEASE = "openuapi";
    private static final String NAMESPACE = "hosting";

    /**
     * The four credentials the chart-made Secret needs (rendering without any of them must fail), and a token check
     * key: without one the chart looks its Secret up in the cluster, which only {@link #renderLookingUp} answers.
     */
    private static final Map<String, String> PASSWORDS = Map.of(
            "secrets.dbPassword", "db-password-for-test",
            "secrets.hostingDbPassword", "hosting-password-for-test",
            "secrets.rootPassword", "root-password-for-test",
            "secrets.sslKeySecret", "ssl-key-secret-for-test",
            "secrets.tokenCheckKey", "token-check-key-for-test");

    private static final String MIGRATE = RELEASE + "-migrate";

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
        assertEquals("token-check-key-for-test", decode(data.get("token-check-key")));
        assertNull(data.get("previous-token-check-keys"), "no previous check keys unless given");

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

    /**
     * The accounts' homes (issue 16 §1, src/docs/files.md): a claim the chart makes, kept on uninstall, mounted at
     * {@code homes.root} (OPENUAPI_HOMES_ROOT, /home by default as on cPanel). Two replicas by default share it, so it is
     * ReadWriteMany; one replica gets ReadWriteOnce, the autoscaler ReadWriteMany; an explicit mode wins.
     */
    @Test
    void homesLiveOnAClaimEveryReplicaMounts() {
        Manifests manifests = render(Map.of());
        Map<String, Object> claim = manifests.named("PersistentVolumeClaim", RELEASE + "-homes");
        assertEquals(List.of("ReadWriteMany"), at(claim, "spec", "accessModes"), "two replicas share the homes");
        assertEquals("10Gi", at(claim, "spec", "resources", "requests", "storage"));
        assertEquals("keep", at(claim, "metadata", "annotations", "helm.sh/resource-policy"), "customers' files outlive the release");
        assertNull(at(claim, "spec", "storageClassName"), "the cluster's default class");
        assertEquals("/home", map(manifests.named("ConfigMap", RELEASE).get("data")).get("OPENUAPI_HOMES_ROOT"));
        assertEquals("homes", mountsByPath(manifests.container()).get("/home"));
        Map<String, Map<String, Object>> volumes = byName(list(manifests.podSpec().get("volumes")));
        assertEquals(RELEASE + "-homes", at(volumes.get("homes"), "persistentVolumeClaim", "claimName"));

        assertEquals(List.of("ReadWriteOnce"), at(render(Map.of("replicaCount", 1)).named("PersistentVolumeClaim", RELEASE + "-homes"),
                "spec", "accessModes"), "one pod alone");
        assertEquals(List.of("ReadWriteMany"), at(render(Map.of("replicaCount", 1, "autoscaling.enabled", true))
                .named("PersistentVolumeClaim", RELEASE + "-homes"), "spec", "accessModes"), "the autoscaler may add pods");
        assertEquals(List.of("ReadWriteOnce"), at(render(Map.of("homes.persistence.accessMode", "ReadWriteOnce"))
                .named("PersistentVolumeClaim", RELEASE + "-homes"), "spec", "accessModes"), "an explicit mode wins");

        Manifests custom = render(Map.of("homes.root", "/srv/homes", "homes.persistence.size", "500Gi", "homes.persistence.storageClass",
                "cephfs"));
        Map<String, Object> customClaim = custom.named("PersistentVolumeClaim", RELEASE + "-homes");
        assertEquals("500Gi", at(customClaim, "spec", "resources", "requests", "storage"));
        assertEquals("cephfs", at(customClaim, "spec", "storageClassName"));
        assertEquals("/srv/homes", map(custom.named("ConfigMap", RELEASE).get("data")).get("OPENUAPI_HOMES_ROOT"));
        assertEquals("homes", mountsByPath(custom.container()).get("/srv/homes"));

        Manifests existing = render(Map.of("homes.persistence.existingClaim", "shared-homes"));
        assertTrue(existing.all("PersistentVolumeClaim").isEmpty(), "no claim of the chart's own");
        assertEquals("shared-homes", at(byName(list(existing.podSpec().get("volumes"))).get("homes"), "persistentVolumeClaim", "claimName"));
        // the migration Job only migrates the database (the paths follow a new root at the application's start): no homes
        Map<String, Object> job = renderWithHooks(Map.of()).named("Job", MIGRATE);
        assertFalse(String.valueOf(at(job, "spec", "template", "spec")).contains(RELEASE + "-homes"), "the Job mounts no homes");
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
            "migrations: {job: {enabled: maybe}} | migrations.job.enabled",
            "secrets: {previousTokenCheckKeys: [\"a,b\"]} | previousTokenCheckKeys",
            "homes: {root: homes}               | homes.root",
            "homes: {persistence: {accessMode: ReadWriteOncePod}} | accessMode",
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
    void notesTellPortsCredentialsAndThatTheJobMigrated() {
        // A client-side dry-run install renders NOTES.txt too (helm template leaves it out); no cluster is contacted.
        InstallCommand install = new Helm(CHART).install().withName(RELEASE).withNamespace(NAMESPACE)
                .clientOnly().withDryRunOption(DryRun.CLIENT)
                .set("existingSecret", "openuapi-credentials")
                .set("dns.accountIp", DNS.get("dns.accountIp")).set("dns.nameservers[0]", DNS.get("dns.nameservers[0]"))
                .set("service.cpanelWhmPorts", true);
        String output = install.call().getOutput();
        String notes = output.substring(output.indexOf("NOTES:"));

        assertTrue(notes.contains("Migrations: the Job openuapi-migrate (a pre-install and pre-upgrade hook) migrated"), notes);
        assertTrue(notes.contains("Secret openuapi-credentials"), notes);
        assertTrue(notes.contains("2086  plain HTTP, WHM's port number"), notes);
        assertTrue(notes.contains("2087  HTTPS, WHM's port number"), notes);
        assertTrue(notes.contains("each pod serves a self-signed one"), notes);
    }

    // --- migrations (issue 13 §3): once per release, in a hook Job; replicas only validate

    @Test
    void replicasNeverMigrateTheyValidate() {
        Map<String, Map<String, Object>> env = byName(list(render(Map.of()).container().get("env")));

        assertEquals("false", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START").get("value"));
        assertEquals("true", env.get("QUARKUS_FLYWAY_VALIDATE_AT_START").get("value"));
        assertNull(env.get("QUARKUS_INIT_AND_EXIT"));
    }

    /** Helm takes hook resources out of the release: the Job and its copies are hooks, the rest is not. */
    @Test
    void theJobAndItsCopiesAreHooksOutsideTheRelease() {
        Manifests release = render(Map.of());
        Manifests withHooks = renderWithHooks(Map.of());

        assertTrue(release.all("Job").isEmpty(), "the Job is not a hook");
        for (String kind : List.of("Secret", "ConfigMap")) {
            assertTrue(release.all(kind).stream().noneMatch(d -> MIGRATE.equals(at(d, "metadata", "name"))), kind + " copy is not a hook");
            assertNotNull(withHooks.named(kind, MIGRATE));
            assertNotNull(release.named(kind, RELEASE), "the chart's own " + kind + " is part of the release");
        }
        assertNotNull(withHooks.named("Job", MIGRATE));
        assertEquals(release.documents().size() + 3, withHooks.documents().size());
    }

    @Test
    void aPreInstallAndPreUpgradeHookJobMigratesWithTheReleasesImageAndExits() {
        Manifests manifests = renderWithHooks(Map.of("image.tag", "0.2.0", "imagePullSecrets[0]", "registry-credentials"));
        Map<String, Object> job = manifests.named("Job", MIGRATE);

        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("pre-install,pre-upgrade", annotation(job, "helm.sh/hook"));
        assertEquals("before-hook-creation,hook-succeeded", annotation(job, "helm.sh/hook-delete-policy"));
        assertEquals(2, at(job, "spec", "backoffLimit"));
        assertEquals(600, at(job, "spec", "activeDeadlineSeconds"));

        Map<String, Object> pod = map(at(job, "spec", "template", "spec"));
        assertEquals("Never", pod.get("restartPolicy"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        assertEquals(false, pod.get("enableServiceLinks"));
        assertNull(pod.get("serviceAccountName"), "the chart's ServiceAccount does not exist yet at pre-install");
        assertEquals(manifests.podSpec().get("securityContext"), pod.get("securityContext"));
        assertEquals(manifests.podSpec().get("imagePullSecrets"), pod.get("imagePullSecrets"));
        List<Object> containers = list(pod.get("containers"));
        assertEquals(1, containers.size());
        Map<String, Object> container = map(containers.get(0));
        assertEquals("openuapi:0.2.0", container.get("image"));
        assertEquals(manifests.container().get("image"), container.get("image"), "the same image as the replicas");
        assertEquals(manifests.container().get("securityContext"), container.get("securityContext"));
        assertNull(container.get("ports"));
        assertEquals(Map.of("/tmp", "tmp"), mountsByPath(container), "only /tmp is writable");

        Map<String, Map<String, Object>> env = byName(list(container.get("env")));
        assertEquals("true", env.get("QUARKUS_INIT_AND_EXIT").get("value"));
        assertEquals("true", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START").get("value"));
        // Validating first would refuse the migrations this run is for.
        assertEquals("false", env.get("QUARKUS_FLYWAY_VALIDATE_AT_START").get("value"));
        assertEquals(Map.of("name", MIGRATE, "key", "db-password"),
                at(env.get("QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", MIGRATE, "key", "token-check-key"),
                at(env.get("OPENUAPI_TOKENS_CHECK_KEY"), "valueFrom", "secretKeyRef"));
        assertEquals(MIGRATE, at(map(list(container.get("envFrom")).get(0)), "configMapRef", "name"));
        for (String notNeeded : List.of("OPENUAPI_ROOT_PASSWORD", "OPENUAPI_SSL_KEY_SECRET", "QUARKUS_DATASOURCE_HOSTING_PASSWORD")) {
            assertNull(env.get(notNeeded), notNeeded + " given to the migration");
        }
    }

    /**
     * The Job's pods carry other labels than the replicas': the Service, the PodDisruptionBudget and the replicas'
     * NetworkPolicy select name and instance, and must never select a migration pod.
     */
    @Test
    void migrationPodsAreNotSelectedAsReplicas() {
        Manifests manifests = renderWithHooks(Map.of());
        Map<String, Object> podLabels = map(at(manifests.named("Job", MIGRATE), "spec", "template", "metadata", "labels"));

        List<Map<String, Object>> selectors = List.of(
                map(at(manifests.named("Service", RELEASE), "spec", "selector")),
                map(at(manifests.named("Service", "openuapi-management"), "spec", "selector")),
                map(at(manifests.named("PodDisruptionBudget", RELEASE), "spec", "selector", "matchLabels")),
                map(at(manifests.named("NetworkPolicy", RELEASE), "spec", "podSelector", "matchLabels")),
                map(at(manifests.deployment(), "spec", "selector", "matchLabels")));
        for (Map<String, Object> selector : selectors) {
            assertFalse(podLabels.entrySet().containsAll(selector.entrySet()), "a migration pod matches " + selector);
        }
        assertEquals("migrate", podLabels.get("app.kubernetes.io/component"));

        // Its own NetworkPolicy: nothing in, MariaDB and DNS out.
        Map<String, Object> policy = manifests.named("NetworkPolicy", MIGRATE);
        Map<String, Object> selector = map(at(policy, "spec", "podSelector", "matchLabels"));
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), selector::toString);
        assertEquals(List.of(), at(policy, "spec", "ingress"));
        List<Map<String, Object>> egress = list(at(policy, "spec", "egress")).stream().map(HelmChartTest::map).toList();
        assertEquals(List.of(3306), ports(egress.get(0)));
        assertEquals(List.of(53, 53), ports(egress.get(1)));
    }

    /**
     * Pre-install hooks run before the release's objects exist, so the Job reads hook copies of the Secret and
     * ConfigMap, made before it (a lower weight). The chart's own Secret and ConfigMap stay ordinary release objects.
     */
    @Test
    void theJobReadsHookCopiesMadeBeforeIt() {
        Manifests manifests = renderWithHooks(Map.of());
        int jobWeight = Integer.parseInt(annotation(manifests.named("Job", MIGRATE), "helm.sh/hook-weight"));

        Map<String, Object> secret = manifests.named("Secret", MIGRATE);
        Map<String, Object> config = manifests.named("ConfigMap", MIGRATE);
        for (Map<String, Object> copy : List.of(secret, config)) {
            assertEquals("pre-install,pre-upgrade", annotation(copy, "helm.sh/hook"));
            assertTrue(Integer.parseInt(annotation(copy, "helm.sh/hook-weight")) < jobWeight, copy::toString);
            assertEquals("before-hook-creation,hook-succeeded", annotation(copy, "helm.sh/hook-delete-policy"));
        }
        for (String kind : List.of("Secret", "ConfigMap", "Deployment")) {
            assertNull(annotation(manifests.named(kind, RELEASE), "helm.sh/hook"), kind + " must stay part of the release");
        }

        // Only what the migration needs.
        Map<String, Object> data = map(secret.get("data"));
        assertEquals(java.util.Set.of("db-password", "token-check-key"), data.keySet());
        assertEquals("db-password-for-test", decode(data.get("db-password")));
        assertEquals("token-check-key-for-test", decode(data.get("token-check-key")));
        // The same configuration as the replicas'.
        assertEquals(manifests.named("ConfigMap", RELEASE).get("data"), config.get("data"));
    }

    @Test
    void withAnExistingSecretTheJobReadsItAndNoCopyIsMade() {
        Manifests manifests = renderWithHooksExactly(Map.of("existingSecret", "my-credentials"));

        assertTrue(manifests.all("Secret").isEmpty());
        Map<String, Map<String, Object>> env = byName(list(map(list(at(manifests.named("Job", MIGRATE), "spec", "template",
                "spec", "containers")).get(0)).get("env")));
        assertEquals(Map.of("name", "my-credentials", "key", "db-password"),
                at(env.get("QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", "my-credentials", "key", "token-check-key"),
                at(env.get("OPENUAPI_TOKENS_CHECK_KEY"), "valueFrom", "secretKeyRef"));
        assertNotNull(manifests.named("ConfigMap", MIGRATE));
    }

    @Test
    void theJobCanBeTurnedOffForOperatorsWhoMigrateOtherwise() {
        Manifests manifests = renderWithHooks(Map.of("migrations.job.enabled", false));

        assertTrue(manifests.all("Job").isEmpty());
        List<String> names = manifests.documents().stream().map(d -> (String) at(d, "metadata", "name")).toList();
        assertFalse(names.contains(MIGRATE), names::toString);
        Map<String, Map<String, Object>> env = byName(list(manifests.container().get("env")));
        assertEquals("false", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START").get("value"), "replicas still do not migrate");
        assertEquals("true", env.get("QUARKUS_FLYWAY_VALIDATE_AT_START").get("value"));
    }

    @Test
    void aServiceAccountOfTheOperatorsIsUsedByTheJobToo() {
        Manifests manifests = renderWithHooks(Map.of("serviceAccount.create", false, "serviceAccount.name", "openuapi-runner"));

        assertEquals("openuapi-runner", at(manifests.named("Job", MIGRATE), "spec", "template", "spec", "serviceAccountName"));
    }

    // --- the token check key every replica shares

    @Test
    void aFirstInstallGeneratesTheTokenCheckKeyOnceForTheSecretItsHookCopyAndTheChecksum() throws Exception {
        API.secrets.clear();
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.remove("secrets.tokenCheckKey");
        Manifests manifests = renderLookingUp(values);

        String key = decode(map(manifests.named("Secret", RELEASE).get("data")).get("token-check-key"));
        assertTrue(key.matches("[A-Za-z0-9]{48}"), key);
        assertEquals(key, decode(map(manifests.named("Secret", MIGRATE).get("data")).get("token-check-key")),
                "the Job and the replicas must share one key");
        String other = decode(map(renderLookingUp(values).named("Secret", RELEASE).get("data")).get("token-check-key"));
        assertNotEquals(key, other, "generated, not a fixed default");
        // The checksum is of the Secret as rendered, with the same generated key: the same release renders the
        // same checksum once the key is kept (next test), so pods do not roll on every upgrade.
        assertTrue(API.requests.contains("GET /api/v1/namespaces/hosting/secrets/openuapi"), API.requests::toString);

        Map<String, Map<String, Object>> env = byName(list(manifests.container().get("env")));
        assertEquals(Map.of("name", RELEASE, "key", "token-check-key"),
                at(env.get("OPENUAPI_TOKENS_CHECK_KEY"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", RELEASE, "key", "previous-token-check-keys", "optional", true),
                at(env.get("OPENUAPI_TOKENS_PREVIOUS_CHECK_KEYS"), "valueFrom", "secretKeyRef"));
    }

    @Test
    void anUpgradeKeepsTheKeyTheChartMadeSecretHolds() throws Exception {
        API.secrets.clear();
        API.secrets.put("hosting/openuapi", Map.of("token-check-key", "key-of-the-installed-release"));
        Map<String, Object> values = new LinkedHashMap<>(PASSWORDS);
        values.remove("secrets.tokenCheckKey");

        Manifests manifests = renderLookingUp(values);
        assertEquals("key-of-the-installed-release",
                decode(map(manifests.named("Secret", RELEASE).get("data")).get("token-check-key")));
        assertEquals("key-of-the-installed-release",
                decode(map(manifests.named("Secret", MIGRATE).get("data")).get("token-check-key")));
        assertEquals(annotations(manifests), annotations(renderLookingUp(values)), "the pods' checksum stays the same");

        // A key given in the values wins over the stored one (a rotation).
        values.put("secrets.tokenCheckKey", "rotated-key");
        assertEquals("rotated-key", decode(map(render(values).named("Secret", RELEASE).get("data")).get("token-check-key")));
        API.secrets.clear();
    }

    @Test
    void aRotationGivesTheNewKeyAndThePreviousOnes() {
        Manifests manifests = renderWithHooks(Map.of("secrets.tokenCheckKey", "the-new-key",
                "secrets.previousTokenCheckKeys[0]", "the-old-key", "secrets.previousTokenCheckKeys[1]", "an-older-key"));
        Map<String, Object> data = map(manifests.named("Secret", RELEASE).get("data"));

        assertEquals("the-new-key", decode(data.get("token-check-key")));
        assertEquals("the-old-key,an-older-key", decode(data.get("previous-token-check-keys")));
        assertEquals("the-new-key", decode(map(manifests.named("Secret", MIGRATE).get("data")).get("token-check-key")));
        assertSecretReferences(manifests.container(), RELEASE);
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

    /**
     * Renders a copy of the chart whose hook annotations are renamed ({@code helm.sh/hook…} becomes
     * {@value #VISIBLE_HOOK}…), so Helm keeps the hook resources in the manifest that {@code template} returns.
     * {@link #annotation} reads either name.
     */
    private Manifests renderWithHooks(Map<String, ?> values) {
        Map<String, Object> all = new LinkedHashMap<>(PASSWORDS);
        all.putAll(values);
        return renderWithHooksExactly(all);
    }

    /** As {@link #renderWithHooks}, with these values only (no {@link #PASSWORDS} added). */
    private Manifests renderWithHooksExactly(Map<String, ?> values) {
        return Manifests.parse(template(chartWithVisibleHooks(), RELEASE, values, List.of()).call());
    }

    private static final String VISIBLE_HOOK = "test.openuapi.dev/hook";

    /**
     * As {@link #renderWithHooksExactly}, in another JVM whose environment points Helm at {@link #API}, so the
     * chart's {@code lookup} gets an answer.
     */
    private Manifests renderLookingUp(Map<String, ?> values) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Render.class.getName(), chartWithVisibleHooks().toString(), RELEASE,
                NAMESPACE));
        Map<String, Object> all = new LinkedHashMap<>(DNS);
        all.putAll(values);
        all.forEach((key, value) -> command.add(key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", API.kubeconfig.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return Manifests.parse(output);
    }

    /** Renders a chart ({@code chart release namespace key=value…}) and prints it: {@link #renderLookingUp}'s other JVM. */
    public static final class Render {
        public static void main(String[] args) {
            TemplateCommand command = new Helm(Path.of(args[0])).template().withName(args[1]).withNamespace(args[2]);
            for (String value : List.of(args).subList(3, args.length)) {
                int equals = value.indexOf('=');
                command = command.set(value.substring(0, equals), value.substring(equals + 1));
            }
            System.out.print(command.call());
        }
    }

    private Path chartWithVisibleHooks() {
        Path copy = tempDir.resolve("chart-with-visible-hooks").resolve("openuapi");
        if (Files.isDirectory(copy)) {
            return copy;
        }
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file).replace("helm.sh/hook", VISIBLE_HOOK));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private Manifests renderWithFile(String valuesYaml) throws IOException {
        Path file = Files.writeString(tempDir.resolve("values.yaml"), valuesYaml);
        return Manifests.parse(template(RELEASE, Map.of(), List.of(file)).call());
    }

    private static TemplateCommand template(String release, Map<String, ?> values, List<Path> valuesFiles) {
        return template(CHART, release, values, valuesFiles);
    }

    private static TemplateCommand template(Path chart, String release, Map<String, ?> values, List<Path> valuesFiles) {
        TemplateCommand command = new Helm(chart).template().withName(release).withNamespace(NAMESPACE);
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
                "OPENUAPI_SSL_KEY_SECRET", "ssl-key-secret",
                "OPENUAPI_TOKENS_CHECK_KEY", "token-check-key");
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

    /** An annotation, also under its renamed key in {@link #renderWithHooks}'s copy of the chart. */
    private static String annotation(Map<String, Object> document, String name) {
        Object annotations = at(document, "metadata", "annotations");
        if (annotations == null) {
            return null;
        }
        Object value = map(annotations).get(name);
        return (String) (value != null ? value : map(annotations).get(name.replace("helm.sh/hook", VISIBLE_HOOK)));
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

    // --- a Kubernetes API server for lookup

    /**
     * Just enough of a Kubernetes API server for Helm's {@code lookup "v1" "Secret"}: the discovery of {@code v1}
     * and GET of one Secret, from {@link #secrets} ("namespace/name" to its data), else 404 (Helm's lookup then
     * answers an empty object). {@link #kubeconfig} points at it.
     */
    static final class FakeApiServer {

        final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
        final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        final Path kubeconfig;

        private FakeApiServer(Path kubeconfig) {
            this.kubeconfig = kubeconfig;
        }

        static FakeApiServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                Path kubeconfig = Files.createTempFile("openuapi-helm-test-kubeconfig", ".yaml");
                kubeconfig.toFile().deleteOnExit();
                Files.writeString(kubeconfig, """
                        apiVersion: v1
                        kind: Config
                        clusters:
                          - name: fake
                            cluster:
                              server: http://127.0.0.1:%d
                        users:
                          - name: fake
                            user: {}
                        contexts:
                          - name: fake
                            context: {cluster: fake, user: fake}
                        current-context: fake
                        """.formatted(server.getAddress().getPort()));
                FakeApiServer fake = new FakeApiServer(kubeconfig);
                server.createContext("/", fake::answer);
                server.setExecutor(null);
                server.start();
                return fake;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            String[] parts = path.split("/");
            if (path.equals("/api/v1")) {
                send(exchange, 200, """
                        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
                          {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""");
            } else if (parts.length == 7 && path.startsWith("/api/v1/namespaces/") && parts[5].equals("secrets")
                    && secrets.containsKey(parts[4] + "/" + parts[6])) {
                String data = secrets.get(parts[4] + "/" + parts[6]).entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)) + "\"")
                        .collect(Collectors.joining(","));
                send(exchange, 200, """
                        {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque","data":{%s}}"""
                        .formatted(parts[6], parts[4], data));
            } else {
                send(exchange, 404, """
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"NotFound","code":404}""");
            }
        }

        private static void send(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
