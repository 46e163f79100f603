package org.carrierrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test helper: {@code /a/b/0/c=JSON} sets a value at a JSON-pointer-like path, {@code /a/b} removes it.
 */
final class JsonPatchLite {
    private JsonPatchLite() {
    }

    static void apply(ObjectNode root, String change) throws Exception {
        int eq = change.indexOf('=');
        String path = eq < 0 ? change : change.substring(0, eq);
        String[] steps = path.substring(1).split("/");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (eq < 0) {
            ((ObjectNode) parent).remove(last);
            return;
        }
        JsonNode value = ContractMapper.MAPPER.readTree(change.substring(eq + 1));
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
