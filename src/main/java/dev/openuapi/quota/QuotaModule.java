package dev.openuapi.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Shape;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * UAPI {@code Quota} (spec §9.1 rows 1-2): disk use (home files and mail, plus databases: src/docs/disk-usage.md)
 * against the plan's quota; 0 means unlimited.
 */
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
                ApiFunction.named("get_quota_info").readsOnly()
                        .summary("Return the account's disk use and quota")
                        .description("Megabytes used (home files and mail, plus databases), the limit (0: unlimited) and what remains. Inodes are not "
                                + "metered: 0.")
                        .returns(Shape.of(QuotaInfo.class))
                        .exampleJson("""
                                {"megabytes_used":25.32,"megabyte_limit":0,"megabytes_remain":0,"inodes_used":0,"inode_limit":0,\
                                "inodes_remain":0,"under_megabyte_limit":1,"under_inode_limit":1,"under_quota_overall":1}""")
                        .handledBy(this::quotaInfo),
                ApiFunction.named("get_local_quota_info").readsOnly()
                        .summary("Return the account's disk use and quota in bytes")
                        .returns(Shape.of(LocalQuotaInfo.class))
                        .exampleJson("{\"byte_limit\":0,\"bytes_used\":26550272,\"inode_limit\":0,\"inodes_used\":0}")
                        .handledBy(this::localQuotaInfo));
    }

    private Object quotaInfo(Call call) {
        UsageService.Disk disk = usage.disk(call.principal());
        long used = disk.usedBytes();
        boolean unlimited = disk.limitBytes() == null;
        Long limitMb = unlimited ? null : disk.limitBytes() / UsageService.MIB;
        BigDecimal usedMb = megabytes(used);
        boolean under = unlimited || used < disk.limitBytes();
        return new QuotaInfo(plain(usedMb), unlimited ? 0 : limitMb,
                unlimited ? 0 : plain(BigDecimal.valueOf(limitMb).subtract(usedMb).max(BigDecimal.ZERO)), 0, 0, 0, under ? 1 : 0, 1,
                under ? 1 : 0);
    }

    private Object localQuotaInfo(Call call) {
        UsageService.Disk disk = usage.disk(call.principal());
        return new LocalQuotaInfo(disk.limitBytes() == null ? 0 : disk.limitBytes(), disk.usedBytes(), 0, 0);
    }

    @RegisterForReflection
    @Schema(description = "Quota.")
    record QuotaInfo(@JsonProperty("megabytes_used") @Schema(description = "MB used.", type = SchemaType.NUMBER) Number megabytesUsed,
            @JsonProperty("megabyte_limit") @Schema(description = "MB allowed; 0 is unlimited.", type = SchemaType.NUMBER) Number megabyteLimit,
            @JsonProperty("megabytes_remain") @Schema(description = "MB left; 0 when unlimited.", type = SchemaType.NUMBER)
            Number megabytesRemain,
            @JsonProperty("inodes_used") @Schema(description = "Not metered: 0.") int inodesUsed,
            @JsonProperty("inode_limit") @Schema(description = "0: unlimited.") int inodeLimit,
            @JsonProperty("inodes_remain") @Schema(description = "0.") int inodesRemain,
            @JsonProperty("under_megabyte_limit") @Schema(description = "1 or 0.") int underMegabyteLimit,
            @JsonProperty("under_inode_limit") @Schema(description = "1.") int underInodeLimit,
            @JsonProperty("under_quota_overall") @Schema(description = "1 or 0.") int underQuotaOverall) {
    }

    @RegisterForReflection
    @Schema(description = "Quota in bytes.")
    record LocalQuotaInfo(@JsonProperty("byte_limit") @Schema(description = "Bytes allowed; 0 is unlimited.") long byteLimit,
            @JsonProperty("bytes_used") @Schema(description = "Bytes used.") long bytesUsed,
            @JsonProperty("inode_limit") @Schema(description = "0: unlimited.") int inodeLimit,
            @JsonProperty("inodes_used") @Schema(description = "Not metered: 0.") int inodesUsed) {
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
