package org.carrierrules.internal.language;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactDeclaration;
import org.carrierrules.application.FactType;
import org.carrierrules.internal.facts.FactTest;
import org.carrierrules.internal.facts.RoundParameter;
import org.carrierrules.internal.tree.Nearest;

/**
 * The sentences that speak of a policy's own terms, read into {@link FactTest}s: generic sentences whose
 * nouns are the facts the policy declares, the round's parameters and the application's types, e.g.
 * <pre>
 * 申请单位的年培训人数少于「最低年培训人数」     a number fact against a parameter, or against 1000人
 * 申请单位的成立日期距申报截止不满2年          a date at least N years before the window closes
 * 申请单位的成立日期早于2020-01-01            a date against a date, a date parameter or 申报截止日
 * 申请单位的列入失信惩戒名单为是               a 是否 fact
 * 申请单位的领办人职业资格是高级技师、技师之一   a listed value in (不是: out of) a set
 * 申请单位未填写年培训人数                    a fact left out (已填写: given)
 * 载体类型是高技能人才培训基地、技能大师工作室之一 the carrier type in a list (also in 跟踪管理)
 * 申请单位类型是企业、行业协会之一              the applicant type in a list
 * </pre>
 * Staff write no operator: the comparison is one of the words the sentence allows for the fact's kind, and a
 * number's unit must be the fact's. Every refusal says why in Chinese and what may be written instead.
 */
