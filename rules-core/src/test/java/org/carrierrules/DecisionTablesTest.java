package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.FactValues;
import org.carrierrules.assessment.Finding;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.RuleInfo;
import org.carrierrules.testing.RepositoryFiles;

/**
 * Decision tables ({@code rules/<stage>/*.csv}, {@code *.xlsx}): a table means what the equivalent rule file means,
 * every problem names its row and column, and a hostile file is refused or read as plain data.
 */
class DecisionTablesTest {
    private static final String FACTS = """
            reference: 测试用
            facts:
              - key: annualTrainees
                label: 年培训人数
                type: 整数
                unit: 人
                clause: 示例
              - key: onlinePlatform
                label: 以线上平台开展培训
                type: 是否
                clause: 示例
            """;
    private static final String CODES = """
            reference: 测试用
            codes:
              - {code: TRAINING_SCALE_TOO_SMALL, stage: ASSESSMENT, severity: DEFECT, clause: 示例, label: 年培训规模不足}
            """;
    /** The hand-written twin of the sample table: the same three rules, a rule file's way. */
    private static final String RULE_FILE = """
            rule "院校和培训机构年培训人数不足"
                @clause("示例：2023年通知 年培训规模")
            when
                载体类型是高技能人才培训基地
                申请单位类型是职业培训机构、高等学校、职业院校、技工院校、其他事业单位之一
                并非申请单位的以线上平台开展培训为是
                申请单位的年培训人数少于1000
            then
                通知补正，代码 TRAINING_SCALE_TOO_SMALL：年培训人数{年培训人数}人，少于1000人，请补充培训规模证明
            end

            rule "企业和行业协会年培训人数不足"
                @clause("示例：2023年通知 年培训规模")
            when
                载体类型是高技能人才培训基地
                申请单位类型是企业、行业协会之一
                并非申请单位的以线上平台开展培训为是
                申请单位的年培训人数少于200
            then
                通知补正，代码 TRAINING_SCALE_TOO_SMALL：年培训人数{年培训人数}人，少于200人，请补充培训规模证明
            end

            rule "线上平台年培训人数不足"
                @clause("示例：2023年通知 线上平台年培训规模")
            when
                载体类型是高技能人才培训基地
                申请单位的以线上平台开展培训为是
                申请单位的年培训人数少于50000
            then
                通知补正，代码 TRAINING_SCALE_TOO_SMALL：线上平台年培训人数{年培训人数}人，少于50000人，请补充培训规模证明
            end
            """;
    private static final String HEADER = "规则,依据条款,载体类型是,申请单位类型是,并非申请单位的以线上平台开展培训为,"
            + "申请单位的以线上平台开展培训为,申请单位的年培训人数少于,结论,代码,说明\n";

    @TempDir
    static Path temp;
    private static CarrierRules byRuleFile;
    private static CarrierRules byCsv;
    private static CarrierRules byXlsx;

    @BeforeAll
    static void policies() throws IOException {
        byRuleFile = CarrierRules.fromDirectoryUntested(policy("dslr", "rules/eligibility/scale.dslr", RULE_FILE.getBytes(StandardCharsets.UTF_8)));
        byCsv = CarrierRules.fromDirectoryUntested(policy("csv", "rules/eligibility/training-scale.csv", sampleCsv()));
        byXlsx = CarrierRules.fromDirectoryUntested(policy("xlsx", "rules/eligibility/training-scale.xlsx", resource("training-scale.xlsx")));
    }

