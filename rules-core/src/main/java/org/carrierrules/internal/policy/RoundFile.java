package org.carrierrules.internal.policy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.carrierrules.application.ApplicantType;
import org.carrierrules.CarrierType;

/**
 * The shape of {@code round.yaml}: the round's parameters, each group with the clause of the notice it
 * comes from. Read strictly: an unknown or misspelled key is an error, not something ignored.
 */
public record RoundFile(String round, String title, String authority, String notice, String timeZone,
                 District district, Window window, CarrierTypes carrierTypes, Applicants applicants,
                 PaperCopyRule paperCopy, NoticePeriodRule noticePeriod, AllocationRule allocation,
                 SupervisionRule supervision) {

    public record District(String name, List<String> alsoWritten, String reference) {
    }

    public record Window(LocalDateTime opens, LocalDateTime closes, String reference) {
    }

    public record CarrierTypes(Integer totalQuota, Map<CarrierType, Integer> quotas, String reference) {
    }

    public record Applicants(List<ApplicantType> eligible, List<ApplicantType> requireTrainingFunction, String reference) {
    }

    public record PaperCopyRule(Integer copies, String reference) {
    }

    /** 四(五): how many working days the candidate list is publicly noticed. */
    public record NoticePeriodRule(Integer workingDays, String reference) {
    }

    /** What the notice leaves to the round: whether a place freed by an upheld objection (四(五)) is backfilled. */
    public record AllocationRule(Boolean backfillAfterUpheldObjection, String reference) {
    }

    /** 五: how supervision reads the training record, who revokes, and each carrier type's duties (一). */
    public record SupervisionRule(Integer idleYears, Boolean missingYearCountsAsZero, String revokingAuthority,
                           Map<CarrierType, String> duties, String reference) {
    }
}
