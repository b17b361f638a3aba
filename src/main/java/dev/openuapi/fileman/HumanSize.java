package dev.openuapi.fileman;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A byte count for people, in cPanel's units (KB, MB, GB, TB of 1024): {@code 4096} is {@code 4 KB}, {@code 268} is {@code 0.26 KB}. */
final class HumanSize {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private HumanSize() {
    }

    static String of(long bytes) {
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString() + " " + UNITS[unit];
    }
}
