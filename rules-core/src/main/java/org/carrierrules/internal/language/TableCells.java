package org.carrierrules.internal.language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrierrules.policy.PolicyProblem;

/**
 * The cells of a decision table file as text, row by row as the spreadsheet numbers them (the first row is
 * row 1, an empty row an empty list). Cells hold typed values only and are read as values, never evaluated:
 * <ul>
 * <li>{@code .csv}: UTF-8, with or without the byte order mark Excel's "CSV UTF-8" writes; a file that is not
 *     UTF-8 is read as GB18030, which is what Excel and WPS on Chinese Windows write for plain "CSV" (logged,
 *     so that an operator can see which encoding was taken).</li>
 * <li>{@code .xlsx}: the first worksheet. A number is its plain decimal text ({@code 1000}, never
 *     {@code 1000.0} or {@code 1E3}), a date cell {@code yyyy-MM-dd}, text as written; a formula, a 是否
 *     (TRUE/FALSE) cell and an error cell are refused: a table holds values, not code. Further worksheets
 *     must be empty, so that no rule is left unread in one.</li>
 * </ul>
 * An xlsx file is a zip archive of XML, so before the spreadsheet reader sees it the archive is walked once
 * through its central directory (the one the reader uses too), every entry inflated and counted: an archive
 * that would inflate beyond {@link #MAX_INFLATED_BYTES} (a zip bomb), holds too many entries, or carries a
 * document type declaration (the way to external entities) is refused before anything is parsed. The XML
 * reader fastexcel configures refuses DTDs and external entities too; this check does not rely on it.
 * A cell may hold no control character and no line break; the limits below keep every later step linear.
 */
final class TableCells {
    private static final Logger LOG = LoggerFactory.getLogger(TableCells.class);
    /** The header and at most 1000 rules. */
    static final int MAX_ROWS = 1001;
    static final int MAX_COLUMNS = 99;
    static final int MAX_CELL_LENGTH = RuleFileParser.MAX_LINE_LENGTH;
    /** A table of 1000 rows inflates to a few MB of XML; far more is a zip bomb, not a table. */
    static final long MAX_INFLATED_BYTES = 32L * 1024 * 1024;
    /** A workbook Excel or WPS saves has a dozen or two entries. */
    static final int MAX_ENTRIES = 200;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern DOCTYPE = Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    /** A number format that shows a date: its y/m/d letters or 年/月/日, outside quoted text and [colour] parts. */
    private static final Pattern DATE_FORMAT = Pattern.compile("[ymd年月日]");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private TableCells() {
    }

    static boolean isTable(String path) {
        return path.endsWith(".csv") || path.endsWith(".xlsx");
    }

    /** The rows of the file; every problem added to {@code problems}, with null returned when the file cannot be read at all. */
    static List<List<String>> read(String file, byte[] bytes, List<PolicyProblem> problems) {
        Rows rows = new Rows(file, problems);
        if (file.endsWith(".csv")) {
            csv(file, bytes, rows);
        } else {
            xlsx(file, bytes, rows);
        }
        return rows.failed ? null : rows.rows;
    }

    /** The rows read so far and the problems of their cells. */
    private static final class Rows {
        private final String file;
        private final List<PolicyProblem> problems;
        private final List<List<String>> rows = new ArrayList<>();
        private boolean failed;

