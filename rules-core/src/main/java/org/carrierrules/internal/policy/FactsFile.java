package org.carrierrules.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.CarrierType;
import org.carrierrules.application.FactDeclaration;
import org.carrierrules.application.FactSchema;
import org.carrierrules.application.FactType;
import org.carrierrules.application.FactValues;
import org.carrierrules.policy.PolicyProblem;

/**
 * The shape of {@code facts.yaml}, which a policy needs only when its rules ask about facts the fixed fields
 * of an application do not carry (contract: "Facts a policy declares"): each fact's key, Chinese label, kind,
 * unit, clause and the carrier types that must supply it. Read strictly, every problem at its line.
 *
 * @param reference where the facts come from, e.g. the attachment 管理办法
 * @param facts     the declarations, in the order rules and messages list them
 */
public record FactsFile(@JsonProperty(required = true) @JsonPropertyDescription("这些事实的出处") String reference,
                        @JsonProperty(required = true) @JsonPropertyDescription("声明的事实") List<Fact> facts) {
    public static final String PATH = "facts.yaml";
    /** A listed value's key, as the contract writes codes: {@code SENIOR_TECHNICIAN}. */
    private static final Pattern CHOICE_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** Characters a label may not hold, since rule sentences and messages use them around names. */
    private static final Pattern LABEL_REFUSED = Pattern.compile("[「」{}\\s、，,：:]");
    private static final int MAX_LABEL_LENGTH = 30;

    /** One declared fact. */
    public record Fact(@JsonProperty(required = true) @JsonPropertyDescription("申报中 facts 的键，如 annualTrainees") String key,
                       @JsonProperty(required = true) @JsonPropertyDescription("规则中使用的中文名称，如 年培训人数") String label,
                       @JsonProperty(required = true) @JsonPropertyDescription("整数、小数、是否、日期、文本或选项") String type,
                       @JsonPropertyDescription("数值的单位，如 人") String unit,
                       @JsonProperty(required = true) @JsonPropertyDescription("依据条款") String clause,
                       @JsonPropertyDescription("须填写此项的载体类型") List<CarrierType> requiredFor,
                       @JsonPropertyDescription("选项：代码到中文名称，如 SENIOR_TECHNICIAN: 高级技师") Map<String, String> choices) {
    }

    /** The facts a policy directory declares; {@link FactSchema#NONE} when it has no {@code facts.yaml} or it is wrong. */
    public static FactSchema read(PolicyFiles files, List<PolicyProblem> problems) {
        if (!files.contains(PATH)) {
            return FactSchema.NONE;
        }
        YamlData.Located<FactsFile> file = YamlData.located(files, PATH, FactsFile.class, problems);
        if (file == null) {
            return FactSchema.NONE;
        }
        int before = problems.size();
        List<FactDeclaration> declarations = file.content().check(file.problems());
        return problems.size() == before ? new FactSchema(declarations) : FactSchema.NONE;
    }

    private List<FactDeclaration> check(FileProblems p) {
        List<FactDeclaration> declarations = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            JsonPointer at = JsonPointer.compile("/facts/" + i);
            if (fact == null) {
                p.add(at, "facts 的第" + (i + 1) + "项是空的");
                continue;
            }
            int problems = p.count();
            if (!FactValues.KEY.matcher(fact.key()).matches()) {
                p.add(at.appendProperty("key"), "key“" + fact.key() + "”不合规范：须是以小写英文字母开头的英文字母和数字（至多40个），"
                        + "如 annualTrainees");
            } else if (keys.putIfAbsent(fact.key(), i) != null) {
                p.add(at.appendProperty("key"), "key“" + fact.key() + "”与第" + (keys.get(fact.key()) + 1) + "项重复");
            }
            if (fact.label().isBlank() || fact.label().length() > MAX_LABEL_LENGTH || LABEL_REFUSED.matcher(fact.label()).find()) {
                p.add(at.appendProperty("label"), "label“" + fact.label() + "”不合规范：须是1至" + MAX_LABEL_LENGTH
                        + "个字的名称，不含空格、「」、{}、顿号、逗号或冒号，如 年培训人数");
            } else if (labels.putIfAbsent(fact.label(), i) != null) {
                p.add(at.appendProperty("label"), "label“" + fact.label() + "”与第" + (labels.get(fact.label()) + 1)
                        + "项重复：规则按名称找事实，名称须唯一");
            }
            FactType type = FactType.ofWord(fact.type());
            if (type == null) {
                p.add(at.appendProperty("type"), "type“" + fact.type() + "”不是可用的类型：可写 " + FactType.words());
            }
            String unit = fact.unit() == null ? "" : fact.unit().strip();
            if (!unit.isEmpty() && type != null && !type.isNumber()) {
                p.add(at.appendProperty("unit"), "只有整数和小数可以有单位（unit），“" + fact.label() + "”是" + type.word());
            }
            Map<String, String> choices = fact.choices() == null ? Map.of() : fact.choices();
            if (type == FactType.CHOICE) {
                checkChoices(fact, choices, at, p);
            } else if (!choices.isEmpty()) {
                p.add(at.appendProperty("choices"), "只有类型为选项的事实才写 choices，“" + fact.label() + "”是"
                        + (type == null ? fact.type() : type.word()));
            }
            if (fact.clause().isBlank()) {
                p.add(at.appendProperty("clause"), "clause（依据条款）不能为空");
            }
            if (p.count() == problems) {
                declarations.add(new FactDeclaration(fact.key(), fact.label(), type, unit, fact.clause().strip(),
                        fact.requiredFor() == null ? Set.of() : Set.copyOf(fact.requiredFor()), new LinkedHashMap<>(choices)));
            }
        }
        return declarations;
    }

    private static void checkChoices(Fact fact, Map<String, String> choices, JsonPointer at, FileProblems p) {
        JsonPointer where = at.appendProperty("choices");
        if (choices.size() < 2) {
            p.add(where, "类型为选项的事实须在 choices 中列出至少两个选项，如 SENIOR_TECHNICIAN: 高级技师");
            return;
        }
        Set<String> seen = new java.util.HashSet<>();
        choices.forEach((key, label) -> {
            JsonPointer item = where.appendProperty(key);
            if (!CHOICE_KEY.matcher(key).matches()) {
                p.add(item, "选项代码“" + key + "”不合规范：须由大写英文字母、数字和下划线组成，如 SENIOR_TECHNICIAN");
            }
            if (label == null || label.isBlank() || LABEL_REFUSED.matcher(label).find()) {
                p.add(item, "选项 " + key + " 的名称“" + label + "”不合规范：不能为空，不含空格、「」、{}、顿号、逗号或冒号");
            } else if (!seen.add(label)) {
                p.add(item, "选项名称“" + label + "”重复：规则按名称写选项，名称须唯一");
            }
        });
    }
}
