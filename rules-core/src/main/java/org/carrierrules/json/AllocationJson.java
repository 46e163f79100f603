package org.carrierrules.json;

import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.CarrierType;
import org.carrierrules.InvalidInputException;
import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.notice.NoticePeriod;

/**
 * The round's outcome in the contract's JSON form ("Review and allocation"): reading
 * {@code {round, applications, reviews, objections}} strictly, with every error named by its field, and
 * writing one entry per application, in input order, field order fixed. Applications are read as
 * {@link ApplicationJson} reads them. Beyond the contract the input may name {@code noticeStart}, and
 * each entry carries the {@code policy} that decided, as assessments do.
 */
public final class AllocationJson {
    private static final String APPLICATIONS = "applications";
    private static final String REVIEWS = "reviews";
    private static final String NOTICE_START = "noticeStart";

    /**
     * The allocate input's shape, {@code {round, applications, reviews, objections, noticeStart}}: never bound
     * whole, but read part by part ({@link RoundReader}), each part as the type declared here; only the notice
     * start may be left out.
     */
    private record RoundInput(String round, List<Application> applications, List<ExpertReview> reviews,
                              List<Objection> objections, LocalDate noticeStart) {
    }

    /** The output of one application: the contract's entry, with the policy that decided, as assessments carry it. */
    private record RoundEntry(@JsonUnwrapped AllocationEntry entry, PolicyRef policy) {
    }

    /** The notice period of the candidate list, and whether its start was given. */
    private record RoundNotice(@JsonUnwrapped NoticePeriod period, boolean startGiven) {
    }

    /** The whole outcome of a round; {@code run} adds the 受理审查 of each application, which allocating decided. */
    private record RoundOutcome(PolicyRef policy, RoundNotice noticePeriod, Map<CarrierType, Integer> vacancies, List<RoundEntry> entries,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<Assessment> assessments) {
    }

    /** {@code {"errors": [{"code", "field", "message"}, …]}}. */
    private record Errors(List<InputError> errors) {
    }

    private AllocationJson() {
    }

    /** The input of a file holding one JSON object {@code {round, applications, reviews, objections}}, within the default limits. */
    public static AllocationInput read(Path file) {
        return read(file, ReadLimits.DEFAULTS);
    }

    /**
     * The input of a file holding one JSON object {@code {round, applications, reviews, objections}}, read as a
     * stream: one record's tree at a time, so that a large round needs memory for its records, not for a tree
     * of the whole file. Each of the three arrays may hold up to {@link ReadLimits#maxRecords()} records.
     *
     * @throws JsonFileException  with file, line and column when it is not JSON
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static AllocationInput read(Path file, ReadLimits limits) {
        RoundReader reader = new RoundReader(limits);
        JsonRecords.visit(file, limits, true, reader);
        return reader.finish();
    }

    /** The whole file as one JSON value, within the default limits. */
    public static JsonNode readTree(Path file) {
        return readTree(file, ReadLimits.DEFAULTS);
    }

    /**
     * The whole file as one JSON value, read strictly: a repeated key or anything after the value is an error.
     * The elements of an array at the top, or of an array one level down, count as records.
     *
     * @throws JsonFileException  with file, line and column when it is not JSON
     * @throws ReadLimitException when it is past one of {@code limits}
     */
    public static JsonNode readTree(Path file, ReadLimits limits) {
        return JsonRecords.readTree(file, limits);
    }

    /**
     * The input from its JSON form. Every application, review and objection is read, and each one that is
     * not valid adds an error naming its field; then the parts are checked against each other
     * ({@link RoundSubmission}).
     */
    public static AllocationInput read(JsonNode node) {
        return read(node, null);
    }

    /**
     * As {@link #read(JsonNode)}, refusing also any array inside an application or review longer than
     * {@link ReadLimits#maxRecords()}, as reading a file does (for a tree read with
     * {@link #readTree(Path, ReadLimits)}, such as a round put together from a folder).
     */
    public static AllocationInput read(JsonNode node, ReadLimits limits) {
        RoundReader reader = new RoundReader(limits);
        if (!node.isObject()) {
            reader.value(null, node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray() && reader.holdsRecords(field.getKey())) {
                reader.array(field.getKey());
                for (int i = 0; i < value.size(); i++) {
                    reader.element(field.getKey(), i, value.get(i));
                }
            } else {
                reader.value(field.getKey(), value);
            }
        }
        return reader.finish();
    }

    /**
     * Reads the allocate input part by part, as it comes, whether from a tree or a stream: each application,
     * review and objection on its own, so that one bad element hides no other, each named under its element
     * ({@code applications[3].applicant.creditCode}). Errors are given in the order of the contract's fields,
     * whatever the order of the input.
     */
    private static final class RoundReader implements JsonRecords.Visitor {
        /** When given, arrays inside an element longer than maxRecords are refused; null for a tree handed over as it is. */
        private final ReadLimits limits;
        private final Map<String, List<InputError>> errors = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();
        private InputError notAnInput;
        private String round;
        private LocalDate noticeStart;
        private final List<Application> applications = new ArrayList<>();
        private final List<ExpertReview> reviews = new ArrayList<>();
        private final List<Objection> objections = new ArrayList<>();