        Rows(String file, List<PolicyProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        void fail(int row, String message) {
            problems.add(new PolicyProblem(file, row, message));
            failed = true;
        }

        /** Row {@code number} (1-based) with its cells; false once past the limit. */
        boolean add(int number, List<String> cells) {
            boolean empty = cells.stream().allMatch(String::isEmpty);
            if (number > MAX_ROWS) {
                if (!empty) {
                    fail(number, "决策表最多" + (MAX_ROWS - 1) + "行规则（另加第1行表头）：请把规则分到几个文件中");
                    return false;
                }
                return true;
            }
            while (rows.size() < number - 1) {
                rows.add(List.of());
            }
            List<String> row = new ArrayList<>();
            for (int column = 1; column <= cells.size(); column++) {
                String text = cells.get(column - 1);
                if (!text.isEmpty() && column > MAX_COLUMNS) {
                    problems.add(new PolicyProblem(file, number, column, "决策表最多" + MAX_COLUMNS + "列：请删去多余的列"));
                    failed = true;
                    break;
                }
                row.add(cell(number, column, text));
            }
            rows.add(row);
            return true;
        }

        /** The cell's text stripped, or "" with a problem when a character or its length is refused. */
        private String cell(int row, int column, String text) {
            if (text.length() > MAX_CELL_LENGTH) {
                cellProblem(row, column, "单元格太长（" + text.length() + "个字符，上限" + MAX_CELL_LENGTH + "）：一个单元格只写一个值");
                return "";
            }
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                String refused = c == '\n' || c == '\r' ? "换行" : RuleFileParser.refusedCharacter(c);
                if (refused != null) {
                    cellProblem(row, column, "单元格中的第" + (text.codePointCount(0, i) + 1) + "个字符是" + refused
                            + "，决策表中不允许出现：一个单元格只写一个值，不换行");
                    return "";
                }
                i += Character.charCount(c);
            }
            return text.strip();
        }

        void cellProblem(int row, int column, String message) {
            problems.add(new PolicyProblem(file, row, column, message));
            failed = true;
        }
    }

