package org.carrierrules.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.carrierrules.json.JsonFileException;

/**
 * Reading the input files of a command, every record of every file, in order. A file that cannot be read at all
 * stops the command with {@link CarrierRulesCommand#UNREADABLE} and says why: missing, a folder, not readable,
 * not JSON, over a read limit.
 */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * The records of all files.
     *
     * @param what the kind of file, in Chinese, e.g. 申报文件
     * @throws CommandFailure for the first file that cannot be read
     */
    static <R> List<R> read(List<Path> files, Function<Path, List<R>> reader, String what) {
        List<R> records = new ArrayList<>();
        for (Path file : files) {
            records.addAll(readOne(file, reader, what));
        }
        return records;
    }

    /** What {@code reader} makes of one file; see {@link #read}. */
    static <T> T readOne(Path file, Function<Path, T> reader, String what) {
        readable(file, what);
        try {
            return reader.apply(file);
        } catch (JsonFileException e) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取" + what + "：" + ReadLimitOptions.describe(e));
        } catch (UncheckedIOException e) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取" + what + " " + file + "：" + e.getCause().getMessage());
        }
    }

    /**
     * {@code file}, once it is known to be a file this process may read; otherwise the reason, before any reader
     * turns it into the bare path or "Is a directory" the platform gives.
     *
     * @throws CommandFailure naming the file and what is wrong with it
     */
    static Path readable(Path file, String what) {
        String why = null;
        if (Files.isDirectory(file)) {
            why = "这是一个文件夹，应给出文件";
        } else if (!Files.exists(file)) {
            why = "文件不存在" + (file.getParent() == null || Files.isDirectory(file.getParent()) ? "" : "（所在的文件夹 " + file.getParent() + " 也不存在）");
        } else if (!Files.isReadable(file)) {
            why = "没有读取此文件的权限";
        }
        if (why != null) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取" + what + " " + file + "：" + why);
        }
        return file;
    }

    /**
     * As {@link #readable}, for a folder.
     *
     * @throws CommandFailure naming the folder and what is wrong with it
     */
    static Path folder(Path folder, String what) {
        if (!Files.isDirectory(folder)) {
            throw new CommandFailure(CarrierRulesCommand.UNREADABLE, "无法读取" + what + " " + folder + "："
                    + (Files.exists(folder) ? "这是一个文件，应给出文件夹" : "文件夹不存在"));
        }
        return folder;
    }
}
