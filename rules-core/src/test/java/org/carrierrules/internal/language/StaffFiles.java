package org.carrierrules.internal.language;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.policy.PolicyProblem;

/** Parses and checks one staff rule file as the loader does, for tests. */
final class StaffFiles {
    static final String FILE = "rules/materials/test.dslr";

    private StaffFiles() {
    }

    /** What the loader makes of a file: the checked rules and every problem. */
    record Result(List<CheckedRule> rules, List<PolicyProblem> problems) {
        String drl() {
            return DrlGenerator.generate(Stage.ASSESSMENT, rules);
        }

        List<String> messages() {
            return problems.stream().map(p -> p.line() + ":" + p.message()).toList();
        }
    }

    static Result check(String text) {
        return check(text.getBytes(StandardCharsets.UTF_8), Stage.ASSESSMENT, CodeCatalogue.library());
    }

    static Result check(byte[] bytes, Stage stage, CodeCatalogue codes) {
        List<PolicyProblem> problems = new ArrayList<>();
        RuleTree tree = RuleFileParser.parse(FILE, bytes, problems);
        List<CheckedRule> rules = new RuleChecker(Vocabulary.bundled(), codes).check(tree, stage, problems);
        return new Result(rules, problems);
    }

    /** A sound rule of the materials stage, with {@code name} and {@code message}. */
    static String rule(String name, String message) {
        return "rule \"" + name + "\"\n    @clause(\"四(二)\")\nwhen\n    本类载体须提交的材料\n    申报单位提交了该材料\n"
                + "    - 扫描件歪斜\nthen\n    通知补正该材料，代码 MATERIAL_SKEWED：" + message + "\nend\n";
    }
}
