package dev.openuapi.files;

/**
 * What a write into a home directory may use. {@link Home} asks before a write grows the account's disk use, and
 * reports what the write changed once it is done.
 */
public interface DiskQuota {

    /** Refuses ({@code ApiException}) when {@code growthBytes} more would put the account over its plan's disk quota. */
    void check(Home home, long growthBytes);

    /**
     * {@link #check}, and how many bytes more than {@code growthBytes} the account may still grow by
     * ({@link Long#MAX_VALUE}: no limit), so that a long write asks again only once it has used that room.
     */
    default long room(Home home, long growthBytes) {
        check(home, growthBytes);
        return 0;
    }

    /** A write changed the home's size by {@code deltaBytes} (negative when it shrank). */
    void changed(Home home, long deltaBytes);
}
