package dev.matchplane.matching.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every rule set shown in docs/matching-rules.md is one the service accepts. */
class MatchingRulesDocTests {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(\\{\"queues\".*?)```", Pattern.DOTALL);

    @Test
    void everyRuleSetInTheDocsIsValid() throws IOException {
        String doc = Files.readString(Path.of("docs/matching-rules.md"));
        List<String> sets = new ArrayList<>();
        Matcher matcher = JSON_BLOCK.matcher(doc);
        while (matcher.find()) {
            sets.add(matcher.group(1));
        }

        assertThat(sets).hasSizeGreaterThanOrEqualTo(6);
        for (String json : sets) {
            assertThat(RuleSetValidator.validate(Tickets.ruleSet(json))).as(json).isEmpty();
        }
    }
}
