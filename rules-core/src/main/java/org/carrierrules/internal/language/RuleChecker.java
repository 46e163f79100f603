package org.carrierrules.internal.language;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierrules.application.FactDeclaration;
import org.carrierrules.application.FactType;
import org.carrierrules.internal.facts.ApplicationFacts;
import org.carrierrules.internal.facts.FactTest;
import org.carrierrules.internal.facts.RoundParameter;
import org.carrierrules.internal.tree.Nearest;
import org.carrierrules.policy.PolicyProblem;

/**
 * Holds a parsed rule file to the vocabulary and the code catalogue: each sentence must be one of the
 * vocabulary's and of the file's stage; a sentence that speaks of what an earlier one names must come
 * after it; a constraint must constrain what the sentence above it matched; a conclusion names a code of
 * its stage whose weight is the conclusion's, and a message only slots the rule can fill. Every problem is
 * reported with its line, and only rules without any become {@link CheckedRule}s.
 */
public final class RuleChecker {
    private static final Pattern SLOT = Pattern.compile("\\{([^{}]*)}");
    /** Joins a fact sentence to the one above it: either may hold. */
    private static final String OR = "或者";
    /** Before a fact sentence: it must not hold. */
    private static final String NOT = "并非";

    private final Vocabulary vocabulary;
    private final CodeCatalogue codes;
    private final PolicyTerms terms;
    /**
     * The slots of the policy's own terms: each declared fact's value and each parameter's, for the application matched;
     * by the stage whose rules may use them (受理审查 and 排名资格, where a rule is about one application).
     */
    private final Map<Stage, Map<String, Vocabulary.Slot>> termSlots;
    /** Every rule name checked so far, across all files of the policy, to where it was first written. */
    private final Map<String, String> names = new HashMap<>();

    /** A checker of rules that use the vocabulary's sentences only. */
    public RuleChecker(Vocabulary vocabulary, CodeCatalogue codes) {
        this(vocabulary, codes, PolicyTerms.NONE);
    }

    public RuleChecker(Vocabulary vocabulary, CodeCatalogue codes, PolicyTerms terms) {
        this.vocabulary = vocabulary;
        this.codes = codes;
        this.terms = terms;
        // 跟踪管理 sees those of 受理审查, which it is told belong to another stage.
        Map<String, Vocabulary.Slot> assessment = termSlots(terms, Stage.ASSESSMENT);
        this.termSlots = Map.of(Stage.ASSESSMENT, assessment, Stage.ALLOCATION, termSlots(terms, Stage.ALLOCATION),
                Stage.SUPERVISION, assessment);
    }

    private static Map<String, Vocabulary.Slot> termSlots(PolicyTerms terms, Stage stage) {
        Map<String, Vocabulary.Slot> slots = new LinkedHashMap<>();
        for (FactDeclaration fact : terms.facts().declarations()) {
            slots.put(fact.label(), new Vocabulary.Slot(fact.label(), CheckedRule.FACTS, stage,
                    (round, application) -> shown(fact, ((ApplicationFacts) application).facts().values().get(fact.key()))));
        }
        for (RoundParameter parameter : terms.parameters().all().values()) {
            slots.putIfAbsent(parameter.name(), new Vocabulary.Slot(parameter.name(), CheckedRule.FACTS, stage,
                    (round, application) -> {
                        ApplicationFacts a = (ApplicationFacts) application;
                        Object value = parameter.valueFor(a.carrierType(), a.applicantType());
                        return value == null ? "未设定" : value instanceof BigDecimal n ? n.toPlainString() : value;
                    }));
        }
        return slots;
    }

    /** A fact's value as a message shows it: a number as written, 是 or 否, a listed value's label, a date as the notice writes one. */
    private static Object shown(FactDeclaration fact, Object value) {
        if (value == null) {
            return "未填写";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Boolean yes) {
            return yes ? "是" : "否";
        }
        return fact.type() == FactType.CHOICE ? fact.choices().getOrDefault(value, String.valueOf(value)) : value;
    }

