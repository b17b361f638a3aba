package dev.openuapi.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * OpenUAPI's own settings, prefix {@code openuapi}. Each key maps to an environment variable in the usual
 * way ({@code openuapi.root-password} is {@code OPENUAPI_ROOT_PASSWORD}).
 */
@ConfigMapping(prefix = "openuapi")
public interface OpenUapiConfig {

    /**
     * The operator's password for HTTP Basic as {@code root} on the admin API ({@code /api/v1/accounts}).
     * There is no default outside the dev and test profiles: when it is not set the admin API is off.
     */
    Optional<String> rootPassword();

    Password password();

    /**
     * Reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} header is believed. A token's
     * IP allow-list and last-use address use the socket's peer, unless that peer is one of these; then the
     * nearest address in the header that is not itself a trusted proxy. Empty (the default): the header is
     * ignored.
     */
    Optional<java.util.List<String>> trustedProxies();

    /**
     * Origins ({@code scheme://host[:port]}) besides the service's own whose pages may send requests with
     * browser credentials (HTTP Basic, cookies). The service's own host, on its HTTP and HTTPS ports, always may;
     * any other origin, or {@code Sec-Fetch-Site: cross-site}, is refused (issue 12 §3). Empty (the default): none.
     */
    Optional<java.util.List<String>> trustedOrigins();

    DemoAccount demoAccount();

    Dns dns();

    Ssl ssl();

    Mysql mysql();

    Server server();

    Tls tls();

    Input input();

    Tokens tokens();

    AccessLog accessLog();

    /**
     * The access log, one line per request on standard output (see {@code face.AccessLog}). The pattern uses
     * Quarkus's access-log codes ({@code quarkus.http.access-log.pattern}); {@code %R} is the path without the
     * query string, which may carry passwords, so never use {@code %U} or {@code %q}.
     */
    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("%h %t \"%m %R %H\" %s %b %Dms")
        String pattern();

        /** Paths not logged (a regular expression). */
        @WithDefault("/q/(health|metrics).*")
        Optional<String> excludePattern();

