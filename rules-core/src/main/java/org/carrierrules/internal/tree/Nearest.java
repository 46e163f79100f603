package org.carrierrules.internal.tree;

import java.util.Collection;

/**
 * The closest text to a mistyped one, by edit distance, to suggest what was meant: a sentence of the rule
 * language, a material code of the catalogue.
 */
public final class Nearest {
    private Nearest() {
    }

    /** The candidate closest to {@code text}, or null when none is close (more than half the text differs). */
    public static String of(String text, Collection<String> candidates) {
        return of(text, candidates, Math.max(text.length(), 2) / 2);
    }

    /** The candidate closest to {@code text}, or null when none is within {@code most} edits of it. */
    public static String of(String text, Collection<String> candidates, int most) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(text, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= most ? best : null;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
