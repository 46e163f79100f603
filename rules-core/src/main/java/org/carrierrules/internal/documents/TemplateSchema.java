package org.carrierrules.internal.documents;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierrules.documents.DocumentKind;

/**
 * The names a template may use, and what each is: a text ({@code {{name}}}), a yes/no ({@code {{#flag}}…{{/flag}}})
 * or a list whose items have names of their own ({@code {{#findings}}{{message}}{{/findings}}}). {@code check}
 * refuses any other name, so a misspelled placeholder is found when the policy loads, not on a printed letter.
 * What a template sees is built by {@link DocumentContexts} from exactly these names.
 */
final class TemplateSchema {
    /** The partial every document may include ({@code {{> contact}}}): where to hand papers in, whom to call. */
    static final String CONTACT = "contact";

    enum Kind { TEXT, FLAG, LIST }

    /** A name's kind, and for a list the names of its items. */
    record Field(Kind kind, Map<String, Field> items) {
        static final Field TEXT = new Field(Kind.TEXT, Map.of());
        static final Field FLAG = new Field(Kind.FLAG, Map.of());
    }

    private TemplateSchema() {
    }

    /** The names every template sees: the round's and the authority's. */
    private static final Map<String, Field> ROUND = fields(
            "title", "authority", "notice", "district", "revokingAuthority",
            "?materialsIllustrative", "?rubricIllustrative");

    private static final Map<String, Field> FINDING = fields("number", "message", "clause");

    private static final Map<String, Field> APPLICATION = with(ROUND, fields(
            "applicant", "applicationId", "carrierType", "submittedAt", "findingCount"),
            "findings", FINDING, "notes", FINDING);

    private static final Map<String, Field> SUPERVISION = with(ROUND, fields(
            "carrier", "carrierId", "carrierType", "recognizedOn", "asOf", "clauses"),
            "grounds", FINDING, "rectifying", FINDING);

    private static final Map<String, Field> CANDIDATE = fields("rank", "applicationId", "applicant", "score");

    private static final Map<String, Field> TYPE = with(fields("type", "quota", "listed"), Map.of(), "candidates", CANDIDATE);

    private static final Map<String, Field> ENTRY = fields("type", "rank", "applicationId", "applicant", "score", "reasons");

    private static final Map<String, Field> PERIOD = fields("noticeStart", "noticeEnd", "noticeDays", "noticeDayList",
            "windowOpens", "windowCloses", "windowCloseDate", "?noticeStartGiven");

    private static final Map<String, Field> PUBLIC_NOTICE = with(with(ROUND, PERIOD), fields("listedCount"), "types", TYPE);

    private static final Map<String, Field> ROUND_REPORT = with(with(ROUND, PERIOD), fields(
            "applicationCount", "acceptedCount", "supplementCount", "notAcceptedCount", "reviewedCount", "scoring",
            "totalQuota", "listedCount", "candidateCount", "vacantCount", "?backfill"),
            "published", TYPE, "finalCandidates", ENTRY, "removed", ENTRY, "objectionsNotUpheld", ENTRY, "notSelected", ENTRY, "notRanked", ENTRY,
            "vacancies", fields("type", "places", "quota"),
            "resubmitted", fields("applicationId", "applicant", "submittedAt", "acceptance", "use", "note"));

    /** The names of a document's template; a partial sees the names of the template that includes it. */
    static Map<String, Field> of(DocumentKind kind) {
        return switch (kind) {
            case SUPPLEMENT_NOTICE, REJECTION_NOTICE, ACCEPTANCE_NOTICE -> APPLICATION;
            case RECTIFICATION_NOTICE, REVOCATION_PROPOSAL -> SUPERVISION;
            case PUBLIC_NOTICE -> PUBLIC_NOTICE;
            case ROUND_REPORT -> ROUND_REPORT;
        };
    }

    /** The names of the contact partial, which every document may include: the round's only. */
    static Map<String, Field> partial() {
        return ROUND;
    }

    /** The yes/no that says whether the list {@code name} has items: {@code findings} → {@code hasFindings}. */
    static String hasName(String name) {
        return "has" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Texts, and yes/no names written with a leading {@code ?}. */
    private static Map<String, Field> fields(String... names) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Arrays.stream(names).forEach(n -> fields.put(n.startsWith("?") ? n.substring(1) : n, n.startsWith("?") ? Field.FLAG : Field.TEXT));
        return Map.copyOf(fields);
    }

    private static Map<String, Field> with(Map<String, Field> base, Map<String, Field> more, Object... lists) {
        Map<String, Field> fields = new LinkedHashMap<>(base);
        fields.putAll(more);
        for (int i = 0; i < lists.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Field> items = (Map<String, Field>) lists[i + 1];
            String name = (String) lists[i];
            fields.put(name, new Field(Kind.LIST, items));
            // A heading or a table header is written only when its list has items: {{#hasFindings}}.
            fields.put(hasName(name), Field.FLAG);
        }
        return Map.copyOf(fields);
    }
}
