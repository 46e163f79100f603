package org.carrierrules.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carrierrules.CarrierType;
import org.carrierrules.Inputs;
import org.carrierrules.InvalidInputException;

/**
 * A recognised carrier under supervision (跟踪管理, notice 五). Immutable; every constructor argument
 * is checked, and a bad one raises {@link InvalidInputException} naming the field.
 *
 * @param carrierId        the carrier's id, unique within a batch, e.g. {@code SZ-2020-017}
 * @param name             the carrier's name
 * @param carrierType      the kind of carrier it was recognised as (一)
 * @param recognizedOn     the day it was recognised; its year never counts towards 连续3年未从事相关培训活动
 * @param events           what supervision found, in any order; none dated before recognition, none twice
 * @param trainingActivity participants trained per calendar year (year to count, none negative); a year
 *                         may be missing, and what a missing year means is round data
 */
public record Carrier(String carrierId, String name, CarrierType carrierType, LocalDate recognizedOn,
                      List<CarrierEvent> events, Map<Integer, Integer> trainingActivity) {
    public Carrier {
        Inputs.requiredText(carrierId, "carrierId");
        Inputs.requiredText(name, "name");
        Inputs.required(carrierType, "carrierType");
        Inputs.fourDigitYear(recognizedOn, "recognizedOn");
        events = Inputs.requiredList(events, "events");
        checkEvents(events, recognizedOn);
        trainingActivity = checkedActivity(Inputs.required(trainingActivity, "trainingActivity"));
    }

    /** The participants of {@code year}, or null when the year has no record. */
    public Integer participants(int year) {
        return trainingActivity.get(year);
    }

    private static void checkEvents(List<CarrierEvent> events, LocalDate recognizedOn) {
        for (int i = 0; i < events.size(); i++) {
            CarrierEvent event = events.get(i);
            // Supervision follows recognition (五: 对终身职业技能培训载体进行跟踪管理): an earlier date is a typing error.
            if (event.date().isBefore(recognizedOn)) {
                throw new InvalidInputException("events[" + i + "].date", "日期" + event.date() + "早于认定日期"
                        + recognizedOn + "；跟踪管理发现的情况只能在认定之后，请核对日期");
            }
            int earlier = events.subList(0, i).indexOf(event);
            if (earlier >= 0) {
                throw new InvalidInputException("events[" + i + "]", "与 events[" + earlier
                        + "] 重复（同一类型、同一日期）；同一情况只需记录一次");
            }
        }
    }

    private static Map<Integer, Integer> checkedActivity(Map<Integer, Integer> activity) {
        for (Map.Entry<Integer, Integer> year : activity.entrySet()) {
            if (year.getKey() == null) {
                throw new InvalidInputException("trainingActivity", "年份不能为空");
            }
            String field = "trainingActivity." + year.getKey();
            if (Inputs.required(year.getValue(), field) < 0) {
                throw new InvalidInputException(field, "培训人数不能为负数：" + year.getValue());
            }
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(activity));
    }

    /** A carrier built a part at a time: events and yearly training records are added one by one. */
    public static Builder builder(String carrierId, String name, CarrierType carrierType, LocalDate recognizedOn) {
        return new Builder(carrierId, name, carrierType, recognizedOn);
    }

    /** Builds a {@link Carrier}; not thread-safe, and every check happens in {@link #build()}. */
    public static final class Builder {
        private final String carrierId;
        private final String name;
        private final CarrierType carrierType;
        private final LocalDate recognizedOn;
        private final List<CarrierEvent> events = new ArrayList<>();
        private final Map<Integer, Integer> trainingActivity = new TreeMap<>();

        private Builder(String carrierId, String name, CarrierType carrierType, LocalDate recognizedOn) {
            this.carrierId = carrierId;
            this.name = name;
            this.carrierType = carrierType;
            this.recognizedOn = recognizedOn;
        }

        /** Something supervision found, on the day it was found. */
        public Builder event(EventType type, LocalDate date) {
            events.add(new CarrierEvent(type, date));
            return this;
        }

        /** The number of participants trained in {@code year}. */
        public Builder trained(int year, int participants) {
            trainingActivity.put(year, participants);
            return this;
        }

        /** @throws InvalidInputException naming the field, when a part is missing or wrong */
        public Carrier build() {
            return new Carrier(carrierId, name, carrierType, recognizedOn, events, trainingActivity);
        }
    }
}
