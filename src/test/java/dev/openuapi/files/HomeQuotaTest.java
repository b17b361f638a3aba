package dev.openuapi.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.mysql.MysqlService;
import dev.openuapi.quota.DiskUsageTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan's disk quota on OpenUAPI's own writes ({@link Home#write} asks {@link HomeUsage}), and the stored home size
 * that every write keeps current and that every replica reads (src/docs/disk-usage.md).
 */
@QuarkusTest
class HomeQuotaTest {

    static final long MIB = 1024L * 1024L;

    @Inject
    HomeDirectories homes;
    @Inject
    HomeUsage usage;
    @Inject
    HomeSizeService sizes;
    @Inject
    MysqlService mysql;
    @Inject
    OpenUapiConfig config;
    @Inject
    AccountRepository accounts;

    /** A new account (this helper's prefix) with a plan of {@code quotaMb} (null: none), and its home. */
    Home newHome(Long quotaMb) {
        DiskUsageTest.Owner owner = DiskUsageTest.newOwner();
        if (quotaMb != null) {
            DiskUsageTest.plan(owner, quotaMb);
        }
        Account account = QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(owner.account().username()).orElseThrow());
        return homes.of(account);
    }

    static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".openuapi-")).toList();
        }
    }

    @Test
    void aWriteThatWouldExceedTheQuotaIsRefusedAndLeavesNothing() throws IOException {
        Home home = newHome(1L);
        HomePath page = home.path("public_html/page.html");
        byte[] old = new byte[600 * 1024];
        old[0] = 'o';
        home.write(page, old, false, null);
        assertEquals(600 * 1024, usage.bytes(home));

        // a new file that does not fit
        HomePath big = home.path("public_html/big.bin");
        ApiException refused = assertThrows(ApiException.class, () -> home.write(big, new byte[500 * 1024], false, null));
        assertTrue(refused.getMessage().startsWith("Disk quota exceeded: "), refused.getMessage());
        assertFalse(Files.exists(home.directory().resolve("public_html/big.bin")));
        // an overwrite that does not fit: the old content is intact
        assertThrows(ApiException.class, () -> home.write(page, new byte[(int) (MIB + 1)], true, null));
        assertArrayEquals(old, Files.readAllBytes(home.directory().resolve("public_html/page.html")));
        assertEquals(List.of(), temporaryFiles(home.directory().resolve("public_html")), "no temporary file is left behind");
        assertEquals(600 * 1024, usage.bytes(home), "a refused write changes nothing");

        // what fits exactly is written: 1 MiB in all
        home.write(big, new byte[424 * 1024], false, null);
        assertEquals(MIB, usage.bytes(home));
        assertThrows(ApiException.class, () -> home.write(home.path("one-more.txt"), new byte[1], false, null));
        // shrinking a file is always allowed, and frees room
        home.write(page, new byte[100], true, null);
        home.write(home.path("one-more.txt"), new byte[1], false, null);
    }

    @Test
    void mailAndDatabasesCountAgainstTheQuota() {
        Home home = newHome(2L);
        home.mkdir(home.path("mail/example.com/info/cur"), true, 0750);
        home.write(home.path("mail/example.com/info/cur/1.M1"), new byte[(int) MIB], false, null);
        assertEquals(MIB, usage.use(home).total());
        // a second MiB in mail fits exactly; one byte more does not
        home.write(home.path("mail/example.com/info/cur/2.M1"), new byte[(int) MIB], false, null);
        ApiException refused = assertThrows(ApiException.class, () -> home.write(home.path("public_html/x"), new byte[1], false, null));
        assertEquals(HomeUsage.exceeded(1, 2 * MIB, 2 * MIB), refused.getMessage());
        home.delete(home.path("mail/example.com/info/cur/2.M1"));
        assertEquals(MIB, usage.bytes(home));
    }

    @Test
    void theFigureFollowsEveryWriteWithoutWalkingTheHome() throws IOException {
        Home home = newHome(null);
        // no figure stored yet: the first use walks the home, and finds what is there
        Files.write(home.directory().resolve("before.bin"), new byte[3]);
        assertEquals(3, usage.bytes(home));
        home.write(home.path("a.txt"), new byte[1000], false, null);
        home.write(home.path("a.txt"), new byte[400], true, null);
        home.mkdir(home.path("docs"), false, 0755);
        home.write(home.path("docs/b.txt"), new byte[50], false, null);
        home.copy(home.path("docs"), home.path("docs2"), false);
        // a file put there behind OpenUAPI's back is not seen: the figure is the stored one, not a walk
        Files.write(home.directory().resolve("ftp-upload.bin"), new byte[7]);
        assertEquals(503, usage.bytes(home));
        assertEquals(503, sizes.find(home.accountId()).orElseThrow().bytes());
        assertEquals(450, home.delete(home.path("a.txt")) + home.delete(home.path("docs")));
        assertEquals(53, usage.bytes(home));
        assertEquals(60, usage.measure(home));
    }

    @Test
    void aStaleFigureIsAnsweredAtOnceAndMeasuredAgainInTheBackgroundByOneReplica() throws Exception {
        Home home = newHome(null);
        // a replica whose figures go stale after a second; its databases' size is read each time
        HomeUsage replica = new HomeUsage(sizes, mysql, Duration.ofSeconds(1), Duration.ZERO);
        try {
            sizes.store(home.accountId(), 5, Epoch.now() - 10);
            Files.write(home.directory().resolve("delivered-by-exim"), new byte[70]);
            assertEquals(5, replica.bytes(home), "the stored figure, answered without waiting for the walk");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sizes.find(home.accountId()).orElseThrow().bytes() != 70 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(70, sizes.find(home.accountId()).orElseThrow().bytes(), "the background walk stored what is there");
            assertTrue(sizes.find(home.accountId()).orElseThrow().measuredAt() >= Epoch.now() - 2);
            // the walk was claimed: another replica finds the figure fresh, and takes no second claim
            assertFalse(sizes.claim(home.accountId(), Epoch.now() - 5, Epoch.now()));
            assertEquals(70, usage.bytes(home));
        } finally {
            replica.stop();
        }
    }

    @Test
    void twoReplicasSeeEachOthersWrites() {
        Home home = newHome(1L);
        // a second replica: its own HomeUsage over the same database
        HomeUsage other = new HomeUsage(sizes, mysql, config);
        try {
            assertEquals(0, other.bytes(home));
            home.write(home.path("from-this-replica.bin"), new byte[700 * 1024], false, null);
            assertEquals(700 * 1024, other.bytes(home), "the other replica reads the stored figure");
            other.changed(home, 324 * 1024);
            assertEquals(MIB, usage.bytes(home));
            // and the quota counts what the other replica wrote
            assertThrows(ApiException.class, () -> home.write(home.path("no-room.bin"), new byte[1], false, null));
            ApiException refused = assertThrows(ApiException.class, () -> other.check(home, 1));
            assertTrue(refused.getMessage().startsWith("Disk quota exceeded: "));
            other.changed(home, -324 * 1024);
            home.write(home.path("room-again.bin"), new byte[1], false, null);
        } finally {
            other.stop();
        }
    }
}
