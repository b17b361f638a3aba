package dev.openuapi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The rules of src/docs/architecture.md, checked on the compiled classes (ArchUnit), so that a change that
 * breaks one fails here rather than in a review.
 */
class ArchitectureTest {

    private static final String[] FEATURES = { "..account..", "..token..", "..operator..", "..whm..", "..dns..", "..domain..",
            "..email..", "..ftp..", "..login..", "..mysql..", "..ssl..", "..cron..", "..plan..", "..quota..", "..feature..",
            "..variables..", "..batch..", "..page..", "..hulk..", "..settings..", "..lastlogin..", "..bandwidth..",
            "..usermanager..", "..stats..", "..session.." };

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.openuapi");
    }

    @Test
    void theKernelKnowsNoFeatureAndNoFace() {
        noClasses().that().resideInAPackage("dev.openuapi.kernel..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FEATURES, "..face..", "..auth.."))
                .check(main);
    }

    @Test
    void commonKnowsNoFaceNoKernelAndNoFeature() {
        noClasses().that().resideInAPackage("dev.openuapi.common..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FEATURES, "..face..", "..auth..", "..kernel.."))
                .check(main);
    }

    @Test
    void aServiceNeverSeesArgumentsCallsOrWireEnvelopes() {
        noClasses().that().haveSimpleNameEndingWith("Service").should().dependOnClassesThat()
                .haveFullyQualifiedName("dev.openuapi.kernel.Args").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("dev.openuapi.kernel.Call").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("dev.openuapi.kernel.Outcome").orShould().dependOnClassesThat()
                .resideInAPackage("dev.openuapi.face..")
                .check(main);
    }

    @Test
    void onlyServicesTouchRepositories() {
        classes().that().areAssignableTo(PanacheRepositoryBase.class).should().onlyHaveDependentClassesThat(
                simpleNameEndingWith("Service").or(simpleNameEndingWith("Repository"))
                        // the credential check (one lookup per request) and the base class of the mailbox and FTP services
                        .or(simpleName("Authenticator")).or(simpleName("HostedLogins")))
                .check(main);
    }

    /**
     * JDBC only where Hibernate cannot serve: the two stores of other servers' data (PowerDNS's zones, the hosting
     * databases), the change feed (written and read outside the caller's transaction), and the activity log's
     * multi-row inserts (bound through the transaction's own connection: Hibernate's parameter handling of 1,800
     * parameters cost several times the statement itself, issue 13).
     */
    @Test
    void jdbcOnlyWhereNamed() {
        noClasses().that().haveNameNotMatching("dev\\.openuapi\\.(dns\\.ZoneStore|mysql\\.HostingServer|common\\.SnapshotChangeLog|common\\.SnapshotFeed|activity\\.ActivityRepository)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
                .check(main);
    }

    /** Every Caffeine cache does its upkeep on the thread that uses it ({@code common.Caches}, issue 13). */
    @Test
    void cachesAreBuiltByCaches() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.openuapi.common.Caches")
                .should().callMethod(com.github.benmanes.caffeine.cache.Caffeine.class, "newBuilder")
                .check(main);
    }

    @Test
    void noJpaEntityTravelsWithACall() {
        noClasses().that().resideInAnyPackage("dev.openuapi.kernel..", "dev.openuapi.face..").should().dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(main);
    }

    /** Face is the only code that reads URL prefixes: no other class compares a path with one. */
    @Test
    void onlyFaceReadsUrlPrefixes() throws IOException {
        Pattern prefixCheck = Pattern.compile("(startsWith|equals)\\(\"/(execute|json-api|api|tokens)");
        Path root = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.endsWith(Path.of("dev/openuapi/face/Face.java")))
                    .filter(f -> read(f).lines().anyMatch(line -> prefixCheck.matcher(line).find())).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
