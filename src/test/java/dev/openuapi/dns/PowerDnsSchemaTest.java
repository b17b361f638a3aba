package dev.openuapi.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * PowerDNS's schema is written once, in the V2 migration; a separate zone database gets it through
 * {@link ZoneStore#powerDnsSchema}, which makes each statement idempotent and qualifies it with the database.
 */
class PowerDnsSchemaTest {

    static String v2() throws Exception {
        try (InputStream in = PowerDnsSchemaTest.class.getClassLoader().getResourceAsStream(ZoneStore.SCHEMA_MIGRATION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void v2IsStillTheMigrationThatWasApplied() throws Exception {
        // Flyway checksums applied migrations: an edited V2 stops every existing installation from starting.
        // The hash is that of V2 as committed with the DNS zones (70383f1), unchanged since.
        byte[] bytes;
        try (InputStream in = PowerDnsSchemaTest.class.getClassLoader().getResourceAsStream(ZoneStore.SCHEMA_MIGRATION)) {
            bytes = in.readAllBytes();
        }
        assertEquals("884702f528856770fef9486c9cd5e49e77750c1b750c96d14fb891966b674abd",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void eachKindOfStatementBecomesIdempotentAndQualified() {
        assertEquals("CREATE TABLE IF NOT EXISTS `zones`.domains (\n  id INT AUTO_INCREMENT,\n  PRIMARY KEY (id)\n) Engine=InnoDB",
                ZoneStore.ifNotExists("CREATE TABLE domains (\n  id INT AUTO_INCREMENT,\n  PRIMARY KEY (id)\n) Engine=InnoDB", "`zones`."));
        assertEquals("CREATE UNIQUE INDEX IF NOT EXISTS name_index ON `zones`.domains (name)",
                ZoneStore.ifNotExists("CREATE UNIQUE INDEX name_index ON domains(name)", "`zones`."));
        assertEquals("CREATE INDEX IF NOT EXISTS ordername ON `zones`.records (ordername)",
                ZoneStore.ifNotExists("CREATE INDEX ordername ON records (ordername)", "`zones`."));
        assertEquals("CREATE INDEX IF NOT EXISTS nametype_index ON `zones`.records (name,type)",
                ZoneStore.ifNotExists("CREATE INDEX nametype_index ON records(name,type)", "`zones`."));
        assertThrows(IllegalStateException.class, () -> ZoneStore.ifNotExists("ALTER TABLE records ADD x INT", "`zones`."),
                "a statement it cannot make idempotent is refused, not run twice");
        assertThrows(IllegalStateException.class, () -> ZoneStore.powerDnsSchema("CREATE TABLE account_domain (id INT);", "`zones`."),
                "no PowerDNS part, no schema");
    }

    @Test
    void thePowerDnsPartOfV2IsWhatTheFormerSeparateCopySaid() throws Exception {
        List<String> statements = ZoneStore.powerDnsSchema(v2(), "`openuapi_zones`.");
        // The first line of each statement of the former src/main/resources/powerdns/schema.mysql.sql, with
        // __DB__. as `openuapi_zones`.: PowerDNS 4's schema.mysql.sql, made idempotent.
        assertEquals(List.of(
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.domains (",
                "CREATE UNIQUE INDEX IF NOT EXISTS name_index ON `openuapi_zones`.domains (name)",
                "CREATE INDEX IF NOT EXISTS catalog_idx ON `openuapi_zones`.domains (catalog)",
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.records (",
                "CREATE INDEX IF NOT EXISTS nametype_index ON `openuapi_zones`.records (name,type)",
                "CREATE INDEX IF NOT EXISTS domain_id ON `openuapi_zones`.records (domain_id)",
                "CREATE INDEX IF NOT EXISTS ordername ON `openuapi_zones`.records (ordername)",
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.supermasters (",
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.comments (",
                "CREATE INDEX IF NOT EXISTS comments_name_type_idx ON `openuapi_zones`.comments (name, type)",
                "CREATE INDEX IF NOT EXISTS comments_order_idx ON `openuapi_zones`.comments (domain_id, modified_at)",
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.domainmetadata (",
                "CREATE INDEX IF NOT EXISTS domainmetadata_idx ON `openuapi_zones`.domainmetadata (domain_id, kind)",
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.cryptokeys (",
                "CREATE INDEX IF NOT EXISTS domainidindex ON `openuapi_zones`.cryptokeys (domain_id)",
                "CREATE TABLE IF NOT EXISTS `openuapi_zones`.tsigkeys (",
                "CREATE UNIQUE INDEX IF NOT EXISTS namealgoindex ON `openuapi_zones`.tsigkeys (name, algorithm)"),
                statements.stream().map(s -> s.lines().findFirst().orElseThrow()).toList());
        // Only the first line changes: each statement's rest stands in V2 as it is.
        String migration = v2();
        for (String statement : statements) {
            String rest = statement.substring(statement.indexOf('\n') + 1);
            assertTrue(!statement.startsWith("CREATE TABLE") || migration.contains(rest + ";"), statement);
        }
        assertTrue(statements.stream().noneMatch(s -> s.contains("account_domain")), "OpenUAPI's own table stays in OpenUAPI's database");
    }
}
