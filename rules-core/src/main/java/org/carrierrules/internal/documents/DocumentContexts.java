package org.carrierrules.internal.documents;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.carrierrules.CarrierType;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.allocation.SubmittedVersion;
import org.carrierrules.allocation.VersionUse;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Finding;
import org.carrierrules.assessment.Severity;
import org.carrierrules.documents.Document;
import org.carrierrules.notice.NoticeDates;
import org.carrierrules.notice.NoticePeriod;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionInfo;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * What a template sees: a document's values under the names of {@link TemplateSchema}, every one a text, a yes/no or a
 * list of such, written as the notice writes them (dates as 2024年8月26日, scores with two decimals).
 */
final class DocumentContexts {
    private final RoundInfo round;
    private final SupervisionInfo supervision;
    private final AllocationSettings settings;

    DocumentContexts(RoundInfo round, SupervisionInfo supervision, AllocationSettings settings) {
        this.round = round;
        this.supervision = supervision;
        this.settings = settings;
    }

    Map<String, Object> of(Document document) {
        Map<String, Object> context = roundValues();
        if (document instanceof Document.AssessmentNotice notice) {
            assessment(notice, context);
        } else if (document instanceof Document.SupervisionNotice notice) {
            supervision(notice, context);
        } else if (document instanceof Document.PublicNotice notice) {
            period(notice.allocation(), context);
            context.put("types", published(notice.submission(), notice.allocation()));
            context.put("listedCount", String.valueOf(listed(notice.allocation()).size()));
        } else {
            Document.RoundReport report = (Document.RoundReport) document;
            report(report.submission(), report.allocation(), context);
        }
        return withListFlags(context);
    }

    /** Each list with its {@code has…} beside it (TemplateSchema#hasName), in the items' maps too. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withListFlags(Map<String, Object> values) {
        Map<String, Object> flagged = new HashMap<>(values);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getValue() instanceof List<?> list) {
                flagged.put(TemplateSchema.hasName(value.getKey()), !list.isEmpty());
                flagged.put(value.getKey(), list.stream().map(item -> withListFlags((Map<String, Object>) item)).toList());
            }
        }
        return flagged;
    }

    private Map<String, Object> roundValues() {
        Map<String, Object> context = new HashMap<>();
        context.put("title", round.title());
        context.put("authority", round.authority());
        context.put("notice", round.notice());
        context.put("district", round.district());
        context.put("revokingAuthority", supervision.revokingAuthority());
        context.put("materialsIllustrative", round.materialsIllustrative());
        context.put("rubricIllustrative", settings.rubricIllustrative());
        return context;
    }

    private void assessment(Document.AssessmentNotice notice, Map<String, Object> context) {
        Application application = notice.application();
        context.put("applicant", application.applicant().name());
        context.put("applicationId", application.id());
        context.put("carrierType", application.carrierType().label());
        ZonedDateTime at = application.submittedAt().atZone(round.zone());
        context.put("submittedAt", NoticeDates.date(at) + " " + NoticeDates.time(at));
        Severity blocking = notice.assessment().acceptance() == Acceptance.NOT_ACCEPTED ? Severity.INELIGIBLE : Severity.DEFECT;
        List<Finding> findings = notice.assessment().findings().stream().filter(f -> f.severity() == blocking).toList();
        context.put("findings", numbered(findings, Finding::message, Finding::clause));
        context.put("findingCount", String.valueOf(findings.size()));
        context.put("notes", numbered(notice.assessment().findings().stream().filter(f -> f.severity() == Severity.NOTE).toList(),
                Finding::message, Finding::clause));
    }

    private void supervision(Document.SupervisionNotice notice, Map<String, Object> context) {
        context.put("carrier", notice.carrier().name());
        context.put("carrierId", notice.carrier().carrierId());
        context.put("carrierType", notice.carrier().carrierType().label());
        context.put("recognizedOn", NoticeDates.date(notice.carrier().recognizedOn()));
        context.put("asOf", NoticeDates.date(notice.decision().asOf()));
        SupervisionOutcome outcome = notice.decision().outcome();
        List<Ground> grounds = notice.decision().grounds().stream().filter(g -> g.outcome() == outcome).toList();
        context.put("grounds", numbered(grounds, Ground::message, Ground::clause));
        context.put("clauses", grounds.stream().map(Ground::clause).distinct().collect(Collectors.joining("、")));
        // 取消认定 wins over 通知改正: a proposal to revoke names the duties not fulfilled too, as what is not sent apart.
        context.put("rectifying", outcome == SupervisionOutcome.REVOKE
                ? numbered(notice.decision().grounds().stream().filter(g -> g.outcome() == SupervisionOutcome.RECTIFY).toList(),
                        Ground::message, Ground::clause)
                : List.of());
    }

    private static <T> List<Map<String, Object>> numbered(List<T> items, Function<T, String> message,
                                                          Function<T, String> clause) {
        List<Map<String, Object>> numbered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            numbered.add(Map.of("number", String.valueOf(i + 1), "message", message.apply(items.get(i)), "clause", clause.apply(items.get(i))));
        }
        return numbered;
    }

    private void period(Allocation allocation, Map<String, Object> context) {
        NoticePeriod period = allocation.noticePeriod();
        context.put("noticeStart", NoticeDates.dateWithWeekday(period.start()));
        context.put("noticeEnd", NoticeDates.dateWithWeekday(period.end()));
        context.put("noticeDays", String.valueOf(period.workingDays().size()));
        context.put("noticeDayList", period.workingDays().stream().map(NoticeDates::monthDay).collect(Collectors.joining("、")));
        context.put("windowOpens", NoticeDates.dateTimeToTheMinute(round.windowOpens()));
        context.put("windowCloses", NoticeDates.dateTimeToTheMinute(round.windowCloses()));
        context.put("windowCloseDate", NoticeDates.date(round.windowCloses().toLocalDate()));
        context.put("noticeStartGiven", allocation.noticeStartGiven());
    }

    /** 四(五): the list as it was published: the candidates, and those an upheld objection removed afterwards. */
    static List<AllocationEntry> listed(Allocation allocation) {
        return allocation.entries().stream().filter(e -> e.status() == AllocationStatus.CANDIDATE
                || e.status() == AllocationStatus.REMOVED_BY_OBJECTION).toList();
    }

