package org.carrierrules.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.carrierrules.CarrierType;
import org.carrierrules.PolicyRef;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.assessment.Severity;

/**
 * The eligibility and materials checks of the bundled round written by hand in plain Java, as a
 * host would without a rule engine: the yardstick the engine's speed is measured against. It reads
 * the same round data ({@code round.yaml}, {@code materials.yaml}, parsed here with Jackson) and
 * gives the same findings (code, severity, clause, material, rule, message) in the same order;
 * {@code BaselineAgreesWithEngineTest} holds it to that.
 * <p>
 * Deliberately straightforward, not tuned: round data is prepared once (sets, normalised names,
 * instants), each application is checked in one pass, and findings are built only when something
 * is wrong. It lives in the benchmarks module only; the library decides through its rules.
 */
public final class HandWrittenAssessor {
    private static final String BUNDLED = "/org/carrierrules/policies/luohu-2024/";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm:ss");
    private static final PolicyRef POLICY = new PolicyRef("luohu-2024", "hand-written baseline");
    private static final Comparator<Ranked> ORDER = Comparator
            .comparing((Ranked r) -> r.finding.severity())
            .thenComparingInt(r -> r.materialOrder)
            .thenComparingInt(r -> r.rule.ordinal())
            .thenComparing(r -> r.finding.message());

    /** The rules of the bundled policy, in the order Drools loads them (files by path, rules as written). */
    private enum Rule {
        APPLICANT_TYPE_NOT_ELIGIBLE("申请单位类型不在本轮申报对象之内", "二", Severity.INELIGIBLE),
        NO_TRAINING_FUNCTION("其他事业单位未承担职业培训职能", "二", Severity.INELIGIBLE),
        NOT_LEGALLY_ESTABLISHED("申请单位未依法设立", "二", Severity.INELIGIBLE),
        NOT_REGISTERED_IN_DISTRICT("申请单位不在本区登记", "二", Severity.INELIGIBLE),
        CARRIER_TYPE_NOT_OPEN("申报的载体类型本轮未开放", "一、三", Severity.INELIGIBLE),
        SUBMITTED_OUTSIDE_WINDOW("不在申报时间内提交", "四(一)", Severity.INELIGIBLE),
        ELECTRONIC_COPY_MISSING("未提交电子版材料", "四(二)", Severity.DEFECT),
        ELECTRONIC_NO_WORD("电子版材料缺少WORD格式文件", "四(二)", Severity.DEFECT),
        ELECTRONIC_NO_PDF("电子版材料缺少PDF格式文件", "四(二)", Severity.DEFECT),
        ELECTRONIC_PDF_NOT_SINGLE_FILE("电子版PDF未扫描成一份文件", "四(二)", Severity.DEFECT),
        ELECTRONIC_MISNAMED("电子版文件未以申报单位名称命名", "四(二)", Severity.DEFECT),
        ELECTRONIC_ORDER_MISMATCH("电子版材料顺序与纸质版不一致", "四(二)", Severity.DEFECT),
        PAPER_COPY_MISSING("未提交纸质材料", "四(二)", Severity.DEFECT),
        PAPER_COPIES_INSUFFICIENT("纸质材料份数不足", "四(二)", Severity.DEFECT),
        PAPER_NOT_A4("纸质材料不是A4纸", "四(二)", Severity.DEFECT),
        PAPER_NOT_BOUND("纸质材料未装订成册", "四(二)", Severity.DEFECT),
        PAPER_NO_TABLE_OF_CONTENTS("纸质材料未编制目录", "四(二)", Severity.DEFECT),
        PAPER_NO_PAGE_NUMBERS("纸质材料未编制页码", "四(二)", Severity.DEFECT),
        MATERIAL_MISSING("缺少必须提交的材料", "四(二)", Severity.DEFECT),
        MATERIAL_NOT_PDF("材料扫描件不是PDF格式", "四(二)", Severity.DEFECT),
        MATERIAL_NOT_SEALED("材料扫描前未加盖公章", "四(二)", Severity.DEFECT),
        MATERIAL_ILLEGIBLE("材料扫描件不清晰", "四(二)", Severity.DEFECT),
        MATERIAL_PAGES_MISSING("材料扫描件缺页", "四(二)", Severity.DEFECT),
        MATERIAL_SKEWED("材料扫描件歪斜", "四(二)", Severity.DEFECT),
        MATERIAL_MISNAMED("材料文件未按材料名称命名", "四(二)", Severity.DEFECT),
        MATERIAL_NOT_REQUIRED("提交了本类载体不要求的材料", "四(二)", Severity.NOTE);

