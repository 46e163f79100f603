package org.carrierrules.internal.policy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;

/**
 * The shape of {@code round.yaml}: the round's parameters, each group with the clause of the notice it
 * comes from. Read strictly: an unknown or misspelled key is an error, not something ignored, and so is a
 * required key missing or empty; only the other ways of writing the district and the applicant types that
 * need a training function may be left out.
 */
public record RoundFile(@JsonProperty(required = true) String round,
                        @JsonProperty(required = true) String title,
                        @JsonProperty(required = true) String authority,
                        @JsonProperty(required = true) String notice,
                        @JsonProperty(required = true) String timeZone,
                        @JsonProperty(required = true) District district,
                        @JsonProperty(required = true) Window window,
                        @JsonProperty(required = true) CarrierTypes carrierTypes,
                        @JsonProperty(required = true) Applicants applicants,
                        @JsonProperty(required = true) PaperCopyRule paperCopy,
                        @JsonProperty(required = true) NoticePeriodRule noticePeriod,
                        @JsonProperty(required = true) AllocationRule allocation,
                        @JsonProperty(required = true) SupervisionRule supervision,
                        SupplementRule supplement) {

    public record District(@JsonProperty(required = true) String name, List<String> alsoWritten,
                           @JsonProperty(required = true) String reference) {
    }

    public record Window(@JsonProperty(required = true) LocalDateTime opens, @JsonProperty(required = true) LocalDateTime closes,
                         @JsonProperty(required = true) String reference) {
    }

    public record CarrierTypes(@JsonProperty(required = true) Integer totalQuota,
                               @JsonProperty(required = true) Map<CarrierType, Integer> quotas,
                               @JsonProperty(required = true) String reference) {
    }

    public record Applicants(@JsonProperty(required = true) List<ApplicantType> eligible, List<ApplicantType> requireTrainingFunction,
                             @JsonProperty(required = true) String reference) {
    }

    public record PaperCopyRule(@JsonProperty(required = true) Integer copies, @JsonProperty(required = true) String reference) {
    }

    /** 四(五): how many working days the candidate list is publicly noticed. */
    public record NoticePeriodRule(@JsonProperty(required = true) Integer workingDays, @JsonProperty(required = true) String reference) {
    }

    /**
     * How the library's allocation rules (三, 四(四), 四(五)) read this round: the keys the applications of one type are
     * ranked by, in turn, each with the clause a tie it decides cites; the clause each reason code cites; and what the
     * notice leaves to the round, whether a place freed by an upheld objection is backfilled. Keys and codes are
     * text here, so that a mistyped one is told with the ones there are (AllocationCitations), not as Jackson would.
     */
    public record AllocationRule(@JsonProperty(required = true) @JsonPropertyDescription("排名依据，依次比较：评审得分、提交时间、申报编号")
                                 List<RankingStep> rankingOrder,
                                 @JsonProperty(required = true) @JsonPropertyDescription("每个理由代码所依据的条款")
                                 Map<String, String> reasonClauses,
                                 @JsonProperty(required = true) @JsonPropertyDescription("true 或 false") Boolean backfillAfterUpheldObjection,
                                 @JsonProperty(required = true) String reference) {
    }

    /**
     * 四(三) 受理: "申报材料不齐全或者不符合法定形式的，应当通知补正材料". The notice sets no time for the corrected
     * materials; a round that takes them sets it here, and an application told to supplement may come back (the same
     * id, submitted later) until then. Without it, a round takes no corrected version.
     */
    public record SupplementRule(@JsonProperty(required = true) @JsonPropertyDescription("北京时间，如 2024-09-06T18:00:00")
                                 LocalDateTime deadline,
                                 @JsonProperty(required = true) @JsonPropertyDescription("所依据的条款，如 四(三)") String clause,
                                 @JsonProperty(required = true) String reference) {
    }

    /** One key of the ranking and the clause the reasons cite when it decides a tie (that of the score: the ranking's own). */
    public record RankingStep(@JsonProperty(required = true) @JsonPropertyDescription("评审得分、提交时间或申报编号") String key,
                              @JsonProperty(required = true) @JsonPropertyDescription("所依据的条款，如 四(四)") String clause) {
    }

    /** 五: how supervision reads the training record, who revokes, and each carrier type's duties (一). */
    public record SupervisionRule(@JsonProperty(required = true) Integer idleYears,
                                  @JsonProperty(required = true) Boolean missingYearCountsAsZero,
                                  @JsonProperty(required = true) String revokingAuthority,
                                  @JsonProperty(required = true) Map<CarrierType, String> duties,
                                  @JsonProperty(required = true) String reference) {
    }
}
