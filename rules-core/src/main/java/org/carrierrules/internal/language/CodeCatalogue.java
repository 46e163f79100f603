package org.carrierrules.internal.language;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.carrierrules.assessment.Severity;
import org.carrierrules.policy.PolicyProblem;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * Every code a decision may carry: the contract's finding codes (受理审查), ground codes (跟踪管理) and
 * allocation reasons (评审与名额分配), each with its stage, what it weighs and the clause behind it, plus
 * the codes a policy declares in {@code codes.yaml}. A rule's conclusion must name a code of its stage whose
 * weight is the conclusion's, so a rule that could not stand fails {@code check}, not a host's call.
 */
public final class CodeCatalogue {
    /** The form of a code: capitals, digits and underscores, as the contract's codes are. */
    public static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final int MAX_LENGTH = 64;

    /**
     * One code.
     *
     * @param severity what a finding with it weighs (受理审查); null in the other stages
     * @param outcome  what a ground with it calls for (跟踪管理); null in the other stages
     * @param clause   the clause behind it; null for a reason the library's allocation rules give, whose clause each policy
     *                 gives (round.yaml). An allocation code with a clause keeps an application out of the ranking and is
     *                 for the policy's own rules of 排名资格, which cite their clause themselves
     * @param origin   where it is defined: the contract, or the policy file that declares it
     */
    public record Code(String code, Stage stage, Severity severity, SupervisionOutcome outcome, String clause, String origin) {
    }

    private static final String CONTRACT = "本库（合同规定的代码）";
    private static final CodeCatalogue LIBRARY = library(new LinkedHashMap<>());

    private final Map<String, Code> codes;

    private CodeCatalogue(Map<String, Code> codes) {
        this.codes = Collections.unmodifiableMap(codes);
    }

    private static CodeCatalogue library(Map<String, Code> codes) {
        finding(codes, Severity.INELIGIBLE, "二", "APPLICANT_TYPE_NOT_ELIGIBLE", "NO_TRAINING_FUNCTION",
                "NOT_LEGALLY_ESTABLISHED", "NOT_REGISTERED_IN_DISTRICT");
        finding(codes, Severity.INELIGIBLE, "一、三", "CARRIER_TYPE_NOT_OPEN");
        finding(codes, Severity.INELIGIBLE, "四(一)", "SUBMITTED_OUTSIDE_WINDOW");
        finding(codes, Severity.DEFECT, "四(二)", "MATERIAL_MISSING", "MATERIAL_NOT_PDF", "MATERIAL_NOT_SEALED",
                "MATERIAL_ILLEGIBLE", "MATERIAL_PAGES_MISSING", "MATERIAL_SKEWED", "MATERIAL_MISNAMED",
                "PAPER_COPY_MISSING", "PAPER_COPIES_INSUFFICIENT", "PAPER_NOT_A4", "PAPER_NOT_BOUND",
                "PAPER_NO_TABLE_OF_CONTENTS", "PAPER_NO_PAGE_NUMBERS",
                "ELECTRONIC_COPY_MISSING", "ELECTRONIC_NO_WORD", "ELECTRONIC_NO_PDF", "ELECTRONIC_PDF_NOT_SINGLE_FILE",
                "ELECTRONIC_MISNAMED", "ELECTRONIC_ORDER_MISMATCH");
        finding(codes, Severity.NOTE, "四(二)", "MATERIAL_NOT_REQUIRED");
        ground(codes, SupervisionOutcome.REVOKE, "OBTAINED_BY_FRAUD", "LOST_CONTACT", "RELOCATED_OUT", "TRAINING_DISCONTINUED",
                "NO_TRAINING_THREE_YEARS");
        ground(codes, SupervisionOutcome.RECTIFY, "DUTIES_NOT_FULFILLED");
        reason(codes, "NOT_ACCEPTED", "NOT_REVIEWED");
        notRanked(codes, "四(四)", "SITE_VISIT_FAILED", "BELOW_PASSING_SCORE");
        reason(codes, "TIE_BROKEN_BY_SUBMISSION_TIME", "TIE_BROKEN_BY_ID", "WITHIN_QUOTA", "QUOTA_FILLED", "OBJECTION_UPHELD",
                "OBJECTION_NOT_UPHELD", "BACKFILLED_AFTER_OBJECTION");
        return new CodeCatalogue(codes);
    }