    /** Reserves names that rules outside the staff files already use (the library's allocation rules). */
    public void reserve(String name, String where) {
        names.putIfAbsent(name, where);
    }

    /** The sound rules of one file; every problem of the others added to {@code problems}. */
    public List<CheckedRule> check(RuleTree tree, Stage stage, List<PolicyProblem> problems) {
        List<CheckedRule> checked = new ArrayList<>();
        for (RuleTree.Rule rule : tree.rules()) {
            int before = problems.size();
            CheckedRule result = new OneRule(tree.file(), stage, rule, problems).check();
            if (result != null && problems.size() == before) {
                checked.add(result);
            }
        }
        return checked;
    }

    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The checks of one rule, with the variables its conditions have bound so far. */
    private final class OneRule {
        private final String file;
        private final Stage stage;
        private final RuleTree.Rule rule;
        private final List<PolicyProblem> problems;
        private final Map<String, Integer> bound = new LinkedHashMap<>();
        /** The rule's fact sentences: each group holds when one of its sentences does, the rule when every group does. */
        private final List<List<FactTest>> factGroups = new ArrayList<>();
        private final FactSentences factSentences;
        private String fact;
        private boolean lastWasFact;
        private boolean sound = true;

        OneRule(String file, Stage stage, RuleTree.Rule rule, List<PolicyProblem> problems) {
            this.file = file;
            this.stage = stage;
            this.rule = rule;
            this.problems = problems;
            this.factSentences = new FactSentences(terms, stage);
            // Every rule of 排名资格 is about one application, scored on one table: its one pattern binds both, and the
            // application's declared facts are there for a message whether or not a sentence asks them.
            Vocabulary.boundByEveryRule(stage).forEach(variable -> bound.put(variable, rule.line()));
        }

        private void problem(int line, String message) {
            problems.add(new PolicyProblem(file, line, message));
            sound = false;
        }

        CheckedRule check() {
            String first = names.putIfAbsent(rule.name(), file + " 第" + rule.line() + "行");
            if (first != null) {
                problem(rule.line(), "规则名称重复：“" + rule.name() + "”，每条规则须有唯一的名称");
            }
            List<CheckedRule.Condition> conditions = new ArrayList<>();
            for (RuleTree.Condition condition : rule.conditions()) {
                CheckedRule.Condition checked = condition(condition);
                if (checked != null) {
                    conditions.add(checked);
                }
            }
            RuleTree.Conclusion conclusion = rule.conclusion();
            Vocabulary.Verdict verdict = verdict(conclusion);
            CodeCatalogue.Code code = verdict == null ? null : code(conclusion, verdict);
            Message message = verdict == null ? null : message(conclusion);
            if (!sound || rule.clauses().size() != 1 || code == null || message == null) {
                return null;
            }
            return new CheckedRule(rule.name(), rule.clauses().get(0).text(), file, rule.line(), stage, conditions,
                    verdict, code, message, factTest(), factAbout(message));
        }

        /**
         * The declared fact the rule's findings are about: the first its message shows ({年培训人数}), since that is the
         * one the applicant is told of; else the first its conditions name (a guard such as 为是 may come before it).
         */
        private String factAbout(Message message) {
            for (Message.Part part : message.parts()) {
                if (part instanceof Message.SlotUse use) {
                    String key = terms.facts().declarations().stream().filter(d -> d.label().equals(use.slot().name()))
                            .map(FactDeclaration::key).findFirst().orElse(null);
                    if (key != null && !vocabulary.slots().containsKey(use.slot().name())) {
                        return key;
                    }
                }
            }
            return fact;
        }

        private FactTest factTest() {
            List<FactTest> all = factGroups.stream().map(g -> g.size() == 1 ? g.get(0) : new FactTest.Any(g)).toList();
            return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : new FactTest.All(all);
        }

