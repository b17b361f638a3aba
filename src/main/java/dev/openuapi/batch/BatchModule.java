package dev.openuapi.batch;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.common.ApiException;
import dev.openuapi.face.uapi.UapiResult;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Batch::strict}: runs UAPI calls in order and stops at the first failure. Each {@code command}
 * is a JSON array {@code ["Module","function",{arguments}]}; {@code data} holds each call's full result,
 * up to and including a failed one, and the batch fails with that call's error.
 */
@ApplicationScoped
public class BatchModule implements ApiModule {

    private final Dispatcher dispatcher;
    private final ObjectMapper json;

    BatchModule(Dispatcher dispatcher, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Override
    public String name() {
        return "Batch";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("strict").changesState()
                .summary("Run several UAPI calls, stopping at the first failure")
                .description("Each command is a JSON array: [\"Module\",\"function\",{\"argument\":\"value\"}]; an argument whose value "
                        + "is an array becomes name, name-0, name-1, …. Batch calls cannot be nested.")
                .param(Param.string("command", "One call, as JSON. Repeatable; run in order.").multiple().required()
                        .example("[\"Variables\",\"get_user_information\",{\"name\":\"user\"}]"))
                .returns(Shape.arrayOf("Each call's full UAPI result, in order.", Shape.object("A UAPI result.").build()))
                .runsCalls()
                .exampleJson("""
                        [{"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{},"data":{"user":"example"}}]""")
                .handledBy(this::strict));
    }

    private Object strict(Call call) {
        List<Object> results = new ArrayList<>();
        List<String> commands = call.args().getMultiple("command");
        for (int i = 0; i < commands.size(); i++) {
            JsonNode command = parse(commands.get(i));
            String module = command.get(0).asText();
            String function = command.get(1).asText();
            if (module.equals(name())) {
                throw ApiException.invalid("Batch calls cannot be nested.");
            }
            Args arguments = arguments(command.get(2));
            UapiResult result = UapiResult.of(dispatcher.run(ApiKind.UAPI, call.principal(), module, function, arguments), arguments);
            results.add(result.toMap());
            if (!result.ok()) {
                Object errors = result.toMap().get("errors");
                String reason = errors instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : "failed";
                call.error("Command " + (i + 1) + " (" + module + "::" + function + ") failed: " + reason);
                break;
            }
        }
        return results;
    }

    private JsonNode parse(String raw) {
        try {
            JsonNode node = json.readTree(raw);
            if (node != null && node.isArray() && node.size() >= 2 && node.get(0).isTextual() && node.get(1).isTextual()
                    && (node.size() == 2 || node.get(2).isObject())) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw ApiException.invalid("Each “command” must be a JSON array: [\"Module\",\"function\",{arguments}].");
    }

    private static Args arguments(JsonNode object) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (object != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isArray()) {
                    field.getValue().forEach(v -> pairs.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(), v.asText())));
                } else if (!field.getValue().isContainerNode()) {
                    pairs.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(),
                            field.getValue().isNull() ? null : field.getValue().asText()));
                }
            }
        }
        return Args.fromPairs(pairs);
    }
}
