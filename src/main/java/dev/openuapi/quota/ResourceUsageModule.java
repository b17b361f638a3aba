package dev.openuapi.quota;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Shape;

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
        return List.of(ApiFunction.named("get_usages")
                .summary("Return the account's resource usage against its plan")
                .description("Disk and bandwidth as the metering agent reports them; counts from the stored resources. "
                        + "maximum is null when the plan sets no limit.")
                .returns(Shape.arrayOf("One row per resource.", Shape.object("A resource.")
                        .field("id", Shape.string("disk_usage, bandwidth, email_accounts, mysql_databases, ftp_accounts, subdomains, "
                                + "addon_domains, parked_domains."))
                        .field("description", Shape.string("Display name."))
                        .field("usage", Shape.integer("Current use (bytes or a count)."))
                        .field("maximum", Shape.integer("The limit, or null for unlimited.").orNull())
                        .field("formatter", Shape.string("format_bytes, or null.").orNull())
                        .field("url", Shape.string("Always null.").orNull())
                        .field("error", Shape.string("Always null.").orNull())
                        .build()))
                .handledBy(call -> usage.usages(call.principal())));
    }
}
