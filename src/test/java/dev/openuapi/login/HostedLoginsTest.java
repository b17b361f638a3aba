package dev.openuapi.login;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.email.EmailService;
import dev.openuapi.ftp.FtpService;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operations mailboxes and FTP logins share, at the service level: written once in HostedLogins, each
 * with its own table and its own words. The refusals are OPENUAPI_CHOICE wording, as the Email and Ftp
 * HTTP tests expect them.
 */
@QuarkusTest
class HostedLoginsTest {

    @Inject
    EmailService email;

    @Inject
    FtpService ftp;

    @Inject
    AccountRepository accounts;

    private long idOf(TestAccount account) {
        return accounts.findByUsername(account.username()).orElseThrow().id;
    }

    @Test
    void eachKeepsItsOwnTableAndWords() {
        TestAccount alice = newAccount();
        long id = idOf(alice);
        email.add(id, "same", null, "long-enough", null, "5");
        ftp.add(id, "same", null, "long-enough", null, null, "7");
        assertEquals(5L, email.get(id, "same", null).quotaMb);
        assertEquals(7L, ftp.get(id, "same@" + alice.domain(), null).quotaMb, "the same name in two tables");
        assertEquals(1, email.count(id));
        assertEquals(1, ftp.count(id));

        email.setQuota(id, "same", alice.domain(), "unlimited");
        assertEquals(null, email.get(id, "same", null).quotaMb);
        assertEquals(7L, ftp.get(id, "same", null).quotaMb, "the FTP login is not touched");

        ftp.delete(id, "same", null);
        assertEquals(0, ftp.count(id));
        assertEquals(1, email.count(id));
        assertEquals("The FTP account “same” does not exist.", assertThrows(ApiException.class, () -> ftp.get(id, "same", null)).getMessage());
        assertEquals("The email account “nobody” does not exist.",
                assertThrows(ApiException.class, () -> email.passwd(id, "nobody", null, "long-enough")).getMessage());
        assertEquals("“x” is not a valid quota: give megabytes, or 0 or unlimited for none.",
                assertThrows(ApiException.class, () -> email.setQuota(id, "same", null, "x")).getMessage());
    }

    @Test
    void aDomainOfAnotherAccountIsRefusedInEachOnesWords() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        long id = idOf(alice);
        String given = bob.domain().toUpperCase() + ".";
        assertEquals("The domain “" + bob.domain() + "” does not belong to this account.",
                assertThrows(ApiException.class, () -> email.add(id, "x", given, "long-enough", null, null)).getMessage(),
                "Email names the domain as it looked it up");
        assertEquals("The domain “" + given + "” does not belong to this account.",
                assertThrows(ApiException.class, () -> ftp.add(id, "x", given, "long-enough", null, null, null)).getMessage(),
                "Ftp names the domain as it was given");
        assertEquals(0, email.count(id) + ftp.count(id));
    }

    @Test
    void theMeteringAgentsFigureForOneLogin() {
        TestAccount alice = newAccount();
        long id = idOf(alice);
        email.add(id, "box", null, "long-enough", null, null);
        ftp.add(id, "deploy", null, "long-enough", null, null, null);
        assertTrue(email.recordDiskUse(id, "BOX@" + alice.domain().toUpperCase(), 1234), "any case");
        assertTrue(ftp.recordDiskUse(id, "deploy@" + alice.domain(), 99));
        assertEquals(1234, email.get(id, "box", null).diskUsedBytes);
        assertEquals(99, ftp.get(id, "deploy", null).diskUsedBytes);
        assertFalse(email.recordDiskUse(id, "deploy@" + alice.domain(), 5), "an FTP login is not a mailbox");
        assertFalse(ftp.recordDiskUse(idOf(newAccount()), "deploy@" + alice.domain(), 5), "another account's login");
        assertEquals(99, ftp.get(id, "deploy", null).diskUsedBytes);
    }
}