        RoundReader(ReadLimits limits) {
            this.limits = limits;
            ContractMapper.fields(RoundInput.class).forEach(part -> errors.put(part, new ArrayList<>()));
        }

        @Override
        public boolean holdsRecords(String name) {
            return errors.containsKey(name) && ContractMapper.field(RoundInput.class, name).type().isCollectionLikeType();
        }

        @Override
        public void value(String name, JsonNode value) {
            if (name == null) {
                notAnInput = InputError.invalid("$", ContractErrors.wrong(ContractMapper.record(RoundInput.class), value));
                return;
            }
            if (!errors.containsKey(name)) {
                // As for a record: the first unknown key is the one error given.
                if (notAnInput == null) {
                    notAnInput = InputError.invalid(name, ContractErrors.unknown(ContractMapper.fields(RoundInput.class)));
                }
                return;
            }
            seen.add(name);
            collect(name, () -> {
                if (name.equals(NOTICE_START)) {
                    noticeStart = value.isNull() ? null : ContractMapper.read(value, LocalDate.class, name);
                } else if (!value.isNull() && name.equals("round")) {
                    round = ContractMapper.read(value, String.class, name);
                } else {
                    // Null where a part is required, or something else than the array a part of records is.
                    throw new InvalidInputException(name, ContractErrors.wrong(ContractMapper.field(RoundInput.class, name), value));
                }
            });
        }

        @Override
        public void array(String name) {
            seen.add(name);
        }

        @Override
        public void element(String name, int index, JsonNode item) {
            String path = name + "[" + index + "]";
            collect(name, () -> {
                if (limits != null) {
                    JsonRecords.checkArrays(item, path, limits);
                }
                switch (name) {
                    case APPLICATIONS -> applications.add(application(path, item));
                    case REVIEWS -> reviews.add(ContractMapper.read(item, ExpertReview.class, path));
                    default -> objections.add(ContractMapper.read(item, Objection.class, path));
                }
            });
        }

        /** Named from the application, then under its element: one that is no object is {@code applications[3].$}, as ever. */
        private static Application application(String path, JsonNode item) {
            try {
                return ApplicationJson.read(item);
            } catch (InvalidInputException e) {
                throw e.under(path);
            }
        }

        AllocationInput finish() {
            if (notAnInput != null) {
                return new AllocationInput.Invalid(List.of(notAnInput));
            }
            errors.keySet().stream().filter(part -> !part.equals(NOTICE_START) && !seen.contains(part))
                    .forEach(part -> errors.get(part).add(InputError.invalid(part, ContractErrors.MISSING)));
            List<InputError> all = errors.values().stream().flatMap(List::stream).toList();
            if (!all.isEmpty()) {
                return new AllocationInput.Invalid(all);
            }
            try {
                return new AllocationInput.Valid(new RoundSubmission(round, applications, reviews, objections), noticeStart);
            } catch (InvalidInputException e) {
                return new AllocationInput.Invalid(List.of(InputError.invalid(e.field(), e.problem())));
            }
        }

        private void collect(String part, Runnable reading) {
            try {
                reading.run();
            } catch (InvalidInputException e) {
                errors.get(part).add(InputError.invalid(e.field(), e.problem()));
            }
        }
    }

    /** The contract's output, one entry per application, in input order; pretty-printed, the writer flushed. */
    public static void print(Allocation allocation, Writer out) {
        ContractMapper.print(entries(allocation), out);
    }

    /**
     * The whole outcome of a round, as {@code run} writes it: the policy, the public notice period of the candidate
     * list, the places left vacant per type, the contract's entries, and the 受理审查 of every application.
     */
    public static void printRound(Allocation allocation, Writer out) {
        ContractMapper.print(outcome(allocation, allocation.assessments()), out);
    }

    /** {@code {"start", "end", "workingDays": [...]}}, dates as ISO-8601. */
    public static void print(NoticePeriod period, Writer out) {
        ContractMapper.print(period, out);
    }

    /** {@code {"errors": [{"code", "field", "message"}, …]}}. */
    public static void print(List<InputError> errors, Writer out) {
        ContractMapper.print(new Errors(errors), out);
    }

    /** The round's outcome as a decision record holds it: the contract's entries, vacancies and notice period. */
    static JsonNode tree(Allocation allocation) {
        return ContractMapper.tree(outcome(allocation, null));
    }

    private static RoundOutcome outcome(Allocation allocation, List<Assessment> assessments) {
        Map<CarrierType, Integer> vacancies = new EnumMap<>(CarrierType.class);
        vacancies.putAll(allocation.vacancies());
        return new RoundOutcome(allocation.policy(), new RoundNotice(allocation.noticePeriod(), allocation.noticeStartGiven()), vacancies,
                entries(allocation), assessments);
    }

    private static List<RoundEntry> entries(Allocation allocation) {
        return allocation.entries().stream().map(e -> new RoundEntry(e, allocation.policy())).toList();
    }
}