    /** The extended example's table, as shipped. */
    private static byte[] sampleCsv() throws IOException {
        return Files.readAllBytes(RepositoryFiles.path("samples/policies/extended-example/rules/eligibility/training-scale.csv"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DecisionTablesTest.class.getResourceAsStream("/decision-tables/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bundled policy with the facts and code of the tables, and {@code content} at {@code file}. */
    private static Path policy(String name, String file, byte[] content) throws IOException {
        Path policy = PolicyCopies.copy(Files.createDirectories(temp.resolve(name)));
        Files.writeString(policy.resolve("facts.yaml"), FACTS, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("codes.yaml"), CODES, StandardCharsets.UTF_8);
        Files.createDirectories(policy.resolve(file).getParent());
        Files.write(policy.resolve(file), content);
        return policy;
    }

    private static List<String> problems(String file, byte[] content) throws IOException {
        Path policy = policy("case" + Long.toHexString(System.nanoTime()), file, content);
        return CarrierRules.check(policy).stream().map(PolicyProblem::toString).toList();
    }

    private static List<String> csvProblems(String text) throws IOException {
        return problems("rules/eligibility/t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Application application(CarrierType type, ApplicantType applicant, Integer trainees, Boolean online) {
        Application base = ValidApplications.of(type, applicant);
        Map<String, Object> facts = new LinkedHashMap<>();
        if (trainees != null) {
            facts.put("annualTrainees", java.math.BigDecimal.valueOf(trainees));
        }
        if (online != null) {
            facts.put("onlinePlatform", online);
        }
        return new Application(base.id(), type, base.submittedAt(), base.applicant(), base.materials(), base.paperCopy(),
                base.electronicCopy(), FactValues.of(facts));
    }

    @Test
    void aTableIsARuleSetAtItsRows() {
        List<RuleInfo> rules = byCsv.rules().stream().filter(r -> r.file().endsWith(".csv"))
                .sorted(java.util.Comparator.comparingInt(RuleInfo::line)).toList();
        assertEquals(List.of("院校和培训机构年培训人数不足 2", "企业和行业协会年培训人数不足 3", "线上平台年培训人数不足 4"),
                rules.stream().map(r -> r.name() + " " + r.line()).toList());
    }

    @Test
    void theSampleTableFindsWhatItsRuleFileTwinFinds() {
        Application small = application(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.ENTERPRISE, 199, null);
        List<Finding> findings = byCsv.assess(small).findings();
        assertEquals(List.of("TRAINING_SCALE_TOO_SMALL 年培训人数199人，少于200人，请补充培训规模证明 企业和行业协会年培训人数不足"),
                findings.stream().map(f -> f.code() + " " + f.message() + " " + f.rule()).toList());
        assertEquals(byRuleFile.assess(small).findings(), findings);
        assertEquals(byRuleFile.assess(small).findings(), byXlsx.assess(small).findings());
    }

    /** For any carrier type, applicant type, trainee count and platform, the csv and xlsx tables find what the rule file finds. */
    @Test
    void aTableFindsWhatTheEquivalentRuleFileFinds() {
        qt().withFixedSeed(20240812L).withExamples(300)
                .forAll(arbitrary().enumValues(CarrierType.class), arbitrary().enumValues(ApplicantType.class),
                        integers().between(-1, 60000), integers().between(0, 2))
                .checkAssert((type, applicant, trainees, online) -> {
                    Application app = application(type, applicant, trainees < 0 ? null : trainees,
                            online == 2 ? null : online == 1);
                    List<Finding> expected = byRuleFile.assess(app).findings();
                    assertEquals(expected, byCsv.assess(app).findings(), app::toString);
                    assertEquals(expected, byXlsx.assess(app).findings(), app::toString);
                });
    }

    @Test
    void everyHeaderProblemNamesItsColumn() throws IOException {
        List<String> problems = csvProblems("依据条款,载体类型,结论,代码,说明,结论\n四(二),高技能人才培训基地,提示,TRAINING_SCALE_TOO_SMALL,x,\n");
        assertTrue(problems.contains("rules/eligibility/t.csv 第1行第B列：表头“载体类型”不是可用的列名：表头可写“依据条款”“结论”“代码”“说明”"
                + "（必须有）、“规则”（可选），以及条件句的开头，由下面的单元格补全，如“载体类型是”“申请单位类型是”“申请单位的年培训人数少于”"
                + "（可加“并非”“或者”）"), problems::toString);
        assertTrue(problems.contains("rules/eligibility/t.csv 第1行第F列：“结论”列已在第C列：每种列只能有一列"), problems::toString);
        assertTrue(csvProblems("载体类型是,结论,代码,说明\n高技能人才培训基地,提示,A,b\n").stream()
                .anyMatch(p -> p.startsWith("rules/eligibility/t.csv 第1行：决策表缺少“依据条款”列")));
        assertEquals(List.of("rules/eligibility/t.csv 第1行：决策表的第1行须是表头：" + headersAdvice()), csvProblems("\n"));
    }

    private static String headersAdvice() {
        return "表头可写“依据条款”“结论”“代码”“说明”（必须有）、“规则”（可选），以及条件句的开头，由下面的单元格补全，"
                + "如“载体类型是”“申请单位类型是”“申请单位的年培训人数少于”（可加“并非”“或者”）";
    }

    @Test
    void everyCellProblemNamesItsRowAndColumn() throws IOException {
        List<String> problems = csvProblems(HEADER
                + "a,示例,高技能人才培训基地,企业,是,,abc,通知补正,TRAINING_SCALE_TOO_SMALL,少\n"
                + "b,示例,高技能人才培训基地,企业,是,,200,不予受理,TRAINING_SCALE_TOO_SMALL,少\n"
                + "c,示例,高技能人才培训基地,企业,是,,200,通知补正,NO_SUCH_CODE,少\n"
                + "d,示例,高技能人才培训基地,企业,是,,200,通知补正,TRAINING_SCALE_TOO_SMALL,{不存在}\n"
                + "e,,高技能人才培训基地,企业,是,,200,通知补正,TRAINING_SCALE_TOO_SMALL,少\n"
                + "f,示例,,,,,,通知补正,TRAINING_SCALE_TOO_SMALL,少\n"
                + "g,示例,高技能人才培训基地,企业、无此类型,是,,200,通知补正,TRAINING_SCALE_TOO_SMALL,少\n");
        String file = "rules/eligibility/t.csv ";
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + "第2行第G列：")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + "第3行第I列：代码 TRAINING_SCALE_TOO_SMALL 的结论是“通知补正”")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + "第4行第I列：代码 NO_SUCH_CODE 不在代码目录中")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + "第5行第J列：说明中的占位“{不存在}”不存在")), problems::toString);
        assertTrue(problems.contains(file + "第6行第B列：“依据条款”不能为空：写上规则依据的通知条款，如“四(二)”"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + "第7行：这一行的条件都为空")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + "第8行第D列：")), problems::toString);
        assertEquals(7, problems.size(), problems::toString);
    }

    /** A table in the allocation folder is a table of 排名资格: its rows of 受理审查 are refused at their cells. */
    @Test
    void aTableOfAssessmentRulesIsRefusedCellByCellInTheAllocationFolder() throws IOException {
        List<String> problems = problems("rules/allocation/t.csv", sampleCsv());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("rules/allocation/t.csv 第2行第H列：这句话属于另一环节，不能用在"
                + "评审与名额分配（rules/allocation/）的规则中")), problems::toString);
        assertTrue(problems.contains("rules/allocation/t.csv 第2行第I列：代码 TRAINING_SCALE_TOO_SMALL 属于受理审查（rules/eligibility/、"
                + "rules/materials/），不能用在评审与名额分配（rules/allocation/）的规则中"), problems::toString);
    }

    @Test
    void aCsvSavedAsGb18030IsReadAsExcelWroteIt() throws IOException {
        byte[] gb = new String(sampleCsv(), StandardCharsets.UTF_8).replace("\uFEFF", "").getBytes(Charset.forName("GB18030"));
        assertEquals(List.of(), problems("rules/eligibility/training-scale.csv", gb));
    }

    @Test
    void textThatLooksLikeCodeIsOnlyData() throws IOException {
        String row = "a,示例,高技能人才培训基地,企业,是,,%s,通知补正,TRAINING_SCALE_TOO_SMALL,%s\n";
        List<String> smuggled = csvProblems(HEADER + String.format(row, "1000 || true", "少"));
        assertEquals(1, smuggled.size(), smuggled::toString);
        assertTrue(smuggled.get(0).startsWith("rules/eligibility/t.csv 第2行第G列："), smuggled::toString);
        // A quote, a comment marker and a Drools keyword in a message are text the finding shows as written.
        Path policy = policy("quoted", "rules/eligibility/t.csv", (HEADER + String.format(row, "200",
                "\"他说\"\"少\"\"); end rule \"\"x\"\" // {年培训人数}\"")).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), CarrierRules.check(policy));
        Application app = application(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.ENTERPRISE, 5, null);
        assertEquals(List.of("他说\"少\"); end rule \"x\" // 5"),
                CarrierRules.fromDirectoryUntested(policy).assess(app).findings().stream().map(Finding::message).toList());
        List<String> newline = csvProblems(HEADER + "a,示例,高技能人才培训基地,企业,是,,200,通知补正,TRAINING_SCALE_TOO_SMALL,\"少\nthen\"\n");
        assertEquals(List.of("rules/eligibility/t.csv 第2行第J列：单元格中的第2个字符是换行，决策表中不允许出现：一个单元格只写一个值，不换行"), newline);
        List<String> control = csvProblems(HEADER + "a,示例,高技能人才培训基地,企业,是,,200,通知补正,TRAINING_SCALE_TOO_SMALL,少\u202E\n");
        assertEquals(1, control.size(), control::toString);
        assertTrue(control.get(0).startsWith("rules/eligibility/t.csv 第2行第J列：单元格中的第2个字符是不可见的格式字符 U+202E"), control::toString);
    }

    @Test
    void aTableOfTooManyRowsIsRefused() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1001; i++) {
            csv.append("r").append(i).append(",示例,高技能人才培训基地,企业,是,,200,通知补正,TRAINING_SCALE_TOO_SMALL,少\n");
        }
        assertEquals(List.of("rules/eligibility/t.csv 第1002行：决策表最多1000行规则（另加第1行表头）：请把规则分到几个文件中"),
                csvProblems(csv.toString()));
    }

    // xlsx files, written here as Excel's smallest workbook (see src/test/resources/decision-tables/make-training-scale-xlsx.py).

    private static byte[] xlsx(String sheetData, Map<String, byte[]> extra) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"规则\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/styles.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + sheetData + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        parts.putAll(extra);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(String ref, String value) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }

    /** The header row and one rule of the enterprise floor, its threshold cell G2 as given. */
    private static String sheet(String thresholdCell) {
        String[] header = HEADER.strip().split(",");
        StringBuilder row1 = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < header.length; i++) {
            row1.append(text((char) ('A' + i) + "1", header[i]));
        }
        return row1 + "</row><row r=\"2\">" + text("A2", "企业") + text("B2", "示例") + text("C2", "高技能人才培训基地")
                + text("D2", "企业") + text("E2", "是") + thresholdCell + text("H2", "通知补正") + text("I2", "TRAINING_SCALE_TOO_SMALL")
                + text("J2", "年培训人数{年培训人数}人") + "</row>";
    }

    private static List<String> xlsxProblems(byte[] workbook) throws IOException {
        return problems("rules/eligibility/t.xlsx", workbook);
    }

    @Test
    void anXlsxNumberIsItsPlainDecimalText() throws IOException {
        Path policy = policy("number", "rules/eligibility/t.xlsx", xlsx(sheet("<c r=\"G2\"><v>2E2</v></c>"), Map.of()));
        assertEquals(List.of(), CarrierRules.check(policy));
        Application app = application(CarrierType.HIGH_SKILL_TRAINING_BASE, ApplicantType.ENTERPRISE, 199, null);
        assertEquals(List.of("年培训人数199人"),
                CarrierRules.fromDirectoryUntested(policy).assess(app).findings().stream().map(Finding::message).toList());
    }

    @Test
    void aFormulaIsRefusedNotEvaluated() throws IOException {
        assertEquals(List.of("rules/eligibility/t.xlsx 第2行第G列：单元格中是公式：决策表只能填写值，不能用公式（公式不会被计算）；请把公式换成它的值"),
                xlsxProblems(xlsx(sheet("<c r=\"G2\"><f>100*2</f><v>200</v></c>"), Map.of())));
        assertEquals(List.of("rules/eligibility/t.xlsx 第2行第G列：单元格是逻辑值（TRUE/FALSE）：请直接填写“是”或“否”"),
                xlsxProblems(xlsx(sheet("<c r=\"G2\" t=\"b\"><v>1</v></c>"), Map.of())));
    }

    @Test
    void aZipBombIsRefusedBeforeItIsParsed() throws IOException {
        // 40 MB of one character deflates to some 40 KB; the sheet itself stays valid XML.
        byte[] padding = ("<!--" + "a".repeat(40 * 1024 * 1024) + "-->").getBytes(StandardCharsets.US_ASCII);
        byte[] bomb = xlsx(sheet(text("G2", "200")), Map.of("xl/padding.xml", padding));
        assertTrue(bomb.length < 1024 * 1024, "compressed, the bomb is within the file size limit: " + bomb.length);
        assertEquals(List.of("rules/eligibility/t.xlsx：xlsx 文件解压后超过 32 MB，远大于任何决策表（可能是“压缩炸弹”），未读取：请确认这是正确的文件"),
                xlsxProblems(bomb));
    }

    @Test
    void anExternalEntityIsNeverResolved() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "机密", StandardCharsets.UTF_8);
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>";
        String sheet = doctype + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + sheet(text("G2", "&e;")) + "</sheetData></worksheet>";
        List<String> problems = xlsxProblems(xlsx("", Map.of("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("rules/eligibility/t.xlsx：xlsx 文件中含有文档类型声明"), problems::toString);
        assertFalse(problems.get(0).contains("机密"));
        // In UTF-16, the declaration is found all the same.
        List<String> utf16 = xlsxProblems(xlsx("", Map.of("xl/worksheets/sheet1.xml", sheet.replace("<?xml version=\"1.0\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16))));
        assertTrue(utf16.get(0).startsWith("rules/eligibility/t.xlsx：xlsx 文件中含有文档类型声明"), utf16::toString);
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() throws IOException {
        assertEquals(List.of("rules/eligibility/t.xlsx：这不是 xlsx 文件：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”"),
                xlsxProblems("规则,依据条款\n".getBytes(StandardCharsets.UTF_8)));
        byte[] truncated = java.util.Arrays.copyOf(resource("training-scale.xlsx"), 600);
        List<String> problems = xlsxProblems(truncated);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("rules/eligibility/t.xlsx：xlsx 文件已损坏"), problems::toString);
    }
}
