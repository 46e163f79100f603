package org.carrierrules.cli;

import java.util.Locale;

import org.carrierrules.json.JsonFileException;
import org.carrierrules.json.ReadLimitException;
import org.carrierrules.json.ReadLimits;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --max-bytes}, {@code --max-records}, {@code --max-string-length} and {@code --max-depth}: the
 * {@link ReadLimits} of the commands that read input files, the library's defaults unless given.
 */
final class ReadLimitOptions {
    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = ByteSize.class,
            description = "单个输入文件的大小上限，字节数，可带 K、M、G（如 64M），默认 32M")
    long maxBytes = ReadLimits.DEFAULTS.maxBytes();

    @Option(names = "--max-records", paramLabel = "N",
            description = "单个输入文件（或 allocate 输入中每个数组）的记录条数上限，默认 ${DEFAULT-VALUE}")
    int maxRecords = ReadLimits.DEFAULTS.maxRecords();

    @Option(names = "--max-string-length", paramLabel = "N", description = "单个字符串或字段名的长度上限（字符数），默认 ${DEFAULT-VALUE}")
    int maxStringLength = ReadLimits.DEFAULTS.maxStringLength();

    @Option(names = "--max-depth", paramLabel = "N", description = "数组与对象的嵌套层数上限，默认 ${DEFAULT-VALUE}")
    int maxDepth = ReadLimits.DEFAULTS.maxDepth();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The limits given.
     *
     * @throws ParameterException for a limit below 1: a usage error, exit code 2
     */
    ReadLimits limits() {
        try {
            return new ReadLimits(maxBytes, maxRecords, maxStringLength, maxDepth);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** The option that raises {@code limit}. */
    static String option(ReadLimits.Limit limit) {
        return switch (limit) {
            case MAX_BYTES -> "--max-bytes";
            case MAX_RECORDS -> "--max-records";
            case MAX_STRING_LENGTH -> "--max-string-length";
            case MAX_DEPTH -> "--max-depth";
        };
    }

    /** Why a file could not be read; for a limit, with the option that raises it. */
    static String describe(JsonFileException e) {
        if (e instanceof ReadLimitException limit) {
            return limit.messageRaisedBy(option(limit.limit()) + " N");
        }
        return e.getMessage();
    }

    /** {@code 1048576}, {@code 1024K}, {@code 64M} or {@code 1G}: bytes, or binary kilo-, mega- and gigabytes. */
    static final class ByteSize implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.trim().toUpperCase(Locale.ROOT);
            long unit = 1;
            if (text.endsWith("K") || text.endsWith("M") || text.endsWith("G")) {
                unit = switch (text.charAt(text.length() - 1)) {
                    case 'K' -> 1L << 10;
                    case 'M' -> 1L << 20;
                    default -> 1L << 30;
                };
                text = text.substring(0, text.length() - 1);
            }
            try {
                return Math.multiplyExact(Long.parseLong(text), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("“" + value + "”不是字节数；应写作 1048576、1024K、64M 或 1G");
            }
        }
    }
}
