package org.carrierrules.allocation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.carrierrules.CarrierType;
import org.carrierrules.PolicyRef;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.notice.NoticePeriod;

/**
 * The outcome of a round (四(四) 评审, 三 名额, 四(五) 公示): one entry per application, in the order
 * the applications were given, the places left vacant, and the public notice period of the list.
 *
 * @param entries          one per application, in input order
 * @param vacancies        places left vacant per open carrier type: its quota less its candidates. A vacant
 *                         place never moves to another type (三)
 * @param noticePeriod     the working days the candidate list is publicly noticed (四(五))
 * @param noticeStartGiven true when the notice start was given; false when it was taken as the first working
 *                         day after the submission window closed
 * @param policy           the policy that decided
 * @param firedRules       the rules that fired, in firing order: the trail of how the list was decided
 * @param assessments      the 受理审查 (四(三)) of each application, in input order, by the same policy: only an
 *                         accepted application may be ranked, so allocating assesses every one
 */
public record Allocation(List<AllocationEntry> entries, Map<CarrierType, Integer> vacancies, NoticePeriod noticePeriod,
                         boolean noticeStartGiven, PolicyRef policy, List<String> firedRules, List<Assessment> assessments) {
    public Allocation {
        entries = List.copyOf(entries);
        firedRules = List.copyOf(firedRules);
        assessments = List.copyOf(assessments);
        vacancies = Map.copyOf(vacancies);
        Objects.requireNonNull(noticePeriod, "noticePeriod");
        Objects.requireNonNull(policy, "policy");
    }

    /** The entry of one application. */
    public Optional<AllocationEntry> entry(String applicationId) {
        return entries.stream().filter(e -> e.applicationId().equals(applicationId)).findFirst();
    }

    /**
     * The entries of one carrier type and status; ranked ones by rank, the others in input order.
     */
    public List<AllocationEntry> entries(CarrierType type, AllocationStatus status) {
        return entries.stream().filter(e -> e.carrierType() == type && e.status() == status)
                .sorted(Comparator.comparing(AllocationEntry::rank, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
