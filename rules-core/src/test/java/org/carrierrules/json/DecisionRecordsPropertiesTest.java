package org.carrierrules.json;

import static org.carrierrules.json.RecordFixtures.BUNDLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import org.carrierrules.json.DecisionRecords.SignatureCheck.Status;
import org.carrierrules.testing.Figures;

/**
 * What must hold of every signed record: any single change to any field, anywhere (input, decision, trace,
 * the signature's own fields), is detected, whatever way the record is written afterwards; and no change,
 * however hostile, makes {@code verify}, {@code sign} or {@code checkSignature} throw anything but the typed error.
 */
class DecisionRecordsPropertiesTest {
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 200;
    private static final KeyPair KEYS = RecordFixtures.keyPair();
    /** Signed once: each example mutates a copy. */
    private static final List<ObjectNode> SIGNED = List.of(
            DecisionRecords.sign(RecordFixtures.assessment(), KEYS.getPrivate()),
            DecisionRecords.sign(RecordFixtures.review(), KEYS.getPrivate()),
            DecisionRecords.sign(RecordFixtures.round(), KEYS.getPrivate()));

    /** A place in a tree: a member of an object or an element of an array. */
    private record Place(JsonNode parent, String name, int index) {
        JsonNode value() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Place> places(JsonNode root) {
        List<Place> places = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            if (node.isObject()) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    places.add(new Place(node, name, -1));
                    todo.add(node.get(name));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    places.add(new Place(node, null, i));
                    todo.add(node.get(i));
                }
            }
        }
        return places;
    }

    /**
     * One change to the value at a place that makes the record mean something else as JSON data: text edited,
     * a number moved by one, a boolean flipped, a value of another type, a member or element removed or added,
     * two different elements swapped, a key renamed.
     *
     * @return what was done, for the failure message
     */
    private static String mutate(Place place, int kind, Random random) {
        JsonNode value = place.value();
        switch (kind) {
            case 0:
                if (value.isTextual()) {
                    String text = value.textValue();
                    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
                    String changed = text.isEmpty() ? "x"
                            : text.substring(0, at) + (text.charAt(at) == '改' ? '动' : '改') + text.substring(at + 1);
                    place.set(TextNode.valueOf(changed));
                    return "one character of " + place.name + " edited";
                }
                if (value.isNumber()) {
                    place.set(DecimalNode.valueOf(value.decimalValue().add(BigDecimal.ONE)));
                    return "number + 1";
                }
                if (value.isBoolean()) {
                    place.set(JsonNodeFactory.instance.booleanNode(!value.booleanValue()));
                    return "boolean flipped";
                }
                return mutate(place, 1, random);
            case 1:
                place.set(value.isTextual() ? IntNode.valueOf(7) : value.isNull() ? TextNode.valueOf("") : NullNode.instance);
                return "replaced by a value of another type";
            case 2:
                place.remove();
                return "removed";
            case 3:
                if (value.isObject()) {
                    ((ObjectNode) value).put("addedField" + random.nextInt(1000), "新增");
                    return "a member added";
                }
                if (value.isArray()) {
                    ArrayNode array = (ArrayNode) value;
                    array.insert(array.isEmpty() ? 0 : random.nextInt(array.size() + 1), array.isEmpty() ? TextNode.valueOf("x") : array.get(0).deepCopy());
                    return "an element added";
                }
                return mutate(place, 0, random);
            case 4:
                if (value.isArray() && value.size() >= 2) {
                    ArrayNode array = (ArrayNode) value;
                    for (int i = 1; i < array.size(); i++) {
                        if (!array.get(0).equals(array.get(i))) {
                            JsonNode first = array.get(0);
                            array.set(0, array.get(i));
                            array.set(i, first);
                            return "two different elements swapped";
                        }
                    }
                }
                return mutate(place, 0, random);
            default:
                if (place.name != null) {
                    ObjectNode parent = (ObjectNode) place.parent;
                    String renamed = place.name + "_";
                    if (!parent.has(renamed)) {
                        parent.set(renamed, value);
                        parent.remove(place.name);
                        return "key " + place.name + " renamed";
                    }
                }
                return mutate(place, 1, random);
        }
    }

    @Test
    void everySingleChangeToASignedRecordIsDetectedHoweverItIsWrittenAfterwards() {
        int[] byStatus = new int[Status.values().length];
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(integers().between(0, SIGNED.size() - 1), integers().between(0, 5), longs().all())
                .checkAssert((which, kind, seed) -> {
                    Random random = new Random(seed);
                    ObjectNode record = SIGNED.get(which).deepCopy();
                    List<Place> places = places(record);
                    Place place = places.get(random.nextInt(places.size()));
                    String what = mutate(place, kind, random);
                    JsonNode rewritten = RecordFixtures.parse(JsonLayouts.anyOrder(record, random));
                    DecisionRecords.SignatureCheck check = DecisionRecords.checkSignature(rewritten, KEYS.getPublic());
                    assertTrue(check.failed(), what + " at " + place.name + "[" + place.index + "] went unseen: " + check.message());
                    byStatus[check.status().ordinal()]++;
                });
        // Edits of the content show as ALTERED; of the signature's own fields, or its removal, as INVALID or MISSING.
        assertTrue(byStatus[Status.ALTERED.ordinal()] > EXAMPLES / 2, java.util.Arrays.toString(byStatus));
        assertEquals(0, byStatus[Status.VALID.ordinal()]);
        Figures.record("signed-record-mutations", "cases", EXAMPLES, "ALTERED", byStatus[Status.ALTERED.ordinal()],
                "INVALID", byStatus[Status.INVALID.ordinal()], "MISSING", byStatus[Status.MISSING.ordinal()],
                "WRONG_KEY", byStatus[Status.WRONG_KEY.ordinal()], "VALID", byStatus[Status.VALID.ordinal()]);
    }

    /** What a hostile editor may put at a place: anything of another shape, deeply nested, a huge number, half a surrogate. */
    private static JsonNode hostile(int kind, Random random) {
        switch (kind) {
            case 0: {
                ArrayNode deep = JsonNodeFactory.instance.arrayNode();
                ArrayNode inner = deep;
                for (int i = random.nextInt(200); i > 0; i--) {
                    inner = inner.addArray();
                }
                return deep;
            }
            case 1:
                return DecimalNode.valueOf(new BigDecimal(random.nextBoolean() ? "1e400" : "-1e999999999"));
            case 2:
                return DoubleNode.valueOf(random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY);
            case 3:
                return TextNode.valueOf("半个\ud800代理");
            case 4:
                return TextNode.valueOf("x".repeat(random.nextInt(50_000)));
            case 5:
                return JsonNodeFactory.instance.objectNode().put("code", "MATERIAL_NOT_SEALED");
            default:
                return new IntNode(random.nextInt());
        }
    }

    @Test
    void noChangeMakesTheLibraryThrowAnythingButTheTypedError() {
        int[] outcomes = new int[3];
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(integers().between(0, SIGNED.size() - 1), integers().between(0, 12), longs().all())
                .checkAssert((which, kind, seed) -> {
                    Random random = new Random(seed);
                    ObjectNode record = SIGNED.get(which).deepCopy();
                    List<Place> places = places(record);
                    Place place = places.get(random.nextInt(places.size()));
                    if (kind < 6) {
                        mutate(place, kind, random);
                    } else {
                        place.set(hostile(kind - 6, random));
                    }
                    try {
                        RecordFixtures.verify(BUNDLED, record);
                        outcomes[0]++;
                    } catch (DecisionRecordException e) {
                        assertTrue(!e.field().isBlank() && !e.problem().isBlank(), e::getMessage);
                        outcomes[1]++;
                    }
                    try {
                        DecisionRecords.checkSignature(record, KEYS.getPublic());
                        DecisionRecords.sign(record, KEYS.getPrivate());
                    } catch (DecisionRecordException e) {
                        outcomes[2]++;
                    }
                });
        assertTrue(outcomes[1] > 0 && outcomes[0] > 0, java.util.Arrays.toString(outcomes));
        Figures.record("hostile-records", "cases", EXAMPLES, "verified", outcomes[0], "refusedTyped", outcomes[1],
                "signOrCheckRefusedTyped", outcomes[2]);
    }
}
