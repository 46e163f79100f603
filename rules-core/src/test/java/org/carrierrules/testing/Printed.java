package org.carrierrules.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.CarrierRules;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.application.Application;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.json.ApplicationJson;
import org.carrierrules.json.AssessmentJson;
import org.carrierrules.json.CarrierRecord;
import org.carrierrules.json.InputRecord;
import org.carrierrules.json.SupervisionJson;
import org.carrierrules.notice.NoticePeriod;

/**
 * Decisions printed as the command line prints them, and read back as trees for a test to look into: the facade
 * decides, the json package writes, as a host does.
 */
public final class Printed {
    /** Numbers as written, 85.00 kept as 85.00. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Printed() {
    }

    /** One entry per record, each valid one assessed by {@code rules}. */
    public static JsonNode assessments(CarrierRules rules, List<InputRecord> records) {
        return tree(text(out -> AssessmentJson.print(records, rules.assessAll(records.stream()
                .filter(r -> r instanceof InputRecord.Valid).map(r -> ((InputRecord.Valid) r).application()).toList()), out)));
    }

    /** One entry per record, each valid one reviewed by {@code rules} as of {@code asOf}. */
    public static JsonNode reviews(CarrierRules rules, List<CarrierRecord> records, LocalDate asOf) {
        return tree(text(out -> SupervisionJson.print(records, rules.superviseAll(records.stream()
                .filter(r -> r instanceof CarrierRecord.Valid).map(r -> ((CarrierRecord.Valid) r).carrier()).toList(), asOf), out)));
    }

    /** The contract's entries of a round, as {@code allocate} prints them. */
    public static JsonNode entries(Allocation allocation) {
        return tree(text(out -> AllocationJson.print(allocation, out)));
    }

    /** The whole outcome of a round, as {@code run} writes it. */
    public static JsonNode round(Allocation allocation) {
        return tree(text(out -> AllocationJson.printRound(allocation, out)));
    }

    public static JsonNode noticePeriod(NoticePeriod period) {
        return tree(text(out -> AllocationJson.print(period, out)));
    }

    /** An application's JSON form, as a tree to change. */
    public static ObjectNode application(Application application) {
        return (ObjectNode) tree(ApplicationJson.write(application));
    }

    /** What {@code printing} writes. */
    public static String text(Consumer<Writer> printing) {
        StringWriter out = new StringWriter();
        printing.accept(out);
        return out.toString();
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
