package dev.openuapi.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openuapi.common.ApiException;

/** The path rules of issue 16 §1, on a real directory: nothing a client sends reaches outside the home. */
class HomeTest {

    @TempDir
    Path temp;

    Path outside;
    Path homeDir;
    Home home;
    long limit = Long.MAX_VALUE;
    final AtomicLong used = new AtomicLong();

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "not yours");
        homeDir = Files.createDirectory(temp.resolve("bob")).toRealPath();
        Files.createDirectory(homeDir.resolve("public_html"));
        home = new Home(1, "bob", null, homeDir, new DiskQuota() {
            @Override
            public void check(Home h, long growthBytes) {
                if (used.get() + growthBytes > limit) {
                    throw ApiException.invalid("over quota");
                }
            }

            @Override
            public void changed(Home h, long deltaBytes) {
                used.addAndGet(deltaBytes);
            }
        });
    }

    @Test
    void clientPathsInTheirThreeFormsNameTheSamePlace() {
        assertEquals("public_html/a.txt", home.path("public_html/a.txt").relative());
        assertEquals("public_html/a.txt", home.path("/home/bob/public_html/a.txt").relative());
        assertEquals("public_html/a.txt", home.path(homeDir + "/public_html/./x/../a.txt").relative());
        assertTrue(home.path("/home/bob").isHome());
        assertEquals(homeDir + "/public_html", home.absolute(home.path("public_html")));
    }

    @Test
    void pathsThatLeaveTheHomeByTheirTextAreRefused() {
        assertRefused("../outside/secret", "leads out");
        assertRefused("public_html/../../outside", "leads out");
        assertRefused("/etc/passwd", "outside your home");
        assertRefused("/home/bobby/x", "outside your home");
        assertRefused(outside.toString(), "outside your home");
        assertRefused("a\0b", "NUL");
        assertRefused("a\nb", "NUL");
        assertRefused("a\rb", "NUL");
    }

    @Test
    void aSymlinkThatLeadsOutIsRefusedForEveryOperation() throws IOException {
        Files.createSymbolicLink(homeDir.resolve("out"), outside);
        Files.createSymbolicLink(homeDir.resolve("public_html/abs"), outside.resolve("secret"));
        Files.createSymbolicLink(homeDir.resolve("public_html/rel"), Path.of("../../outside/secret"));
        for (String path : List.of("out/secret", "public_html/abs", "public_html/rel")) {
            HomePath p = home.path(path);
            assertThrows(ApiException.class, () -> home.read(p).close(), path);
            assertThrows(ApiException.class, () -> home.write(p, bytes("x"), true, null), path);
            assertThrows(ApiException.class, () -> home.chmod(p, 0777), path);
            assertThrows(ApiException.class, () -> home.copy(p, home.path("copied"), true), path);
        }
        assertThrows(ApiException.class, () -> home.list(home.path("out")));
        assertThrows(ApiException.class, () -> home.mkdir(home.path("out/newdir"), false, 0755));
        assertThrows(ApiException.class, () -> home.move(home.path("public_html"), home.path("out/moved"), false));
        assertEquals("not yours", Files.readString(outside.resolve("secret")));
        assertFalse(Files.exists(outside.resolve("newdir")));
        assertFalse(Files.exists(outside.resolve("moved")));
        assertEquals(List.of("secret"), list(outside));
    }

    @Test
    void aSymlinkInsideTheHomeIsFollowedAndRemovingItLeavesItsTarget() throws IOException {
        Files.writeString(homeDir.resolve("public_html/index.html"), "hello");
        Files.createSymbolicLink(homeDir.resolve("www"), Path.of("public_html"));
        assertEquals("hello", new String(home.readAll(home.path("www/index.html"), 100), StandardCharsets.UTF_8));
        assertEquals(FileInfo.Kind.SYMLINK, home.stat(home.path("www")).kind());
        Files.createSymbolicLink(homeDir.resolve("escape"), outside);
        home.delete(home.path("escape"));
        home.delete(home.path("www"));
        assertTrue(Files.exists(outside.resolve("secret")));
        assertTrue(Files.exists(homeDir.resolve("public_html/index.html")));
    }

    @Test
    void deletingATreeNeverFollowsASymlinkInsideIt() throws IOException {
        Files.createDirectories(homeDir.resolve("tree/sub"));
        Files.createSymbolicLink(homeDir.resolve("tree/sub/link"), outside);
        Files.writeString(homeDir.resolve("tree/sub/file"), "12345");
        home.delete(home.path("tree"));
        assertFalse(Files.exists(homeDir.resolve("tree")));
        assertTrue(Files.exists(outside.resolve("secret")));
    }

    @Test
    void aSpecialFileIsNeitherReadNorWritten() throws Exception {
        Path fifo = homeDir.resolve("public_html/pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        HomePath p = home.path("public_html/pipe");
        assertEquals(FileInfo.Kind.OTHER, home.stat(p).kind());
        ApiException read = assertThrows(ApiException.class, () -> home.read(p).close());
        assertTrue(read.getMessage().contains("not a regular file"), read.getMessage());
        assertThrows(ApiException.class, () -> home.write(p, bytes("x"), true, null));
        assertThrows(ApiException.class, () -> home.chmod(p, 0600));
    }

    @Test
    void writesAreWholeOrNothingAndHeldToTheQuota() throws IOException {
        HomePath file = home.path("public_html/data.bin");
        byte[] first = new byte[3000];
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) i;
        }
        home.write(file, first, false, null);
        assertArrayEquals(first, Files.readAllBytes(homeDir.resolve("public_html/data.bin")));
        assertEquals(3000, used.get());
        assertEquals(0644, home.stat(file).mode());

        ApiException exists = assertThrows(ApiException.class, () -> home.write(file, bytes("x"), false, null));
        assertEquals(ApiException.Kind.CONFLICT, exists.kind());

        limit = 3000 + 100;
        byte[] big = new byte[Home.CHUNK * 3];
        assertThrows(ApiException.class, () -> home.write(file, big, true, null));
        assertArrayEquals(first, Files.readAllBytes(homeDir.resolve("public_html/data.bin")), "the old content is intact");
        assertEquals(List.of("data.bin"), list(homeDir.resolve("public_html")), "no temporary file is left");
        assertEquals(3000, used.get());

        home.write(file, bytes("short"), true, 0600);
        assertEquals(5, used.get());
        assertEquals(0600, home.stat(file).mode());
        assertEquals(5, home.delete(file));
        assertEquals(0, used.get());
    }

    @Test
    void copyAndMoveStayInsideAndAskTheQuotaForTheWholeTree() throws IOException {
        Files.createDirectories(homeDir.resolve("src/deep"));
        Files.writeString(homeDir.resolve("src/deep/a"), "aaaa");
        Files.writeString(homeDir.resolve("src/b"), "bb");
        assertEquals(6, home.size(home.path("src")));
        limit = 5;
        assertThrows(ApiException.class, () -> home.copy(home.path("src"), home.path("dst"), false));
        assertFalse(Files.exists(homeDir.resolve("dst")));
        limit = Long.MAX_VALUE;
        home.copy(home.path("src"), home.path("dst"), false);
        assertEquals("aaaa", Files.readString(homeDir.resolve("dst/deep/a")));
        assertThrows(ApiException.class, () -> home.move(home.path("src"), home.path("src/deep/inside"), false));
        assertThrows(ApiException.class, () -> home.copy(home.path("src"), home.path("src/deep/inside"), false));
        home.move(home.path("src/b"), home.path("public_html/b"), false);
        assertEquals("bb", Files.readString(homeDir.resolve("public_html/b")));
        assertThrows(ApiException.class, () -> home.move(home.path("dst/b"), home.path("public_html/b"), false));
        long before = used.get();
        home.move(home.path("dst/b"), home.path("public_html/b"), true);
        assertEquals(before - 2, used.get(), "the replaced file no longer counts");
    }

    @Test
    void namesKeepTheirBytes() throws IOException {
        HomePath file = home.path("public_html/naïve 文件.txt");
        home.write(file, bytes("ü"), false, null);
        assertTrue(Files.exists(homeDir.resolve("public_html/naïve 文件.txt")));
        assertEquals(List.of("naïve 文件.txt"), home.list(home.path("public_html")).stream().map(FileInfo::name).toList());
        try (InputStream in = home.read(file)) {
            assertArrayEquals("ü".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void mkdirMakesParentsOnlyWhenAsked() throws IOException {
        assertThrows(ApiException.class, () -> home.mkdir(home.path("a/b/c"), false, 0755));
        home.mkdir(home.path("a/b/c"), true, 0750);
        assertTrue(Files.isDirectory(homeDir.resolve("a/b/c")));
        assertEquals(0750, home.stat(home.path("a/b/c")).mode());
        assertThrows(ApiException.class, () -> home.mkdir(home.path("a/b/c"), false, 0755));
    }

    /** The trash counts a file's age from its move there (empty_trash older_than), not from its last change. */
    @Test
    void aMoveSetsTheStatusChangeTimeNotTheModificationTime() throws IOException {
        HomePath file = home.path("old.txt");
        home.write(file, bytes("old"), false, null);
        long sixtyDaysAgo = System.currentTimeMillis() / 1000 - 60L * 86400;
        home.touch(file, sixtyDaysAgo);
        home.mkdir(home.path(".trash"), false, 0700);
        home.move(file, home.path(".trash/old.txt"), false);
        FileInfo trashed = home.stat(home.path(".trash/old.txt"));
        assertEquals(sixtyDaysAgo, trashed.mtime());
        assertTrue(trashed.ctime() > System.currentTimeMillis() / 1000 - 600, "ctime " + trashed.ctime());
    }

    private void assertRefused(String path, String why) {
        ApiException e = assertThrows(ApiException.class, () -> home.path(path), path);
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
