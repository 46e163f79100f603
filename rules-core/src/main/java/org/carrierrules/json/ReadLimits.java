package org.carrierrules.json;

/**
 * How much of an input file the readers take on before refusing it: the size of the file, the number of
 * records, the length of any one string and how deeply values may nest. A file past a limit is a
 * {@link ReadLimitException} naming the limit, its value and where reading stopped; nothing is cut short
 * silently. The defaults are far above what a round's files hold (the 2024 sample is 27 applications in
 * 60 KB) and far below what would exhaust a small server's memory; raise them with the {@code with…}
 * methods, or on the command line with {@code --max-bytes}, {@code --max-records},
 * {@code --max-string-length} and {@code --max-depth}.
 *
 * @param maxBytes        the largest file, in bytes (UTF-8 as stored, before decoding)
 * @param maxRecords      the most records in one file, or in one array of the allocate input
 *                        ({@code applications}, {@code reviews}, {@code objections})
 * @param maxStringLength the longest string value or field name, in characters
 * @param maxDepth        the deepest nesting of arrays and objects; the contract's own deepest values are 6 levels down
 *                        (allocate input → reviews → review → expertScores → sheet → items)
 */
public record ReadLimits(long maxBytes, int maxRecords, int maxStringLength, int maxDepth) {
    /** 32 MiB, 10 000 records, 10 000 characters, 32 levels. */
    public static final ReadLimits DEFAULTS = new ReadLimits(32L * 1024 * 1024, 10_000, 10_000, 32);

    /** Each limit, with the name the messages use for it. */
    public enum Limit {
        MAX_BYTES("maxBytes", "文件大小", "字节"),
        MAX_RECORDS("maxRecords", "记录条数", "条"),
        MAX_STRING_LENGTH("maxStringLength", "字符串长度", "个字符"),
        MAX_DEPTH("maxDepth", "嵌套层数", "层");

        private final String property;
        private final String what;
        private final String unit;

        Limit(String property, String what, String unit) {
            this.property = property;
            this.what = what;
            this.unit = unit;
        }

        /** The record component that sets it, e.g. {@code maxRecords}. */
        public String property() {
            return property;
        }

        /** What it limits, in Chinese, e.g. 记录条数. */
        public String what() {
            return what;
        }

        /** Its unit, in Chinese, e.g. 条. */
        public String unit() {
            return unit;
        }
    }

    public ReadLimits {
        positive(maxBytes, Limit.MAX_BYTES);
        positive(maxRecords, Limit.MAX_RECORDS);
        positive(maxStringLength, Limit.MAX_STRING_LENGTH);
        positive(maxDepth, Limit.MAX_DEPTH);
    }

    private static void positive(long value, Limit limit) {
        if (value < 1) {
            throw new IllegalArgumentException("读取上限 " + limit.property() + "（" + limit.what() + "）应为正数，实为 " + value);
        }
    }

    public ReadLimits withMaxBytes(long value) {
        return new ReadLimits(value, maxRecords, maxStringLength, maxDepth);
    }

    public ReadLimits withMaxRecords(int value) {
        return new ReadLimits(maxBytes, value, maxStringLength, maxDepth);
    }

    public ReadLimits withMaxStringLength(int value) {
        return new ReadLimits(maxBytes, maxRecords, value, maxDepth);
    }

    public ReadLimits withMaxDepth(int value) {
        return new ReadLimits(maxBytes, maxRecords, maxStringLength, value);
    }

    /** The value set for {@code limit}. */
    public long value(Limit limit) {
        return switch (limit) {
            case MAX_BYTES -> maxBytes;
            case MAX_RECORDS -> maxRecords;
            case MAX_STRING_LENGTH -> maxStringLength;
            case MAX_DEPTH -> maxDepth;
        };
    }
}
