package org.carrierrules.internal.scenario;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.KeyPath.Step;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Texts;

/**
 * The changes a scenario makes ({@code change:}, {@code round:}) or a base makes to another
 * ({@code set:}): each a change path ({@link KeyPath}) with its new value, checked against the shape of
 * what it changes ({@link InputShapes}) when the file is read, not found out when the scenario runs, and
 * applied to the input when there is one.
 */
final class Changes {
    private Changes() {
    }

    /**
     * Checks each change of {@code changes} (an object of path to value, at {@code at}) against {@code shape},
     * and applies it to {@code input} unless that is null. A change the scenario expects the library to refuse
     * ({@code errorField}, from {@code expect.error}) may break the shape: that is what it tests.
     *
     * @param where what the messages say the changes are, e.g. {@code change 中}
     */
    static void apply(JsonNode changes, JsonPointer at, Shape shape, JsonNode input, String errorField, String where,
                      ScenarioProblems wrong) {
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            JsonPointer key = at.appendProperty(change.getKey());
            JsonNode value = change.getValue();
            KeyPath.Parsed parsed = KeyPath.parse(change.getKey());
            if (parsed.problem() != null) {
                wrong.add(key, where + "的“" + Texts.abbreviate(change.getKey()) + "”：" + parsed.problem());
                continue;
            }
            List<Step> steps = parsed.steps();
            String field = KeyPath.display(steps);
            Shape.Place place = Shape.resolve(shape, steps);
            if (place.problem() != null) {
                if (!refused(field, errorField)) {
                    wrong.add(key, where + place.problem());
                    continue;
                }
            } else if (value.isNull()) {
                if (!place.removable() && !refused(field, errorField)) {
                    String shown = KeyPath.shown(steps);
                    wrong.add(key, where + "“" + shown + "”是必填项，不能删除；要检验缺少此项的输入被拒绝，请在 expect 中写 error: " + shown);
                }
            } else {
                for (Shape.Mismatch m : Shape.check(place.shape(), value, steps)) {
                    if (!refused(KeyPath.display(m.at()), errorField)) {
                        wrong.add(KeyPath.pointer(key, m.at().subList(steps.size(), m.at().size())), where + m.message());
                    }
                }
            }
            if (input != null) {
                String problem = KeyPath.apply(input, steps, value);
                if (problem != null) {
                    wrong.add(key, where + "的“" + KeyPath.shown(steps) + "”：" + problem);
                }
            }
        }
    }

    /** Whether {@code field} is, or lies above or below, the field a scenario expects the input to be refused for. */
    private static boolean refused(String field, String errorField) {
        if (errorField == null) {
            return false;
        }
        return field.equals(errorField) || within(field, errorField) || within(errorField, field);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer) && inner.length() > outer.length() && ".[".indexOf(inner.charAt(outer.length())) >= 0;
    }
}
