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
                        @JsonProperty(required = true) SupervisionRule supervision) {

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

    /** What the notice leaves to the round: whether a place freed by an upheld objection (四(五)) is backfilled. */
    public record AllocationRule(@JsonProperty(required = true) @JsonPropertyDescription("true 或 false") Boolean backfillAfterUpheldObjection,
                                 @JsonProperty(required = true) String reference) {
    }

    /** 五: how supervision reads the training record, who revokes, and each carrier type's duties (一). */
    public record SupervisionRule(@JsonProperty(required = true) Integer idleYears,
                                  @JsonProperty(required = true) Boolean missingYearCountsAsZero,
                                  @JsonProperty(required = true) String revokingAuthority,
                                  @JsonProperty(required = true) Map<CarrierType, String> duties,
                                  @JsonProperty(required = true) String reference) {
    }
}