    private List<Map<String, Object>> published(RoundSubmission submission, Allocation allocation) {
        Map<String, String> names = names(submission);
        List<Map<String, Object>> types = new ArrayList<>();
        for (CarrierType type : openTypes()) {
            List<Map<String, Object>> candidates = listed(allocation).stream().filter(e -> e.carrierType() == type)
                    .sorted(Comparator.comparing(AllocationEntry::rank))
                    .map(e -> Map.<String, Object>of("rank", String.valueOf(e.rank()), "applicationId", e.applicationId(),
                            "applicant", names.get(e.applicationId()), "score", e.score().toPlainString()))
                    .toList();
            types.add(Map.of("type", type.label(), "quota", String.valueOf(round.quotas().get(type)),
                    "listed", String.valueOf(candidates.size()), "candidates", candidates));
        }
        return types;
    }

    private List<CarrierType> openTypes() {
        return Arrays.stream(CarrierType.values()).filter(type -> round.quotas().getOrDefault(type, 0) > 0).toList();
    }

    private void report(RoundSubmission submission, Allocation allocation, Map<String, Object> context) {
        period(allocation, context);
        // One application however many versions it came in (四(三) 补正): counted by the version the round decided on.
        Map<String, Acceptance> decided = new HashMap<>();
        allocation.assessments().forEach(a -> decided.putIfAbsent(a.applicationId(), a.acceptance()));
        for (AllocationEntry entry : allocation.entries()) {
            entry.history().stream().filter(v -> v.use() == VersionUse.DECIDED_ON)
                    .forEach(v -> decided.put(entry.applicationId(), v.acceptance()));
        }
        Map<Acceptance, Long> accepted = new EnumMap<>(Acceptance.class);
        decided.values().forEach(a -> accepted.merge(a, 1L, Long::sum));
        context.put("applicationCount", String.valueOf(allocation.entries().size()));
        context.put("acceptedCount", String.valueOf(accepted.getOrDefault(Acceptance.ACCEPTED, 0L)));
        context.put("supplementCount", String.valueOf(accepted.getOrDefault(Acceptance.SUPPLEMENT_REQUIRED, 0L)));
        context.put("notAcceptedCount", String.valueOf(accepted.getOrDefault(Acceptance.NOT_ACCEPTED, 0L)));
        context.put("reviewedCount", String.valueOf(submission.reviews().size()));
        context.put("scoring", scoring());
        context.put("published", published(submission, allocation));
        context.put("listedCount", String.valueOf(listed(allocation).size()));
        Map<String, String> names = names(submission);
        context.put("removed", entries(allocation, names, e -> e.status() == AllocationStatus.REMOVED_BY_OBJECTION));
        context.put("objectionsNotUpheld", entries(allocation, names, e -> !e.reasons("OBJECTION_NOT_UPHELD").isEmpty()));
        context.put("finalCandidates", entries(allocation, names, e -> e.status() == AllocationStatus.CANDIDATE));
        context.put("notSelected", entries(allocation, names, e -> e.status() == AllocationStatus.NOT_SELECTED));
        context.put("notRanked", entries(allocation, names, e -> e.status() == AllocationStatus.NOT_RANKED));
        context.put("resubmitted", versions(allocation, names));
        List<Map<String, Object>> vacancies = new ArrayList<>();
        int vacant = 0;
        for (CarrierType type : CarrierType.values()) {
            int places = allocation.vacancies().getOrDefault(type, 0);
            if (places > 0) {
                vacancies.add(Map.of("type", type.label(), "places", String.valueOf(places), "quota", String.valueOf(round.quotas().get(type))));
                vacant += places;
            }
        }
        context.put("vacancies", vacancies);
        context.put("vacantCount", String.valueOf(vacant));
        context.put("totalQuota", String.valueOf(round.totalQuota()));
        context.put("candidateCount", String.valueOf(allocation.entries().stream().filter(e -> e.status() == AllocationStatus.CANDIDATE).count()));
        context.put("backfill", settings.backfillAfterUpheldObjection());
    }

