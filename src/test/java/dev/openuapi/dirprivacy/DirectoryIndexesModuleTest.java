package dev.openuapi.dirprivacy;

import static dev.openuapi.support.TestFiles.mkdirs;
import static dev.openuapi.dirprivacy.DirAccounts.ok;
import static dev.openuapi.support.TestFiles.read;
import static dev.openuapi.support.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.dirprivacy.DirAccounts.Account;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI DirectoryIndexes against cPanel's reference (api.docs.cpanel.net, DirectoryIndexes;
 * api-evangelist/cpanel openapi/cpanel-directoryindexes-api-openapi.yml) and the lines cPanel writes
 * (Cpanel::Htaccess::setindex; Cpanel::DirectoryIndexes::IndexType: inherit, disabled, standard, fancy).
 */
@QuarkusTest
class DirectoryIndexesModuleTest {

    static final String MODULE = "DirectoryIndexes";

    /**
     * cPanel's examples: {@code get_indexing?dir=%2fhome%2fexample%2fexample.com} answers {@code data: "disabled"} (a
     * directory set so); {@code set_indexing?dir=…&type=inherit} answers the type. Each type's lines, as setindex writes them.
     */
    @Test
    void setAndGetEachType() {
        Account a = DirAccounts.create();
        Path site = mkdirs(a.home().resolve("example.com"));
        String dir = "/home/" + a.user() + "/example.com";
        assertEquals(ok("\"inherit\""), a.call(MODULE, "get_indexing", Map.of("dir", dir)), "no .htaccess: the server's default");

        Map<String, String> lines = Map.of(
                "disabled", "Options -Indexes\n",
                "standard", "Options +Indexes\nIndexOptions -HTMLTable -FancyIndexing\n",
                "fancy", "Options +Indexes\nIndexOptions +HTMLTable +FancyIndexing\n",
                "inherit", "");
        for (String type : new String[] {"disabled", "standard", "fancy", "inherit", "fancy", "disabled"}) {
            assertEquals(ok("\"" + type + "\""), a.call(MODULE, "set_indexing", Map.of("dir", dir, "type", type)), type);
            assertEquals(lines.get(type), read(site.resolve(".htaccess")), type);
            assertEquals(ok("\"" + type + "\""), a.call(MODULE, "get_indexing", Map.of("dir", dir)), type);
        }
    }

    /** Other options stay on their line, other lines stay as they are, cPanel's protection section too. */
    @Test
    void otherLinesAreKept() {
        Account a = DirAccounts.create();
        Path site = mkdirs(a.home().resolve("public_html/docs"));
        write(site.resolve(".htaccess"), "# mine\nOptions +FollowSymLinks -MultiViews\n\nDirectoryIndex index.php\nIndexOptions NameWidth=*\n");
        a.call(MODULE, "set_indexing", Map.of("dir", "public_html/docs", "type", "standard"));
        assertEquals("# mine\nOptions +FollowSymLinks -MultiViews +Indexes\n\nDirectoryIndex index.php\n"
                + "IndexOptions NameWidth=* -HTMLTable -FancyIndexing\n", read(site.resolve(".htaccess")));
        a.call(MODULE, "set_indexing", Map.of("dir", "public_html/docs", "type", "inherit"));
        assertEquals("# mine\nOptions +FollowSymLinks -MultiViews\n\nDirectoryIndex index.php\nIndexOptions NameWidth=*\n",
                read(site.resolve(".htaccess")));

        a.call("DirectoryPrivacy", "configure_directory_protection", Map.of("dir", "public_html/docs", "enabled", "1", "authname", "Docs"));
        a.call(MODULE, "set_indexing", Map.of("dir", "public_html/docs", "type", "disabled"));
        String text = read(site.resolve(".htaccess"));
        assertTrue(text.contains("\nOptions +FollowSymLinks -MultiViews -Indexes\n"), text);
        assertTrue(text.contains("AuthName \"Docs\"\n"), text);
        assertEquals(1, Uapi.success(a.call("DirectoryPrivacy", "is_directory_protected", Map.of("dir", "public_html/docs"))).get("data")
                .get("protected").intValue());
        assertEquals(ok("\"disabled\""), a.call(MODULE, "get_indexing", Map.of("dir", "public_html/docs")));
    }

    /** Cpanel::DirectoryIndexes::IndexType::external_to_internal's InvalidParameter, checked before the directory. */
    @Test
    void unknownTypeIsRefused() {
        Account a = DirAccounts.create();
        Uapi.failure(a.call(MODULE, "set_indexing", Map.of("dir", "nothere", "type", "on")),
                "The “type” argument may only have a value of “inherit”, “disabled”, “standard”, or “fancy”.");
        Uapi.failure(a.call(MODULE, "set_indexing", Map.of("dir", "public_html")), "Provide the “type” argument.");
        Uapi.failure(a.call(MODULE, "get_indexing", Map.of()), "Provide the “dir” argument.");
    }

    /**
     * cPanel's list_directories example: home, parent, current and children, each {path, state: {index_type}}
     * (children such as /home/example/example.com/cgi-bin).
     */
    @Test
    void listDirectories() {
        Account a = DirAccounts.create();
        Path home = a.home();
        Path site = mkdirs(home.resolve("example.com"));
        mkdirs(site.resolve("cgi-bin"));
        mkdirs(site.resolve("files"));
        a.call(MODULE, "set_indexing", Map.of("dir", "example.com/cgi-bin", "type", "disabled"));
        a.call(MODULE, "set_indexing", Map.of("dir", "example.com/files", "type", "fancy"));
        a.call(MODULE, "set_indexing", Map.of("dir", "/home/" + a.user(), "type", "standard"));
        String inherit = "{\"index_type\":\"inherit\"}";
        assertEquals(ok("{\"home\":{\"path\":\"" + home + "\",\"state\":{\"index_type\":\"standard\"}},"
                + "\"parent\":{\"path\":\"" + home + "\",\"state\":{\"index_type\":\"standard\"}},"
                + "\"current\":{\"path\":\"" + site + "\",\"state\":" + inherit + "},"
                + "\"children\":[{\"path\":\"" + site + "/cgi-bin\",\"state\":{\"index_type\":\"disabled\"}},"
                + "{\"path\":\"" + site + "/files\",\"state\":{\"index_type\":\"fancy\"}}]}"),
                a.call(MODULE, "list_directories", Map.of("dir", "/home/" + a.user() + "/example.com")));
    }
}
