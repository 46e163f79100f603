package org.carrierrules.internal.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.CarrierType;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.SupervisionInfo;

/**
 * The round's supervision parameters as the rules see them (五), built once from the
 * {@code supervision} block of {@code round.yaml}: one immutable fact per supervision decision. The rules ask it
 * questions so that neither the number of idle years nor the duties are written into a rule.
 */
public final class SupervisionParameters {
    private final int idleYears;
    private final boolean missingYearCountsAsZero;
    private final Map<CarrierType, String> duties;
    private final SupervisionInfo info;

    public SupervisionParameters(RoundFile.SupervisionRule rule) {
        this.idleYears = rule.idleYears();
        this.missingYearCountsAsZero = rule.missingYearCountsAsZero();
        this.duties = new EnumMap<>(rule.duties());
        this.info = new SupervisionInfo(idleYears, missingYearCountsAsZero, rule.revokingAuthority(), rule.reference());
    }

    public int idleYears() {
        return idleYears;
    }

    /** What a carrier of this type is there to do (一), named when it fails to do it (五: 不能履行职责). */
    public String duties(CarrierType type) {
        return duties.get(type);
    }

    /**
     * The earliest run of at least {@code idleYears} idle years, as a list of zero or one (for a rule's
     * {@code from}). The years looked at are the complete calendar years after the year of
     * recognition and before {@code asOf}: a year is complete only once {@code asOf} is in a later
     * year, so as of 2023-12-31 the year 2023 does not count yet. The run reported is the whole
     * earliest run, however long; a later active year does not undo it, since the ground arose
     * when the run reached {@code idleYears}.
     */
    public List<IdleStreak> idleStreak(Carrier carrier, LocalDate asOf) {
        int first = -1;
        List<Integer> unrecorded = new ArrayList<>();
        for (int year = carrier.recognizedOn().getYear() + 1; year < asOf.getYear(); year++) {
            Integer participants = carrier.participants(year);
            boolean idle = participants == null ? missingYearCountsAsZero : participants == 0;
            if (idle) {
                first = first < 0 ? year : first;
                if (participants == null) {
                    unrecorded.add(year);
                }
            } else if (first >= 0) {
                if (year - first >= idleYears) {
                    return List.of(new IdleStreak(first, year - 1, unrecorded));
                }
                first = -1;
                unrecorded.clear();
            }
        }
        int end = asOf.getYear() - 1;
        return first >= 0 && end - first + 1 >= idleYears ? List.of(new IdleStreak(first, end, unrecorded)) : List.of();
    }

    public SupervisionInfo info() {
        return info;
    }
}
