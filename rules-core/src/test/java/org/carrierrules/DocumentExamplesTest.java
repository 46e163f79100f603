package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.DocumentKind;
import org.carrierrules.documents.Documents;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.CarrierEvent;
import org.carrierrules.supervision.EventType;
import org.carrierrules.supervision.SupervisionDecision;

/** Each document of the bundled policy, as the office sends it: its wording, the notice's clauses, the contact. */
class DocumentExamplesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final Documents DOCUMENTS = RULES.documents();
    private static final String CONTACT = "联系地址：罗湖区沿河北路2019号2号楼204室；联系人：钟先生；联系电话：25438355。";

    static RoundSubmission sampleRound() {
        try {
            Path folder = Path.of(DocumentExamplesTest.class.getResource("/sample-round/applications.json").toURI()).getParent();
            var round = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("round", "luohu-2024");
            round.set("applications", AllocationJson.readTree(folder.resolve("applications.json")));
            round.set("reviews", AllocationJson.readTree(folder.resolve("reviews.json")));
            round.set("objections", AllocationJson.readTree(folder.resolve("objections.json")));
            return ((AllocationInput.Valid) AllocationJson.read(round)).submission();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document.AssessmentNotice notice(Application application) {
        return new Document.AssessmentNotice(application, RULES.assess(application));
    }

    @Test
    void aSupplementNoticeCitesFourThreeListsEachDefectAndSaysWhereToHandPapersIn() {
        Application application = Rounds.toSupplement(Rounds.accepted("LH2024-101", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15"));
        Document.AssessmentNotice notice = notice(application);
        assertEquals(DocumentKind.SUPPLEMENT_NOTICE, notice.kind());

        String text = DOCUMENTS.render(notice, DocumentFormat.TEXT);

        assertTrue(text.startsWith("──────── 补正材料通知 ────────\n" + application.applicant().name() + "：\n"), text);
        assertTrue(text.contains("于2024年8月20日 10:15:00（北京时间）提交的高技能人才培训基地认定申报材料（编号 LH2024-101）"), text);
        assertTrue(text.contains("第四部分第（三）项，请按以下1项意见补正材料：\n    1. 未提交纸质材料（依据：四(二)）\n"), text);
        assertTrue(text.contains("  " + CONTACT + "\n"), text);
        assertTrue(text.endsWith("  深圳市罗湖区人力资源局\n  （盖章）\n"), text);
        assertTrue(text.contains("通知附件1未公布"), "the bundled material list is illustrative, and the letter says so");
    }

    @Test
    void anAcceptanceNoticeAndARejectionNotice() {
        Application accepted = Rounds.accepted("LH2024-102", CarrierType.SKILL_MASTER_STUDIO, "2024-08-21T09:00");
        String acceptance = DOCUMENTS.render(notice(accepted), DocumentFormat.TEXT);
        assertTrue(acceptance.startsWith("──────── 受理通知 ────────\n"), acceptance);
        assertTrue(acceptance.contains("根据《深圳市罗湖区人力资源局关于开展2024年度终身职业技能培训载体认定工作的通知》第四部分第（三）项，予以受理。"), acceptance);

        Document.AssessmentNotice rejected = notice(Rounds.ineligible(accepted));
        assertEquals(DocumentKind.REJECTION_NOTICE, rejected.kind());
        String rejection = DOCUMENTS.render(rejected, DocumentFormat.TEXT);
        assertTrue(rejection.startsWith("──────── 不予受理告知 ────────\n"), rejection);
        assertTrue(rejection.contains("    1. 申请单位类型为“机关”，不在本轮申报对象之内（依据：二）\n"), rejection);
    }

    @Test
    void aRectificationNoticeQuotesClauseFiveAndIsDatedAsOfTheReview() {
        Carrier carrier = Carrier.builder("SZ-2021-003", "深圳市罗湖区示例技能大师工作室", CarrierType.SKILL_MASTER_STUDIO, LocalDate.of(2021, 6, 1))
                .event(EventType.DUTIES_NOT_FULFILLED, LocalDate.of(2024, 5, 1)).trained(2022, 40).trained(2023, 40).build();
        SupervisionDecision decision = RULES.supervise(carrier, LocalDate.of(2024, 12, 31));
        Document.SupervisionNotice notice = new Document.SupervisionNotice(carrier, decision);
        assertEquals(DocumentKind.RECTIFICATION_NOTICE, notice.kind());

        String text = DOCUMENTS.render(notice, DocumentFormat.TEXT);

        assertTrue(text.startsWith("──────── 通知改正 ────────\n深圳市罗湖区示例技能大师工作室（载体编号 SZ-2021-003）：\n"), text);
        assertTrue(text.contains("第五部分“人力资源部门对终身职业技能培训载体进行跟踪管理，发现不能履行职责的，将通知改正”"), text);
        assertTrue(text.endsWith("  深圳市罗湖区人力资源局\n  2024年12月31日\n"), text);
    }

    @Test
    void aRevocationProposalIsAddressedToTheCityBureauAndNamesTheDutiesNotSentApart() {
        Carrier carrier = Carrier.builder("SZ-2020-017", "深圳市罗湖区失联培训中心", CarrierType.HIGH_SKILL_TRAINING_BASE, LocalDate.of(2020, 6, 1))
                .event(EventType.LOST_CONTACT, LocalDate.of(2024, 3, 1)).event(EventType.DUTIES_NOT_FULFILLED, LocalDate.of(2024, 2, 1))
                .trained(2021, 10).trained(2022, 10).trained(2023, 10).build();
        Document.SupervisionNotice proposal = new Document.SupervisionNotice(carrier, RULES.supervise(carrier, LocalDate.of(2024, 12, 31)));
        assertEquals(DocumentKind.REVOCATION_PROPOSAL, proposal.kind());

        String text = DOCUMENTS.render(proposal, DocumentFormat.TEXT);

        assertTrue(text.startsWith("──────── 关于建议取消深圳市罗湖区失联培训中心相应认定的函 ────────\n" + RULES.supervision().revokingAuthority() + "：\n"), text);
        assertTrue(text.contains("另有以下不能履行职责的情形（已一并报请，不再另行通知改正）：\n    1. "), text);
        assertTrue(text.contains("由市人力资源保障部门取消对该载体的相应认定”"), text);
    }

    @Test
    void aKeptCarrierHasNoDocument() {
        Carrier carrier = Carriers.active();
        SupervisionDecision decision = RULES.supervise(carrier, LocalDate.of(2024, 12, 31));
        assertThrows(IllegalArgumentException.class, () -> new Document.SupervisionNotice(carrier, decision));
    }

    @Test
    void thePublicNoticeListsWhatWasPublishedWithThePeriodAndWhereToObject() {
        RoundSubmission round = sampleRound();
        Allocation allocation = RULES.allocate(round, LocalDate.of(2024, 9, 11));
        String md = DOCUMENTS.render(new Document.PublicNotice(round, allocation), DocumentFormat.MARKDOWN);

        assertTrue(md.startsWith("# 深圳市罗湖区人力资源局关于罗湖区2024年度终身职业技能培训载体认定候选名单的公示\n"), md);
        // The list as published includes LH2024-019, whom an upheld objection removed afterwards: that is the report's.
        assertTrue(md.contains("| 2 | LH2024-019 | 深圳市罗湖区湖贝数字技能培训学校 | 85.00 |"), md);
        assertTrue(md.contains("公示期：2024年9月11日（星期三）至2024年9月18日（星期三），共5个工作日。"), md);
        assertTrue(md.contains(CONTACT), md);
        assertFalse(md.contains("异议成立"), "the notice publishes the list, not what came after it");
    }

    @Test
    void theRoundReportSeparatesWhatWasPublishedFromWhatCameAfterAndShowsNoFingerprintInItsText() {
        RoundSubmission round = sampleRound();
        Allocation allocation = RULES.allocate(round);
        Document.RoundReport report = new Document.RoundReport(round, allocation);
        String md = DOCUMENTS.render(report, DocumentFormat.MARKDOWN);
        String html = DOCUMENTS.render(report, DocumentFormat.HTML);

        int published = md.indexOf("## 二、公示的候选名单");
        int after = md.indexOf("## 三、公示之后");
        assertTrue(published > 0 && after > published, md);
        assertTrue(md.indexOf("LH2024-019") > published && md.indexOf("LH2024-019") < after, "019 was published");
        assertTrue(md.indexOf("公示期间异议成立", after) > after, "and removed after");
        assertFalse(md.contains("sha256"), md);
        assertFalse(md.contains("--notice-start"), md);
        String body = html.substring(0, html.indexOf("<footer class=\"audit\">"));
        assertFalse(body.contains("sha256"), "the fingerprint only in the audit footer");
        assertTrue(html.contains("<footer class=\"audit\">审计信息：政策 luohu-2024，指纹 " + allocation.policy().fingerprint()), html);
        assertTrue(html.contains("<svg") && !html.contains("<script"), "an inline chart, no script");
        assertTrue(html.contains("@page { size: A4;"), html);
    }

    /** 四(三): an application told to supplement and corrected by the deadline is shown with both versions. */
    @Test
    void theRoundReportShowsEachVersionOfAnApplicationThatCameAgain() {
        RoundSubmission round = sampleRound();
        Application toSupplement = round.applications().stream()
                .filter(a -> RULES.assess(a).acceptance() == Acceptance.SUPPLEMENT_REQUIRED).findFirst().orElseThrow();
        Application corrected = new Application(toSupplement.id(), toSupplement.carrierType(),
                Instant.parse("2024-09-02T10:00:00+08:00"), toSupplement.applicant(), toSupplement.materials(),
                toSupplement.paperCopy(), toSupplement.electronicCopy(), toSupplement.facts());
        List<Application> applications = new ArrayList<>(round.applications());
        applications.add(corrected);
        RoundSubmission again = new RoundSubmission(round.round(), applications, round.reviews(), round.objections());
        String md = DOCUMENTS.render(new Document.RoundReport(again, RULES.allocate(again)), DocumentFormat.MARKDOWN);

        int section = md.indexOf("## 六、再次提交与补正");
        assertTrue(section > 0, md);
        String name = toSupplement.applicant().name();
        assertTrue(md.indexOf("| " + toSupplement.id() + " | " + name + " | 2024年8月", section) > section, md);
        assertTrue(md.contains("| " + toSupplement.id() + " | " + name + " | 2024年9月2日10:00 | "), md);
        assertTrue(md.contains("| 已由其后提交的版本取代 |") && md.contains("| 据此决定 |"), md);
        assertTrue(md.contains("共" + round.applications().size() + "份申报"), "one application however many versions");
        assertTrue(md.contains("（有再次提交或补正的，按据以决定的版本计，见第六部分）"), md);
        assertFalse(DOCUMENTS.render(new Document.RoundReport(round, RULES.allocate(round)), DocumentFormat.MARKDOWN)
                .contains("## 六、"), "no section for a round where every application came once");
    }

    @Test
    void printableHtmlPutsEachDocumentOnAPageOfItsOwn() {
        Application accepted = Rounds.accepted("LH2024-103", CarrierType.SKILL_MASTER_STUDIO, "2024-08-21T09:00");
        String html = DOCUMENTS.printable(List.of(notice(accepted), notice(Rounds.toSupplement(accepted))));

        assertEquals(2, html.split("<section class=\"document ", -1).length - 1);
        assertTrue(html.contains(".document { break-after: page;"), html);
    }

    @Test
    void aPolicyWithoutTemplatesGetsTheLibrarysDefaults() throws Exception {
        Path copy = java.nio.file.Files.createTempDirectory("no-templates");
        Path policy = copy.resolve("policy");
        CarrierRules.copyBundledPolicy(policy);
        try (var templates = java.nio.file.Files.list(policy.resolve("templates"))) {
            for (Path template : templates.toList()) {
                java.nio.file.Files.delete(template);
            }
        }
        CarrierRules rules = CarrierRules.fromDirectoryUntested(policy);
        Application application = Rounds.toSupplement(Rounds.accepted("LH2024-104", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15"));

        String text = rules.documents().render(new Document.AssessmentNotice(application, rules.assess(application)), DocumentFormat.TEXT);

        assertTrue(text.contains("如有疑问，请与深圳市罗湖区人力资源局联系。"), text);
        assertFalse(text.contains("沿河北路"), "the library's defaults know no district's address");
    }

    /**
     * The wording is left out of the policy's fingerprint (changing a letter changes no decision), so a printed
     * document's audit line names the wording too: other templates, another 措辞, the same 指纹.
     */
    @Test
    void theAuditLineNamesTheWordingBesideTheFingerprint() throws Exception {
        Path policy = java.nio.file.Files.createTempDirectory("wording").resolve("policy");
        CarrierRules.copyBundledPolicy(policy);
        Path contact = policy.resolve("templates/contact.mustache");
        java.nio.file.Files.writeString(contact, java.nio.file.Files.readString(contact).replace("钟先生", "李女士"));
        CarrierRules edited = CarrierRules.fromDirectoryUntested(policy);
        Application application = Rounds.accepted("LH2024-105", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15");

        String bundled = DOCUMENTS.render(new Document.AssessmentNotice(application, RULES.assess(application)), DocumentFormat.HTML);
        String other = edited.documents().render(new Document.AssessmentNotice(application, edited.assess(application)), DocumentFormat.HTML);

        assertEquals(RULES.policy().fingerprint(), edited.policy().fingerprint());
        java.util.regex.Pattern wording = java.util.regex.Pattern.compile("；措辞 (sha256:[0-9a-f]{64})；");
        java.util.regex.Matcher one = wording.matcher(bundled);
        java.util.regex.Matcher two = wording.matcher(other);
        assertTrue(one.find() && two.find(), bundled);
        assertFalse(one.group(1).equals(two.group(1)), "another wording, another digest");
        assertTrue(other.contains("李女士") && !bundled.contains("李女士"), other);
    }
}
