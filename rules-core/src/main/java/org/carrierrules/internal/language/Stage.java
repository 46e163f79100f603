package org.carrierrules.internal.language;

import java.util.List;

/**
 * A part of the library that runs some rule folders in sessions of its own. Each stage's rules compile into
 * one Drools package whose name is fixed here, never taken from a folder, and see only the globals its
 * engine sets: a sentence of another stage could not run there, so {@link RuleChecker} refuses it.
 */
public enum Stage {
    /** 受理审查, 二 to 四(三): whether an application is accepted, to be supplemented or not accepted. */
    ASSESSMENT("受理审查", List.of("rules/eligibility/", "rules/materials/"), "org.carrierrules.rules.assessment"),
    /**
     * 评审与名额分配, 三, 四(四), 四(五): the library's own rules, in DRL, citing clauses the policy gives in round.yaml.
     * Its folder takes no file of a policy (a file there is refused, not run).
     */
    ALLOCATION("评审与名额分配", List.of("rules/allocation/"), "rules.allocation"),
    /** 跟踪管理, 五: whether a recognised carrier keeps its recognition, is told to rectify, or is reported for revocation. */
    SUPERVISION("跟踪管理", List.of("rules/supervision/"), "org.carrierrules.rules.supervision");

    /** The folder 跟踪管理 had before it took one name throughout (0.2.0): a file found there is told where to go. */
    private static final String FORMER_SUPERVISION_FOLDER = "rules/revocation/";

    private final String label;
    private final List<String> folders;
    private final String drlPackage;

    Stage(String label, List<String> folders, String drlPackage) {
        this.label = label;
        this.folders = folders;
        this.drlPackage = drlPackage;
    }

    /** The stage as staff know it, with its folders: {@code 受理审查（rules/eligibility/、rules/materials/）}. */
    public String title() {
        return label + "（" + String.join("、", folders) + "）";
    }

    /** The folders of the policy directory whose rule files belong to this stage. */
    public List<String> folders() {
        return folders;
    }

    /** The Drools package the stage's rules compile into. */
    public String drlPackage() {
        return drlPackage;
    }

    /** Whether a policy file lies in one of this stage's folders. */
    public boolean holds(String path) {
        return folders.stream().anyMatch(path::startsWith);
    }

    /** The stage a rule file belongs to, or null when it lies in no stage's folder. */
    public static Stage of(String path) {
        for (Stage stage : values()) {
            if (stage.holds(path)) {
                return stage;
            }
        }
        return null;
    }

    /**
     * What to tell staff about a rule file in a folder a stage no longer reads, or null: their rules did not
     * change, only the folder's name, and a file that silently stopped running would be worse than a refusal.
     */
    public static String formerFolderAdvice(String path) {
        if (!path.startsWith(FORMER_SUPERVISION_FOLDER)) {
            return null;
        }
        return "跟踪管理的规则目录已由 " + FORMER_SUPERVISION_FOLDER + " 改名为 " + SUPERVISION.folders().get(0)
                + "：请把此文件移到 " + SUPERVISION.folders().get(0) + " 下，规则本身不用改";
    }

    /** The titles of the stages whose folders take staff's rule files, as a list staff read in a message. */
    public static String titles() {
        return ASSESSMENT.title() + "或" + SUPERVISION.title();
    }
}
