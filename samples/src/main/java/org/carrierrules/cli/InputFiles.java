package org.carrierrules.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.carrierrules.json.JsonFileException;

/** Reading the input files of a batch command, every record of every file, in order. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * The records of all files, or null once the reason one file cannot be read at all has been
     * printed on {@code err} (the command then exits with {@link CarrierRulesCommand#UNREADABLE}).
     *
     * @param what the kind of file, in Chinese, e.g. 申报文件
     */
    static <R> List<R> read(List<Path> files, Function<Path, List<R>> reader, String what, PrintWriter err) {
        List<R> records = new ArrayList<>();
        for (Path file : files) {
            List<R> read = readOne(file, reader, what, err);
            if (read == null) {
                return null;
            }
            records.addAll(read);
        }
        return records;
    }

    /** What {@code reader} makes of one file, or null once the reason it cannot be read has been printed. */
    static <T> T readOne(Path file, Function<Path, T> reader, String what, PrintWriter err) {
        try {
            return reader.apply(file);
        } catch (JsonFileException e) {
            err.println("无法读取" + what + "：" + ReadLimitOptions.describe(e));
            return null;
        } catch (UncheckedIOException e) {
            err.println("无法读取" + what + " " + file + "：" + e.getCause().getMessage());
            return null;
        }
    }
}
