package dev.openuapi.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How a caller names a mailbox or FTP login. cPanel's Email and Ftp functions take {@code user@domain} or
 * {@code user} with {@code domain}, "This parameter defaults to the cPanel account's primary domain" (UAPI
 * Ftp::add_ftp, Email::add_pop). Lowercasing and which part is normalised are OPENUAPI_CHOICE, as today.
 */
class LoginAddressTest {

    @Test
    void userAtDomain() {
        LoginAddress address = LoginAddress.of(" Info@Example.COM ", "other.example", "main.example");
        assertEquals(new LoginAddress("info", "example.com"), address, "the domain after @ wins over the domain argument");
        assertEquals("info@example.com", address.toString());
    }

    @Test
    void userWithDomainOrTheMainDomain() {
        assertEquals("info@shop.example", LoginAddress.of("info", "Shop.Example.", "main.example").toString(),
                "the domain argument is normalised as a DNS name");
        assertEquals("info@main.example", LoginAddress.of("INFO", null, "main.example").toString());
        assertEquals("info@main.example", LoginAddress.of("info", "", "main.example").toString());
    }

    @Test
    void theLastAtSplitsAndNothingIsChecked() {
        assertEquals(new LoginAddress("a@b", "c.example"), LoginAddress.of("a@b@c.example", null, "main.example"));
        assertEquals("a@b@c.example", LoginAddress.of("a@b@c.example", null, "main.example").toString(), "the same text again");
        assertEquals(new LoginAddress("x", "dom.example."), LoginAddress.of("x@Dom.Example.", null, "main.example"),
                "after @ only lowercased: a trailing dot stays, and the ownership check then refuses it");
        assertEquals(new LoginAddress("", "main.example"), LoginAddress.of(null, null, "main.example"));
    }
}
