package org.carrierrules.internal.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.carrierrules.CarrierType;

/**
 * Inserted by the rules for a ranked application with its rank among the ranked applications of its
 * type (1 is the highest score), and how many of those ranked ahead of it still stand: their objection was not
 * upheld (四(五)). The rules fill the places of a type in order by this count when a candidate is removed and the
 * round backfills; counting it once here, rather than a rule counting the places ahead for every place, keeps a
 * round's cost in proportion to its applications instead of their square (docs/performance.md).
 */
public record Placed(AllocationCase application, int rank, int standingAhead) {
    /**
     * The places of the ranked applications of one type, best first: each ranked behind those before it in
     * the round's ranking ({@link Round#ranking()}), so its rank is the number ahead of it plus one.
     */
    public static List<Placed> inOrder(List<Ranked> ranked) {
        List<Ranked> ordered = ranked.stream().sorted(Comparator.comparingInt(Ranked::order)).toList();
        List<Placed> places = new ArrayList<>(ordered.size());
        int standing = 0;
        for (int ahead = 0; ahead < ordered.size(); ahead++) {
            AllocationCase application = ordered.get(ahead).application();
            places.add(new Placed(application, ahead + 1, standing));
            if (!application.objectionUpheld()) {
                standing++;
            }
        }
        return places;
    }

    public CarrierType carrierType() {
        return application.carrierType();
    }

    public boolean objectionUpheld() {
        return application.objectionUpheld();
    }
}
