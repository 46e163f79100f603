package org.carrierrules.internal.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.carrierrules.CarrierType;

/**
 * Inserted by the rules for a ranked application with its rank among the ranked applications of its
 * type (1 is the highest score).
 */
public record Placed(AllocationCase application, int rank) {
    /**
     * The places of the ranked applications of one type, best first: each ranked behind those before it in
     * the round's ranking ({@link Round#ranking()}), so its rank is the number ahead of it plus one.
     */
    public static List<Placed> inOrder(List<Ranked> ranked) {
        List<Ranked> ordered = ranked.stream().sorted(Comparator.comparingInt(Ranked::order)).toList();
        List<Placed> places = new ArrayList<>(ordered.size());
        for (int ahead = 0; ahead < ordered.size(); ahead++) {
            places.add(new Placed(ordered.get(ahead).application(), ahead + 1));
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