    /** 四(三): every version of each application that came more than once, in the order of the entries, then as submitted. */
    private List<Map<String, Object>> versions(Allocation allocation, Map<String, String> names) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AllocationEntry entry : allocation.entries()) {
            for (SubmittedVersion version : entry.history()) {
                rows.add(Map.of("applicationId", entry.applicationId(), "applicant", names.get(entry.applicationId()),
                        "submittedAt", NoticeDates.dateTimeToTheMinute(version.submittedAt().atZone(round.zone()).toLocalDateTime()),
                        "acceptance", version.acceptance().label(), "use", version.use().label(), "note", version.note()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> entries(Allocation allocation, Map<String, String> names, Predicate<AllocationEntry> which) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (CarrierType type : CarrierType.values()) {
            for (AllocationEntry e : allocation.entries().stream().filter(e -> e.carrierType() == type).filter(which)
                    .sorted(Comparator.comparing((AllocationEntry x) -> x.rank() == null ? Integer.MAX_VALUE : x.rank())
                            .thenComparing(x -> allocation.entries().indexOf(x)))
                    .toList()) {
                entries.add(Map.of("type", type.label(), "rank", e.rank() == null ? "—" : String.valueOf(e.rank()),
                        "applicationId", e.applicationId(), "applicant", names.get(e.applicationId()),
                        "score", e.score() == null ? "—" : e.score().toPlainString(),
                        "reasons", e.reasons().stream().map(r -> r.message() + "（" + r.clause() + "）").collect(Collectors.joining("；"))));
            }
        }
        return entries;
    }

    /**
     * The passing score, full marks and trimming the round's open types are scored with (四(四)): once when they are
     * scored alike, as in the bundled round; else type by type, each on its own table (rubric.yaml byCarrierType).
     */
    private String scoring() {
        List<CarrierType> open = openTypes();
        if (open.stream().map(settings.byCarrierType()::get).distinct().count() > 1) {
            return open.stream().map(type -> type.label() + "：" + scoring(settings.byCarrierType().get(type))).collect(Collectors.joining("；"));
        }
        return scoring(new AllocationSettings.Scoring(settings.fullMarks(), settings.passingScore(), settings.trimFromExperts()));
    }

    private static String scoring(AllocationSettings.Scoring scoring) {
        return "合格分" + scoring.passingScore() + "分（满分" + scoring.fullMarks() + "分），专家" + scoring.trimFromExperts()
                + "人及以上时去掉一个最高分和一个最低分";
    }

    private static Map<String, String> names(RoundSubmission submission) {
        Map<String, String> names = new HashMap<>();
        submission.applications().forEach(a -> names.put(a.id(), a.applicant().name()));
        return names;
    }
}
