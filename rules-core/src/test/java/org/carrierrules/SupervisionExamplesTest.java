package org.carrierrules;

import static org.carrierrules.Carriers.active;
import static org.carrierrules.Carriers.carrier;
import static org.carrierrules.Carriers.date;
import static org.carrierrules.Carriers.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.EventType;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * Supervision (跟踪管理, notice 五) by example. Every expected value is worked out by hand from the
 * notice and the contract's reading of 连续3年: complete calendar years after the year of recognition
 * and before the as-of date, each with zero participants, a missing year counting as zero.
 */
class SupervisionExamplesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();

    private static List<String> codes(SupervisionDecision decision) {
        return decision.grounds().stream().map(Ground::code).toList();
    }

    @ParameterizedTest(name = "{0} gives {1}, {2}")
    @CsvSource({
            "FRAUD_FOUND, OBTAINED_BY_FRAUD, REVOKE",
            "LOST_CONTACT, LOST_CONTACT, REVOKE",
            "RELOCATED_OUT, RELOCATED_OUT, REVOKE",
            "TRAINING_DISCONTINUED, TRAINING_DISCONTINUED, REVOKE",
            "DUTIES_NOT_FULFILLED, DUTIES_NOT_FULFILLED, RECTIFY"})
    void eachEventGivesItsGround(EventType type, String code, SupervisionOutcome outcome) {
        SupervisionDecision decision = RULES.supervise(active(event(type, "2024-06-01")), date("2024-12-31"));

        assertEquals(List.of(code), codes(decision));
        assertEquals(outcome, decision.outcome());
        Ground ground = decision.grounds().get(0);
        assertEquals("五", ground.clause());
        assertTrue(ground.message().startsWith("2024年6月1日"), ground.message());
        assertFalse(ground.rule().isBlank());
        assertEquals(date("2024-12-31"), decision.asOf());
        assertEquals(RULES.policy(), decision.policy());
    }

    @Test
    void activeCarrierWithNothingFoundIsKept() {
        SupervisionDecision decision = RULES.supervise(active(), date("2024-12-31"));

        assertEquals(SupervisionOutcome.KEEP, decision.outcome());
        assertEquals(List.of(), decision.grounds());
    }

    /** The contract's example: recognised 2020-06-01, zero in 2021, 2022 and 2023. */
    @Test
    void threeIdleYearsRevokeOnlyOnceTheThirdYearIsComplete() {
        Carrier idle = carrier("2020-06-01", Map.of(2021, 0, 2022, 0, 2023, 0));

        SupervisionDecision lastDayOf2023 = RULES.supervise(idle, date("2023-12-31"));
        SupervisionDecision firstDayOf2024 = RULES.supervise(idle, date("2024-01-01"));

        assertEquals(SupervisionOutcome.KEEP, lastDayOf2023.outcome());
        assertEquals(SupervisionOutcome.REVOKE, firstDayOf2024.outcome());
        assertEquals(List.of("NO_TRAINING_THREE_YEARS"), codes(firstDayOf2024));
        String message = firstDayOf2024.grounds().get(0).message();
        assertTrue(message.contains("2021年至2023年连续3年"), message);
    }

    /** 2021 is the year of recognition, though it began on its first day: only 2022 onwards counts. */
    @Test
    void theYearOfRecognitionNeverCounts() {
        Carrier idle = carrier("2021-01-01", Map.of(2021, 0, 2022, 0, 2023, 0));

        assertEquals(SupervisionOutcome.KEEP, RULES.supervise(idle, date("2024-01-01")).outcome());
        // 2024 has no record, which counts as zero: 2022, 2023, 2024.
        SupervisionDecision nextYear = RULES.supervise(idle, date("2025-01-01"));
        assertEquals(SupervisionOutcome.REVOKE, nextYear.outcome());
        assertTrue(nextYear.grounds().get(0).message().contains("2022年至2024年"), nextYear.grounds().get(0).message());
    }

    @Test
    void aMissingYearCountsAsZeroAndIsSaidSo() {
        Carrier silent = carrier("2019-05-01", Map.of(2020, 300));

        SupervisionDecision decision = RULES.supervise(silent, date("2024-01-01"));

        assertEquals(SupervisionOutcome.REVOKE, decision.outcome());
        String message = decision.grounds().get(0).message();
        assertTrue(message.contains("2021年至2023年连续3年"), message);
        assertTrue(message.contains("2021年、2022年、2023年无培训记录"), message);
    }

    @Test
    void aLaterActiveYearDoesNotUndoAnEarlierIdleStreak() {
        Carrier revived = carrier("2018-09-01", Map.of(2019, 0, 2020, 0, 2021, 0, 2022, 45, 2023, 60, 2024, 80));

        SupervisionDecision decision = RULES.supervise(revived, date("2024-12-31"));

        assertEquals(SupervisionOutcome.REVOKE, decision.outcome());
        String message = decision.grounds().get(0).message();
        assertTrue(message.contains("2019年至2021年连续3年"), message);
    }

    @Test
    void idleYearsMustBeConsecutive() {
        Carrier onAndOff = carrier("2018-04-01", Map.of(2019, 0, 2020, 0, 2021, 12, 2022, 0, 2023, 0, 2024, 5));

        assertEquals(SupervisionOutcome.KEEP, RULES.supervise(onAndOff, date("2025-06-01")).outcome());
    }

    @Test
    void aLongerStreakIsReportedWhole() {
        Carrier idle = carrier("2017-07-01", Map.of(2018, 0, 2019, 0, 2020, 0, 2021, 0, 2022, 0, 2023, 9));

        String message = RULES.supervise(idle, date("2024-03-01")).grounds().get(0).message();

        assertTrue(message.contains("2018年至2022年连续5年"), message);
    }

    @Test
    void anEventAfterTheAsOfDateIsIgnoredAndOneOnItCounts() {
        Carrier leaving = active(event(EventType.RELOCATED_OUT, "2025-01-01"));

        assertEquals(SupervisionOutcome.KEEP, RULES.supervise(leaving, date("2024-12-31")).outcome());
        assertEquals(SupervisionOutcome.REVOKE, RULES.supervise(leaving, date("2025-01-01")).outcome());
    }

    /** The contract's JSON example: lost contact 2024-03-01; 2021–2022 idle, but 2023 active. */
    @Test
    void contractExampleIsRevokedForLostContactOnly() {
        Carrier studio = carrier("2020-06-01", Map.of(2021, 0, 2022, 0, 2023, 120),
                event(EventType.LOST_CONTACT, "2024-03-01"));

        assertEquals(SupervisionOutcome.KEEP, RULES.supervise(studio, date("2024-02-29")).outcome());
        SupervisionDecision decision = RULES.supervise(studio, date("2024-12-31"));
        assertEquals(SupervisionOutcome.REVOKE, decision.outcome());
        assertEquals(List.of("LOST_CONTACT"), codes(decision));
    }

    @Test
    void revokeWinsOverRectifyAndBothGroundsAreGiven() {
        Carrier both = active(event(EventType.DUTIES_NOT_FULFILLED, "2024-02-01"),
                event(EventType.RELOCATED_OUT, "2024-08-01"));

        SupervisionDecision decision = RULES.supervise(both, date("2024-12-31"));

        assertEquals(SupervisionOutcome.REVOKE, decision.outcome());
        assertEquals(List.of("RELOCATED_OUT", "DUTIES_NOT_FULFILLED"), codes(decision));
        // Before the relocation was found, the same carrier was only to be told to correct.
        assertEquals(SupervisionOutcome.RECTIFY, RULES.supervise(both, date("2024-07-31")).outcome());
    }

    @Test
    void rectificationNamesTheDutiesOfTheCarriersType() {
        SupervisionDecision decision = RULES.supervise(active(event(EventType.DUTIES_NOT_FULFILLED, "2024-06-01")),
                date("2024-12-31"));

        String message = decision.grounds().get(0).message();
        assertTrue(message.contains("技能大师工作室") && message.contains("技艺传承、技术攻关、技能交流"), message);
    }

    @Test
    void aSituationFoundTwiceIsOneGroundFromTheEarlierDate() {
        Carrier twice = active(event(EventType.DUTIES_NOT_FULFILLED, "2024-05-01"),
                event(EventType.DUTIES_NOT_FULFILLED, "2024-03-01"));

        SupervisionDecision decision = RULES.supervise(twice, date("2024-12-31"));

        assertEquals(List.of("DUTIES_NOT_FULFILLED"), codes(decision));
        assertTrue(decision.grounds().get(0).message().startsWith("2024年3月1日"), decision.grounds().get(0).message());
    }

    /** As of a day before recognition nothing can have been found yet: the events all lie later. */
    @Test
    void aCarrierNotYetRecognisedOnTheAsOfDateIsKept() {
        Carrier lateStart = carrier("2024-03-01", Map.of(), event(EventType.FRAUD_FOUND, "2024-03-01"));

        assertEquals(SupervisionOutcome.KEEP, RULES.supervise(lateStart, date("2024-02-29")).outcome());
        assertEquals(SupervisionOutcome.REVOKE, RULES.supervise(lateStart, date("2024-03-01")).outcome());
    }

    @Test
    void superviseAllKeepsInputOrder() {
        Carrier kept = new Carrier("A", "甲", CarrierType.HIGH_SKILL_TRAINING_BASE, date("2022-01-10"), List.of(),
                Map.of(2022, 10, 2023, 10));
        Carrier revoked = new Carrier("B", "乙", CarrierType.RURAL_REVITALIZATION_STATION, date("2022-01-10"),
                List.of(event(EventType.FRAUD_FOUND, "2023-05-05")), Map.of());

        List<SupervisionDecision> decisions = RULES.superviseAll(List.of(revoked, kept), date("2024-01-01"));

        assertEquals(List.of("B", "A"), decisions.stream().map(SupervisionDecision::carrierId).toList());
        assertEquals(List.of(SupervisionOutcome.REVOKE, SupervisionOutcome.KEEP), decisions.stream().map(SupervisionDecision::outcome).toList());
    }

    @Test
    void aDecisionRefusesAnOutcomeThatDoesNotFollowFromItsGrounds() {
        Ground lostContact = new Ground("LOST_CONTACT", "五", "载体失联", "发现载体失联");
        Ground duties = new Ground("DUTIES_NOT_FULFILLED", "五", "载体不能履行职责", "不能履行职责");
        PolicyRef policy = RULES.policy();
        LocalDate asOf = date("2024-12-31");

        assertThrows(IllegalArgumentException.class, () -> new SupervisionDecision("X", SupervisionOutcome.KEEP, asOf, List.of(lostContact), policy));
        assertThrows(IllegalArgumentException.class, () -> new SupervisionDecision("X", SupervisionOutcome.RECTIFY, asOf, List.of(duties, lostContact), policy));
        assertThrows(IllegalArgumentException.class, () -> new SupervisionDecision("X", SupervisionOutcome.REVOKE, asOf, List.of(), policy));
        assertEquals(SupervisionOutcome.RECTIFY, new SupervisionDecision("X", SupervisionOutcome.RECTIFY, asOf, List.of(duties), policy).outcome());
    }

    @Test
    void aGroundMustCarryAContractCode() {
        assertThrows(IllegalArgumentException.class, () -> new Ground("NO_TRAINING_TWO_YEARS", "五", "r", "m"));
    }

    @Test
    void badCarriersAreRefusedNamingTheField() {
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> carrier("2020-06-01", Map.of(2021, 5, 2022, -3)));
        assertEquals("trainingActivity.2022", negative.field());

        InvalidInputException early = assertThrows(InvalidInputException.class,
                () -> carrier("2020-06-01", Map.of(), event(EventType.LOST_CONTACT, "2020-05-31")));
        assertEquals("events[0].date", early.field());

        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> carrier("2020-06-01", Map.of(),
                event(EventType.LOST_CONTACT, "2021-05-31"), event(EventType.LOST_CONTACT, "2021-05-31")));
        assertEquals("events[1]", twice.field());
    }
}