        private CheckedRule.Condition condition(RuleTree.Condition written) {
            String text = normal(written.text());
            Vocabulary.Condition sentence = vocabulary.condition(text);
            if (sentence == null || text.startsWith(OR) || text.startsWith(NOT)) {
                factCondition(written, text);
                return null;
            }
            lastWasFact = false;
            if (sentence.stage() != stage) {
                problem(written.line(), otherStage(written.text()));
            }
            needs(sentence.text(), sentence.needs(), written.line());
            for (String variable : sentence.binds()) {
                Integer earlier = bound.putIfAbsent(variable, written.line());
                if (earlier != null) {
                    problem(written.line(), "“" + text + "”与本规则第" + earlier + "行的条件说的是同一事物（"
                            + "同一信息只能由一个条件提供）：请删去其中一句，或分成两条规则");
                    break;
                }
            }
            List<Vocabulary.Constraint> constraints = new ArrayList<>();
            for (RuleTree.Constraint line : written.constraints()) {
                Vocabulary.Constraint constraint = constraint(line, sentence);
                if (constraint != null) {
                    constraints.add(constraint);
                }
            }
            return new CheckedRule.Condition(sentence, constraints);
        }

        /** A sentence about the policy's facts, parameters or types, with its {@code 或者} and {@code 并非}. */
        private void factCondition(RuleTree.Condition written, String text) {
            boolean or = text.startsWith(OR);
            String body = or ? text.substring(OR.length()).strip() : text;
            boolean not = body.startsWith(NOT);
            body = not ? body.substring(NOT.length()).strip() : body;
            boolean lastWasFactSentence = lastWasFact;
            lastWasFact = true;
            if (!FactSentences.looksLikeOne(body)) {
                problem(written.line(), vocabulary.condition(body) != null
                        ? "“" + OR + "”和“" + NOT + "”只能用于关于事实、参数和类型的条件句（如“申请单位的年培训人数少于1000人”），"
                        + "不能用于“" + body + "”：请把它写成另一条规则"
                        : unknownCondition(written.text()));
                return;
            }
            FactSentences.Reading reading = factSentences.read(body);
            if (reading instanceof FactSentences.Refused refused) {
                problem(written.line(), refused.reason() + "：“" + written.text() + "”");
                return;
            }
            FactSentences.Read read = (FactSentences.Read) reading;
            if (!written.constraints().isEmpty()) {
                problem(written.constraints().get(0).line(), "关于事实和类型的条件句之下不能写附加条件（以 - 开头）：把它写成另一句条件");
            }
            FactTest test = not ? new FactTest.Not(read.test()) : read.test();
            if (or) {
                if (!lastWasFactSentence) {
                    problem(written.line(), "“" + OR + "”须接在一句关于事实、参数或类型的条件句之后，表示两句有一句成立即可");
                    return;
                }
                factGroups.get(factGroups.size() - 1).add(test);
            } else {
                factGroups.add(new ArrayList<>(List.of(test)));
            }
            if (fact == null) {
                fact = read.fact();
            }
            bound.putIfAbsent(CheckedRule.FACTS, written.line());
        }

        private Vocabulary.Constraint constraint(RuleTree.Constraint written, Vocabulary.Condition above) {
            Vocabulary.Constraint constraint = vocabulary.constraint(normal(written.text()));
            if (constraint == null) {
                String nearest = Nearest.of(written.text(), vocabulary.constraints().keySet());
                problem(written.line(), "这句话不在规则词汇表中：“" + written.text() + "”"
                        + (nearest == null ? "" : "；是否想写：“" + nearest + "”？"));
                return null;
            }
            if (above.subject() != constraint.subject()) {
                String where = vocabulary.conditions().values().stream()
                        .filter(c -> c.subject() == constraint.subject()).map(Vocabulary.Condition::text).findFirst().orElse("");
                problem(written.line(), "附加条件“" + constraint.text() + "”限定的是" + constraint.subject().label()
                        + "，不能写在“" + above.text() + "”之下；请写在“" + where + "”之下");
                return null;
            }
            needs(constraint.text(), constraint.needs(), written.line());
            return constraint;
        }

