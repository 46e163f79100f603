package org.carrierrules.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.assessment.Assessment;

/**
 * Assessments in the contract's JSON form ("Assessment (output of assess)"): one entry per input record, in
 * input order, the assessment of a valid record or the error entry of an invalid one, field order fixed so that
 * the same decision always prints the same bytes. The assessments are the caller's, decided by any policy.
 */
public final class AssessmentJson {
    private AssessmentJson() {
    }

    /**
     * One entry per record, as one JSON array, pretty-printed with a final newline; the writer is flushed, not closed.
     *
     * @param assessments the assessment of each valid record, in the records' order
     */
    public static void print(List<InputRecord> records, List<Assessment> assessments, Writer out) {
        Iterator<Assessment> decided = assessments.iterator();
        try (Printer printer = printer(out)) {
            for (InputRecord record : records) {
                printer.print(record, record instanceof InputRecord.Valid ? decided.next() : null);
            }
        }
    }

    /**
     * The entry of one record on its own, not in an array (the answer to one application over HTTP).
     *
     * @param assessment the record's assessment, or null for an invalid record
     */
    public static void print(InputRecord record, Assessment assessment, Writer out) {
        ContractMapper.print(entry(record, assessment), out);
    }

    /**
     * Prints the array entry by entry as the caller decides, so that a batch of 100,000 applications never holds
     * all its entries at once: the same bytes as {@link #print(List, List, Writer)}. Closing ends the array.
     */
    public static Printer printer(Writer out) {
        try {
            return new Printer(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array of entries being printed; not thread-safe. */
    public static final class Printer implements AutoCloseable {
        private final Writer out;
        private final JsonGenerator json;

        private Printer(Writer out) throws IOException {
            this.out = out;
            this.json = ContractMapper.PRINTER.createGenerator(out);
            json.writeStartArray();
        }

        /** The next record's entry: its assessment, or null for an invalid record. */
        public void print(InputRecord record, Assessment assessment) {
            try {
                ContractMapper.PRINTER.writeValue(json, entry(record, assessment));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends the array with a final newline; the writer is flushed, not closed. */
        @Override
        public void close() {
            try {
                json.writeEndArray();
                json.close();
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Object entry(InputRecord record, Assessment assessment) {
        if (record instanceof InputRecord.Invalid invalid) {
            return invalid;
        }
        if (assessment == null || !assessment.applicationId().equals(record.applicationId())) {
            throw new IllegalArgumentException("the assessment of " + record.applicationId() + " is needed, not "
                    + (assessment == null ? "none" : "that of " + assessment.applicationId()));
        }
        return assessment;
    }

    /**
     * A tree a host keeps or builds (a decision record, a service's own answer), printed as every output of the
     * contract is: pretty, "\n" line ends, a final newline; the writer is flushed, not closed.
     */
    public static void print(JsonNode tree, Writer out) {
        ContractMapper.print(tree, out);
    }

    /** As the contract writes an assessment, as a tree: what a decision record holds. */
    static JsonNode tree(Assessment assessment) {
        return ContractMapper.tree(assessment);
    }
}
