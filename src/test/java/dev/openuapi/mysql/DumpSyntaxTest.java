package dev.openuapi.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a restore reads a dump: which lines are row data, and that row data is nothing but literal rows. */
class DumpSyntaxTest {

    private static boolean check(String... lines) {
        DatabaseDumpService.InsertCheck check = new DatabaseDumpService.InsertCheck();
        boolean ended = false;
        for (String line : lines) {
            ended = check.line(line);
        }
        return ended;
    }

    @Test
    void rowsOfLiteralsPass() {
        // mariadb-dump 10.11 with --extended-insert: one row a line
        assertFalse(check("INSERT INTO `posts` VALUES\n", "(1,'a\\nb ''q'' \\\\ ;),(',0x00FF,NULL,-1.5e-7,_binary 'x',X'0A',b'101'),\n"));
        assertTrue(check("INSERT INTO `posts` VALUES\n", "(1,'a'),\n", "(2,'Gr\u00c3\u00bc\u00c3\u009fe');\n"));
        // older mysqldump and cPanel's: the whole statement on one line; --complete-insert names the columns
        assertTrue(check("INSERT INTO `t` VALUES (1,'x'),(2,NULL);\n"));
        assertTrue(check("INSERT INTO `t` (`id`, `name`) VALUES (1,'x');\n"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> check("INSERT INTO `mysql`.`user` VALUES (1);\n"), "another database");
        assertThrows(IllegalArgumentException.class, () -> check("INSERT INTO `t` VALUES (1); DROP DATABASE `x`;\n"), "a second statement");
        assertThrows(IllegalArgumentException.class, () -> check("INSERT INTO `t` VALUES (SLEEP(10));\n"), "an expression");
        assertThrows(IllegalArgumentException.class, () -> check("INSERT INTO `t` VALUES ('open\n"), "a string across lines");
        assertThrows(IllegalArgumentException.class, () -> check("INSERT INTO `t` SELECT * FROM `mysql`.`user`;\n"));
        assertThrows(IllegalArgumentException.class, () -> check("INSERT INTO `t` VALUES (X'zz');\n"));
    }

    @Test
    void rowDataRunsUntilTheLineThatEndsTheInsert() throws IOException {
        String dump = "CREATE TABLE `t` (a text);\nINSERT INTO `t` VALUES\n('x;'),\n('CREATE TABLE y');\nUNLOCK TABLES;\n";
        DatabaseDumpService.DumpLines lines = new DatabaseDumpService.DumpLines(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)));
        List<Boolean> data = new ArrayList<>();
        while (lines.next() != null) {
            data.add(lines.isData());
        }
        assertEquals(List.of(false, true, true, true, false), data);
    }
}
