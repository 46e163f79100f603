package org.carrierrules.internal.policy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.internal.tree.Nearest;

/**
 * What must hold of the round's data before any rule may use it, once every required value is there (the
 * reading sees to that, {@link YamlData}): the time zone one that exists, the window opening before it closes,
 * quotas adding up, every carrier type's duties written, every required material defined. Every problem is
 * reported, not just the first, each at the line of the key it is about.
 */
public final class RoundChecks {
    private RoundChecks() {
    }

    public static void check(RoundFile round, FileProblems p) {
        try {
            ZoneId.of(round.timeZone());
        } catch (DateTimeException e) {
            p.add(at("/timeZone"), "timeZone 的值“" + round.timeZone() + "”不是有效的时区（如 Asia/Shanghai）");
        }
        if (!round.window().closes().isAfter(round.window().opens())) {
            p.add(at("/window/closes"), "申报时间的截止时间（window.closes " + round.window().closes() + "）早于或等于开始时间（window.opens "
                    + round.window().opens() + "），请检查两个日期是否写反");
        }
        if (round.supplement() != null && round.supplement().deadline() != null
                && !round.supplement().deadline().isAfter(round.window().closes())) {
            p.add(at("/supplement/deadline"), "补正期限（supplement.deadline " + round.supplement().deadline() + "）应晚于申报截止时间"
                    + "（window.closes " + round.window().closes() + "）：补正在通知补正之后，通知补正在申报之后");
        }
        checkQuotas(round.carrierTypes(), p);
        RoundFile.Applicants applicants = round.applicants();
        if (applicants.eligible().isEmpty()) {
            p.add(at("/applicants/eligible"), "applicants.eligible 为空：本轮没有任何单位可以申报");
        }
        noEmptyItems(applicants.eligible(), at("/applicants/eligible"), "applicants.eligible", p);
        if (applicants.requireTrainingFunction() != null) {
            noEmptyItems(applicants.requireTrainingFunction(), at("/applicants/requireTrainingFunction"), "applicants.requireTrainingFunction", p);
            for (int i = 0; i < applicants.requireTrainingFunction().size(); i++) {
                ApplicantType type = applicants.requireTrainingFunction().get(i);
                if (type != null && !applicants.eligible().contains(type)) {
                    p.add(at("/applicants/requireTrainingFunction").appendIndex(i),
                            "applicants.requireTrainingFunction 中的 " + type + " 不在 applicants.eligible 中");
                }
            }
        }
        if (round.paperCopy().copies() < 1) {
            p.add(at("/paperCopy/copies"), "paperCopy.copies 应至少为1，实为" + round.paperCopy().copies());
        }
        if (round.noticePeriod().workingDays() < 1) {
            p.add(at("/noticePeriod/workingDays"), "noticePeriod.workingDays（公示的工作日天数）应至少为1，实为"
                    + round.noticePeriod().workingDays());
        }
        checkSupervision(round.supervision(), p);
    }

    /** A list item written {@code - ~} or {@code -} alone: the round would be built on a type that is not there. */
    private static void noEmptyItems(List<ApplicantType> types, JsonPointer list, String where, FileProblems p) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null) {
                p.add(list.appendIndex(i), where + "[" + i + "] 是空的：请写一个申报单位类型，或删去这一项");
            }
        }
    }

    private static void checkSupervision(RoundFile.SupervisionRule supervision, FileProblems p) {
        if (supervision.idleYears() < 1) {
            p.add(at("/supervision/idleYears"), "supervision.idleYears 应至少为1（通知五：“连续3年未从事相关培训活动”），实为"
                    + supervision.idleYears());
        }
        // Carriers recognised in earlier rounds are of every type, whether or not this round opens it.
        for (CarrierType type : CarrierType.values()) {
            String duty = supervision.duties().get(type);
            if (duty == null || duty.isBlank()) {
                p.add(at("/supervision/duties").appendProperty(type.name()), "缺少 supervision.duties." + type + "（不能为空）");
            }
        }
    }

    private static void checkQuotas(RoundFile.CarrierTypes types, FileProblems p) {
        if (types.totalQuota() < 0) {
            p.add(at("/carrierTypes/totalQuota"), "carrierTypes.totalQuota 不能为负数：" + types.totalQuota());
        }
        int sum = 0;
        for (Map.Entry<CarrierType, Integer> quota : types.quotas().entrySet()) {
            if (quota.getValue() == null || quota.getValue() < 0) {
                p.add(at("/carrierTypes/quotas").appendProperty(quota.getKey().name()),
                        "carrierTypes.quotas." + quota.getKey() + " 应为不小于0的整数，实为" + quota.getValue());
            } else {
                sum += quota.getValue();
            }
        }
        if (sum > types.totalQuota()) {
            p.add(at("/carrierTypes/totalQuota"), "各类载体名额之和（" + sum + "）超过总名额 carrierTypes.totalQuota（"
                    + types.totalQuota() + "）");
        }
    }

    public static void check(MaterialsFile materials, FileProblems p) {
        materials.catalogue().forEach((code, name) -> {
            if (name == null || name.isBlank()) {
                p.add(at("/catalogue").appendProperty(code), "材料 " + code + " 没有名称（catalogue." + code + "）");
            }
        });
        checkCodes(materials.required().common(), at("/required/common"), "required.common", materials, p);
        materials.required().byCarrierType().forEach((type, codes) -> checkCodes(codes == null ? List.of() : codes,
                at("/required/byCarrierType").appendProperty(type.name()), "required.byCarrierType." + type, materials, p));
    }

    private static void checkCodes(List<String> codes, JsonPointer list, String where, MaterialsFile materials, FileProblems p) {
        Set<String> common = new HashSet<>(materials.required().common());
        // A code listed twice would be asked for twice; each submitted scan carries the one requirement of its code.
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code != null && !listed.add(code)) {
                p.add(list.appendIndex(i), where + " 中的材料代码 " + code + " 重复列出，请删去其中一处");
            }
            if (!materials.catalogue().containsKey(code)) {
                // Codes share their endings (_PLAN, _RECORD): only a slip of a letter or two is suggested, not another code.
                String meant = code == null ? null : Nearest.of(code, materials.catalogue().keySet(), code.length() / 4);
                p.add(list.appendIndex(i), where + " 中的材料代码 " + code + " 未在 catalogue 中定义"
                        + (meant == null ? "" : "；是否想写：“" + meant + "”？"));
            }
            if (where.startsWith("required.byCarrierType") && common.contains(code)) {
                p.add(list.appendIndex(i), where + " 中的材料代码 " + code + " 已在 required.common 中，不必重复列出");
            }
        }
    }

    private static JsonPointer at(String pointer) {
        return JsonPointer.compile(pointer);
    }
}
