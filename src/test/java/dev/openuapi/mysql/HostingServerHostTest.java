package dev.openuapi.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The host Mysql::get_server_information reports, read from the hosting datasource's JDBC URL. */
class HostingServerHostTest {

    @Test
    void hostOfTheJdbcUrl() {
        assertEquals("localhost", HostingServer.hostOf("jdbc:mariadb://localhost:3306/"));
        assertEquals("db.internal", HostingServer.hostOf("jdbc:mariadb://db.internal/?sslMode=verify-full"));
        assertEquals("10.0.0.5", HostingServer.hostOf("jdbc:mariadb://10.0.0.5:3307,10.0.0.6:3307/"));
        assertEquals("::1", HostingServer.hostOf("jdbc:mariadb://[::1]:3306/"));
        assertEquals("db", HostingServer.hostOf("jdbc:mariadb://user:secret@db:3306/"));
    }

    @Test
    void localOrRemote() {
        assertTrue(MysqlService.isLocal("localhost"));
        assertTrue(MysqlService.isLocal("127.0.0.1"));
        assertTrue(MysqlService.isLocal("::1"));
        assertFalse(MysqlService.isLocal("db.internal"), "a name is another machine; no lookup is made");
        assertFalse(MysqlService.isLocal("198.51.100.20"));
    }
}