        private Vocabulary.Verdict verdict(RuleTree.Conclusion conclusion) {
            if (conclusion == null) {
                return null;
            }
            String line = conclusion.code() == null ? conclusion.verdict()
                    : conclusion.verdict() + "，代码 " + conclusion.code() + "：" + conclusion.message();
            Vocabulary.Verdict verdict = conclusion.code() == null ? null : vocabulary.verdict(normal(conclusion.verdict()));
            if (verdict == null) {
                problem(conclusion.line(), unknownConclusion(line));
                return null;
            }
            if (verdict.stage() != stage) {
                problem(conclusion.line(), otherStage(line));
            }
            needs(verdict.text(), verdict.needs(), conclusion.line());
            return verdict;
        }

        private CodeCatalogue.Code code(RuleTree.Conclusion conclusion, Vocabulary.Verdict verdict) {
            String name = conclusion.code();
            if (name.isEmpty()) {
                problem(conclusion.codeLine(), "结论缺少代码：在“代码”之后写上代码，如 MATERIAL_MISSING");
                return null;
            }
            if (name.length() > CodeCatalogue.MAX_LENGTH || !CodeCatalogue.FORM.matcher(name).matches()) {
                problem(conclusion.codeLine(), "代码“" + name + "”不合规范：代码只能由大写英文字母、数字和下划线组成，如 MATERIAL_MISSING");
                return null;
            }
            CodeCatalogue.Code code = codes.get(name);
            if (code == null) {
                problem(conclusion.codeLine(), "代码 " + name + " 不在代码目录中：" + stage.title() + "可用的代码有 "
                        + String.join("、", codes.namesOf(stage)) + "；新的代码须先在 codes.yaml 中声明其环节与结论");
                return null;
            }
            if (code.stage() != stage) {
                problem(conclusion.codeLine(), "代码 " + name + " 属于" + code.stage().title() + "，不能用在" + stage.title() + "的规则中");
                return null;
            }
            if (stage == Stage.ALLOCATION && code.clause() == null) {
                problem(conclusion.codeLine(), "代码 " + name + " 是本库评审与名额分配规则给出的理由，政策的规则不能给出；"
                        + "不参加排名的理由可用 " + String.join("、", codes.namesOf(stage))
                        + "，或在 codes.yaml 中声明新的代码（stage: ALLOCATION，severity: NOT_RANKED）");
                return null;
            }
            if (code.severity() != verdict.severity() || code.outcome() != verdict.outcome()) {
                Vocabulary.Verdict meant = vocabulary.verdicts().values().stream()
                        .filter(v -> v.severity() == code.severity() && v.outcome() == code.outcome() && v.stage() == stage)
                        .min(Comparator.comparing(Vocabulary.Verdict::aboutMaterial)).orElse(null);
                problem(conclusion.codeLine(), "代码 " + name + " 的结论是“" + (meant == null ? "?" : meant.word()) + "”，与本规则所写的“"
                        + verdict.word() + "”不一致：请改用相符的结论句，或换一个代码");
                return null;
            }
            return code;
        }

        private Message message(RuleTree.Conclusion conclusion) {
            String text = conclusion.message();
            if (text.isEmpty()) {
                problem(conclusion.messageLine(), "结论缺少说明：在“：”之后写上告知申报单位的说明文字");
                return null;
            }
            List<Message.Part> parts = new ArrayList<>();
            Matcher slot = SLOT.matcher(text);
            int at = 0;
            boolean sound = true;
            while (slot.find()) {
                if (slot.start() > at) {
                    parts.add(new Message.Text(text.substring(at, slot.start())));
                }
                Vocabulary.Slot resolved = slot(slot.group(1), conclusion.messageLine());
                if (resolved == null) {
                    sound = false;
                } else {
                    parts.add(new Message.SlotUse(resolved));
                }
                at = slot.end();
            }
            if (at < text.length()) {
                parts.add(new Message.Text(text.substring(at)));
            }
            return sound ? new Message(parts) : null;
        }

