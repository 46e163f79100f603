package org.carrierrules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.CarrierEvent;
import org.carrierrules.supervision.EventType;

/** Carriers for the supervision tests, written out by hand; the dates are the notice's and contract's examples. */
final class Carriers {
    private Carriers() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static CarrierEvent event(EventType type, String iso) {
        return new CarrierEvent(type, date(iso));
    }

    static Carrier carrier(String recognizedOn, Map<Integer, Integer> activity, CarrierEvent... events) {
        return new Carrier("SZ-T-001", "深圳市罗湖区示例技能大师工作室", CarrierType.SKILL_MASTER_STUDIO,
                date(recognizedOn), List.of(events), activity);
    }

    /** Recognised 2022-03-15 and training every year since: nothing to find about its activity. */
    static Carrier active(CarrierEvent... events) {
        return carrier("2022-03-15", Map.of(2022, 40, 2023, 120, 2024, 95), events);
    }
}
