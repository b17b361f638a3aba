package dev.openuapi.quota;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Shape;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** UAPI {@code ResourceUsage::get_usages} (spec §9.1 row 28). */
@ApplicationScoped
public class ResourceUsageModule implements ApiModule {

    private final UsageService usage;

    ResourceUsageModule(UsageService usage) {
        this.usage = usage;
    }

    @Override
    public String name() {
        return "ResourceUsage";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("get_usages").readsOnly()
                .summary("Return the account's resource usage against its plan")
                .description("disk_usage: the home's files and mail plus the databases (src/docs/disk-usage.md); bandwidth as the "
                        + "metering agent reports it; counts from the stored resources. "
                        + "maximum is null when the plan sets no limit.")
                .returns(Shape.arrayOf("One row per resource.", Shape.of(UsageRow.class)))
                .exampleJson("""
                        [{"id":"disk_usage","description":"Disk Usage","usage":26550272,"maximum":null,"formatter":"format_bytes",\
                        "url":null,"error":null}]""")
                .handledBy(call -> usage.usages(call.principal()).stream().map(UsageRow::of).toList()));
    }

    @RegisterForReflection
    @Schema(description = "A resource.")
    record UsageRow(
            @Schema(description = "disk_usage, bandwidth, email_accounts, mysql_databases, ftp_accounts, subdomains, addon_domains, "
                    + "parked_domains.") String id,
            @Schema(description = "Display name.") String description,
            @Schema(description = "Current use (bytes or a count).") long usage,
            @Schema(description = "The limit, or null for unlimited.", nullable = true) Long maximum,
            @Schema(description = "format_bytes, or null.", nullable = true) String formatter,
            @Schema(description = "Always null.", nullable = true) String url,
            @Schema(description = "Always null.", nullable = true) String error) {

        static UsageRow of(UsageService.ResourceUse use) {
            return new UsageRow(use.id(), use.description(), use.usage(), use.maximum(), use.formatter(), null, null);
        }
    }
}
