package org.carrierrules.internal.policy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.CarrierType;
import org.carrierrules.policy.PolicyProblem;

/**
 * What must hold of the round's data before any rule may use it: every value present, the window
 * opening before it closes, quotas adding up, every required material defined. Every problem is
 * reported, not just the first.
 */
public final class RoundChecks {
    private static final String ROUND = "round.yaml";
    private static final String MATERIALS = "materials.yaml";

    private RoundChecks() {
    }

    public static void check(RoundFile round, List<PolicyProblem> problems) {
        Problems p = new Problems(ROUND, problems);
        p.text(round.round(), "round");
        p.text(round.title(), "title");
        p.text(round.authority(), "authority");
        p.text(round.notice(), "notice");
        if (p.text(round.timeZone(), "timeZone")) {
            try {
                ZoneId.of(round.timeZone());
            } catch (DateTimeException e) {
                p.add("timeZone 的值“" + round.timeZone() + "”不是有效的时区（如 Asia/Shanghai）");
            }
        }
        if (p.present(round.district(), "district")) {
            p.text(round.district().name(), "district.name");
            p.text(round.district().reference(), "district.reference");
        }
        if (p.present(round.window(), "window")) {
            boolean opens = p.present(round.window().opens(), "window.opens");
            boolean closes = p.present(round.window().closes(), "window.closes");
            if (opens && closes && !round.window().closes().isAfter(round.window().opens())) {
                p.add("申报时间的截止时间（window.closes " + round.window().closes() + "）早于或等于开始时间（window.opens "
                        + round.window().opens() + "），请检查两个日期是否写反");
            }
            p.text(round.window().reference(), "window.reference");
        }
        if (p.present(round.carrierTypes(), "carrierTypes")) {
            checkQuotas(round.carrierTypes(), p);
        }
        if (p.present(round.applicants(), "applicants")) {
            RoundFile.Applicants applicants = round.applicants();
            if (p.present(applicants.eligible(), "applicants.eligible") && applicants.eligible().isEmpty()) {
                p.add("applicants.eligible 为空：本轮没有任何单位可以申报");
            }
            if (applicants.eligible() != null && applicants.requireTrainingFunction() != null) {
                for (ApplicantType type : applicants.requireTrainingFunction()) {
                    if (!applicants.eligible().contains(type)) {
                        p.add("applicants.requireTrainingFunction 中的 " + type + " 不在 applicants.eligible 中");
                    }
                }
            }
            p.text(applicants.reference(), "applicants.reference");
        }
        if (p.present(round.paperCopy(), "paperCopy") && p.present(round.paperCopy().copies(), "paperCopy.copies")
                && round.paperCopy().copies() < 1) {
            p.add("paperCopy.copies 应至少为1，实为" + round.paperCopy().copies());
        }
        if (p.present(round.noticePeriod(), "noticePeriod")) {
            if (p.present(round.noticePeriod().workingDays(), "noticePeriod.workingDays") && round.noticePeriod().workingDays() < 1) {
                p.add("noticePeriod.workingDays（公示的工作日天数）应至少为1，实为" + round.noticePeriod().workingDays());
            }
            p.text(round.noticePeriod().reference(), "noticePeriod.reference");
        }
        if (p.present(round.allocation(), "allocation")) {
            p.present(round.allocation().backfillAfterUpheldObjection(), "allocation.backfillAfterUpheldObjection（true 或 false）");
            p.text(round.allocation().reference(), "allocation.reference");
        }
        if (p.present(round.supervision(), "supervision")) {
            checkSupervision(round.supervision(), p);
        }
    }

    private static void checkSupervision(RoundFile.SupervisionRule supervision, Problems p) {
        if (p.present(supervision.idleYears(), "supervision.idleYears") && supervision.idleYears() < 1) {
            p.add("supervision.idleYears 应至少为1（通知五：“连续3年未从事相关培训活动”），实为" + supervision.idleYears());
        }
        p.present(supervision.missingYearCountsAsZero(), "supervision.missingYearCountsAsZero");
        p.text(supervision.revokingAuthority(), "supervision.revokingAuthority");
        // Carriers recognised in earlier rounds are of every type, whether or not this round opens it.
        if (p.present(supervision.duties(), "supervision.duties")) {
            for (CarrierType type : CarrierType.values()) {
                p.text(supervision.duties().get(type), "supervision.duties." + type);
            }
        }
        p.text(supervision.reference(), "supervision.reference");
    }

    private static void checkQuotas(RoundFile.CarrierTypes types, Problems p) {
        boolean total = p.present(types.totalQuota(), "carrierTypes.totalQuota");
        if (total && types.totalQuota() < 0) {
            p.add("carrierTypes.totalQuota 不能为负数：" + types.totalQuota());
        }
        if (!p.present(types.quotas(), "carrierTypes.quotas")) {
            return;
        }
        int sum = 0;
        for (Map.Entry<CarrierType, Integer> quota : types.quotas().entrySet()) {
            if (quota.getValue() == null || quota.getValue() < 0) {
                p.add("carrierTypes.quotas." + quota.getKey() + " 应为不小于0的整数，实为" + quota.getValue());
            } else {
                sum += quota.getValue();
            }
        }
        if (total && sum > types.totalQuota()) {
            p.add("各类载体名额之和（" + sum + "）超过总名额 carrierTypes.totalQuota（" + types.totalQuota() + "）");
        }
        p.text(types.reference(), "carrierTypes.reference");
    }

    public static void check(MaterialsFile materials, List<PolicyProblem> problems) {
        Problems p = new Problems(MATERIALS, problems);
        p.present(materials.status(), "status");
        p.text(materials.reference(), "reference");
        if (!p.present(materials.catalogue(), "catalogue")) {
            return;
        }
        materials.catalogue().forEach((code, name) -> {
            if (name == null || name.isBlank()) {
                p.add("材料 " + code + " 没有名称（catalogue." + code + "）");
            }
        });
        if (!p.present(materials.required(), "required") || !p.present(materials.required().common(), "required.common")) {
            return;
        }
        checkCodes(materials.required().common(), "required.common", materials, p);
        if (p.present(materials.required().byCarrierType(), "required.byCarrierType")) {
            materials.required().byCarrierType().forEach((type, codes) ->
                    checkCodes(codes == null ? List.of() : codes, "required.byCarrierType." + type, materials, p));
        }
    }

    private static void checkCodes(List<String> codes, String where, MaterialsFile materials, Problems p) {
        Set<String> seen = new HashSet<>(materials.required().common());
        for (String code : codes) {
            if (!materials.catalogue().containsKey(code)) {
                p.add(where + " 中的材料代码 " + code + " 未在 catalogue 中定义");
            }
            if (where.startsWith("required.byCarrierType") && seen.contains(code)) {
                p.add(where + " 中的材料代码 " + code + " 已在 required.common 中，不必重复列出");
            }
        }
    }

    /** Adds problems about one file. */
    private record Problems(String file, List<PolicyProblem> list) {
        void add(String message) {
            list.add(new PolicyProblem(file, 0, message));
        }

        boolean present(Object value, String key) {
            if (value == null) {
                add("缺少 " + key);
                return false;
            }
            return true;
        }

        boolean text(String value, String key) {
            if (value == null || value.isBlank()) {
                add("缺少 " + key + "（不能为空）");
                return false;
            }
            return true;
        }
    }
}
