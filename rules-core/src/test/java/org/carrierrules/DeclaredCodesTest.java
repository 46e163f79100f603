package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.assessment.Severity;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.supervision.EventType;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/** A policy adds codes of its own in {@code codes.yaml}; rules conclude with them at the weight declared. */
class DeclaredCodesTest {
    @TempDir
    Path temp;

    @Test
    void aDeclaredCodeServesAFindingAndAGroundAtItsDeclaredWeight() throws IOException {
        Path policy = PolicyCopies.copy(temp);
        Files.writeString(policy.resolve("codes.yaml"), """
                # 本政策新增的代码（示例，非正式政策）
                reference: 测试用
                codes:
                  - code: NO_DISTRICT_REGISTRATION_PROOF
                    stage: ASSESSMENT
                    severity: NOTE
                    clause: 二
                    label: 提示核对登记地
                  - code: CONTACT_LOST_REPORTED
                    stage: SUPERVISION
                    severity: REVOKE
                    clause: 五
                    label: 失联
                """, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules/eligibility/extra.dslr"), """
                // 二 “我区依法设立的企业……”
                rule "提示核对登记地"
                    @clause("二")
                when
                    申请单位不在本区登记
                then
                    提示，代码 NO_DISTRICT_REGISTRATION_PROOF：登记在“{登记地}”，请核对
                end
                """, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules/supervision/extra.dslr"), """
                // 五 “……或者失联……”
                rule "载体失联另报"
                    @clause("五")
                when
                    发现载体失联
                then
                    报请取消认定，代码 CONTACT_LOST_REPORTED：{发现日期}失联
                end
                """, StandardCharsets.UTF_8);
        assertEquals(List.of(), CarrierRules.check(policy));
        CarrierRules rules = CarrierRules.fromDirectoryUntested(policy);

        Application base = ValidApplications.base();
        Applicant elsewhere = new Applicant(base.applicant().name(), base.applicant().creditCode(), base.applicant().type(),
                true, true, "福田区");
        Assessment assessment = rules.assess(new Application(base.id(), base.carrierType(), base.submittedAt(), elsewhere,
                base.materials(), base.paperCopy(), base.electronicCopy()));
        Finding note = assessment.findings().stream().filter(f -> f.code().equals("NO_DISTRICT_REGISTRATION_PROOF")).findFirst().orElseThrow();
        assertEquals(Severity.NOTE, note.severity());
        assertEquals("登记在“福田区”，请核对", note.message());
        assertEquals("二", note.clause());

        SupervisionDecision decision = rules.supervise(Carriers.active(Carriers.event(EventType.LOST_CONTACT, "2024-03-01")), LocalDate.of(2024, 12, 31));
        Ground ground = decision.grounds().stream().filter(g -> g.code().equals("CONTACT_LOST_REPORTED")).findFirst().orElseThrow();
        assertEquals(SupervisionOutcome.REVOKE, ground.outcome());
        assertEquals(SupervisionOutcome.REVOKE, decision.outcome());
        assertEquals("2024年3月1日失联", ground.message());
        assertTrue(rules.rules().stream().anyMatch(r -> r.name().equals("载体失联另报") && r.file().equals("rules/supervision/extra.dslr")
                && r.line() == 2));
    }

    @Test
    void aMalformedCatalogueIsReportedWithItsLines() throws IOException {
        Path policy = PolicyCopies.copy(temp);
        Files.writeString(policy.resolve("codes.yaml"), """
                codes:
                  - code: MATERIAL_MISSING
                    stage: ASSESSMENT
                    severity: NOTE
                    clause: 四(二)
                  - code: MY_REASON
                    stage: ALLOCATION
                    severity: NOTE
                    clause: 三
                """, StandardCharsets.UTF_8);
        assertEquals(List.of("codes.yaml 第2行：代码 MATERIAL_MISSING 已由本库（合同规定的代码）定义，不能重复声明",
                        "codes.yaml 第6行：代码 MY_REASON 属于评审与名额分配，政策只能新增不参加排名的理由，其 severity 应为 NOT_RANKED"),
                CarrierRules.check(policy).stream().map(PolicyProblem::toString).toList());
    }
}
