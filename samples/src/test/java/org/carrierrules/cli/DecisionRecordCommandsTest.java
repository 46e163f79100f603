package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision records from the command line: written by assess, checked by verify; a what-if run of a round. */
class DecisionRecordCommandsTest {
    private static final String SAMPLE = "data/luohu-2024/applications.json";

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void recordsStandUnderTheirPolicyAndOneThatNoLongerStandsSaysWhy(@TempDir Path temp) throws Exception {
        Path records = temp.resolve("records");
        assertEquals(0, Run.of("assess", "--records", records.toString(), SAMPLE).exitCode());
        try (Stream<Path> files = Files.list(records)) {
            assertEquals(new ObjectMapper().readTree(Path.of(SAMPLE).toFile()).size(), files.count(),
                    "one record per application of the sample file");
        }
        Path accepted = records.resolve("LH2024-001.decision.json");

        Run same = Run.of("verify", accepted.toString(), records.resolve("LH2024-004.decision.json").toString());
        assertEquals(0, same.exitCode(), same.err());
        assertEquals(2, same.out().lines().filter(line -> line.startsWith("成立")).count(), same.out());

        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        replace(policy.resolve("round.yaml"), "  copies: 2", "  copies: 3");
        Run changed = Run.of("verify", "--policy", policy.toString(), accepted.toString());
        assertEquals(7, changed.exitCode(), changed.err());
        assertTrue(changed.out().contains("结论：ACCEPTED → SUPPLEMENT_REQUIRED"), changed.out());
        assertTrue(changed.out().contains("新增：PAPER_COPIES_INSUFFICIENT（纸质材料应一式3份，实交2份）"), changed.out());
    }

    @Test
    void aRunUnderAnotherPolicyListsEveryApplicationWhoseStatusChanged(@TempDir Path temp) throws Exception {
        Path policy = temp.resolve("policy");
        assertEquals(0, Run.of("init", policy.toString()).exitCode());
        // 附件2's passing score is not published; a what-if at 55 instead of the illustrative 60.
        replace(policy.resolve("rubric.yaml"), "passingScore: 60", "passingScore: 55");
        Path out = temp.resolve("out");

        Run run = Run.of("run", "data/luohu-2024", "--policy", policy.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String whatIf = Files.readString(out.resolve("what-if.md"), StandardCharsets.UTF_8);
        // LH2024-023 (59.00, the only rural station reviewed above 55) now takes the rural place;
        // LH2024-022 (56.33) is now ranked but the high-skill bases' places are filled.
        assertTrue(whatIf.contains("LH2024-023：NOT_RANKED → CANDIDATE"), whatIf);
        assertTrue(whatIf.contains("LH2024-022：NOT_RANKED → NOT_SELECTED"), whatIf);
        assertTrue(Files.exists(out.resolve("decision-record.json")));
        assertEquals(0, Run.of("verify", "--policy", policy.toString(), out.resolve("decision-record.json").toString()).exitCode());
    }
}
