package dev.openuapi.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Shape;
import dev.openuapi.plan.Plan;

/** UAPI {@code Quota} (spec §9.1 rows 1-2): disk use against the plan's quota; 0 means unlimited. */
@ApplicationScoped
public class QuotaModule implements ApiModule {

    private final UsageService usage;

    QuotaModule(UsageService usage) {
        this.usage = usage;
    }

    @Override
    public String name() {
        return "Quota";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("get_quota_info")
                        .summary("Return the account's disk use and quota")
                        .description("Megabytes used, the limit (0: unlimited) and what remains. Inodes are not metered: 0.")
                        .returns(Shape.object("Quota.")
                                .field("megabytes_used", Shape.number("MB used."))
                                .field("megabyte_limit", Shape.number("MB allowed; 0 is unlimited."))
                                .field("megabytes_remain", Shape.number("MB left; 0 when unlimited."))
                                .field("inodes_used", Shape.integer("Not metered: 0."))
                                .field("inode_limit", Shape.integer("0: unlimited."))
                                .field("inodes_remain", Shape.integer("0."))
                                .field("under_megabyte_limit", Shape.integer("1 or 0."))
                                .field("under_inode_limit", Shape.integer("1."))
                                .field("under_quota_overall", Shape.integer("1 or 0."))
                                .build())
                        .handledBy(this::quotaInfo),
                ApiFunction.named("get_local_quota_info")
                        .summary("Return the account's disk use and quota in bytes")
                        .returns(Shape.object("Quota in bytes.")
                                .field("byte_limit", Shape.integer("Bytes allowed; 0 is unlimited."))
                                .field("bytes_used", Shape.integer("Bytes used."))
                                .field("inode_limit", Shape.integer("0: unlimited."))
                                .field("inodes_used", Shape.integer("Not metered: 0."))
                                .build())
                        .handledBy(this::localQuotaInfo));
    }

    private Object quotaInfo(Call call) {
        long used = usage.usage(call.principal().accountId()).diskUsedBytes;
        Long limitMb = usage.plan(call.principal()).map((Plan p) -> p.diskQuotaMb).orElse(null);
        BigDecimal usedMb = megabytes(used);
        boolean unlimited = limitMb == null || limitMb == 0;
        boolean under = unlimited || used < limitMb * UsageService.MIB;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("megabytes_used", plain(usedMb));
        data.put("megabyte_limit", unlimited ? 0 : limitMb);
        data.put("megabytes_remain", unlimited ? 0 : plain(BigDecimal.valueOf(limitMb).subtract(usedMb).max(BigDecimal.ZERO)));
        data.put("inodes_used", 0);
        data.put("inode_limit", 0);
        data.put("inodes_remain", 0);
        data.put("under_megabyte_limit", under ? 1 : 0);
        data.put("under_inode_limit", 1);
        data.put("under_quota_overall", under ? 1 : 0);
        return data;
    }

    private Object localQuotaInfo(Call call) {
        long used = usage.usage(call.principal().accountId()).diskUsedBytes;
        Long limitMb = usage.plan(call.principal()).map((Plan p) -> p.diskQuotaMb).orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("byte_limit", limitMb == null ? 0 : limitMb * UsageService.MIB);
        data.put("bytes_used", used);
        data.put("inode_limit", 0);
        data.put("inodes_used", 0);
        return data;
    }

    private static BigDecimal megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(UsageService.MIB), 2, RoundingMode.HALF_UP);
    }

    /** A whole number as an integer (512), otherwise a decimal (512.4), never in exponent form. */
    private static Number plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Number) stripped.longValueExact() : (Number) stripped.doubleValue();
    }
}
