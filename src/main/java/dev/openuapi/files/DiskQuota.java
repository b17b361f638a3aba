package dev.openuapi.files;

/**
 * What a write into a home directory may use. {@link Home} asks before a write grows the account's disk use, and
 * reports what the write changed once it is done.
 */
public interface DiskQuota {

    /** Refuses ({@code ApiException}) when {@code growthBytes} more would put the account over its plan's disk quota. */
    void check(Home home, long growthBytes);

    /** A write changed the home's size by {@code deltaBytes} (negative when it shrank). */
    void changed(Home home, long deltaBytes);
}
