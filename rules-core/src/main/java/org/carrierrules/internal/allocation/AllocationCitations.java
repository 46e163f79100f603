package org.carrierrules.internal.allocation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;

import org.carrierrules.internal.engine.LibraryRules;
import org.carrierrules.internal.facts.RankingKey;
import org.carrierrules.internal.language.CodeCatalogue;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.internal.policy.FileProblems;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.internal.tree.Nearest;
import org.carrierrules.policy.RuleInfo;

/**
 * The clause each of the library's allocation rules cites, as the policy's round.yaml gives it: a district whose
 * notice numbers its clauses otherwise (第五条 for 四(四)) writes its own, and every reason, {@code rules()} and
 * decision record says it. Each rule cites one entry of the allocation section ({@link LibraryRules}): a reason code
 * of {@code allocation.reasonClauses}, every one of which must be given, none defaulted; or a key of
 * {@code allocation.rankingOrder}, which also orders the applications ({@code Round#ranking}). Read and checked with
 * the round, so a policy that leaves a clause out, or names a code or key the library does not know, fails
 * {@code check} at the line concerned. Immutable.
 */
public final class AllocationCitations {
    private static final JsonPointer ORDER = JsonPointer.compile("/allocation/rankingOrder");
    private static final JsonPointer REASONS = JsonPointer.compile("/allocation/reasonClauses");
    private static final String ORDER_KEY = "allocation.rankingOrder";
    private static final String REASONS_KEY = "allocation.reasonClauses";

    /** A clause as the policy writes it, and the line it is written on. */
    private record Citation(String clause, int line) {
    }

    private final String file;
    /** By reason code, or by a ranking key's name. */
    private final Map<String, Citation> byEntry;

    private AllocationCitations(String file, Map<String, Citation> byEntry) {
        this.file = file;
        this.byEntry = Map.copyOf(byEntry);
    }

    /** The citations of a round's allocation section; null, with its problems added at their lines, when it is wrong. */
    public static AllocationCitations read(RoundFile.AllocationRule allocation, FileProblems problems) {
        Reading reading = new Reading(problems);
        reading.order(allocation.rankingOrder());
        reading.reasons(allocation.reasonClauses());
        return reading.wrong ? null : new AllocationCitations(problems.file(), reading.entries);
    }

    /** The clause a rule cites. */
    String clause(LibraryRules.Rule rule) {
        Citation citation = byEntry.get(rule.cites());
        if (citation == null) {
            // Only a rule about a ranking key the policy does not rank by lacks one, and such a rule never fires.
            throw new IllegalStateException("the allocation rule " + rule.name() + " cites " + rule.cites() + ", which the policy does not give");
        }
        return citation.clause();
    }

