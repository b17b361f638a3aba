package dev.openuapi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.openuapi.common.ApiException;

/**
 * cPanel's {@code dir} as {@link DomainService#documentRoot} reads it: relative to the home directory, cleaned as
 * {@code Cpanel::SubDomain::_addsubdomain} cleans it (blanks, backslashes and angle brackets dropped, {@code .} and
 * {@code ..} resolved, the home directory's own path accepted as a prefix), never outside the home directory and
 * never one of cPanel's reserved directories.
 */
class DocumentRootTest {

    static final String HOME = "/home/alice";

    static String root(String dir) {
        return DomainService.documentRoot(HOME, dir);
    }

    static String refusal(String dir) {
        return assertThrows(ApiException.class, () -> root(dir)).getMessage();
    }

    @Test
    void relativeToTheHomeDirectoryWithOrWithoutALeadingSlash() {
        assertEquals("/home/alice/public_html/blog", root("/public_html/blog"));
        assertEquals("/home/alice/public_html/blog", root("public_html/blog/"));
        assertEquals("/home/alice/public_html/blog", root("/home/alice/public_html/blog"));
        assertEquals("/home/alice/blog.example.com", root("blog.example.com"));
        assertEquals("/home/alice/public_html/x/z", root("public_html//x/./y/../z"));
        assertEquals("/home/alice/mail/site", root("mail/site"), "only the reserved directory itself is refused");
    }

    @Test
    void blanksBackslashesAndAngleBracketsAreDroppedAsCpanelDropsThem() {
        assertEquals("/home/alice/public_html/mysite", root(" public_html/my site\t"));
        assertEquals("/home/alice/public_html/script", root("public_html/<script>"));
        assertEquals("/home/alice/public_html/ab", root("public_html\\/a\\b"));
    }

    @Test
    void itNeverLeavesTheHomeDirectory() {
        assertEquals("“..” may not leave the home directory.", refusal(".."));
        assertEquals("“public_html/../../bob” may not leave the home directory.", refusal("public_html/../../bob"));
        assertEquals("/home/alice/home/bob", root("/home/bob"), "another absolute path is read as relative, as cPanel reads it");
    }

    @Test
    void theHomeDirectoryAndCpanelsReservedDirectoriesAreRefused() {
        for (String reserved : DomainService.RESERVED_DOCROOTS) {
            assertEquals("The system reserves the “/home/alice/" + reserved + "” document root. You must specify a document root that "
                    + "the system does not reserve.", refusal("/" + reserved));
        }
        assertEquals("The system reserves the “/home/alice” document root. You must specify a document root that the system does "
                + "not reserve.", refusal("/"));
        assertEquals("The system reserves the “/home/alice” document root. You must specify a document root that the system does "
                + "not reserve.", refusal("public_html/.."));
    }

    @Test
    void onlyPlainCharactersAndABoundedLength() {
        for (String bad : new String[] { "public_html/a\"b", "public_html/a'b", "public_html/$x", "public_html/a;b", "public_html/é",
                "public_html/a\u0000b" }) {
            assertEquals("“" + bad + "” is not a valid directory: use letters, digits, dots, dashes, underscores, ~, + and @.",
                    refusal(bad), bad);
        }
        assertEquals("/home/alice/~x/a+b@c-d_e.f", root("~x/a+b@c-d_e.f"));
        assertEquals("A document root is at most 1024 characters long.", refusal("d/".repeat(600)));
    }
}
