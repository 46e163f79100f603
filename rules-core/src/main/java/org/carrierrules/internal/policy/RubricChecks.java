package org.carrierrules.internal.policy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.CarrierType;
import org.carrierrules.policy.PolicyProblem;

/**
 * What must hold of {@code rubric.yaml} before any score is computed from it (四(四)). While it is read: every
 * carrier type's table complete once merged with the common one ({@link RubricFile}), the common table itself
 * complete when no type has its own. Then, of every table: item codes unique, the items' maximums adding up to
 * full marks, the passing score within reach, and enough experts before trimming that some scores remain; and
 * every carrier type the round opens scored on some table. Every problem is reported, each at the line of the
 * key it is about, and once: a check on values of the common table at the top, one that a type's own value
 * takes part in under that type.
 */
public final class RubricChecks {
    public static final String RUBRIC = "rubric.yaml";
    /** Dropping the highest and the lowest total must leave at least one. */
    private static final int LEAST_EXPERTS_FOR_TRIMMING = 3;
    private static final String BY_TYPE = "byCarrierType";
    private static final String TOTAL = "total";
    private static final String PASSING = "passingScore";
    private static final String TRIM = "trimAboveExperts";
    private static final String ITEMS = "items";
    /** A table's keys, in the order of the file, each with what it holds, which the message about its absence says. */
    private static final Map<String, String> TABLE_KEYS = tableKeys();
    private static final Set<String> TOP_KEYS = Set.of("status", "reference", TOTAL, PASSING, TRIM, ITEMS, BY_TYPE);
    private static final Set<String> CARRIER_TYPES = Arrays.stream(CarrierType.values()).map(Enum::name).collect(Collectors.toSet());

    private RubricChecks() {
    }

