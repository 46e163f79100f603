package org.carrierrules.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.carrierrules.assessment.Assessment;
import org.carrierrules.CarrierRules;
import org.carrierrules.assessment.Finding;

/**
 * Assessments in the contract's JSON form ("Assessment (output of assess)"), field order fixed so
 * that the same decision always prints the same bytes.
 */
public final class AssessmentJson {
    private AssessmentJson() {
    }

    /**
     * Assesses every valid record and keeps every invalid one as an error entry, so that the output
     * has exactly one entry per input record, in input order.
     */
    public static ArrayNode assessAll(CarrierRules rules, List<InputRecord> records) {
        List<ObjectNode> entries = new ArrayList<>(records.size());
        for (InputRecord record : records) {
            entries.add(entry(rules, record));
        }
        return ApplicationJson.MAPPER.createArrayNode().addAll(entries);
    }

    /**
     * Assesses every record and prints the entries as {@link #print} would print
     * {@link #assessAll}'s array, byte for byte, but as it goes: a block of records at a time is
     * assessed on all cores (the common fork-join pool), then written in input order. A batch of
     * 100,000 applications never holds all its entries at once, and uses both cores of a
     * two-core machine for the rules (docs/performance.md).
     */
    public static void print(CarrierRules rules, List<InputRecord> records, Writer out) {
        ObjectWriter writer = ApplicationJson.MAPPER.writer(PRETTY).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator json = writer.createGenerator(out)) {
            json.writeStartArray();
            for (int from = 0; from < records.size(); from += BLOCK) {
                List<InputRecord> block = records.subList(from, Math.min(records.size(), from + BLOCK));
                for (ObjectNode entry : block.parallelStream().map(record -> entry(rules, record)).toList()) {
                    writer.writeValue(json, entry);
                }
            }
            json.writeEndArray();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enough records that the cores share the work evenly, few enough that a block's entries are small. */
    private static final int BLOCK = 4_096;

    private static ObjectNode entry(CarrierRules rules, InputRecord record) {
        return record instanceof InputRecord.Valid valid ? write(rules.assess(valid.application()))
                : write((InputRecord.Invalid) record);
    }

    public static ObjectNode write(Assessment assessment) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        node.put("applicationId", assessment.applicationId());
        node.put("carrierType", assessment.carrierType().name());
        node.put("eligible", assessment.eligible());
        node.put("acceptance", assessment.acceptance().name());
        ArrayNode findings = node.putArray("findings");
        for (Finding f : assessment.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("code", f.code());
            finding.put("severity", f.severity().name());
            finding.put("clause", f.clause());
            if (f.material() != null) {
                finding.put("material", f.material());
            }
            finding.put("rule", f.rule());
            finding.put("message", f.message());
        }
        node.putObject("policy")
                .put("round", assessment.policy().round())
                .put("fingerprint", assessment.policy().fingerprint());
        return node;
    }

    public static ObjectNode write(InputRecord.Invalid invalid) {
        ObjectNode node = ApplicationJson.MAPPER.createObjectNode();
        if (invalid.applicationId() == null) {
            node.putNull("applicationId");
        } else {
            node.put("applicationId", invalid.applicationId());
        }
        return JsonRecords.error(node, invalid.error(), invalid.position(), invalid.line());
    }

    /**
     * Indented with "\n" line ends on every platform: Jackson's default takes the JVM's line separator, which
     * made the same decision print other bytes under Windows (or {@code -Dline.separator}).
     */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

    /** Pretty-printed, with a final newline; the writer is flushed, not closed. */
    public static void print(JsonNode entries, Writer out) {
        try {
            ApplicationJson.MAPPER.writer(PRETTY)
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, entries);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
