package org.carrierrules.internal.facts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.application.FactType;
import org.carrierrules.internal.policy.FileProblems;
import org.carrierrules.internal.policy.ParametersFile;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.policy.YamlData;
import org.carrierrules.policy.PolicyProblem;

/** The round's parameters ({@code parameters.yaml}) by name, read and checked; none when the policy has no such file. */
public final class RoundParameters {
    private static final Pattern NAME_REFUSED = Pattern.compile("[「」{}\\s、，,：:]");
    private static final int MAX_NAME_LENGTH = 30;
    private static final RoundParameters NONE = new RoundParameters(Map.of());

    private final Map<String, RoundParameter> byName;

    private RoundParameters(Map<String, RoundParameter> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static RoundParameters none() {
        return NONE;
    }

    /** The parameter called {@code name}, or null. */
    public RoundParameter get(String name) {
        return byName.get(name);
    }

    /** Every parameter, in the file's order. */
    public Map<String, RoundParameter> all() {
        return byName;
    }

    /** A policy directory's parameters; none, with the problems added, when its {@code parameters.yaml} is wrong. */
    public static RoundParameters read(PolicyFiles files, List<PolicyProblem> problems) {
        if (!files.contains(ParametersFile.PATH)) {
            return NONE;
        }
        YamlData.Located<ParametersFile> file = YamlData.located(files, ParametersFile.PATH, ParametersFile.class, problems);
        if (file == null) {
            return NONE;
        }
        int before = problems.size();
        Map<String, RoundParameter> byName = new LinkedHashMap<>();
        List<ParametersFile.Parameter> parameters = file.content().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            RoundParameter parameter = parameter(parameters.get(i), JsonPointer.compile("/parameters/" + i), file.problems());
            if (parameter != null && byName.putIfAbsent(parameter.name(), parameter) != null) {
                file.problems().add(JsonPointer.compile("/parameters/" + i + "/name"), "参数名称“" + parameter.name() + "”重复：规则按名称找参数，名称须唯一");
            }
        }
        return problems.size() == before ? new RoundParameters(byName) : NONE;
    }

    private static RoundParameter parameter(ParametersFile.Parameter written, JsonPointer at, FileProblems p) {
        if (written == null) {
            p.add(at, "parameters 中有一项是空的");
            return null;
        }
        int before = p.count();
        String name = written.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || NAME_REFUSED.matcher(name).find()) {
            p.add(at.appendProperty("name"), "参数名称“" + written.name() + "”不合规范：须是1至" + MAX_NAME_LENGTH
                    + "个字的名称，不含空格、「」、{}、顿号、逗号或冒号，如 最低年培训人数");
        }
        FactType type = FactType.ofWord(written.type());
        if (type == null || type == FactType.CHOICE) {
            p.add(at.appendProperty("type"), "type“" + written.type() + "”不是参数可用的类型：可写 整数、小数、是否、日期、文本");
            return null;
        }
        String unit = written.unit() == null ? "" : written.unit().strip();
        if (!unit.isEmpty() && !type.isNumber()) {
            p.add(at.appendProperty("unit"), "只有整数和小数可以有单位（unit），参数“" + name + "”是" + type.word());
        }
        List<RoundParameter.Case> cases = new ArrayList<>();
        if ((written.value() == null) == (written.values() == null)) {
            p.add(at, "参数“" + name + "”须写 value（对所有申报适用的一个值）或 values（按类型区分的值），二者选一");
        } else if (written.value() != null) {
            Object value = value(written.value(), type, at.appendProperty("value"), p);
            cases.add(new RoundParameter.Case(Set.of(), Set.of(), value));
        } else {
            cases(written.values(), type, at.appendProperty("values"), name, p, cases);
        }
        return p.count() == before ? new RoundParameter(name, type, unit, written.reference().strip(), cases) : null;
    }

    private static void cases(List<ParametersFile.Case> written, FactType type, JsonPointer at, String name, FileProblems p,
                              List<RoundParameter.Case> cases) {
        if (written.isEmpty()) {
            p.add(at, "参数“" + name + "”的 values 是空的");
        }
        for (int i = 0; i < written.size(); i++) {
            ParametersFile.Case c = written.get(i);
            JsonPointer item = at.appendIndex(i);
            if (c == null) {
                p.add(item, "values 中有一项是空的");
                continue;
            }
            Object value = value(c.value(), type, item.appendProperty("value"), p);
            RoundParameter.Case read = new RoundParameter.Case(c.carrierTypes() == null ? Set.of() : Set.copyOf(c.carrierTypes()),
                    c.applicantTypes() == null ? Set.of() : Set.copyOf(c.applicantTypes()), value);
            for (int j = 0; j < cases.size(); j++) {
                if (overlap(cases.get(j), read)) {
                    p.add(item, "参数“" + name + "”的 values 第" + (i + 1) + "项与第" + (j + 1) + "项适用于同一类申报：每类申报只能有一个值，"
                            + "请让两项的 carrierTypes 或 applicantTypes 互不相交");
                    break;
                }
            }
            cases.add(read);
        }
    }

    private static boolean overlap(RoundParameter.Case a, RoundParameter.Case b) {
        return meets(a.carrierTypes(), b.carrierTypes()) && meets(a.applicantTypes(), b.applicantTypes());
    }

    private static <T> boolean meets(Set<T> a, Set<T> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static Object value(JsonNode node, FactType type, JsonPointer at, FileProblems p) {
        String wrong = "值须为" + type.word() + switch (type) {
            case DATE -> "，写作 2020-01-01";
            case YES_NO -> "，写作 true 或 false";
            default -> "";
        } + "，实为 " + node;
        Object value = switch (type) {
            case INTEGER -> node.isIntegralNumber() ? node.decimalValue() : null;
            case DECIMAL -> node.isNumber() ? node.decimalValue() : null;
            case YES_NO -> node.isBoolean() ? node.booleanValue() : null;
            case DATE -> date(node);
            case TEXT -> node.isTextual() ? node.textValue() : null;
            case CHOICE -> null;
        };
        if (value == null) {
            p.add(at, wrong);
        }
        return value;
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isTextual() || !node.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
