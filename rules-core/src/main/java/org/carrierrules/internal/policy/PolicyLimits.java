package org.carrierrules.internal.policy;

import java.util.List;
import java.util.Locale;

import org.carrierrules.policy.PolicyProblem;

/**
 * How much of a policy directory {@link PolicyFiles} reads before refusing it. A policy directory is read
 * like any untrusted input: a stray multi-gigabyte file, a folder of a million files or a name of a
 * thousand characters must be refused with a message, quickly, not exhaust the memory of the host or
 * keep {@code check} busy for minutes. The defaults are far above what a round's policy holds (the
 * bundled luohu-2024 policy is 22 files, 60 KB in all, its largest file 10 KB) and far below what
 * would hurt a small server.
 * <p>
 * Each limit can be raised with a Java system property ({@code -Dcarrierrules.policy.maxFileBytes=4M}),
 * which the messages name, so that both a host and the command line (through {@code JAVA_TOOL_OPTIONS})
 * can raise it without a new release.
 *
 * @param maxFileBytes  the largest policy file, in bytes as stored
 * @param maxTotalBytes the most bytes of all policy files read together
 * @param maxEntries    the most files and folders looked at in the directory (read, ignored or refused)
 * @param maxNameLength the longest file or folder name, in characters (Unicode code points)
 */
record PolicyLimits(long maxFileBytes, long maxTotalBytes, int maxEntries, int maxNameLength) {
    /** 1 MiB a file, 16 MiB in all, 10 000 entries, names of 100 characters. */
    static final PolicyLimits DEFAULTS = new PolicyLimits(1L << 20, 16L << 20, 10_000, 100);

    /** A file is read into one array, whose length cannot pass this (the JDK keeps a few slots back). */
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 16;

    /** Each limit, with the name the messages use for it and the system property that raises it. */
    enum Limit {
        MAX_FILE_BYTES("maxFileBytes", "单个政策文件的大小", "字节"),
        MAX_TOTAL_BYTES("maxTotalBytes", "全部政策文件合计的大小", "字节"),
        MAX_ENTRIES("maxEntries", "政策目录中的文件和文件夹数", "个"),
        MAX_NAME_LENGTH("maxNameLength", "文件名或文件夹名的长度", "个字符");

        private final String component;
        private final String what;
        private final String unit;

        Limit(String component, String what, String unit) {
            this.component = component;
            this.what = what;
            this.unit = unit;
        }

        /** The record component, e.g. {@code maxFileBytes}. */
        String component() {
            return component;
        }

        /** The system property that sets it, e.g. {@code carrierrules.policy.maxFileBytes}. */
        String property() {
            return "carrierrules.policy." + component;
        }

        String what() {
            return what;
        }

        String unit() {
            return unit;
        }
    }

    PolicyLimits {
        positive(maxFileBytes, Limit.MAX_FILE_BYTES);
        positive(maxTotalBytes, Limit.MAX_TOTAL_BYTES);
        positive(maxEntries, Limit.MAX_ENTRIES);
        positive(maxNameLength, Limit.MAX_NAME_LENGTH);
        if (maxFileBytes > LARGEST_ARRAY) {
            throw new IllegalArgumentException("读取上限 " + Limit.MAX_FILE_BYTES.component() + " 最大为 " + LARGEST_ARRAY
                    + " 字节，实为 " + maxFileBytes);
        }
    }

    private static void positive(long value, Limit limit) {
        if (value < 1) {
            throw new IllegalArgumentException("读取上限 " + limit.component() + "（" + limit.what() + "）应为正数，实为 " + value);
        }
    }

    PolicyLimits withMaxFileBytes(long value) {
        return new PolicyLimits(value, maxTotalBytes, maxEntries, maxNameLength);
    }

    PolicyLimits withMaxTotalBytes(long value) {
        return new PolicyLimits(maxFileBytes, value, maxEntries, maxNameLength);
    }

    PolicyLimits withMaxEntries(int value) {
        return new PolicyLimits(maxFileBytes, maxTotalBytes, value, maxNameLength);
    }

    PolicyLimits withMaxNameLength(int value) {
        return new PolicyLimits(maxFileBytes, maxTotalBytes, maxEntries, value);
    }

    long value(Limit limit) {
        return switch (limit) {
            case MAX_FILE_BYTES -> maxFileBytes;
            case MAX_TOTAL_BYTES -> maxTotalBytes;
            case MAX_ENTRIES -> maxEntries;
            case MAX_NAME_LENGTH -> maxNameLength;
        };
    }

    /** What a message says of {@code limit}: its name and value, e.g. 超过读取上限 maxEntries = 10000 个（…）. */
    String passed(Limit limit) {
        return "超过读取上限 " + limit.component() + " = " + value(limit) + " " + limit.unit() + "（" + limit.what() + "）";
    }

    /** How a message says to raise {@code limit}. */
    static String howToRaise(Limit limit) {
        return "确需读取时，请用 Java 系统属性 -D" + limit.property() + "=N 调高此上限";
    }

    /**
     * The defaults, with each limit a system property sets in its place. A value that is not a positive
     * whole number (with an optional K, M or G: {@code 4M}) is a problem named after its property, and the
     * default stands in for it.
     */
    static PolicyLimits fromSystemProperties(List<PolicyProblem> problems) {
        PolicyLimits limits = DEFAULTS;
        for (Limit limit : Limit.values()) {
            String text = System.getProperty(limit.property());
            if (text == null) {
                continue;
            }
            long max = limit == Limit.MAX_FILE_BYTES ? LARGEST_ARRAY
                    : limit == Limit.MAX_TOTAL_BYTES ? Long.MAX_VALUE : Integer.MAX_VALUE;
            long value = parse(text.strip(), max);
            if (value < 1) {
                problems.add(new PolicyProblem("-D" + limit.property(), 0, "系统属性的值“" + PolicyFiles.escape(text)
                        + "”不是有效的上限（" + limit.what() + "）：请写一个不大于 " + max + " 的正整数，字节数可带 K、M 或 G，如 4M"));
                continue;
            }
            limits = switch (limit) {
                case MAX_FILE_BYTES -> limits.withMaxFileBytes(value);
                case MAX_TOTAL_BYTES -> limits.withMaxTotalBytes(value);
                case MAX_ENTRIES -> limits.withMaxEntries((int) value);
                case MAX_NAME_LENGTH -> limits.withMaxNameLength((int) value);
            };
        }
        return limits;
    }

    /** {@code 4M} as 4 194 304; -1 for anything that is not a whole number from 1 to {@code max}. */
    private static long parse(String text, long max) {
        String upper = text.toUpperCase(Locale.ROOT);
        int shift = upper.endsWith("K") ? 10 : upper.endsWith("M") ? 20 : upper.endsWith("G") ? 30 : 0;
        String digits = shift == 0 ? upper : upper.substring(0, upper.length() - 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long number = Long.parseLong(digits);
        if (number > (max >> shift)) {
            return -1;
        }
        long value = number << shift;
        return value >= 1 && value <= max ? value : -1;
    }
}
