package org.carrierrules.internal.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactValues;

/**
 * What a sentence about declared facts, the round's parameters or the application's types tests, once the
 * checker has read it: built from staff text, but held as values (a key looked up in the declarations, a
 * number the parser read), never as code. A rule's fact sentences make one test, which its generated rule
 * asks of {@link FactConditions} by the rule's index.
 * <p>
 * A comparison with a fact the application does not carry, or with a parameter the round gives no value for
 * its types, does not hold: {@code 申请单位未填写…} is the sentence for a missing fact.
 */
public sealed interface FactTest {
    boolean test(Subject subject);

    /**
     * What the tests look at: an application in 受理审查, a carrier in 跟踪管理 (no applicant type, no facts), and the
     * round it is decided in.
     *
     * @param windowCloses the day the round's window closes, for {@code 距申报截止}
     * @param parameters   the round's parameters, read when a test runs: rules hold no value of the round
     */
    record Subject(CarrierType carrierType, ApplicantType applicantType, FactValues facts, LocalDate windowCloses,
                   RoundParameters parameters) {
    }

    /** A number or date to compare with: one written in the sentence, or a round parameter. */
    sealed interface Operand {
        Object value(Subject subject);
    }

    record Literal(Object value) implements Operand {
        @Override
        public Object value(Subject subject) {
            return value;
        }
    }

    /** {@code 申报截止日}: the day the round's window closes. */
    record WindowCloses() implements Operand {
        @Override
        public Object value(Subject subject) {
            return subject.windowCloses();
        }
    }

    /** A round parameter by its name, which the checker found in the round's {@code parameters.yaml}. */
    record Parameter(String name) implements Operand {
        @Override
        public Object value(Subject subject) {
            RoundParameter parameter = subject.parameters().get(name);
            return parameter == null ? null : parameter.valueFor(subject.carrierType(), subject.applicantType());
        }
    }

    /** How a number or a date compares, as the sentence says it: {@code 少于}, {@code 不早于} …. */
    enum Comparison {
        LESS("少于", c -> c < 0), NOT_LESS("不少于", c -> c >= 0), MORE("多于", c -> c > 0), NOT_MORE("不多于", c -> c <= 0),
        EQUAL("等于", c -> c == 0), NOT_EQUAL("不等于", c -> c != 0),
        EARLIER("早于", c -> c < 0), NOT_EARLIER("不早于", c -> c >= 0), LATER("晚于", c -> c > 0), NOT_LATER("不晚于", c -> c <= 0);

        private final String word;
        private final IntPredicate holds;

        Comparison(String word, IntPredicate holds) {
            this.word = word;
            this.holds = holds;
        }

        public String word() {
            return word;
        }

        public boolean isForDates() {
            return ordinal() >= EARLIER.ordinal();
        }

        boolean holds(int comparison) {
            return holds.test(comparison);
        }
    }

    /** {@code 申请单位的年培训人数少于「最低年培训人数」}, {@code 申请单位的成立日期早于2020-01-01}. */
    record Compare(String key, Comparison comparison, Operand operand) implements FactTest {
        @Override
        public boolean test(Subject subject) {
            Object fact = subject.facts().values().get(key);
            Object other = operand.value(subject);
            if (fact instanceof BigDecimal number && other instanceof BigDecimal bound) {
                return comparison.holds(number.compareTo(bound));
            }
            if (fact instanceof LocalDate date && other instanceof LocalDate bound) {
                return comparison.holds(date.compareTo(bound));
            }
            return false;
        }
    }

    /** {@code 申请单位的成立日期距申报截止不满「最短成立年限」年}: whether N full years lie between the date and the window's close. */
    record YearsBeforeClose(String key, boolean full, Operand years) implements FactTest {
        @Override
        public boolean test(Subject subject) {
            if (!(subject.facts().values().get(key) instanceof LocalDate date) || !(years.value(subject) instanceof BigDecimal n)) {
                return false;
            }
            boolean reached = !date.plusYears(n.longValueExact()).isAfter(subject.windowCloses());
            return reached == full;
        }
    }

    /** {@code 申请单位的列入失信惩戒名单为是}. */
    record YesNo(String key, boolean value) implements FactTest {
        @Override
        public boolean test(Subject subject) {
            return subject.facts().values().get(key) instanceof Boolean yes && yes == value;
        }
    }

    /** {@code 申请单位的领办人职业资格是高级技师、技师之一}: a listed value among the keys given, or not among them. */
    record OneOf(String key, Set<String> choices, boolean among) implements FactTest {
        public OneOf {
            choices = Set.copyOf(choices);
        }

        @Override
        public boolean test(Subject subject) {
            return subject.facts().values().get(key) instanceof String choice && choices.contains(choice) == among;
        }
    }

    /** {@code 申请单位未填写年培训人数}, {@code 申请单位已填写…}. */
    record Filled(String key, boolean filled) implements FactTest {
        @Override
        public boolean test(Subject subject) {
            return subject.facts().values().containsKey(key) == filled;
        }
    }

    /** {@code 载体类型是高技能人才培训基地、技能大师工作室之一}. */
    record CarrierTypeIn(Set<CarrierType> types, boolean among) implements FactTest {
        public CarrierTypeIn {
            types = Set.copyOf(types);
        }

        @Override
        public boolean test(Subject subject) {
            return types.contains(subject.carrierType()) == among;
        }
    }

    /** {@code 申请单位类型是企业、行业协会之一}. */
    record ApplicantTypeIn(Set<ApplicantType> types, boolean among) implements FactTest {
        public ApplicantTypeIn {
            types = Set.copyOf(types);
        }

        @Override
        public boolean test(Subject subject) {
            return subject.applicantType() != null && types.contains(subject.applicantType()) == among;
        }
    }

    /** The sentences of a rule under {@code when}, each of which must hold. */
    record All(List<FactTest> tests) implements FactTest {
        public All {
            tests = List.copyOf(tests);
        }

        @Override
        public boolean test(Subject subject) {
            return tests.stream().allMatch(t -> t.test(subject));
        }
    }

    /** Sentences joined by {@code 或者}: one of which must hold. */
    record Any(List<FactTest> tests) implements FactTest {
        public Any {
            tests = List.copyOf(tests);
        }

        @Override
        public boolean test(Subject subject) {
            return tests.stream().anyMatch(t -> t.test(subject));
        }
    }

    /** {@code 并非…}. */
    record Not(FactTest test) implements FactTest {
        @Override
        public boolean test(Subject subject) {
            return !test.test(subject);
        }
    }
}
