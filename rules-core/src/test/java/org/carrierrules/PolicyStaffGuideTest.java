package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.language.Vocabulary;
import org.carrierrules.testing.RepositoryFiles;

/**
 * The guide for policy staff (docs/policy-staff-guide.md) lists every sentence and every message slot
 * of the rule language. Staff write rules from that list, so it must be the vocabulary exactly: the
 * same texts, in the same order as {@link Vocabulary}, none missing and none extra. The command output the guide
 * quotes is held to the commands by samples' {@code PolicyStaffGuideOutputTest}.
 */
class PolicyStaffGuideTest {
    private static final Path GUIDE = RepositoryFiles.path("docs/policy-staff-guide.md");
    /** A table row whose first cell is code: {@code | `申请单位未依法设立` | …}. */
    private static final Pattern FIRST_CELL = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

    /** The first cells of the table rows between two markers of the guide. */
    private static List<String> firstCells(String startMarker, String endMarker) throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int start = guide.indexOf(startMarker);
        int end = guide.indexOf(endMarker);
        assertTrue(start >= 0 && end > start, "the guide marks its list with " + startMarker + " … " + endMarker);
        List<String> cells = new ArrayList<>();
        for (String line : guide.substring(start, end).split("\n")) {
            Matcher cell = FIRST_CELL.matcher(line.strip());
            if (cell.find()) {
                cells.add(cell.group(1));
            }
        }
        return cells;
    }

    @Test
    void theGuideListsEverySentenceOfTheVocabularyInItsOrder() throws IOException {
        List<String> vocabulary = Vocabulary.bundled().sentences().stream().map(Vocabulary.Sentence::text).toList();
        assertEquals(vocabulary, firstCells("<!-- 句子表：开始", "<!-- 句子表：结束"));
    }

    @Test
    void theGuideListsEveryMessageSlotInItsOrder() throws IOException {
        List<String> slots = Vocabulary.bundled().slots().keySet().stream().map(name -> "{" + name + "}").toList();
        assertEquals(slots, firstCells("<!-- 占位表：开始", "<!-- 占位表：结束"));
    }
}
