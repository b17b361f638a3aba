package dev.openuapi.mailrules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.openuapi.common.ApiException;

/**
 * cPanel's {@code filter.yaml} (Cpanel::Email::Filter, written by Cpanel::CachedDataStore): a {@code filter} list of
 * {@code {filtername, enabled, unescaped, rules: [{part, match, val, opt}], actions: [{action, dest}]}} and a
 * {@code version}. Read as a tree (no reflection): keys OpenUAPI does not use, such as {@code max_allowed_spam_score},
 * are written back as they were. Older files may hold one rule or action as a map instead of a list, and
 * {@code enabled} may be absent (enabled), 0, "0" or "false".
 */
final class FilterFile {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final String VERSION = "2.2";

    private FilterFile() {
    }

    static ObjectNode read(byte[] content) {
        if (content == null || content.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode root = YAML.readTree(content);
            if (root == null || root.isNull() || root.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!root.isObject()) {
                throw ApiException.invalid("The filter file is not a cPanel filter file.");
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            throw ApiException.invalid("The filter file could not be read: it is not valid YAML.");
        }
    }

    static List<MailFilter> filters(ObjectNode root) {
        List<MailFilter> filters = new ArrayList<>();
        for (JsonNode node : list(root.get("filter"))) {
            if (!node.isObject()) {
                continue;
            }
            List<MailFilter.Rule> rules = new ArrayList<>();
            for (JsonNode rule : list(node.get("rules"))) {
                rules.add(new MailFilter.Rule(text(rule.get("part")), text(rule.get("match")), text(rule.get("val")), text(rule.get("opt"))));
            }
            List<MailFilter.Action> actions = new ArrayList<>();
            for (JsonNode action : list(node.get("actions"))) {
                actions.add(new MailFilter.Action(text(action.get("action")), text(action.get("dest"))));
            }
            filters.add(new MailFilter(text(node.get("filtername")), enabled(node), rules, actions));
        }
        return filters;
    }

    static byte[] write(ObjectNode root, List<MailFilter> filters) {
        ObjectNode out = root.deepCopy();
        ArrayNode list = out.putArray("filter");
        for (MailFilter filter : filters) {
            ObjectNode node = list.addObject();
            ArrayNode actions = node.putArray("actions");
            for (MailFilter.Action action : filter.actions()) {
                ObjectNode a = actions.addObject().put("action", action.action());
                if (action.dest() != null) {
                    a.put("dest", action.dest());
                }
            }
            node.put("enabled", filter.enabled() ? 1 : 0);
            node.put("filtername", filter.filtername());
            ArrayNode rules = node.putArray("rules");
            for (MailFilter.Rule rule : filter.rules()) {
                rules.addObject().put("match", rule.match()).put("opt", rule.opt()).put("part", rule.part()).put("val", rule.val());
            }
            node.put("unescaped", 1);
        }
        if (!out.has("version")) {
            out.put("version", VERSION);
        }
        try {
            return YAML.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException("YAML output failed", e);
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static boolean enabled(JsonNode filter) {
        if (!filter.has("enabled")) {
            return true;
        }
        JsonNode value = filter.get("enabled");
        if (value == null || value.isNull()) {
            return false;
        }
        String text = value.asText();
        return !(text.equals("0") || text.equalsIgnoreCase("false"));
    }
}
