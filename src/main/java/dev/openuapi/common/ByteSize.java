package dev.openuapi.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts for people, as cPanel writes them. */
public final class ByteSize {

    private static final String[] UNITS = { "KB", "MB", "GB", "TB", "PB", "EB" };

    private ByteSize() {
    }

    /**
     * {@code bytes} in the largest of cPanel's 1024-based units (from KB) that keeps it at 1 or more, with up to two
     * decimals: {@code 1536} is {@code 1.5 KB}, {@code 1835008} is {@code 1.75 MB}, {@code 268} is {@code 0.26 KB}.
     */
    public static String inUnits(long bytes) {
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + UNITS[unit];
    }
}
