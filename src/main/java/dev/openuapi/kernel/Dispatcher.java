package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.activity.ActivityRecorder;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DatabaseUnavailable;
import dev.openuapi.common.Quote;
import dev.openuapi.metrics.OpenUapiMetrics;

/**
 * Runs an API function: name checks, module feature (or the WHM privilege), lookup, required parameters,
 * then the function itself, in cPanel's order (spec §6.3). Every result is an {@link Outcome}, which each
 * face shapes its own way; failures never escape as exceptions.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Pattern LEGAL_FUNCTION = Pattern.compile("[A-Za-z0-9_]{1,1024}");

    private final FunctionRegistry registry;
    private final OpenUapiMetrics metrics;
    private final ObjectMapper json;
    private final ActivityRecorder activity;

    Dispatcher(FunctionRegistry registry, OpenUapiMetrics metrics, ObjectMapper json, ActivityRecorder activity) {
        this.activity = activity;
        this.registry = registry;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Runs a WHM API 1 function for a WHM user, after checking the privilege (ACL) the function declares.
     */
    public Outcome runWhm(WhmUser user, String functionName, Args args) {
        ApiFunction function = registry.module(ApiModule.WHM).map(m -> m.functions(ApiKind.WHM1).get(functionName)).orElse(null);
        // only registered names become metric tags and activity rows: a caller cannot make up new ones
        String known = function == null ? FunctionRegistry.UNKNOWN : functionName;
        Outcome outcome = timed(ApiKind.WHM1, ApiModule.WHM, known, () -> dispatchWhm(user, function, functionName, args));
        if (activity.enabled()) {
            activity.call(null, ApiModule.WHM, known, outcome.ok() ? ActivityRecorder.Result.OK
                    : function != null && !user.has(function.acl()) ? ActivityRecorder.Result.REFUSED : ActivityRecorder.Result.FAILED);
        }
        return outcome;
    }

    private Outcome dispatchWhm(WhmUser user, ApiFunction function, String functionName, Args args) {
        if (function == null) {
            return Outcome.notFound("Unknown app (" + functionName + ") requested for this version (1) of the API.");
        }
        if (!user.has(function.acl())) {
            return Outcome.failed(permissionDenied(functionName, function.acl()));
        }
        return invoke(ApiKind.WHM1, function, Call.asWhmUser(user, args), ApiModule.WHM, functionName);
    }

    public static String permissionDenied(String function, String acl) {
        return "Permission denied: " + Quote.of(function) + " needs the " + Quote.of(acl) + " privilege.";
    }

    /** Runs a UAPI or API 2 function as an account. */
    public Outcome run(ApiKind kind, Principal account, String moduleName, String functionName, Args args) {
        return run(kind, account, moduleName, functionName, args, List.of());
    }

    /** The same, with the files a multipart request carried ({@link Call#uploads()}). */
    public Outcome run(ApiKind kind, Principal account, String moduleName, String functionName, Args args, List<Upload> uploads) {
        FunctionRegistry.Names names = registry.names(kind, moduleName, functionName); // once, for the metrics and the log
        Outcome outcome = timed(kind, names.module(), names.function(),
                () -> dispatch(kind, account, moduleName, functionName, args, uploads));
        if (activity.enabled()) {
            record(kind, account, names, moduleName, functionName, outcome);
        }
        return outcome;
    }

    /**
     * The call in the activity log, as the account it ran as: registered names only (others are {@code unknown}), and
     * refused when the account's features or the token's scope did not let it run.
     */
    private void record(ApiKind kind, Principal account, FunctionRegistry.Names names, String moduleName, String functionName,
            Outcome outcome) {
        ActivityRecorder.Result result = outcome.ok() ? ActivityRecorder.Result.OK
                : names.known() && !mayRun(kind, account, moduleName, functionName) ? ActivityRecorder.Result.REFUSED
                        : ActivityRecorder.Result.FAILED;
        activity.call(account.accountId(), names.module(), names.function(), result);
    }

    /** Times the call under registered names only ({@link FunctionRegistry#names}): a caller cannot make up new time series. */
    private Outcome timed(ApiKind kind, String module, String function, java.util.function.Supplier<Outcome> call) {
        return metrics.timeCall(kind.name().toLowerCase(java.util.Locale.ROOT), module, function, call, Outcome::ok);
    }

    private Outcome dispatch(ApiKind kind, Principal account, String moduleName, String functionName, Args args, List<Upload> uploads) {
        if (!LEGAL_FUNCTION.matcher(functionName).matches() || functionName.startsWith("_")) {
            return kind == ApiKind.API2 ? Outcome.notFound(api2NotFound(moduleName, functionName))
                    : Outcome.failed("Illegal function name: " + Quote.cut(functionName));
        }
        Optional<FunctionRegistry.Module> module = registry.module(moduleName);
        if (module.isEmpty() || (kind == ApiKind.API2 && module.get().functions(kind).isEmpty())) {
            return kind == ApiKind.API2 ? Outcome.notFound(api2NotFound(moduleName, functionName))
                    : Outcome.notFound("Failed to load module " + Quote.of(moduleName) + ": The system failed to load the module "
                            + Quote.of("Cpanel::API::" + moduleName) + ".");
        }
        Optional<String> moduleFeature = module.get().module().feature();
        if (moduleFeature.isPresent() && !account.hasFeature(moduleFeature.get())) {
            return Outcome.failed(noFeature(moduleFeature.get()));
        }
        ApiFunction function = module.get().functions(kind).get(functionName);
        if (function == null) {
            return Outcome.notFound(kind == ApiKind.API2 ? api2NotFound(moduleName, functionName)
                    : "The system could not find the function " + Quote.of(functionName) + " in the module " + Quote.of(moduleName) + ".");
        }
        if (function.feature() != null && !account.hasFeature(function.feature())) {
            return Outcome.failed(noFeature(function.feature()));
        }
        Optional<String> outOfScope = scopeRefusal(account, moduleName, moduleFeature, function);
        if (outOfScope.isPresent()) {
            return Outcome.failed(outOfScope.get());
        }
        return invoke(kind, function, Call.asAccount(account, args, uploads), moduleName, functionName);
    }

    /**
     * Whether {@code account} may call this UAPI or API 2 function at all: the module exists and has it, the account has
     * its features and the token's scope lets it through. A face that must decide before reading a request's body
     * ({@code face.uapi.UploadRoute}) asks this; {@link #run} makes the same checks and words the refusal.
     */
    public boolean mayRun(ApiKind kind, Principal account, String moduleName, String functionName) {
        Optional<FunctionRegistry.Module> module = registry.module(moduleName);
        ApiFunction function = module.map(m -> m.functions(kind).get(functionName)).orElse(null);
        if (function == null) {
            return false;
        }
        Optional<String> moduleFeature = module.get().module().feature();
        return moduleFeature.map(account::hasFeature).orElse(true)
                && (function.feature() == null || account.hasFeature(function.feature()))
                && scopeRefusal(account, moduleName, moduleFeature, function).isEmpty();
    }

    public static final String UNRESTRICTED_ONLY = "This function is available to unrestricted API tokens only.";

    /**
     * What a scoped or read-only token may not do (issue 19 §1), checked after the account's own features: every call
     * as an account comes through here, whatever the face, inside {@code Batch::strict} too, and so does a call made
     * by a WHM user acting as the account (whose principal has no scope: nothing is narrowed).
     * <ul>
     * <li>a function that needs no feature at all is for unrestricted tokens only (spec §3.5);
     * <li>a token limited to features needs each feature the function needs (its module's and its own);
     * <li>a read-only token may call only functions declared {@code readsOnly()}.
     * </ul>
     * A function that only runs other calls ({@link ApiFunction#runsCalls()}) is let through: each of its calls is checked.
     *
     * @return the refusal, in cPanel's words where cPanel has them
     */
    public static Optional<String> scopeRefusal(Principal account, String moduleName, Optional<String> moduleFeature, ApiFunction function) {
        TokenScope scope = account.scope();
        if (scope == null || function.runsCalls()) {
            return Optional.empty();
        }
        List<String> needed = new ArrayList<>(2);
        moduleFeature.ifPresent(needed::add);
        if (function.feature() != null) {
            needed.add(function.feature());
        }
        if (needed.isEmpty()) {
            return Optional.of(UNRESTRICTED_ONLY);
        }
        for (String feature : needed) {
            if (!scope.allows(feature)) {
                return Optional.of(noFeature(feature));
            }
        }
        if (scope.readOnly() && function.changesState()) {
            return Optional.of(readOnlyRefusal(moduleName + "::" + function.name()));
        }
        return Optional.empty();
    }

    /** A read-only token's refusal of {@code what} (a function, {@code Module::function}, or an endpoint). */
    public static String readOnlyRefusal(String what) {
        return "This API token is read-only: " + Quote.of(what) + " changes data.";
    }

    /** Required arguments, then the function itself. */
    private Outcome invoke(ApiKind kind, ApiFunction function, Call call, String moduleName, String functionName) {
        Optional<String> argumentError = checkRequired(function, call.args());
        if (argumentError.isPresent()) {
            return Outcome.failed(argumentError.get());
        }
        try {
            Object data = plain(function.handler().run(call));
            return new Outcome(Outcome.Status.OK, data, List.copyOf(call.errors()), List.copyOf(call.warnings()),
                    List.copyOf(call.messages()));
        } catch (ApiException e) {
            return Outcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                // An outage, not a bug: one line per call, no stack trace, and a message that says to retry.
                LOG.warnf("%s %s::%s: database unavailable (%s)", kind, moduleName, functionName, DatabaseUnavailable.describe(e));
                return Outcome.failed(DatabaseUnavailable.MESSAGE);
            }
            // Never echo an unexpected exception to the caller; the log keeps the detail.
            LOG.errorf(e, "%s %s::%s failed for %s", kind, moduleName, functionName, call.who());
            return Outcome.failed("The system encountered an internal error while running " + moduleName + "::"
                    + functionName + ".");
        }
    }

    /**
     * A function's data as plain JSON values (maps, lists, strings, numbers): typed rows (records) become
     * maps in their declared field order, so every face filters, sorts and renders one kind of data.
     */
    private Object plain(Object data) {
        return isPlain(data) ? data : json.convertValue(data, Object.class);
    }

    /** Whether {@code data} is plain JSON already (maps with string keys, lists, strings, numbers, booleans): then it is not copied. */
    static boolean isPlain(Object data) {
        if (data == null || data instanceof String || data instanceof Number || data instanceof Boolean) {
            return true;
        }
        if (data instanceof java.util.Map<?, ?> map) {
            // keys and values apart: an unmodifiable map's entry set wraps every entry in a new object
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    return false;
                }
            }
            for (Object value : map.values()) {
                if (!isPlain(value)) {
                    return false;
                }
            }
            return true;
        }
        if (data instanceof java.util.List<?> list) {
            for (Object element : list) {
                if (!isPlain(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** PublicAPI and other clients look for "Could not find function" in API 2's error. */
    static String api2NotFound(String module, String function) {
        return "Could not find function '" + Quote.cut(function) + "' in module '" + Quote.cut(module) + "'";
    }

    public static String noFeature(String feature) {
        return "You do not have the feature " + Quote.of(feature) + ".";
    }

    /** cPanel's {@code get_length_required} / {@code get_required_multiple} messages. */
    static Optional<String> checkRequired(ApiFunction function, Args args) {
        List<String> missing = new ArrayList<>();
        for (Param param : function.params()) {
            if (!param.isRequired()) {
                continue;
            }
            boolean absent = param.isMultiple() ? args.getMultiple(param.name()).isEmpty() : args.get(param.name()) == null;
            if (absent) {
                if (param.missingMessage() != null) {
                    return Optional.of(param.missingMessage());
                }
                if (param.isMultiple()) {
                    return Optional.of("Provide at least one " + Quote.of(param.name()) + " argument.");
                }
                missing.add(param.name());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("Provide the " + quotedList(missing) + (missing.size() == 1 ? " argument." : " arguments."));
        }
        for (Param param : function.params()) {
            if (param.isRequired() && !param.isMultiple() && args.get(param.name()).isEmpty()) {
                return Optional.of(param.missingMessage() != null ? param.missingMessage()
                        : "The " + Quote.of(param.name()) + " argument cannot be empty.");
            }
        }
        return Optional.empty();
    }

    private static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(n -> Quote.of(n) ).toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        if (quoted.size() == 2) {
            return quoted.get(0) + " and " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
    }
}
