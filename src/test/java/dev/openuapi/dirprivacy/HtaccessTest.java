package dev.openuapi.dirprivacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The text rules, against files as cPanel (and people) write them: Cpanel::HttpUtils::Htaccess and Cpanel::Htaccess. */
class HtaccessTest {

    @Test
    void protectionIsReadAsGetProtectedDirectivesReadsIt() {
        assertEquals(new Htaccess.Protection("None", "", "", 0), Htaccess.protection(""));
        // cPanel 11.x files without the section markers, lower case require, unquoted values
        assertEquals(new Htaccess.Protection("Basic", "Members", "/home/bob/.htpasswds/public_html/passwd", 1),
                Htaccess.protection("AuthType Basic\nAuthName Members\nAuthUserFile /home/bob/.htpasswds/public_html/passwd\nrequire valid-user\n"));
        assertEquals("Say \"hi\"", Htaccess.protection("AuthName \"Say \\\"hi\\\"\"\n").authName());
    }

    @Test
    void oldDirectivesGoWhereverTheyAreAndOneSectionIsWritten() {
        String old = "AuthType Basic\nAuthName \"old\"\nRewriteEngine on\nAuthUserFile \"/home/bob/x\"\nrequire valid-user\n";
        String text = Htaccess.withProtection(old, true, "new", "/h/.htpasswds/passwd");
        assertTrue(text.startsWith("RewriteEngine on\n\n#----"), text);
        assertEquals(1, text.split("AuthType Basic", -1).length - 1, text);
        assertEquals(new Htaccess.Protection("Basic", "new", "/h/.htpasswds/passwd", 1), Htaccess.protection(text));
        // on and off again leaves the file as it was before the section
        String twice = Htaccess.withProtection(Htaccess.withProtection("RewriteEngine on", true, "a", "/p"), false, null, null);
        assertEquals("RewriteEngine on", twice);
    }

    @Test
    void aRenameMovesOnlyPathsUnderTheOldHome() {
        String text = "# x\nAuthUserFile \"/srv/homes/old/.htpasswds/public_html/passwd\"\nAuthUserFile /srv/homes/older/passwd\n";
        assertEquals("# x\nAuthUserFile \"/srv/homes/new/.htpasswds/public_html/passwd\"\nAuthUserFile /srv/homes/older/passwd\n",
                Htaccess.withHomeMoved(text, "/srv/homes/old", "/srv/homes/new"));
        assertNull(Htaccess.withHomeMoved("AuthUserFile /elsewhere/passwd", "/srv/homes/old", "/srv/homes/new"));
    }

    @Test
    void indexTypeReadsAsIndextypeReads() {
        assertEquals(-1, Htaccess.indexType(""));
        assertEquals(0, Htaccess.indexType("Options -Indexes +FollowSymLinks\n"));
        assertEquals(2, Htaccess.indexType("options +indexes\n"));
        assertEquals(1, Htaccess.indexType("Options +Indexes\nIndexOptions -HTMLTable -FancyIndexing\n"));
        assertEquals(2, Htaccess.indexType("Options +Indexes\nIndexOptions +HTMLTable +FancyIndexing\n"));
        assertEquals(0, Htaccess.indexType("Options +Indexes\nOptions -Indexes\nIndexOptions -FancyIndexing\n"), "the first -Indexes ends it");
    }

    @Test
    void leechProtectionIsItsRewriteCond() {
        assertTrue(Htaccess.hasLeechProtection("RewriteEngine on\nRewriteCond ${LeechProtect:/home/b/p:%{REMOTE_USER}:%{REMOTE_ADDR}:4:x} leech\n"));
        assertFalse(Htaccess.hasLeechProtection("# LeechProtect was here\n"));
    }

    @Test
    void passwordFilesAreEditedAsHtpasswdPmEditsThem() {
        String text = Htpasswd.withUser("# comment\nann:$apr1$x$y\n\nbob:$apr1$a$b\n", "ann", "pw");
        assertEquals(List.of("ann", "bob"), Htpasswd.users(text));
        assertFalse(text.contains("# comment"));
        assertTrue(text.startsWith("ann:$apr1$"), text);
        assertEquals("bob:$apr1$a$b", Htpasswd.withoutUser(text, "ann"));
        assertNull(Htpasswd.withoutUser(text, "carl"));
        assertTrue(Htpasswd.hash("pw").matches("\\$apr1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}"));
    }
}