        final String ruleName;
        final String clause;
        final Severity severity;

        Rule(String ruleName, String clause, Severity severity) {
            this.ruleName = ruleName;
            this.clause = clause;
            this.severity = severity;
        }
    }

    private record Required(String code, String name, String normalisedName, int order) {
    }

    private record Ranked(Finding finding, Rule rule, int materialOrder) {
    }

    private final String title;
    private final String districtName;
    private final Set<String> districtNames = new HashSet<>();
    private final ZoneId zone;
    private final Instant opens;
    private final Instant closes;
    private final String windowText;
    private final Set<CarrierType> open = EnumSet.noneOf(CarrierType.class);
    private final Set<ApplicantType> eligible = EnumSet.noneOf(ApplicantType.class);
    private final Set<ApplicantType> requireTrainingFunction = EnumSet.noneOf(ApplicantType.class);
    private final int paperCopies;
    private final Map<CarrierType, List<Required>> required = new EnumMap<>(CarrierType.class);

    private HandWrittenAssessor(JsonNode round, JsonNode materials) {
        title = round.path("title").asText();
        zone = ZoneId.of(round.path("timeZone").asText());
        JsonNode district = round.path("district");
        districtName = district.path("name").asText();
        districtNames.add(normalise(districtName));
        district.path("alsoWritten").forEach(n -> districtNames.add(normalise(n.asText())));
        LocalDateTime opensLocal = LocalDateTime.parse(round.path("window").path("opens").asText());
        LocalDateTime closesLocal = LocalDateTime.parse(round.path("window").path("closes").asText());
        opens = opensLocal.atZone(zone).toInstant();
        closes = closesLocal.atZone(zone).toInstant();
        windowText = LOCAL.format(opensLocal) + "至" + LOCAL.format(closesLocal) + "（北京时间）";
        round.path("carrierTypes").path("quotas").fields().forEachRemaining(q -> {
            if (q.getValue().asInt() > 0) {
                open.add(CarrierType.valueOf(q.getKey()));
            }
        });
        round.path("applicants").path("eligible").forEach(t -> eligible.add(ApplicantType.valueOf(t.asText())));
        round.path("applicants").path("requireTrainingFunction").forEach(t -> requireTrainingFunction.add(ApplicantType.valueOf(t.asText())));
        paperCopies = round.path("paperCopy").path("copies").asInt();
        for (CarrierType type : CarrierType.values()) {
            List<String> codes = new ArrayList<>();
            materials.path("required").path("common").forEach(c -> codes.add(c.asText()));
            materials.path("required").path("byCarrierType").path(type.name()).forEach(c -> codes.add(c.asText()));
            List<Required> list = new ArrayList<>();
            for (String code : codes) {
                String name = materials.path("catalogue").path(code).asText();
                list.add(new Required(code, name, normalise(name), list.size()));
            }
            required.put(type, List.copyOf(list));
        }
    }

