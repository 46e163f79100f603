package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

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
    /** {@code applications[3].facts.apprentices}: an array of the round's input, an index, and what follows. */
    private static final Pattern ITEM = Pattern.compile("(applications|reviews|objections)\\[(\\d+)](?:\\.(.+))?");

    /**
     * @param noticeStart the notice start given on the command line; it wins over one in the input, and
     *                    without either the library takes the first working day after the window
     */
    static Decided of(CarrierRules rules, AllocationInput input, JsonNode tree, LocalDate noticeStart, PrintWriter out, PrintWriter err) {
        if (input instanceof AllocationInput.Invalid invalid) {
            return refused(invalid.errors(), tree, out, err);
        }
        AllocationInput.Valid valid = (AllocationInput.Valid) input;
        LocalDate start = noticeStart != null ? noticeStart : valid.noticeStart();
        try {
            return new Decided(start == null ? rules.allocate(valid.submission()) : rules.allocate(valid.submission(), start), 0);
        } catch (InvalidInputException e) {
            return refused(List.of(new InputError(InputError.INVALID_INPUT, e.field(), e.problem())), tree, out, err);
        } catch (CalendarYearMissingException e) {
            err.println("无法计算公示期：" + e.getMessage());
            return new Decided(null, CarrierRulesCommand.CALENDAR_MISSING);
        }
    }

    /**
     * Where an error lies, as staff know the record: {@code 申报 LH2024-007 的 facts.apprentices} rather than
     * {@code applications[6].facts.apprentices}, which nobody counts to. The contract's field stays in the JSON on
     * stdout; without the input's tree (allocate reading a stream), or an id to name, the field as it is.
     */
    static String place(String field, JsonNode tree) {
        Matcher item = ITEM.matcher(field);
        if (tree == null || !item.matches()) {
            return field;
        }
        JsonNode record = tree.path(item.group(1)).path(Integer.parseInt(item.group(2)));
        JsonNode id = record.path(item.group(1).equals("applications") ? "id" : "applicationId");
        if (!id.isTextual() || id.asText().isBlank()) {
            return field;
        }
        String of = switch (item.group(1)) {
            case "applications" -> "申报 ";
            case "reviews" -> "评审结果（申报 ";
            default -> "异议（申报 ";
        };
        String named = of + id.asText() + (item.group(1).equals("applications") ? "" : "）");
        return item.group(3) == null ? named : named + " 的 " + item.group(3);
    }

    private static Decided refused(List<InputError> errors, JsonNode tree, PrintWriter out, PrintWriter err) {
        err.println("输入有误，未作评审分配（候选名单须就整轮全部申报一并确定）：");
        errors.forEach(e -> err.println("  - " + place(e.field(), tree) + "：" + e.message()));
        AllocationJson.print(errors, out);
        return new Decided(null, CarrierRulesCommand.RECORDS_INVALID);
    }
}
