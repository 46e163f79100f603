package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

import org.carrierrules.CarrierRules;
import org.carrierrules.InvalidInputException;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.json.AllocationInput;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.InputError;
import org.carrierrules.notice.CalendarYearMissingException;

/**
 * A round allocated for {@code allocate} and {@code run}, or the exit code that says why not. Input errors
 * go to stdout as {@code {"errors": [...]}} and, in Chinese, to stderr; a missing calendar year to stderr.
 *
 * @param allocation the outcome, or null when there is none
 * @param exitCode   0 with an outcome, else {@link CarrierRulesCommand#RECORDS_INVALID} or
 *                   {@link CarrierRulesCommand#CALENDAR_MISSING}
 */
record Decided(Allocation allocation, int exitCode) {
    /**
     * @param noticeStart the notice start given on the command line; it wins over one in the input, and
     *                    without either the library takes the first working day after the window
     */
    static Decided of(CarrierRules rules, AllocationInput input, LocalDate noticeStart, PrintWriter out, PrintWriter err) {
        if (input instanceof AllocationInput.Invalid invalid) {
            return refused(invalid.errors(), out, err);
        }
        AllocationInput.Valid valid = (AllocationInput.Valid) input;
        LocalDate start = noticeStart != null ? noticeStart : valid.noticeStart();
        try {
            return new Decided(start == null ? rules.allocate(valid.submission()) : rules.allocate(valid.submission(), start), 0);
        } catch (InvalidInputException e) {
            return refused(List.of(new InputError(InputError.INVALID_INPUT, e.field(), e.problem())), out, err);
        } catch (CalendarYearMissingException e) {
            err.println("无法计算公示期：" + e.getMessage());
            return new Decided(null, CarrierRulesCommand.CALENDAR_MISSING);
        }
    }

    private static Decided refused(List<InputError> errors, PrintWriter out, PrintWriter err) {
        err.println("输入有误，未作评审分配（候选名单须就整轮全部申报一并确定）：");
        errors.forEach(e -> err.println("  - " + e.field() + "：" + e.message()));
        AllocationJson.print(errors, out);
        return new Decided(null, CarrierRulesCommand.RECORDS_INVALID);
    }
}