    private static Map<String, String> tableKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(TOTAL, "满分");
        keys.put(PASSING, "合格分");
        keys.put(TRIM, "专家人数达到多少时去掉一个最高分和一个最低分");
        keys.put(ITEMS, "评分项目");
        return keys;
    }

    /**
     * The rubric of a policy directory, read and checked; null, with the problems added, when it is wrong.
     *
     * @param round the round it scores, whose open carrier types must each have a table; null when the round
     *              could not be read, and the rubric is checked on its own
     */
    public static RubricFile read(PolicyFiles files, RoundFile round, List<PolicyProblem> problems) {
        YamlData.Located<RubricFile> rubric = YamlData.located(files, RUBRIC, RubricFile.class, RubricChecks::tablesComplete, problems);
        if (rubric == null) {
            return null;
        }
        int problemsBefore = problems.size();
        check(rubric.content(), rubric.problems());
        if (round != null) {
            everyOpenTypeHasATable(rubric.content(), round, rubric.problems());
        }
        return problems.size() == problemsBefore ? rubric.content() : null;
    }

    // ---------------------------------------------------------------- while reading: the keys each table needs

    /**
     * Every key of a scoring table written somewhere: at the top, when no carrier type has a table of its own;
     * else, for each type that has, under it or at the top. Looked for in the tree, so that a key written with a
     * value of the wrong kind is told once, by the reading, and not also as missing.
     */
    private static void tablesComplete(FileProblems p) {
        JsonNode root = p.tree().root();
        if (!root.isObject()) {
            return;
        }
        JsonNode byType = root.path(BY_TYPE);
        if (!byType.isMissingNode() && !byType.isNull() && !byType.isObject()) {
            // A list or a text where the types' tables belong: the reading tells; what they would hold is not known.
            return;
        }
        if (byType.isEmpty()) {
            TABLE_KEYS.forEach((key, holds) -> {
                if (!written(root, key, TOP_KEYS)) {
                    p.add(JsonPointer.compile("/" + key), "缺少 " + key + "（" + holds + "）");
                }
            });
            return;
        }
        byType.fields().forEachRemaining(type -> {
            // A key that is no carrier type is told by the reading; a type with nothing under it, by check.
            if (!CARRIER_TYPES.contains(type.getKey()) || !type.getValue().isObject()) {
                return;
            }
            TABLE_KEYS.forEach((key, holds) -> {
                if (!written(type.getValue(), key, TABLE_KEYS.keySet()) && !written(root, key, TOP_KEYS)) {
                    String table = BY_TYPE + "." + type.getKey();
                    p.add(typeAt(type.getKey()).appendProperty(key), table + " 缺少 " + key + "（" + holds + "），顶层也没有通用的 " + key
                            + "：请在 " + table + " 下写明，或在顶层写通用的 " + key);
                }
            });
        });
    }

    /** Whether {@code object} gives {@code key} a value, or has it mistyped (which the reading tells). */
    private static boolean written(JsonNode object, String key, Set<String> known) {
        JsonNode value = object.path(key);
        boolean given = !value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.textValue().isBlank());
        return given || ReadingNotes.mistyped(key, object, known);
    }

    // ---------------------------------------------------------------- once read: each table's values

    static void check(RubricFile rubric, FileProblems p) {
        RubricFile.Table common = rubric.common();
        checkTable(common, Place.COMMON, p);
        rubric.byCarrierType().forEach((type, own) -> {
            if (own == null) {
                p.add(typeAt(type.name()), BY_TYPE + "." + type + "（" + type.label() + "）下什么也没有写："
                        + "请写明该类评分表中与顶层不同的各项（" + String.join("、", TABLE_KEYS.keySet()) + "），或删去这一行");
            } else {
                checkTable(own.over(common), new Place(type, own), p);
            }
        });
    }

    /** Each check of {@code table} whose values are all given, and that {@code at} is the place to tell. */
    private static void checkTable(RubricFile.Table table, Place at, FileProblems p) {
        if (at.tells(table, TOTAL) && table.total() <= 0) {
            p.add(at.pointer(TOTAL), at.says("total（满分）应大于0，实为" + table.total()));
        }
        if (at.tells(table, PASSING, TOTAL) && (table.passingScore() < 0 || table.passingScore() > table.total())) {
            p.add(at.pointer(PASSING, TOTAL), at.says("passingScore（合格分）" + table.passingScore() + " 应在0至满分（" + table.total() + "）之间"));
        }
        if (at.tells(table, TRIM) && table.trimAboveExperts() < LEAST_EXPERTS_FOR_TRIMMING) {
            p.add(at.pointer(TRIM), at.says("trimAboveExperts 应至少为" + LEAST_EXPERTS_FOR_TRIMMING + "，实为"
                    + table.trimAboveExperts() + "：去掉一个最高分和一个最低分后须至少剩下一个分数"));
        }
        if (at.tells(table, ITEMS) && table.items().isEmpty()) {
            p.add(at.pointer(ITEMS), at.says("缺少 items（评分项目）"));
            return;
        }
        if (at.tells(table, ITEMS)) {
            checkItems(table, at, p);
        }
        if (at.tells(table, TOTAL, ITEMS)) {
            sumIsTotal(table, at, p);
        }
    }

    private static void checkItems(RubricFile.Table table, Place at, FileProblems p) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < table.items().size(); i++) {
            RubricFile.Item item = table.items().get(i);
            String where = "items[" + i + "]";
            JsonPointer itemAt = at.pointer(ITEMS).appendIndex(i);
            if (item == null) {
                p.add(itemAt, at.says(where + " 是空的，请写明 code、name 和 max"));
                continue;
            }
            if (!codes.add(item.code())) {
                p.add(itemAt.appendProperty("code"), at.says("评分项代码 " + item.code() + " 重复出现（" + where + "）：每个评分项只能列一次"));
            }
            if (item.max() <= 0) {
                p.add(itemAt.appendProperty("max"), at.says(where + ".max（该项满分）应大于0，实为" + item.max()));
            }
        }
    }

    /** The items' maximums above 0 add up to full marks; not told while an item is empty, or there are none. */
    private static void sumIsTotal(RubricFile.Table table, Place at, FileProblems p) {
        int sum = 0;
        for (RubricFile.Item item : table.items()) {
            if (item == null) {
                return;
            }
            sum += Math.max(item.max(), 0);
        }
        if (!table.items().isEmpty() && sum != table.total()) {
            p.add(at.pointer(TOTAL, ITEMS), at.says("各评分项满分之和（" + sum + "）不等于满分 total（" + table.total() + "），请核对各项分值"));
        }
    }

    /**
     * Where a table's values are written, and so where a check of them is told: the common table at the top; a
     * carrier type's under {@code byCarrierType}, its own keys there and the others at the top.
     *
     * @param type null for the common table
     * @param own  the keys the type writes itself; null for the common table
     */
    private record Place(CarrierType type, RubricFile.Table own) {
        static final Place COMMON = new Place(null, null);

        /**
         * Whether a check of these keys is told here: all of them given, and for a type one of them its own
         * (a check of common values alone is the common table's, told once).
         */
        boolean tells(RubricFile.Table table, String... keys) {
            boolean ownKey = type == null;
            for (String key : keys) {
                if (value(table, key) == null) {
                    return false;
                }
                ownKey |= own != null && value(own, key) != null;
            }
            return ownKey;
        }

        /** The first of the keys a type writes itself, or the first key at the top. */
        JsonPointer pointer(String... keys) {
            if (type != null) {
                for (String key : keys) {
                    if (value(own, key) != null) {
                        return typeAt(type.name()).appendProperty(key);
                    }
                }
            }
            return JsonPointer.compile("/" + keys[0]);
        }

        /** A message about this table: a type's names the type. */
        String says(String message) {
            return type == null ? message : BY_TYPE + "." + type + "（" + type.label() + "）：" + message;
        }

        private static Object value(RubricFile.Table table, String key) {
            return switch (key) {
                case TOTAL -> table.total();
                case PASSING -> table.passingScore();
                case TRIM -> table.trimAboveExperts();
                case ITEMS -> table.items();
                default -> throw new IllegalArgumentException(key);
            };
        }
    }

    // ---------------------------------------------------------------- against the round

    /**
     * Every carrier type the round opens (三, {@code carrierTypes.quotas} above 0) is scored on some table: its
     * own, or a complete common one. A type the round does not open needs none: no application of it is accepted.
     */
    private static void everyOpenTypeHasATable(RubricFile rubric, RoundFile round, FileProblems p) {
        for (CarrierType type : CarrierType.values()) {
            Integer quota = round.carrierTypes().quotas().get(type);
            if (quota != null && quota > 0 && rubric.table(type) == null) {
                String missing = TABLE_KEYS.keySet().stream().filter(key -> Place.value(rubric.common(), key) == null)
                        .collect(Collectors.joining("、"));
                p.add(JsonPointer.compile("/" + BY_TYPE), "round.yaml 本轮开放" + type.label() + "（carrierTypes.quotas." + type + ": "
                        + quota + "），但评审细则中没有该类的评分表：" + BY_TYPE + " 中没有 " + type + "，顶层的通用评分表也不完整（缺少 "
                        + missing + "）；请在 " + BY_TYPE + " 下为 " + type + " 写评分表，或在顶层补全通用评分表");
            }
        }
    }

    private static JsonPointer typeAt(String type) {
        return JsonPointer.compile("/" + BY_TYPE).appendProperty(type);
    }
}