    private static void finding(Map<String, Code> codes, Severity severity, String clause, String... names) {
        for (String name : names) {
            codes.put(name, new Code(name, Stage.ASSESSMENT, severity, null, clause, CONTRACT));
        }
    }

    private static void ground(Map<String, Code> codes, SupervisionOutcome outcome, String... names) {
        for (String name : names) {
            codes.put(name, new Code(name, Stage.SUPERVISION, null, outcome, "五", CONTRACT));
        }
    }

    /** The allocation reasons have no clause here: each policy gives theirs, in round.yaml's allocation section. */
    private static void reason(Map<String, Code> codes, String... names) {
        for (String name : names) {
            codes.put(name, new Code(name, Stage.ALLOCATION, null, null, null, CONTRACT));
        }
    }

    /** Reasons a policy's rule of 排名资格 gives for keeping an application out of the ranking ({@code 不参加排名}). */
    private static void notRanked(Map<String, Code> codes, String clause, String... names) {
        for (String name : names) {
            codes.put(name, new Code(name, Stage.ALLOCATION, null, null, clause, CONTRACT));
        }
    }

    /** The contract's codes. */
    public static CodeCatalogue library() {
        return LIBRARY;
    }

    /**
     * The library's codes and those a policy declares; a declared code that is malformed, already the
     * library's, or of a stage whose conclusions it cannot weigh, is a problem instead.
     *
     * @param lines the line each declared code is written on in {@code file}, by code
     */
    public CodeCatalogue with(List<Code> declared, String file, Map<String, Integer> lines, List<PolicyProblem> problems) {
        Map<String, Code> all = new LinkedHashMap<>(codes);
        for (Code code : declared) {
            int line = lines.getOrDefault(code.code(), 0);
            String problem = declarationProblem(code);
            if (problem != null) {
                problems.add(new PolicyProblem(file, line, problem));
            } else if (all.containsKey(code.code())) {
                problems.add(new PolicyProblem(file, line, "代码 " + code.code() + " 已由" + all.get(code.code()).origin()
                        + "定义，不能重复声明"));
            } else {
                all.put(code.code(), code);
            }
        }
        return new CodeCatalogue(all);
    }

    private static String declarationProblem(Code code) {
        if (code.code().length() > MAX_LENGTH || !FORM.matcher(code.code()).matches()) {
            return "代码“" + code.code() + "”不合规范：代码只能由大写英文字母、数字和下划线组成（不超过" + MAX_LENGTH
                    + "个字符），如 ESTABLISHED_LESS_THAN_TWO_YEARS";
        }
        if (code.stage() == Stage.ASSESSMENT && (code.severity() == null || code.outcome() != null)) {
            return "代码 " + code.code() + " 属于受理审查，其 severity 应为 INELIGIBLE（不予受理）、DEFECT（通知补正）或 NOTE（提示）之一";
        }
        if (code.stage() == Stage.SUPERVISION && (code.outcome() == null || code.severity() != null)) {
            return "代码 " + code.code() + " 属于跟踪管理，其 severity 应为 REVOKE（报请取消认定）或 RECTIFY（通知改正）之一";
        }
        if (code.stage() == Stage.ALLOCATION && (code.severity() != null || code.outcome() != null)) {
            return "代码 " + code.code() + " 属于评审与名额分配，政策只能新增不参加排名的理由，其 severity 应为 NOT_RANKED";
        }
        if (code.clause() == null || code.clause().isBlank()) {
            return "代码 " + code.code() + " 须写明依据的通知条款（clause）";
        }
        return null;
    }

    /** The code, or null when neither the contract nor the policy defines it. */
    public Code get(String code) {
        return codes.get(code);
    }

    public Collection<Code> codes() {
        return codes.values();
    }

    /**
     * The codes a policy's rules of one stage may give, in catalogue order, for a message that lists them: in
     * 评审与名额分配, only the reasons for keeping an application out of the ranking.
     */
    List<String> namesOf(Stage stage) {
        return codes.values().stream().filter(c -> c.stage() == stage && (stage != Stage.ALLOCATION || c.clause() != null))
                .map(Code::code).toList();
    }
}
