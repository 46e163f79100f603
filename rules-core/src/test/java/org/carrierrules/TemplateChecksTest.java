package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.policy.ReloadResult;

/**
 * The documents' templates are checked with the policy (check, load, reload): each kind of mistake is a problem with
 * its file and line, in Chinese, and a policy with one does not replace the policy serving now.
 */
class TemplateChecksTest {
    private static final String SUPPLEMENT = "templates/supplement-notice.mustache";

    private static List<PolicyProblem> checkWith(Path dir, String file, String text) throws IOException {
        Path policy = PolicyCopies.copy(dir);
        Path template = policy.resolve(file);
        Files.createDirectories(template.getParent());
        Files.writeString(template, text, StandardCharsets.UTF_8);
        return CarrierRules.check(policy);
    }

    private static PolicyProblem only(List<PolicyProblem> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    @Test
    void anUnknownPlaceholderIsNamedWithItsLineAndTheNameMeant(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "# 补正材料通知\n{{applicant}}：\n  编号 {{applicatonId}}\n"));

        assertEquals(SUPPLEMENT, problem.file());
        assertEquals(3, problem.line());
        assertEquals("未知的占位符 {{applicatonId}}：是不是 {{applicationId}}？", problem.message());
    }

    @Test
    void aNameOfAnotherDocumentIsUnknownHere(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "{{carrierId}}\n"));

        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("未知的占位符 {{carrierId}}"), problem.message());
    }

    @Test
    void aSectionLeftOpenIsNamedAtTheLineItOpens(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "# 补正材料通知\n{{#findings}}\n  {{number}}. {{message}}\n"));

        assertEquals(2, problem.line());
        assertEquals("{{#findings}} 没有结束：请在它的内容之后写上 {{/findings}}", problem.message());
    }

    @Test
    void sectionsClosedInTheWrongOrder(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "{{#findings}}\n{{#hasNotes}}\n{{/findings}}\n{{/hasNotes}}\n"));

        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("与第2行的 {{#hasNotes}} 不配对"), problem.message());
    }

    @Test
    void aTextUsedAsASectionAndAListUsedAsAText(@TempDir Path dir) throws IOException {
        List<PolicyProblem> problems = checkWith(dir, SUPPLEMENT, "{{#applicant}}x{{/applicant}}\n{{findings}}\n");

        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().startsWith("“applicant”是文字"), problems::toString);
        assertEquals(2, problems.get(1).line());
        assertTrue(problems.get(1).message().startsWith("“findings”是列表"), problems::toString);
    }

    @Test
    void aPartialOutsideThePolicysTemplatesIsRefused(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "# 补正材料通知\n{{> ../../etc/passwd}}\n"));

        assertEquals(2, problem.line());
        assertEquals("不能引用模板“../../etc/passwd”：只能引用本政策目录 templates/ 中的 {{> contact}}（联系方式），不能读取其他文件",
                problem.message());
    }

    @Test
    void theContactTemplateIncludesNothing(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, "templates/contact.mustache", "{{> contact}}\n"));

        assertEquals("templates/contact.mustache", problem.file());
        assertTrue(problem.message().contains("联系方式模板中不能再引用模板"), problem.message());
    }

    /**
     * The policy decided: no raw output at all. Every value of a document (a name, a message, an id) may have come from an
     * applicant, so there is no field whose unescaped output would be safe in HTML.
     */
    @Test
    void rawOutputOfAnApplicantsNameIsRefusedInEitherSpelling(@TempDir Path dir) throws IOException {
        List<PolicyProblem> problems = checkWith(dir, SUPPLEMENT, "{{{applicant}}}\n{{& applicant}}\n");

        assertEquals(2, problems.size(), problems::toString);
        assertEquals(1, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("不允许 {{{applicant}}}：它把内容原样输出、不加转义"), problems::toString);
        assertEquals(2, problems.get(1).line());
        assertTrue(problems.get(1).message().startsWith("不允许 {{&applicant}}"), problems::toString);
    }

    @Test
    void changedDelimitersAreRefused(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "{{=<% %>=}}\n<% applicant %>\n"));

        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("不允许改换占位符的定界符"), problem.message());
    }

    @Test
    void anOversizeTemplateIsRefusedUnread(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, SUPPLEMENT, "# 补正材料通知\n" + "很长的措辞。".repeat(4000)));

        assertEquals(SUPPLEMENT, problem.file());
        assertEquals(0, problem.line());
        assertTrue(problem.message().startsWith("模板文件大小为 "), problem.message());
        assertTrue(problem.message().contains("超过模板的上限 65536 字节"), problem.message());
    }

    @Test
    void aTemplateOfNoDocumentIsNamedWithTheNameMeant(@TempDir Path dir) throws IOException {
        PolicyProblem problem = only(checkWith(dir, "templates/suplement-notice.mustache", "{{applicant}}\n"));

        assertEquals("templates/suplement-notice.mustache", problem.file());
        assertTrue(problem.message().startsWith("没有名为“suplement-notice”的文书模板：是不是 templates/supplement-notice.mustache？"),
                problem.message());
    }

    @Test
    void aTemplateThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path policy = PolicyCopies.copy(dir);
        Files.write(policy.resolve(SUPPLEMENT), "补正".getBytes(java.nio.charset.Charset.forName("GBK")));

        PolicyProblem problem = only(CarrierRules.check(policy));

        assertEquals("不是 UTF-8 编码的文本：请用 UTF-8 保存此模板", problem.message());
    }

    @Test
    void aBrokenTemplateIsNotReloadedAndTheWordingServingNowKeepsServing(@TempDir Path dir) throws IOException {
        Path policy = PolicyCopies.copy(dir);
        CarrierRules rules = CarrierRules.fromDirectoryUntested(policy);
        Files.writeString(policy.resolve(SUPPLEMENT), "{{applicantName}}\n", StandardCharsets.UTF_8);

        ReloadResult result = rules.reload();

        assertEquals(ReloadResult.Outcome.REFUSED_BROKEN, result.outcome());
        assertEquals(SUPPLEMENT, result.problems().get(0).file());
        var application = Rounds.toSupplement(Rounds.accepted("LH2024-201", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15"));
        String text = rules.documents().render(new Document.AssessmentNotice(application, rules.assess(application)), DocumentFormat.TEXT);
        assertTrue(text.contains("第四部分第（三）项"), text);
    }

    @Test
    void anEditedTemplateChangesTheWordingButNotTheFingerprint(@TempDir Path dir) throws IOException {
        Path policy = PolicyCopies.copy(dir);
        Files.writeString(policy.resolve("templates/contact.mustache"), "  联系电话：0755-00000000（{{authority}}）\n", StandardCharsets.UTF_8);
        CarrierRules rules = CarrierRules.fromDirectoryUntested(policy);
        var application = Rounds.accepted("LH2024-202", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15");

        String text = rules.documents().render(new Document.AssessmentNotice(application, rules.assess(application)), DocumentFormat.TEXT);

        assertTrue(text.contains("  联系电话：0755-00000000（深圳市罗湖区人力资源局）\n"), text);
        assertEquals(CarrierRules.bundled().policy().fingerprint(), rules.policy().fingerprint(), "wording decides nothing");
    }
}
