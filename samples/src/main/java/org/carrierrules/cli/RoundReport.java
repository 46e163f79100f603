package org.carrierrules.cli;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.notice.NoticeDates;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.policy.RoundInfo;

/**
 * The round's outcome as staff read it, in Chinese Markdown: the timeline from the window to the end of
 * 公示, the candidate list of each type, who was removed, not selected or not ranked and why, and the
 * places left vacant. Every reason carries its clause of the notice.
 */
final class RoundReport {

    private final RoundInfo round;
    private final AllocationSettings settings;
    private final RoundSubmission submission;
    private final Allocation allocation;
    private final Map<String, String> names = new HashMap<>();
    private final StringBuilder md = new StringBuilder();

    RoundReport(CarrierRules rules, RoundSubmission submission, Allocation allocation) {
        this.round = rules.round();
        this.settings = rules.allocationSettings();
        this.submission = submission;
        this.allocation = allocation;
        submission.applications().forEach(a -> names.put(a.id(), a.applicant().name()));
    }

    String markdown() {
        line("# " + round.title() + " · 评审结果与候选名单");
        line();
        line("- 依据：《" + round.notice() + "》（" + round.authority() + "）");
        line("- 政策：" + allocation.policy().round() + "（" + allocation.policy().fingerprint() + "）");
        if (settings.rubricIllustrative() || round.materialsIllustrative()) {
            line("- **注意：本轮评分细则、合格分" + (round.materialsIllustrative() ? "和申报材料清单" : "")
                    + "为示例数据（通知附件未公布），并非正式政策，结果仅供演示。**");
        }
        timeline();
        candidates();
        table("三、公示期间异议成立被取消", AllocationStatus.REMOVED_BY_OBJECTION, true);
        table("四、未入选（本类名额已满）", AllocationStatus.NOT_SELECTED, true);
        table("五、未参加排名", AllocationStatus.NOT_RANKED, false);
        vacancies();
        return md.toString();
    }

    private void timeline() {
        NoticePeriod notice = allocation.noticePeriod();
        Map<Acceptance, Long> accepted = new EnumMap<>(Acceptance.class);
        allocation.assessments().forEach(a -> accepted.merge(a.acceptance(), 1L, Long::sum));
        long reviewed = submission.reviews().size();
        line();
        line("## 一、时间安排");
        line();
        line("| 环节 | 时间或情况 | 依据 |");
        line("|---|---|---|");
        line("| 申报 | " + NoticeDates.dateTimeToTheMinute(round.windowOpens()) + "至" + NoticeDates.dateTimeToTheMinute(round.windowCloses()) + "（北京时间） | 四(一) |");
        line("| 受理审查 | 共" + submission.applications().size() + "份申报：" + Acceptance.ACCEPTED.label() + accepted.getOrDefault(Acceptance.ACCEPTED, 0L)
                + "份，" + Acceptance.SUPPLEMENT_REQUIRED.label() + accepted.getOrDefault(Acceptance.SUPPLEMENT_REQUIRED, 0L) + "份，"
                + Acceptance.NOT_ACCEPTED.label() + accepted.getOrDefault(Acceptance.NOT_ACCEPTED, 0L) + "份 | 四(三) |");
        line("| 实地考察与专家评审 | " + reviewed + "份申报有评审结果；" + scoring() + " | 四(四) |");
        line("| 公示 | " + NoticeDates.dateWithWeekday(notice.start()) + "起，" + notice.workingDays().size() + "个工作日，至" + NoticeDates.dateWithWeekday(notice.end()) + "止 | 四(五) |");
        line();
        if (allocation.noticeStartGiven()) {
            line("公示开始日期" + NoticeDates.date(notice.start()) + "由运行时指定（--notice-start）。");
        } else {
            line("公示开始日期未指定（--notice-start），取申报截止日（" + NoticeDates.date(round.windowCloses().toLocalDate())
                    + "）之后的第一个工作日" + NoticeDates.date(notice.start()) + "。");
        }
        line("公示期内的工作日（按国务院办公厅节假日安排，含调休上班日）："
                + notice.workingDays().stream().map(NoticeDates::monthDay).collect(Collectors.joining("、")) + "。");
        line("公示无异议或者异议不成立的，将候选名单书面报市人力资源保障局（四(五)）。");
    }