        /** A file to append the lines to instead of standard output (created if missing). */
        Optional<String> file();
    }

    Activity activity();

    /**
     * The activity log (issue 20 §1, {@code activity.ActivityRecorder}): calls counted per credential, face, module,
     * function, result and minute, each token's recent calls, and failed logins against known accounts. Never an
     * argument or a secret. Written in batches off the request path.
     */
    interface Activity {
        /** false: nothing is recorded (the request path does not even count). */
        @WithDefault("true")
        boolean enabled();

        /** How long counts, events and failed-login counts are kept; older rows are deleted by the clean-up. */
        @WithDefault("90d")
        Duration retention();

        /** The newest calls kept per token (older ones are deleted by the clean-up). */
        @WithDefault("1000")
        int recentEvents();

        /** How often what was gathered in memory is written (one transaction): the events, the failed logins, and the counts when due. */
        @WithDefault("1s")
        Duration flushInterval();

        /**
         * How often the counts are written (at a flush): each row of a token's minute is updated once per interval it
         * is used in, so with 10,000 tokens in use 1 s meant 10,000 row updates a second (issue 13's token table).
         */
        @WithDefault("10s")
        Duration countFlushInterval();

        /** The most counts and events waiting in memory; past it they are dropped and counted in a metric. */
        @WithDefault("100000")
        int maxPending();

        /** How often the clean-up runs. */
        @WithDefault("10m")
        Duration cleanupInterval();

        /** The most rows one clean-up statement deletes (several statements per run, each its own transaction). */
        @WithDefault("5000")
        int cleanupBatch();
    }

    Sessions sessions();

    Homes homes();

    /** The accounts' home directories (issue 16, src/docs/files.md). */
    interface Homes {
        /**
         * The directory that holds one home directory per account, {@code <root>/<user>}; made when missing. With
         * more than one replica it must be shared storage (a ReadWriteMany volume). A relative path is taken from the
         * working directory.
         */
        @WithDefault("/home")
        String root();

        /**
         * File Manager's archive extraction (API 2 {@code Fileman::fileop op=extract}) refuses an archive with more
         * entries than this, before anything of it is kept (src/docs/file-operations.md).
         */
        @WithDefault("20000")
        int archiveMaxEntries();

        /**
         * ... and an archive whose expanded content is larger than this many bytes (a zip bomb), whatever the disk
         * quota leaves free.
         */
        @WithDefault("4294967296")
        long archiveMaxBytes();
    }

    /**
     * cPanel's session login ({@code POST /login/}, WHM's {@code create_user_session}; src/docs/sessions.md). A
     * session ends when it is not used for {@code idle-timeout}, and {@code absolute-timeout} after it began however
     * much it is used; both are checked on every request against the clock.
     */
    interface Sessions {
        /** A session not used for this long ends (cPanel's sessions from create_user_session: 15 minutes). */
        @WithDefault("15m")
        Duration idleTimeout();

        /** A session ends this long after its login, even while it is used. */
        @WithDefault("8h")
        Duration absoluteTimeout();

        /**
         * The ports that make a login a WHM (whostmgrd) session when the client addressed one of them (the port of
         * its {@code Host} header, or of a trusted proxy's {@code X-Forwarded-Host}): cPanel's 2086 and 2087, as
         * the Helm chart's {@code service.cpanelWhmPorts} maps them. Any other port makes a cPanel (cpaneld) session.
         */
        @WithDefault("2086,2087")
        java.util.List<Integer> whmPorts();
    }

    /** Issued token values and the in-memory view of tokens that answers authentication. */
    interface Tokens {
        /**
         * The key of the check that issued tokens carry in their last six characters (an HMAC of the rest), so
         * that a guessed token is refused without a database lookup. At least 32 characters, the same on every
         * replica. Required: no default outside the dev and test profiles.
         */
        String checkKey();

        /**
         * Earlier check keys, still accepted (rotation: move the current key here, set a new one). A token
         * issued under a key listed nowhere is still accepted: it is known by its hash, in memory.
         */
        Optional<java.util.List<String>> previousCheckKeys();

        /** The most tokens (and accounts) whose identities are kept in memory on each replica. */
        @WithDefault("100000")
        long cacheSize();

        /**
         * How many replicas share each token's rate limit (issue 20 §2): each replica allows a token its limit divided by
         * this (rounded up, at least 1) a minute. 1 (the default): each replica allows the whole limit, so with R replicas a
         * token makes at most R times its limit a minute. Set it to the replica count behind a balancer that spreads one
         * token's calls evenly (round-robin) to hold the limit within R calls.
         */
        @WithDefault("1")
        int rateLimitReplicas();
    }

    /** Limits on what one request may carry, beyond Quarkus's body size limit. */
    interface Input {
        /**
         * The most parameters (query string, form or multipart fields, JSON keys together) one call may carry.
         * Past it the call is refused in its face's envelope without reading the rest.
         */
        @WithDefault("10000")
        int maxParameters();
    }

    Cphulk cphulk();

    /**
     * cPHulk brute-force protection (spec §11): cPanel's defaults, on by default. The WHM functions
     * ({@code set_cphulk_config_key}, {@code enable_cphulk}, …) override these at run time, stored in the
     * database for every replica; {@code enabled=false} turns it off for good, whatever they say.
     */
    interface Cphulk {
        /** The hard switch: false turns cPHulk off and {@code enable_cphulk} cannot turn it back on. */
        @WithDefault("true")
        boolean enabled();

        /** {@code max_failures_byip}: failures from one address in the IP period that block it for the period. */
        @WithDefault("5")
        int maxFailuresByip();

        /** {@code ip_brute_force_period_mins}. */
        @WithDefault("15")
        int ipBruteForcePeriodMins();

        /** {@code mark_as_brute}: failures from one address in the look-back period that make it an excessive brute. */
        @WithDefault("30")
        int markAsBrute();

        /** {@code lookback_period_min}. */
        @WithDefault("360")
        int lookbackPeriodMin();

        /** How long an excessive brute stays blocked, in seconds (cPanel: one day). */
        @WithDefault("86400")
        long excessiveBlockSeconds();

        /** {@code max_failures}: failures for one user in the user period that lock the user for the period. */
        @WithDefault("15")
        int maxFailures();

        /** {@code brute_force_period_mins}. */
        @WithDefault("5")
        int bruteForcePeriodMins();

        /** {@code username_based_protection}: the user lockout for every address. */
        @WithDefault("false")
        boolean usernameBasedProtection();

        /** {@code username_based_protection_local_origin}: the user lockout for requests from loopback addresses. */
        @WithDefault("true")
        boolean usernameBasedProtectionLocalOrigin();

        /** {@code username_based_protection_for_root}: root too may be locked. */
        @WithDefault("false")
        boolean usernameBasedProtectionForRoot();

        /** An IPv6 address counts as its network of this many bits. */
        @WithDefault("64")
        int ipv6PrefixLength();

        /** The most addresses, users and credentials tracked in memory at once (each kind); the oldest go first. */
        @WithDefault("100000")
        int maxTracked();
    }

    /**
     * HTTPS on 2083. A certificate configured with {@code quarkus.http.ssl.certificate.files} and
     * {@code key-files} is used as is; otherwise OpenUAPI generates a self-signed one at first start (read
     * by {@code dev.openuapi.tls.SelfSignedCertificateSource}, which runs before this mapping exists).
     */
    interface Tls {
        /** Generate a self-signed certificate when none is configured. */
        @WithDefault("true")
        boolean selfSigned();

        /** Where the generated certificate and key are kept ({@code openuapi.crt}, {@code openuapi.key}). */
        @WithDefault("/var/lib/openuapi/tls")
        String directory();
    }

    interface Server {
        /** The host name reported by StatsBar and Variables; the machine's own name when unset. */
        Optional<String> hostname();

        /**
         * The cPanel version reported to clients (StatsBar {@code cpanelversion}): the API level OpenUAPI follows,
         * so clients that branch on the version take the right branch.
         */
        @WithDefault("11.120.0.16")
        String cpanelVersion();
    }

    interface Mysql {
        /** The hosts each customer database user is created for, as cPanel creates them for localhost. */
        @WithDefault("localhost,127.0.0.1,::1")
        java.util.List<String> userHosts();

        /** The dump client backups run (the password goes in a 0600 option file, never in its arguments). */
        @WithDefault("mariadb-dump")
        String dumpCommand();

        /** The client restores load dumps with, under the same rule. */
        @WithDefault("mariadb")
        String clientCommand();
    }

    interface Ssl {
        /**
         * The secret that encrypts stored private keys (AES-256-GCM). No default outside the dev and test
         * profiles: without it, installing a certificate is refused. Changing it makes stored keys unreadable.
         */
        Optional<String> keySecret();
    }

    /** What new zones get (spec: SOA, NS and the main A record). */
    interface Dns {
        /**
         * The zone's nameservers, written as NS records and as the SOA's primary. Required: no default outside
         * the dev and test profiles, and reserved example names are refused there ({@link ProductionSettings}).
         */
        java.util.List<String> nameservers();

        /**
         * The MariaDB database (on the same server) that holds PowerDNS's tables. Unset: OpenUAPI's own
         * database, where Flyway creates them. Set: the tables are created there at startup if missing.
         * Either way one transaction covers an account's data and its zones.
         */
        Optional<String> database();

        /**
         * The address of the A record for each new domain (the hosting server's IP). Required: no default
         * outside the dev and test profiles, and documentation addresses are refused there ({@link ProductionSettings}).
         */
        String accountIp();

        /**
         * The server's further IPv4 addresses, besides {@link #accountIp()}: WHM's {@code listips} lists them, and
         * {@code setsiteip} and {@code createacct} ({@code ip=y}, {@code customip}) give them to accounts, whose zones'
         * A records then point at them. Unset: the server has one address.
         */
        Optional<java.util.List<String>> additionalIps();

        /** TTL of records created without one. */
        @WithDefault("14400")
        int defaultTtl();

        /** SOA timers: refresh, retry, expire, minimum (negative-caching TTL). */
        @WithDefault("3600 1800 1209600 86400")
        String soaTimers();

        /**
         * The DNS servers that UAPI's DNS lookups ask ({@code DNS::lookup}, {@code has_local_authority},
         * {@code ensure_domains_reside_only_locally}): each {@code host}, {@code host:port} or {@code [ipv6]:port}, asked
         * in turn. Unset: the machine's own resolvers ({@code /etc/resolv.conf}).
         */
        Optional<java.util.List<String>> resolvers();

        /** How long one of those lookups waits for an answer before it reports a timeout. */
        @WithDefault("5s")
        java.time.Duration resolverTimeout();
    }

    interface Password {
        /** BCrypt cost factor for account passwords (2^cost rounds). */
        @WithDefault("12")
        int bcryptCost();
    }

    Files files();

    /** Limits of the file functions (UAPI Fileman, src/docs/fileman.md). */
    interface Files {
        /**
         * The largest request {@code POST /execute/Fileman/upload_files} may send (every file and field together); the
         * rest of the API keeps {@code quarkus.http.limits.max-body-size}. Past it the upload is refused with 413 and
         * nothing is stored. The account's disk quota still applies to every byte written.
         */
        @WithDefault("256M")
        io.quarkus.runtime.configuration.MemorySize maxUploadSize();
    }

    /** A demo account created at startup (enabled in the dev profile only) so Swagger UI works at once. */
    interface DemoAccount {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("alice")
        String username();

        Optional<String> password();

        @WithDefault("alice.example")
        String domain();
    }

    DiskUsage diskUsage();

    /** How each account's disk use is kept and measured (src/docs/disk-usage.md). */
    interface DiskUsage {
        /**
         * A home's stored size older than this is measured again by walking the home, in the background, to catch
         * what other programs (mail delivery, FTP) wrote; the stored figure is used meanwhile. {@code 0}: never walk a
         * home that has a figure (the metering agent's reports keep it). OpenUAPI's own writes update the figure at once.
         */
        @WithDefault("6h")
        Duration rescanInterval();

        /** How long one replica reuses the size of an account's databases (read from information_schema). */
        @WithDefault("60s")
        Duration databaseCache();
    }

    Backup backup();

    /** Account backups and their restore (issue 17 §1, src/docs/backups.md, {@code dev.openuapi.backup}). */
    interface Backup {
        /**
         * The backup volume: the operator's restore ({@code POST /api/v1/accounts/restore}) takes an archive's file name
         * here as well as a path in a home.
         */
        @WithDefault("/backup")
        String dir();

        /**
         * A backup whose job has not shown progress for this long (its replica stopped, or was killed mid-way) is
         * listed as {@code timeout}, never as complete. The job touches its marker every {@link #heartbeat()}.
         */
        @WithDefault("10m")
        Duration stallTimeout();

        /** How often a running backup job records that it is still progressing. */
        @WithDefault("5s")
        Duration heartbeat();
    }
}