    /** The bundled round, read from the library's jar. */
    public static HandWrittenAssessor bundled() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream round = HandWrittenAssessor.class.getResourceAsStream(BUNDLED + "round.yaml");
             InputStream materials = HandWrittenAssessor.class.getResourceAsStream(BUNDLED + "materials.yaml")) {
            return new HandWrittenAssessor(yaml.readTree(round), yaml.readTree(materials));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Assessment assess(Application application) {
        List<Ranked> found = new ArrayList<>(4);
        eligibility(application, found);
        electronicCopy(application, found);
        paperCopy(application, found);
        scans(application, found);
        List<Finding> findings;
        if (found.isEmpty()) {
            findings = List.of();
        } else {
            found.sort(ORDER);
            findings = new ArrayList<>(found.size());
            for (Ranked r : found) {
                findings.add(r.finding);
            }
        }
        Acceptance acceptance = Acceptance.of(findings);
        return new Assessment(application.id(), application.carrierType(), acceptance != Acceptance.NOT_ACCEPTED,
                acceptance, findings, POLICY);
    }

    private void eligibility(Application application, List<Ranked> found) {
        Applicant applicant = application.applicant();
        if (!eligible.contains(applicant.type())) {
            add(found, Rule.APPLICANT_TYPE_NOT_ELIGIBLE, null,
                    "申请单位类型为“" + applicant.type().label() + "”，不在本轮申报对象之内");
        } else if (requireTrainingFunction.contains(applicant.type()) && !applicant.hasTrainingFunction()) {
            add(found, Rule.NO_TRAINING_FUNCTION, null, "申请单位为“" + applicant.type().label() + "”，但未承担职业培训职能");
        }
        if (!applicant.legallyEstablished()) {
            add(found, Rule.NOT_LEGALLY_ESTABLISHED, null, "申请单位未依法设立");
        }
        if (!districtNames.contains(normalise(applicant.registeredDistrict()))) {
            add(found, Rule.NOT_REGISTERED_IN_DISTRICT, null,
                    "申请单位登记在“" + applicant.registeredDistrict() + "”，不是" + districtName + "的单位");
        }
        if (!open.contains(application.carrierType())) {
            add(found, Rule.CARRIER_TYPE_NOT_OPEN, null, title + "不认定" + application.carrierType().label());
        }
        Instant at = application.submittedAt();
        if (at.isBefore(opens) || at.isAfter(closes)) {
            add(found, Rule.SUBMITTED_OUTSIDE_WINDOW, null,
                    "提交时间为" + LOCAL.format(at.atZone(zone)) + "，不在申报时间" + windowText + "之内");
        }
    }

    private void electronicCopy(Application application, List<Ranked> found) {
        ElectronicCopy copy = application.electronicCopy();
        if (copy == null || copy.files().isEmpty()) {
            add(found, Rule.ELECTRONIC_COPY_MISSING, null, "未提交电子版材料");
            return;
        }
        int pdfs = 0;
        boolean word = false;
        String applicantName = normalise(application.applicant().name());
        for (ElectronicFile file : copy.files()) {
            pdfs += file.format() == FileFormat.PDF ? 1 : 0;
            word |= file.format() == FileFormat.WORD;
            if (!baseName(file.fileName()).equals(applicantName)) {
                add(found, Rule.ELECTRONIC_MISNAMED, null, "电子版文件“" + file.fileName() + "”未以申报单位名称“"
                        + application.applicant().name() + "”命名");
            }
        }
        if (!word) {
            add(found, Rule.ELECTRONIC_NO_WORD, null, "电子版材料缺少WORD格式文件");
        }
        if (pdfs == 0) {
            add(found, Rule.ELECTRONIC_NO_PDF, null, "电子版材料缺少PDF格式文件");
        } else if (pdfs > 1) {
            add(found, Rule.ELECTRONIC_PDF_NOT_SINGLE_FILE, null, "电子版PDF应扫描成一份文件，实为" + pdfs + "份");
        }
        if (!copy.orderMatchesPaper()) {
            add(found, Rule.ELECTRONIC_ORDER_MISMATCH, null, "电子版材料顺序与纸质版材料及系统申报材料的装订顺序不一致");
        }
    }

    private void paperCopy(Application application, List<Ranked> found) {
        PaperCopy paper = application.paperCopy();
        if (paper == null) {
            add(found, Rule.PAPER_COPY_MISSING, null, "未提交纸质材料");
            return;
        }
        if (paper.copies() < paperCopies) {
            add(found, Rule.PAPER_COPIES_INSUFFICIENT, null, "纸质材料应一式" + paperCopies + "份，实交" + paper.copies() + "份");
        }
        if (!paper.paperSize().equalsIgnoreCase("A4")) {
            add(found, Rule.PAPER_NOT_A4, null, "纸质材料应使用A4纸，实为" + paper.paperSize());
        }
        if (!paper.bound()) {
            add(found, Rule.PAPER_NOT_BOUND, null, "纸质材料未装订成册");
        }
        if (!paper.tableOfContents()) {
            add(found, Rule.PAPER_NO_TABLE_OF_CONTENTS, null, "纸质材料未编制目录");
        }
        if (!paper.pageNumbers()) {
            add(found, Rule.PAPER_NO_PAGE_NUMBERS, null, "纸质材料未编制页码");
        }
    }

    private void scans(Application application, List<Ranked> found) {
        List<Required> needed = required.get(application.carrierType());
        for (Required r : needed) {
            boolean submitted = false;
            for (Material m : application.materials()) {
                if (!m.code().equals(r.code)) {
                    continue;
                }
                submitted = true;
                if (m.format() != FileFormat.PDF) {
                    add(found, Rule.MATERIAL_NOT_PDF, r, r.name + "扫描件“" + m.fileName() + "”不是PDF格式");
                }
                if (!m.sealed()) {
                    add(found, Rule.MATERIAL_NOT_SEALED, r, r.name + "扫描件未加盖公章");
                }
                if (!m.legible()) {
                    add(found, Rule.MATERIAL_ILLEGIBLE, r, r.name + "扫描件不清晰");
                }
                if (!m.pagesComplete()) {
                    add(found, Rule.MATERIAL_PAGES_MISSING, r, r.name + "扫描件缺页");
                }
                if (m.skewed()) {
                    add(found, Rule.MATERIAL_SKEWED, r, r.name + "扫描件歪斜");
                }
                if (!baseName(m.fileName()).contains(r.normalisedName)) {
                    add(found, Rule.MATERIAL_MISNAMED, r, r.name + "文件“" + m.fileName() + "”未按材料名称命名，文件名应包含“" + r.name + "”");
                }
            }
            if (!submitted) {
                add(found, Rule.MATERIAL_MISSING, r, "缺少" + r.name);
            }
        }
        for (Material m : application.materials()) {
            if (!isRequired(needed, m.code())) {
                add(found, Rule.MATERIAL_NOT_REQUIRED, null,
                        "文件“" + m.fileName() + "”（材料代码 " + m.code() + "）不在本类载体的申报材料清单内，未作审查");
            }
        }
    }

    private static boolean isRequired(List<Required> needed, String code) {
        for (Required r : needed) {
            if (r.code.equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Ranked> found, Rule rule, Required material, String message) {
        Finding finding = new Finding(rule.name(), rule.severity, rule.clause, material == null ? null : material.code,
                rule.ruleName, message);
        found.add(new Ranked(finding, rule, material == null ? Integer.MAX_VALUE : material.order));
    }

    /**
     * 四(二) 按对应材料名称命名 / 以申报单位名称命名: compared after NFKC, so （集团） and (集团) are one name.
     * Text of ASCII and CJK Unified Ideographs only is left as it is by NFKC, and skips the
     * normaliser, as in the library: the ratio should measure the engine, not one side's helper.
     */
    private static String normalise(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
            }
        }
        return text.strip();
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return normalise(dot > 0 ? fileName.substring(0, dot) : fileName);
    }
}
