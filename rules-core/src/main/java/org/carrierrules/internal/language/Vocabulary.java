package org.carrierrules.internal.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.carrierrules.CarrierType;
import org.carrierrules.assessment.Severity;
import org.carrierrules.internal.facts.AllocationCase;
import org.carrierrules.internal.facts.Round;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.facts.SupervisionParameters;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * The Chinese rule language's sentences, owned by the library: what each means as a Drools pattern, the
 * stage that can run it, the rule variables it binds and needs, the constraints it takes, and the message
 * slots and conclusions staff may write. Policy staff choose among these sentences; they never write the
 * patterns. {@code VocabularyCompilesTest} compiles every sentence against the fact classes, so a renamed
 * fact method fails the library's build, not a policy load.
 * <p>
 * Templates name facts and round parameters only; the one place a generated rule varies is the list of
 * constraints that replaces {@link #CONSTRAINTS} in a sentence that takes them.
 */
public final class Vocabulary {
    /** The application every rule of 排名资格 is about, bound by the one pattern the generator writes for it. */
    public static final String CASE = "$application";
    /** The scoring table of the applications a session of 评审与名额分配 decides, bound before the application. */
    public static final String RUBRIC = "$rubric";

    /** Where a constrained sentence's constraints go, comma-separated after its own. */
    static final String CONSTRAINTS = "%CONSTRAINTS%";
    /** The global holding the required materials of the carrier type an assessment is about (三, 四(二)). */
    public static final String REQUIRED_MATERIALS = "requiredMaterials";
    /** The fact type of the application an assessment is about, inserted once per assessment. */
    public static final String APPLICATION = "AssessedApplication";

    /** What a {@code - } constraint line may constrain: the fact the sentence above it matched. */
    public enum Subject {
        MATERIAL("申报单位提交的材料"),
        PAPER_COPY("纸质材料");

        private final String label;

        Subject(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A sentence staff may write, in the order the staff guide lists them. */
    public sealed interface Sentence permits Condition, Constraint, Verdict {
        String text();
    }

    /**
     * A sentence under {@code when}.
     *
     * @param drl         the Drools pattern(s) it stands for; in 评审与名额分配, the constraints it adds to the one
     *                    pattern every rule there has, on the application it may keep out of the ranking ({@link DrlGenerator})
     * @param subject     what {@code - } lines under it constrain, or null when it takes none
     * @param binds       the rule variables its pattern binds, for later sentences and message slots
     * @param needs       the rule variables its pattern uses: an earlier condition must bind them
     * @param application when {@code drl} starts with a pattern on {@link #APPLICATION}, what is inside it; else null.
     *                    There is one such fact per assessment, so the generator writes all of a rule's patterns on it
     *                    as one, with every sentence's constraints: the same matches, without joining the fact with itself
     * @param others      the patterns of {@code drl} after that one; empty when none
     */
    public record Condition(String text, Stage stage, String drl, Subject subject, Set<String> binds, Set<String> needs,
                            String application, String others) implements Sentence {
    }

    /**
     * Two conditions that, written one right after the other, the generator writes as one pattern: the same
     * matches, without the join between them. {@code drl} binds what both bind and takes the second's constraints.
     */
    public record Joined(Condition first, Condition second, String drl) {
    }

    /** A {@code - } line: one more constraint on the {@link Subject} of the condition above it. */
    public record Constraint(String text, Subject subject, String drl, Set<String> needs) implements Sentence {
    }

    /**
     * A conclusion, written {@code 结论，代码 CODE：说明}: how much its code weighs, and which collector the
     * generated consequence calls.
     *
     * @param severity      for the findings of 受理审查; null in 跟踪管理
     * @param outcome       for the grounds of 跟踪管理; null in 受理审查
     * @param aboutMaterial whether the finding names the material {@code 本类载体须提交的材料} bound
     */
    public record Verdict(String word, Stage stage, Severity severity, SupervisionOutcome outcome, boolean aboutMaterial,
                          Set<String> needs) implements Sentence {
        @Override
        public String text() {
            return word + "，代码 {code}：{message}";
        }
    }

    /**
     * A {@code {名称}} a message may use: a value a condition bound, or a parameter of the round.
     *
     * @param variable the rule variable it shows, or that the parameter depends on; null for a plain parameter
     * @param stage    the stage whose parameters it reads; null when it shows a bound variable, usable in any stage
     * @param read     the parameter, from the stage's parameter object and the variable's value; null for a variable
     */
    public record Slot(String name, String variable, Stage stage, BiFunction<Object, Object, Object> read) {
        boolean isParameter() {
            return read != null;
        }
    }

    private static final Vocabulary BUNDLED = new Vocabulary();

    private final List<Sentence> sentences = new ArrayList<>();
    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<Joined> joined = new ArrayList<>();

    private Vocabulary() {
        Stage a = Stage.ASSESSMENT;
        Stage s = Stage.SUPERVISION;
        Stage l = Stage.ALLOCATION;
        // ---- 申请单位 (notice 二) ----
        // The application, its applicant and its copies are one flat fact, AssessedApplication (see there why).
        condition("申请单位类型不在本轮申报对象之内", a,
                "AssessedApplication( !round.admits(applicantType), $applicantType : applicantType )");
        condition("申请单位须承担职业培训职能但未承担", a, "AssessedApplication( round.admits(applicantType), "
                + "round.requiresTrainingFunction(applicantType), !hasTrainingFunction, $applicantType : applicantType )");
        condition("申请单位未依法设立", a, "AssessedApplication( !legallyEstablished )");
        condition("申请单位不在本区登记", a,
                "AssessedApplication( !round.isInDistrict(registeredDistrict), $registeredDistrict : registeredDistrict )");
        slot("申请单位类型", "$applicantType");
        slot("登记地", "$registeredDistrict");
        roundParameter("本区", Round::districtName);
        roundParameter("本轮", Round::title);
        // ---- 载体类型与申报时间 (notice 一 三 四(一)) ----
        condition("申报的载体类型本轮未开放", a, "AssessedApplication( !round.isOpen(carrierType), $carrierType : carrierType )");
        condition("提交时间不在申报时间之内", a,
                "AssessedApplication( !round.isWithinWindow(submittedAt), $submittedAt : submittedAt )");
        slot("载体类型", "$carrierType");
        slot("提交时间", "$submittedAt");
        roundParameter("申报时间", Round::windowText);
        // ---- 申报材料扫描件 (notice 四(二)) ----
        // The required materials are the round's, read from the global the engine sets to the carrier type's list.
        // Each material the application and the list speak of is one MaterialItem, a scan carrying its requirement
        // or a requirement no scan was submitted for, so that a rule about a required material written as the
        // bundled ones are reads one fact instead of joining the two lists (the pairs joined below).
        condition("本类载体须提交的材料", a,
                "$required : RequiredMaterial( $code : code, $materialName : name ) from " + REQUIRED_MATERIALS);
        condition("申报单位未提交该材料", a, "not MaterialItem( submitted, code == $code )");
        // submitted comes first: Drools tests a pattern's constraints in the order written, and the scan's fields
        // of a material not submitted are null.
        constrained("申报单位提交了该材料", a, Subject.MATERIAL,
                "MaterialItem( submitted, code == $code, $fileName : fileName" + CONSTRAINTS + " )");
        condition("申报单位提交了材料清单以外的材料", a, "MaterialItem( requirement == null, $code : code, $fileName : fileName )");
        joined("本类载体须提交的材料", "申报单位未提交该材料",
                "MaterialItem( !submitted, $required : requirement, $code : code, $materialName : materialName )");
        joined("本类载体须提交的材料", "申报单位提交了该材料", "MaterialItem( submitted, requirement != null, $required : requirement, "
                + "$code : code, $materialName : materialName, $fileName : fileName" + CONSTRAINTS + " )");
        constraint("- 不是PDF格式", Subject.MATERIAL, "format != FileFormat.PDF");
        constraint("- 扫描前未加盖公章", Subject.MATERIAL, "!sealed");
        constraint("- 扫描件不清晰", Subject.MATERIAL, "!legible");
        constraint("- 扫描件缺页", Subject.MATERIAL, "!pagesComplete");
        constraint("- 扫描件歪斜", Subject.MATERIAL, "skewed");
        constraint("- 文件名未包含材料名称", Subject.MATERIAL, "!mentions(fileName, $materialName)");
        slot("材料名称", "$materialName");
        slot("材料代码", "$code");
        slot("文件名", "$fileName");
        // ---- 纸质材料 (notice 四(二)) ----
        condition("未提交纸质材料", a, "AssessedApplication( paperCopy == null )");
        // paperCopy != null comes first: Drools tests a pattern's constraints in the order written.
        constrained("提交了纸质材料", a, Subject.PAPER_COPY,
                "AssessedApplication( paperCopy != null, $copies : copies, $paperSize : paperSize" + CONSTRAINTS + " )");
        constraint("- 份数少于本轮要求", Subject.PAPER_COPY, "copies < round.paperCopies()");
        constraint("- 不是A4纸", Subject.PAPER_COPY, "!paperSize.equalsIgnoreCase(\"A4\")");
        constraint("- 未装订成册", Subject.PAPER_COPY, "!bound");
        constraint("- 未编制目录", Subject.PAPER_COPY, "!tableOfContents");
        constraint("- 未编制页码", Subject.PAPER_COPY, "!pageNumbers");
        slot("实交份数", "$copies");
        roundParameter("应交份数", Round::paperCopies);
        slot("纸张", "$paperSize");
        // ---- 电子版材料 (notice 四(二)) ----
        condition("未提交电子版材料", a, "AssessedApplication( electronicFiles == 0 )");
        condition("提交了电子版材料", a, "AssessedApplication( electronicFiles > 0 )");
        condition("电子版材料中没有WORD格式文件", a, "AssessedApplication( wordFiles == 0 )");
        condition("电子版材料中没有PDF格式文件", a, "AssessedApplication( pdfFiles == 0 )");
        condition("电子版PDF文件多于一份", a, "AssessedApplication( $pdfCount : pdfFiles > 1 )");
        condition("有电子版文件未以申报单位名称命名", a, "ElectronicFileItem( !isNamedAfter(fileName, applicantName), "
                + "$fileName : fileName, $applicantName : applicantName )");
        condition("电子版材料顺序与纸质版不一致", a, "AssessedApplication( !inPaperOrder )");
        slot("PDF份数", "$pdfCount");
        slot("申报单位名称", "$applicantName");
        // ---- 排名资格 (notice 四(四)): what keeps an accepted, reviewed application out of the ranking ----
        // Each rule of this stage is about one application ($application); its sentences constrain that one, so a
        // round of any size is decided in one pass over its applications, never pair by pair.
        condition("实地考察未通过", l, "reviewed, !siteVisitPassed");
        condition("评审得分未达到合格分", l, "reviewed, !" + RUBRIC + ".reaches(score)");
        slots.put("评审得分", new Slot("评审得分", CASE, l, (rubric, application) -> ((AllocationCase) application).scoreText()));
        slots.put("合格分", new Slot("合格分", null, l, (rubric, none) -> ((Rubric) rubric).passingScore().toPlainString()));
        // ---- 跟踪管理 (notice 五) ----
        // Each finding keeps the earliest date it was recorded on: a ground stands from the day first found.
        condition("发现载体不能履行职责", s, "Carrier( $carrierType : carrierType ) " + firstEvent("DUTIES_NOT_FULFILLED"));
        condition("查实载体以弄虚作假或欺骗手段获得认定", s, firstEvent("FRAUD_FOUND"));
        condition("发现载体失联", s, firstEvent("LOST_CONTACT"));
        condition("发现载体外迁", s, firstEvent("RELOCATED_OUT"));
        condition("发现载体无法继续正常开展培训活动", s, firstEvent("TRAINING_DISCONTINUED"));
        condition("载体认定后连续多年未从事相关培训活动", s,
                "$carrier : Carrier() $idleYears : IdleStreak() from supervision.idleStreak($carrier, asOf)");
        slot("发现日期", "$foundOn");
        slots.put("载体职责", new Slot("载体职责", "$carrierType", s,
                (supervision, type) -> ((SupervisionParameters) supervision).duties((CarrierType) type)));
        slot("未培训年份", "$idleYears");
        slots.put("连续年数", new Slot("连续年数", null, s, (supervision, none) -> ((SupervisionParameters) supervision).idleYears()));
        // ---- 结论 (notice 四(三) 五) ----
        verdict(new Verdict("不予受理", a, Severity.INELIGIBLE, null, false, Set.of()));
        verdict(new Verdict("通知补正该材料", a, Severity.DEFECT, null, true, Set.of("$required")));
        verdict(new Verdict("通知补正", a, Severity.DEFECT, null, false, Set.of()));
        verdict(new Verdict("提示", a, Severity.NOTE, null, false, Set.of()));
        verdict(new Verdict("不参加排名", l, null, null, false, Set.of()));
        verdict(new Verdict("报请取消认定", s, null, SupervisionOutcome.REVOKE, false, Set.of()));
        verdict(new Verdict("通知改正", s, null, SupervisionOutcome.RECTIFY, false, Set.of()));
    }

    private static String firstEvent(String type) {
        return "CarrierEvent( type == EventType." + type + ", $foundOn : date ) "
                + "not CarrierEvent( type == EventType." + type + ", date < $foundOn )";
    }

    /**
     * The variables every rule of a stage has bound before its first sentence: in 评审与名额分配, the application the
     * rule is about (with its declared facts) and the scoring table it was scored on, which its one pattern binds.
     */
    public static Set<String> boundByEveryRule(Stage stage) {
        return stage == Stage.ALLOCATION ? Set.of(CASE, RUBRIC, CheckedRule.FACTS) : Set.of();
    }

    /** The vocabulary shipped with the library. */
    public static Vocabulary bundled() {
        return BUNDLED;
    }

    private void condition(String text, Stage stage, String drl) {
        constrained(text, stage, null, drl);
    }

    /** A condition whose pattern takes the constraints written under it, at {@link #CONSTRAINTS}; none when {@code subject} is null. */
    private void constrained(String text, Stage stage, Subject subject, String drl) {
        String application = null;
        String others = "";
        String start = APPLICATION + "( ";
        if (drl.startsWith(start)) {
            int end = drl.indexOf(" )", start.length());
            application = drl.substring(start.length(), end);
            others = drl.substring(end + 2).strip();
            if (application.contains("(") != application.contains(")") || !Variables.needed(application).isEmpty()) {
                throw new IllegalStateException(text + ": the application's constraints must stand alone");
            }
        }
        Condition condition = new Condition(text, stage, drl, subject, Variables.bound(drl), Variables.needed(drl),
                application, others);
        sentences.add(condition);
        conditions.put(text, condition);
    }

    private void joined(String first, String second, String drl) {
        Joined pair = new Joined(conditions.get(first), conditions.get(second), drl);
        if (pair.first().subject() != null) {
            throw new IllegalStateException(first + " takes constraints, which a pair would lose");
        }
        Set<String> binds = Variables.bound(drl);
        if (!binds.containsAll(pair.first().binds()) || !binds.containsAll(pair.second().binds())) {
            throw new IllegalStateException(first + "+" + second + " must bind what both bind");
        }
        joined.add(pair);
    }

    private void constraint(String text, Subject subject, String drl) {
        Constraint constraint = new Constraint(text, subject, drl, Variables.needed(drl));
        sentences.add(constraint);
        constraints.put(text, constraint);
    }

    private void verdict(Verdict verdict) {
        sentences.add(verdict);
        verdicts.put(verdict.word(), verdict);
    }

    private void slot(String name, String variable) {
        slots.put(name, new Slot(name, variable, null, null));
    }

    private void roundParameter(String name, Function<Round, Object> read) {
        slots.put(name, new Slot(name, null, Stage.ASSESSMENT, (round, none) -> read.apply((Round) round)));
    }

    /** Every sentence, in the order the staff guide lists them. */
    public List<Sentence> sentences() {
        return Collections.unmodifiableList(sentences);
    }

    Condition condition(String text) {
        return conditions.get(text);
    }

    /** The one pattern of {@code first} written right before {@code second}, or null when they are two. */
    Joined joined(Condition first, Condition second) {
        for (Joined pair : joined) {
            if (pair.first() == first && pair.second() == second) {
                return pair;
            }
        }
        return null;
    }

    List<Joined> joined() {
        return Collections.unmodifiableList(joined);
    }

    Constraint constraint(String text) {
        return constraints.get(text);
    }

    Verdict verdict(String word) {
        return verdicts.get(word);
    }

    /** The message slots, in the order the staff guide lists them. */
    public Map<String, Slot> slots() {
        return Collections.unmodifiableMap(slots);
    }

    /** The condition sentences that bind a variable, for the hint when a sentence needs it first. */
    List<Condition> bindersOf(String variable) {
        return conditions.values().stream().filter(c -> c.binds().contains(variable)).toList();
    }

    Map<String, Condition> conditions() {
        return Collections.unmodifiableMap(conditions);
    }

    Map<String, Constraint> constraints() {
        return Collections.unmodifiableMap(constraints);
    }

    Map<String, Verdict> verdicts() {
        return Collections.unmodifiableMap(verdicts);
    }
}
