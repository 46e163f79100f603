package org.carrierrules.internal.tree;

/** Text quoted from a policy file into a message: never so long that it buries the message. */
public final class Texts {
    static final int SHOWN = 40;

    private Texts() {
    }

    /** The first 40 characters and “…”, never half a surrogate pair. */
    public static String abbreviate(String text) {
        return abbreviate(text, SHOWN);
    }

    /** The first {@code shown} characters and “…”, never half a surrogate pair. */
    public static String abbreviate(String text, int shown) {
        if (text.length() <= shown) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(shown - 1)) ? shown + 1 : shown;
        return text.substring(0, end) + "…";
    }
}
