package dev.openuapi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.openuapi.common.ApiException;

/**
 * cPanel's {@code dir} as {@link DomainService#documentRoot} reads it: relative to the home directory, cleaned as
 * {@code Cpanel::SubDomain::_addsubdomain} cleans it (blanks, backslashes and angle brackets dropped, {@code .} and
 * {@code ..} resolved, cPanel's {@code /home/<user>} and the real home directory accepted as a prefix), never outside the home directory and
 * never one of cPanel's reserved directories.
 */
class DocumentRootTest {

    /** The real home: under openuapi.homes.root, which is not cPanel's /home. */
    static final String HOME = "/srv/homes/alice";

    static String root(String dir) {
        return DomainService.documentRoot("alice", HOME, dir);
    }

    static String refusal(String dir) {
        return assertThrows(ApiException.class, () -> root(dir)).getMessage();
    }

    @Test
    void relativeToTheHomeDirectoryWithOrWithoutALeadingSlash() {
        assertEquals(HOME + "/public_html/blog", root("/public_html/blog"));
        assertEquals(HOME + "/public_html/blog", root("public_html/blog/"));
        assertEquals(HOME + "/public_html/blog", root("/home/alice/public_html/blog"), "cPanel's home prefix");
        assertEquals(HOME + "/public_html/blog", root(HOME + "/public_html/blog"), "the real home prefix");
        assertEquals(HOME + "/public_html", root("/home/alice/mail/../public_html"));
        assertEquals(HOME + "/blog.example.com", root("blog.example.com"));
        assertEquals(HOME + "/public_html/x/z", root("public_html//x/./y/../z"));
        assertEquals(HOME + "/mail/site", root("mail/site"), "only the reserved directory itself is refused");
    }

    @Test
    void blanksBackslashesAndAngleBracketsAreDroppedAsCpanelDropsThem() {
        assertEquals(HOME + "/public_html/mysite", root(" public_html/my site\t"));
        assertEquals(HOME + "/public_html/script", root("public_html/<script>"));
        assertEquals(HOME + "/public_html/ab", root("public_html\\/a\\b"));
    }

    @Test
    void itNeverLeavesTheHomeDirectory() {
        assertEquals("“..” may not leave the home directory.", refusal(".."));
        assertEquals("“public_html/../../bob” may not leave the home directory.", refusal("public_html/../../bob"));
        assertEquals(HOME + "/home/bob", root("/home/bob"), "another absolute path is read as relative, as cPanel reads it");
    }

    @Test
    void theHomeDirectoryAndCpanelsReservedDirectoriesAreRefused() {
        for (String reserved : DomainService.RESERVED_DOCROOTS) {
            assertEquals("The system reserves the “" + HOME + "/" + reserved + "” document root. You must specify a document root that "
                    + "the system does not reserve.", refusal("/" + reserved));
        }
        assertEquals("The system reserves the “" + HOME + "” document root. You must specify a document root that the system does "
                + "not reserve.", refusal("/"));
        assertEquals("The system reserves the “" + HOME + "” document root. You must specify a document root that the system does "
                + "not reserve.", refusal("public_html/.."));
    }

    @Test
    void onlyPlainCharactersAndABoundedLength() {
        for (String bad : new String[] { "public_html/a\"b", "public_html/a'b", "public_html/$x", "public_html/a;b", "public_html/é",
                "public_html/a\u0000b" }) {
            assertEquals("“" + bad + "” is not a valid directory: use letters, digits, dots, dashes, underscores, ~, + and @.",
                    refusal(bad), bad);
        }
        assertEquals(HOME + "/~x/a+b@c-d_e.f", root("~x/a+b@c-d_e.f"));
        assertEquals("A document root is at most 1024 characters long.", refusal("d/".repeat(600)));
    }
}