    /**
     * The allocation rules this policy puts to work, each with its clause and where the policy writes it (the line of
     * the clause in round.yaml), in the order of the library's file. A rule about a ranking key the policy does not
     * rank by (提交时间 left out) can never fire, and is not listed.
     */
    public List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>();
        for (LibraryRules.Rule rule : LibraryRules.rules()) {
            Citation citation = byEntry.get(rule.cites());
            if (citation != null) {
                rules.add(new RuleInfo(rule.name(), citation.clause(), file, citation.line()));
            }
        }
        return List.copyOf(rules);
    }

    /** One reading of the section: the citations found, and whether any problem was. */
    private static final class Reading {
        private final FileProblems problems;
        private final Map<String, Citation> entries = new HashMap<>();
        private boolean wrong;

        Reading(FileProblems problems) {
            this.problems = problems;
        }

        private void problem(JsonPointer at, String message) {
            problems.add(at, message);
            wrong = true;
        }

        /** The score first (the candidate list follows the experts' scores), the id last (ids differ, so the order is total). */
        void order(List<RoundFile.RankingStep> steps) {
            if (steps.isEmpty()) {
                problem(ORDER, ORDER_KEY + " 是空的：请依次列出排名依据，第一项为“评审得分”，最后一项为“申报编号”；可选的项："
                        + RankingKey.listed());
                return;
            }
            List<RankingKey> keys = new ArrayList<>();
            Set<RankingKey> seen = EnumSet.noneOf(RankingKey.class);
            for (int i = 0; i < steps.size(); i++) {
                RoundFile.RankingStep step = steps.get(i);
                JsonPointer at = ORDER.appendIndex(i);
                String where = ORDER_KEY + "[" + i + "]";
                RankingKey key = step == null ? null : RankingKey.named(step.key().strip());
                keys.add(key);
                if (step == null) {
                    problem(at, where + " 是空的：请写明 key 和 clause，或删去这一项");
                } else if (key == null) {
                    String meant = Nearest.of(step.key().strip(), RankingKey.labels());
                    problem(at.appendProperty("key"), where + ".key 的值“" + step.key() + "”不是本库认识的排名依据"
                            + (meant == null ? "" : "；是否想写：“" + meant + "”？") + "；可选的项：" + RankingKey.listed());
                } else if (!seen.add(key)) {
                    problem(at.appendProperty("key"), "排名依据“" + key.label() + "”重复出现（" + where + "）：每一项只能列一次");
                } else {
                    JsonPointer clause = at.appendProperty("clause");
                    entries.put(key.label(), new Citation(step.clause().strip(), problems.tree().line(clause)));
                }
            }
            RankingKey first = keys.get(0);
            if (first != null && first != RankingKey.SCORE) {
                problem(ORDER.appendIndex(0).appendProperty("key"), "排名依据的第一项须为“评审得分”（实为“" + first.label()
                        + "”）：候选名单依据专家评审打分确定，得分相同时才比较其后各项");
            }
            int id = keys.indexOf(RankingKey.ID);
            if (id < 0 && !keys.contains(null)) {
                problem(ORDER, ORDER_KEY + " 中缺少“申报编号”：申报编号各不相同，列在最后，排名才总能分出先后"
                        + "（否则其他各项都相同的申报无从排定）");
            } else if (id >= 0 && id < keys.size() - 1) {
                problem(ORDER.appendIndex(id + 1).appendProperty("key"), ORDER_KEY + "[" + (id + 1) + "] 排在“申报编号”之后，"
                        + "永远不会起作用（申报编号各不相同）：请把“申报编号”列在最后");
            }
        }

        /** Every code the rules cite given a clause, and no other. */
        void reasons(Map<String, String> clauses) {
            Set<String> cited = LibraryRules.citedReasons();
            for (Map.Entry<String, String> given : clauses.entrySet()) {
                String code = given.getKey();
                JsonPointer at = REASONS.appendProperty(code);
                if (!cited.contains(code)) {
                    problem(at, notCited(code, cited));
                } else if (given.getValue() == null || given.getValue().isBlank()) {
                    problem(at, "缺少 " + REASONS_KEY + "." + code + " 的条款（" + citedBy(code) + "）");
                } else {
                    entries.put(code, new Citation(given.getValue().strip(), problems.tree().line(at)));
                }
            }
            for (String code : cited) {
                if (!clauses.containsKey(code)) {
                    problem(REASONS, "缺少 " + REASONS_KEY + "." + code + "（" + citedBy(code) + "）");
                }
            }
        }

        private static String notCited(String code, Set<String> cited) {
            for (RankingKey key : RankingKey.values()) {
                if (code.equals(key.tieCode())) {
                    return REASONS_KEY + " 中不写 " + code + "：同分由“" + key.label() + "”分出先后时所引用的条款，写在 "
                            + ORDER_KEY + " 中“" + key.label() + "”一项的 clause；请删去这一行";
                }
            }
            CodeCatalogue.Code notRanked = CodeCatalogue.library().get(code);
            if (notRanked != null && notRanked.stage() == Stage.ALLOCATION && notRanked.clause() != null) {
                return REASONS_KEY + " 中不写 " + code + "：不参加排名的理由由政策目录 rules/allocation/ 下的规则给出，所引用的条款写在"
                        + "该规则的 @clause（见内置政策的 rules/allocation/ranking.dslr）；请删去这一行";
            }
                        // Codes share their words (OBJECTION_UPHELD, OBJECTION_NOT_UPHELD): only a slip of a letter or two is suggested.
            String meant = Nearest.of(code, cited, code.length() / 4);
            return REASONS_KEY + " 中的“" + code + "”不是本库评审与名额分配规则给出的理由代码"
                    + (meant == null ? "" : "；是否想写：“" + meant + "”？") + "；理由代码为：" + String.join("、", cited);
        }

        /** What a code's clause is for, in the words of the rules that cite it. */
        private static String citedBy(String code) {
            List<String> rules = LibraryRules.citing(code);
            return "规则“" + rules.get(0) + "”" + (rules.size() > 1 ? "等" + rules.size() + "条规则" : "")
                    + "给出此理由时所引用的条款";
        }
    }
}