    /**
     * The passing score, full marks and trimming the round's open types are scored with (四(四)): once when they are
     * scored alike, as in the bundled round; else type by type, each on its own table (rubric.yaml byCarrierType).
     */
    private String scoring() {
        List<CarrierType> open = Arrays.stream(CarrierType.values()).filter(type -> round.quotas().getOrDefault(type, 0) > 0).toList();
        if (open.stream().map(settings.byCarrierType()::get).distinct().count() > 1) {
            return open.stream().map(type -> type.label() + "：" + scoring(settings.byCarrierType().get(type))).collect(Collectors.joining("；"));
        }
        return scoring(new AllocationSettings.Scoring(settings.fullMarks(), settings.passingScore(), settings.trimFromExperts()));
    }

    private static String scoring(AllocationSettings.Scoring scoring) {
        return "合格分" + scoring.passingScore() + "分（满分" + scoring.fullMarks() + "分），专家" + scoring.trimFromExperts()
                + "人及以上时去掉一个最高分和一个最低分";
    }

    private void candidates() {
        line();
        line("## 二、候选名单");
        for (CarrierType type : CarrierType.values()) {
            Integer quota = round.quotas().get(type);
            if (quota == null || quota == 0) {
                continue;
            }
            List<AllocationEntry> list = allocation.entries(type, AllocationStatus.CANDIDATE);
            line();
            line("### " + type.label() + "（名额" + quota + "家，候选" + list.size() + "家" + vacantText(type) + "）");
            line();
            if (list.isEmpty()) {
                line("无。");
                continue;
            }
            line("| 名次 | 申报编号 | 申报单位 | 评审得分 | 说明 |");
            line("|---|---|---|---|---|");
            for (AllocationEntry e : list) {
                line("| " + e.rank() + " | " + e.applicationId() + " | " + cell(names.get(e.applicationId())) + " | " + e.score().toPlainString()
                        + " | " + reasons(e) + " |");
            }
        }
    }

    private String vacantText(CarrierType type) {
        int vacant = allocation.vacancies().getOrDefault(type, 0);
        return vacant == 0 ? "" : "，空缺" + vacant + "家";
    }

    private void table(String title, AllocationStatus status, boolean ranked) {
        line();
        line("## " + title);
        line();
        List<AllocationEntry> list = allocation.entries().stream().filter(e -> e.status() == status).toList();
        if (list.isEmpty()) {
            line("无。");
            return;
        }
        line(ranked ? "| 载体类型 | 名次 | 申报编号 | 申报单位 | 评审得分 | 理由 |" : "| 载体类型 | 申报编号 | 申报单位 | 评审得分 | 理由 |");
        line(ranked ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|");
        for (CarrierType type : CarrierType.values()) {
            for (AllocationEntry e : allocation.entries(type, status)) {
                line("| " + type.label() + (ranked ? " | " + e.rank() : "") + " | " + e.applicationId() + " | " + cell(names.get(e.applicationId()))
                        + " | " + (e.score() == null ? "—" : e.score().toPlainString()) + " | " + reasons(e) + " |");
            }
        }
    }

    private void vacancies() {
        line();
        line("## 六、名额空缺");
        line();
        int vacant = 0;
        for (CarrierType type : CarrierType.values()) {
            Integer places = allocation.vacancies().get(type);
            if (places != null && places > 0) {
                line("- " + type.label() + "：空缺" + places + "家（名额" + round.quotas().get(type) + "家）");
                vacant += places;
            }
        }
        if (vacant == 0) {
            line("无：各类名额均已列满。");
        }
        long candidates = allocation.entries().stream().filter(e -> e.status() == AllocationStatus.CANDIDATE).count();
        line();
        line("合计：总名额不超过" + round.totalQuota() + "家，候选" + candidates + "家，空缺" + vacant
                + "家。各类名额只在本类使用，空缺名额不调剂给其他类型（三）"
                + (settings.backfillAfterUpheldObjection() ? "；候选单位异议成立被取消的，由同类中排名其后的单位依次递补（本轮设定）。"
                        : "；候选单位异议成立被取消的，名额空缺，不递补（本轮设定）。"));
    }

    private static String reasons(AllocationEntry entry) {
        return entry.reasons().stream().map(r -> cell(r.message()) + "（" + r.clause() + "）").collect(Collectors.joining("；"));
    }

    /** Text inside a Markdown table cell: a vertical bar would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}