    private static void csv(String file, byte[] bytes, Rows rows) {
        String text = decode(file, bytes);
        if (text == null) {
            rows.fail(0, "文件既不是 UTF-8 也不是 GB18030 编码，无法读取：请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，"
                    + "或在 WPS 中另存为 CSV 并选 UTF-8 编码");
            return;
        }
        try (MappingIterator<List<String>> records = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            int number = 0;
            while (records.hasNextValue()) {
                List<String> cells = records.nextValue();
                number++;
                List<String> values = cells.stream().map(c -> c == null ? "" : c).toList();
                if (!rows.add(number, values)) {
                    return;
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            rows.fail(line, "CSV 格式有误（如引号没有成对）：请用 Excel 或 WPS 打开后重新保存为 CSV");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a CSV file: UTF-8 (its byte order mark dropped), else GB18030, else null. */
    private static String decode(String file, byte[] bytes) {
        String text = strict(StandardCharsets.UTF_8, bytes);
        if (text == null) {
            text = strict(GB18030, bytes);
            if (text != null) {
                LOG.info("{} is not UTF-8; read as GB18030, as Excel saves plain CSV on Chinese Windows", file);
            }
        }
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void xlsx(String file, byte[] bytes, Rows rows) {
        if (ReadableWorkbook.isOLE2Header(bytes)) {
            rows.fail(0, "这是旧版 Excel 文件（.xls）或加密的工作簿，改了扩展名也不能读取：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”，不设密码");
            return;
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            rows.fail(0, "这不是 xlsx 文件：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”");
            return;
        }
        String refused = archiveProblem(bytes);
        if (refused != null) {
            rows.fail(0, refused);
            return;
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            if (sheets.isEmpty()) {
                rows.fail(0, "工作簿中没有工作表");
                return;
            }
            try (Stream<Row> stream = sheets.get(0).openStream()) {
                for (Iterator<Row> it = stream.iterator(); it.hasNext(); ) {
                    Row row = it.next();
                    if (!rows.add(row.getRowNum(), cells(row, rows))) {
                        return;
                    }
                }
            }
            for (Sheet other : sheets.subList(1, sheets.size())) {
                try (Stream<Row> stream = other.openStream()) {
                    if (stream.anyMatch(row -> row.stream().anyMatch(c -> c != null && !c.getRawValue().isEmpty()))) {
                        rows.fail(0, "只读第一个工作表，工作表“" + shownSheetName(other.getName()) + "”中的内容不会执行："
                                + "请把规则移到第一个工作表，或删去这个工作表");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The reader's own message may quote the file's content; its kind is enough to say what failed.
            LOG.info("{}: xlsx not readable: {}", file, e.toString());
            rows.fail(0, "无法读取此 xlsx 文件（" + e.getClass().getSimpleName() + "）：请用 Excel 或 WPS 打开后重新另存为“Excel 工作簿（*.xlsx）”");
        }
    }

    /** A sheet's name as a message shows it: its safe characters only. */
    private static String shownSheetName(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(40).filter(c -> RuleFileParser.refusedCharacter(c) == null).forEach(shown::appendCodePoint);
        return shown.toString();
    }

    /** The text of each cell of a row, a refused cell as "" with its problem. */
    private static List<String> cells(Row row, Rows rows) {
        int count = Math.min(row.getCellCount(), MAX_COLUMNS + 1);
        List<String> cells = new ArrayList<>(Collections.nCopies(count, ""));
        for (int index = 0; index < count; index++) {
            Cell cell = row.getCell(index);
            if (cell != null) {
                cells.set(index, value(cell, row.getRowNum(), index + 1, rows));
            }
        }
        return cells;
    }

    private static String value(Cell cell, int row, int column, Rows rows) {
        if (cell.getFormula() != null && !cell.getFormula().isEmpty()) {
            rows.cellProblem(row, column, "单元格中是公式：决策表只能填写值，不能用公式（公式不会被计算）；请把公式换成它的值");
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> cell.asString();
            case NUMBER -> isDate(cell.getDataFormatString())
                    ? cell.asDate().toLocalDate().format(ISO_DATE)
                    : plain(cell.asNumber());
            case BOOLEAN -> {
                rows.cellProblem(row, column, "单元格是逻辑值（TRUE/FALSE）：请直接填写“是”或“否”");
                yield "";
            }
            case FORMULA -> {
                rows.cellProblem(row, column, "单元格中是公式：决策表只能填写值，不能用公式（公式不会被计算）；请把公式换成它的值");
                yield "";
            }
            case ERROR -> {
                rows.cellProblem(row, column, "单元格中是错误值（如 #N/A）：请填写一个值");
                yield "";
            }
        };
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static boolean isDate(String format) {
        if (format == null) {
            return false;
        }
        String shown = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return DATE_FORMAT.matcher(shown).find();
    }

    /**
     * Why the archive is refused before it is parsed, or null: each entry inflated through the central directory
     * and counted, with no more than {@link #MAX_INFLATED_BYTES} inflated in all.
     */
    private static String archiveProblem(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            long inflated = 0;
            int entries = 0;
            byte[] buffer = new byte[8192];
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    return "xlsx 文件中的条目超过" + MAX_ENTRIES + "个，不像是 Excel 或 WPS 保存的工作簿：请重新另存为 .xlsx";
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    // A document type declaration may stand after any amount of comment, so the whole entry is
                    // searched, the end of each chunk kept for a declaration split between two; NUL bytes are
                    // dropped so that XML written in UTF-16 is searched too.
                    String tail = "";
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        inflated += n;
                        if (inflated > MAX_INFLATED_BYTES) {
                            return "xlsx 文件解压后超过 " + MAX_INFLATED_BYTES / (1024 * 1024) + " MB，远大于任何决策表（可能是“压缩炸弹”），未读取："
                                    + "请确认这是正确的文件";
                        }
                        String chunk = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1).replace("\0", "");
                        if (DOCTYPE.matcher(chunk).find()) {
                            return "xlsx 文件中含有文档类型声明（<!DOCTYPE 或 <!ENTITY），Excel 和 WPS 保存的工作簿不会有，"
                                    + "它可以让文件引用外部内容，未读取：请用 Excel 或 WPS 重新另存为 .xlsx";
                        }
                        tail = chunk.substring(Math.max(0, chunk.length() - 8));
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "xlsx 文件已损坏，无法解压（" + e.getClass().getSimpleName() + "）：请用 Excel 或 WPS 打开后重新另存为 .xlsx";
        }
    }
}