        private Vocabulary.Slot slot(String name, int line) {
            Map<String, Vocabulary.Slot> own = termSlots.get(stage);
            Vocabulary.Slot slot = vocabulary.slots().containsKey(name) ? vocabulary.slots().get(name) : own.get(name);
            if (slot == null) {
                problem(line, "说明中的占位“{" + name + "}”不存在；可用的占位有：" + String.join("、", vocabulary.slots().keySet())
                        + (own.isEmpty() ? "" : "，以及本政策的事实和参数 " + String.join("、", own.keySet())));
                return null;
            }
            if (slot.stage() != null && slot.stage() != stage) {
                problem(line, "说明中的占位“{" + name + "}”属于另一环节，不能用在" + stage.title() + "的规则中");
                return null;
            }
            if (slot.variable() != null && !bound.containsKey(slot.variable())) {
                problem(line, CheckedRule.FACTS.equals(slot.variable())
                        ? "说明中的占位“{" + name + "}”要用到申报的事实，本规则却没有关于事实、参数或类型的条件句：请在 when 下写一句，"
                        + "如“申请单位的…少于…”"
                        : "说明中的占位“{" + name + "}”在本规则的条件中没有出现，无法填写；请在 when 下使用提供此信息的条件句");
                return null;
            }
            return slot;
        }

        /** A sentence that speaks of something an earlier condition names ("该材料") needs that condition first. */
        private void needs(String text, Set<String> needs, int line) {
            for (String needed : needs) {
                if (!bound.containsKey(needed)) {
                    String provider = vocabulary.bindersOf(needed).stream().filter(c -> c.stage() == stage)
                            .map(Vocabulary.Condition::text).findFirst().orElse("提供这一信息的条件句");
                    problem(line, "“" + text.replaceAll("\\{\\w+}", "…") + "”要用到前面条件中的信息，请在它之前（when 之下）先写：“"
                            + provider + "”");
                    return;
                }
            }
        }

        private String otherStage(String line) {
            return "这句话属于另一环节，不能用在" + stage.title() + "的规则中：“" + line + "”";
        }

        private String unknownCondition(String line) {
            if (looksLikeConclusion(line)) {
                return "这是结论句，应写在 then 之下：“" + line + "”";
            }
            if (CodeLike.is(line)) {
                return CodeLike.refusal(line);
            }
            String nearest = Nearest.of(line, vocabulary.conditions().keySet());
            if (nearest != null) {
                return "这句话不在规则词汇表中：“" + line + "”；是否想写：“" + nearest + "”？";
            }
            return "这句话不在规则词汇表中：“" + line + "”" + (terms.facts().declarations().isEmpty()
                    ? "；词汇表之外的条件，先在 facts.yaml 中声明所需的事实，再写成“申请单位的<事实名称>少于…”这样的句子"
                    : "；关于本政策声明的事实，写作“" + FactSentences.OF_APPLICANT + terms.facts().declarations().get(0).label() + "…”");
        }

        private String unknownConclusion(String line) {
            if (vocabulary.condition(normal(line)) != null) {
                return "这是条件句，应写在 when 之下、then 之前：“" + line + "”";
            }
            if (CodeLike.is(line)) {
                return CodeLike.refusal(line);
            }
            String nearest = Nearest.of(line, vocabulary.verdicts().values().stream().map(Vocabulary.Verdict::text).toList());
            return "这句话不在规则词汇表中：“" + line + "”" + (nearest == null ? "" : "；是否想写：“" + nearest + "”？");
        }

        private boolean looksLikeConclusion(String line) {
            return vocabulary.verdicts().keySet().stream().anyMatch(word -> line.startsWith(word + "，代码"));
        }
    }
}