final class FactSentences {
    static final String OF_APPLICANT = "申请单位的";
    private static final String NOT_FILLED = "申请单位未填写";
    private static final String FILLED = "申请单位已填写";
    private static final String CARRIER_TYPE = "载体类型";
    private static final String APPLICANT_TYPE = "申请单位类型";
    private static final String WINDOW_CLOSES = "申报截止日";
    private static final String BEFORE_CLOSE = "距申报截止";
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,10})?)(.*)");
    private static final Pattern PARAMETER = Pattern.compile("「([^「」]*)」(.*)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final List<FactTest.Comparison> NUMBER_WORDS = words(false);
    private static final List<FactTest.Comparison> DATE_WORDS = words(true);

    /** What a line reads as. */
    sealed interface Reading permits Read, Refused {
    }

    /**
     * A fact sentence understood.
     *
     * @param fact the key of the declared fact it is about, or null for a sentence about the types
     */
    record Read(FactTest test, String fact) implements Reading {
    }

    /** A fact sentence that cannot be read, and why. */
    record Refused(String reason) implements Reading {
    }

    private final PolicyTerms terms;
    private final Stage stage;

    FactSentences(PolicyTerms terms, Stage stage) {
        this.terms = terms;
        this.stage = stage;
    }

    /** Whether a line means to be a fact sentence: it begins as one does. */
    static boolean looksLikeOne(String text) {
        String compact = compact(text);
        return Stream.of(OF_APPLICANT, NOT_FILLED, FILLED, CARRIER_TYPE + "是", CARRIER_TYPE + "不是", APPLICANT_TYPE + "是",
                APPLICANT_TYPE + "不是").anyMatch(compact::startsWith);
    }

    /** The sentence read; a {@link Refused} for one that begins as a fact sentence but cannot be read. */
    Reading read(String text) {
        String compact = compact(text);
        if (compact.startsWith(CARRIER_TYPE)) {
            return typeList(compact.substring(CARRIER_TYPE.length()), "载体类型", CarrierType.values(), CarrierType::label,
                    (types, among) -> new FactTest.CarrierTypeIn(Set.copyOf(types), among));
        }
        if (stage == Stage.SUPERVISION) {
            return new Refused("跟踪管理的载体只有载体类型可问：申报单位的事实和类型只能用在" + Stage.ASSESSMENT.title() + "和"
                    + Stage.ALLOCATION.title() + "的规则中");
        }
        if (compact.startsWith(APPLICANT_TYPE)) {
            return typeList(compact.substring(APPLICANT_TYPE.length()), "申请单位类型", ApplicantType.values(), ApplicantType::label,
                    (types, among) -> new FactTest.ApplicantTypeIn(Set.copyOf(types), among));
        }
        if (compact.startsWith(NOT_FILLED) || compact.startsWith(FILLED)) {
            boolean filled = compact.startsWith(FILLED);
            String label = compact.substring(NOT_FILLED.length());
            FactDeclaration fact = fact(label);
            return fact == null ? unknownFact(label) : new Read(new FactTest.Filled(fact.key(), filled), fact.key());
        }
        String rest = compact.substring(OF_APPLICANT.length());
        FactDeclaration fact = longestLabelOf(rest);
        if (fact == null) {
            return unknownFact(rest);
        }
        return about(fact, rest.substring(fact.label().length()));
    }

    private Reading about(FactDeclaration fact, String rest) {
        return switch (fact.type()) {
            case INTEGER, DECIMAL -> number(fact, rest);
            case DATE -> date(fact, rest);
            case YES_NO -> switch (rest) {
                case "为是" -> new Read(new FactTest.YesNo(fact.key(), true), fact.key());
                case "为否" -> new Read(new FactTest.YesNo(fact.key(), false), fact.key());
                default -> wrongWords(fact, rest, "为是、为否");
            };
            case CHOICE -> choice(fact, rest);
            case TEXT -> new Refused("“" + fact.label() + "”是文本，规则不比较文本：可写“申请单位未填写" + fact.label() + "”或“申请单位已填写"
                    + fact.label() + "”");
        };
    }

    private Reading number(FactDeclaration fact, String rest) {
        for (FactTest.Comparison comparison : NUMBER_WORDS) {
            if (rest.startsWith(comparison.word())) {
                Object operand = numberOperand(fact.label(), fact.unit(), rest.substring(comparison.word().length()));
                return operand instanceof Refused refused ? refused
                        : new Read(new FactTest.Compare(fact.key(), comparison, (FactTest.Operand) operand), fact.key());
            }
        }
        return wrongWords(fact, rest, NUMBER_WORDS.stream().map(c -> c.word() + "…").collect(Collectors.joining("、")));
    }

    /** A number written with the fact's unit or none ({@code 1000}, {@code 1000人}), or a number parameter of the same unit. */
    private Object numberOperand(String label, String unit, String written) {
        Matcher parameter = PARAMETER.matcher(written);
        if (parameter.matches()) {
            RoundParameter found = terms.parameters().get(parameter.group(1));
            if (found == null) {
                return unknownParameter(parameter.group(1));
            }
            if (!found.type().isNumber()) {
                return new Refused("参数「" + found.name() + "」是" + found.type().word() + "，不能与" + label + "（数值）比较");
            }
            if (!found.unit().equals(unit)) {
                return unitsDiffer(label, unit, "参数「" + found.name() + "」", found.unit());
            }
            if (!parameter.group(2).isEmpty() && !parameter.group(2).equals(unit)) {
                return new Refused("参数「" + found.name() + "」之后只能写它的单位“" + found.unit() + "”或不写，不能写“" + parameter.group(2) + "”");
            }
            return new FactTest.Parameter(found.name());
        }
        Matcher number = NUMBER.matcher(written);
        if (!number.matches()) {
            return new Refused("“" + written + "”不是数字或参数：在比较词之后写一个数（如 1000" + unit + "）或用「」括起的参数名称"
                    + parameterHint());
        }
        if (!number.group(2).isEmpty() && !number.group(2).equals(unit)) {
            return unitsDiffer(label, unit, "数 " + number.group(1) + number.group(2), number.group(2));
        }
        return new FactTest.Literal(new BigDecimal(number.group(1)));
    }

    private Reading date(FactDeclaration fact, String rest) {
        if (rest.startsWith(BEFORE_CLOSE + "不满") || rest.startsWith(BEFORE_CLOSE + "已满")) {
            boolean full = rest.startsWith(BEFORE_CLOSE + "已满");
            String written = rest.substring(BEFORE_CLOSE.length() + 2);
            if (!written.endsWith("年")) {
                return new Refused("“" + BEFORE_CLOSE + (full ? "已满" : "不满") + "…”之后写年数和“年”，如“" + BEFORE_CLOSE + "不满2年”");
            }
            Object years = numberOperand("年数", "年", written.substring(0, written.length() - 1));
            if (years instanceof Refused refused) {
                return refused;
            }
            if (years instanceof FactTest.Literal literal && ((BigDecimal) literal.value()).stripTrailingZeros().scale() > 0
                    || years instanceof FactTest.Parameter p && terms.parameters().get(p.name()).type() != FactType.INTEGER) {
                return new Refused("年数须是整数");
            }
            return new Read(new FactTest.YearsBeforeClose(fact.key(), full, (FactTest.Operand) years), fact.key());
        }
        for (FactTest.Comparison comparison : DATE_WORDS) {
            if (rest.startsWith(comparison.word())) {
                Object operand = dateOperand(fact.label(), rest.substring(comparison.word().length()));
                return operand instanceof Refused refused ? refused
                        : new Read(new FactTest.Compare(fact.key(), comparison, (FactTest.Operand) operand), fact.key());
            }
        }
        return wrongWords(fact, rest, DATE_WORDS.stream().map(c -> c.word() + "…").collect(Collectors.joining("、"))
                + "、" + BEFORE_CLOSE + "不满…年、" + BEFORE_CLOSE + "已满…年");
    }

    private Object dateOperand(String label, String written) {
        if (written.equals(WINDOW_CLOSES)) {
            return new FactTest.WindowCloses();
        }
        Matcher parameter = PARAMETER.matcher(written);
        if (parameter.matches() && parameter.group(2).isEmpty()) {
            RoundParameter found = terms.parameters().get(parameter.group(1));
            if (found == null) {
                return unknownParameter(parameter.group(1));
            }
            return found.type() == FactType.DATE ? new FactTest.Parameter(found.name())
                    : new Refused("参数「" + found.name() + "」是" + found.type().word() + "，不能与" + label + "（日期）比较");
        }
        Matcher iso = ISO_DATE.matcher(written);
        Matcher chinese = CHINESE_DATE.matcher(written);
        Matcher date = iso.matches() ? iso : chinese.matches() ? chinese : null;
        if (date == null) {
            return new Refused("“" + written + "”不是日期：写作 2020-01-01 或 2020年1月1日，或写“" + WINDOW_CLOSES + "”，或用「」括起的日期参数");
        }
        try {
            return new FactTest.Literal(LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3))));
        } catch (DateTimeException e) {
            return new Refused("“" + written + "”不是存在的日期");
        }
    }

    private Reading choice(FactDeclaration fact, String rest) {
        boolean among = !rest.startsWith("不是");
        String list = rest.startsWith("不是") ? rest.substring(2) : rest.startsWith("是") || rest.startsWith("为") ? rest.substring(1) : null;
        if (list == null) {
            return wrongWords(fact, rest, "是…之一、不是…之一");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String label : items(list)) {
            String key = fact.choices().entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (key == null) {
                return new Refused("“" + label + "”不是“" + fact.label() + "”的选项：可写 " + String.join("、", fact.choices().values()));
            }
            keys.add(key);
        }
        return new Read(new FactTest.OneOf(fact.key(), keys, among), fact.key());
    }

    private <T> Reading typeList(String rest, String noun, T[] all, Function<T, String> label,
                                 BiFunction<List<T>, Boolean, FactTest> test) {
        boolean among = !rest.startsWith("不是");
        String list = rest.substring(among ? 1 : 2);
        List<T> types = new ArrayList<>();
        for (String item : items(list)) {
            T type = Stream.of(all).filter(t -> label.apply(t).equals(item)).findFirst().orElse(null);
            if (type == null) {
                String nearest = Nearest.of(item, Stream.of(all).map(label).toList());
                return new Refused("“" + item + "”不是" + noun + "：可写 " + Stream.of(all).map(label).collect(Collectors.joining("、"))
                        + (nearest == null ? "" : "；是否想写“" + nearest + "”？"));
            }
            types.add(type);
        }
        return new Read(test.apply(types, among), null);
    }

    /** {@code 甲、乙或丙之一}: the items of a list, without its {@code 之一}. */
    private static List<String> items(String list) {
        String body = list.endsWith("之一") ? list.substring(0, list.length() - 2) : list;
        return Stream.of(body.split("[、或]", -1)).toList();
    }

    private FactDeclaration fact(String label) {
        return terms.facts().declarations().stream().filter(d -> d.label().equals(label)).findFirst().orElse(null);
    }

    /** The declared fact whose label begins {@code rest}, the longest when one label begins another. */
    private FactDeclaration longestLabelOf(String rest) {
        return terms.facts().declarations().stream().filter(d -> rest.startsWith(d.label()))
                .max(Comparator.comparingInt(d -> d.label().length())).orElse(null);
    }

    private Refused unknownFact(String written) {
        List<String> labels = terms.facts().declarations().stream().map(FactDeclaration::label).toList();
        if (labels.isEmpty()) {
            return new Refused("本政策没有声明任何事实：“申请单位的…”这类句子要用到的事实，须先在 facts.yaml 中声明（名称、类型、单位、依据条款）");
        }
        String nearest = Nearest.of(written, labels);
        return new Refused("“" + written + "”不是已声明的事实：facts.yaml 中声明的有 " + String.join("、", labels)
                + (nearest == null ? "" : "；是否想写“" + nearest + "”？") + "；新的事实须先在 facts.yaml 中声明");
    }

    private Refused unknownParameter(String name) {
        return new Refused("参数「" + name + "」不存在" + parameterHint());
    }

    private String parameterHint() {
        Set<String> names = terms.parameters().all().keySet();
        return names.isEmpty() ? "；本轮参数须先在 parameters.yaml 中写明" : "；parameters.yaml 中的参数有 「" + String.join("」「", names) + "」";
    }

    private static Refused unitsDiffer(String label, String unit, String what, String itsUnit) {
        return new Refused(what + "的单位“" + (itsUnit.isEmpty() ? "（无）" : itsUnit) + "”与" + label + "的单位“"
                + (unit.isEmpty() ? "（无）" : unit) + "”不一致");
    }

    private static Refused wrongWords(FactDeclaration fact, String rest, String allowed) {
        return new Refused("“" + fact.label() + "”是" + fact.type().word() + "，其后不能写“" + rest + "”：可写 " + allowed);
    }

    /** The comparisons for numbers or for dates, the longer word first so that 不少于 is not read as 少于. */
    private static List<FactTest.Comparison> words(boolean dates) {
        return Stream.of(FactTest.Comparison.values()).filter(c -> c.isForDates() == dates)
                .sorted(Comparator.comparingInt((FactTest.Comparison c) -> c.word().length()).reversed()).toList();
    }

    /** Fact sentences are read without their spaces: {@code 年培训人数 少于 1000 人} is {@code 年培训人数少于1000人}. */
    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
