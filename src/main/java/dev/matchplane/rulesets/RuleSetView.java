package dev.matchplane.rulesets;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.matchplane.matching.rules.RuleSet;
import io.swagger.v3.oas.annotations.media.Schema;

/** A stored rule set as the admin API shows it: the set as written, plus its name and version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "StoredRuleSet", description = "A rule set as stored, with its name and version")
record RuleSetView(
        @Schema(example = "ranked") String name,
        @Schema(description = "Grows with every change of any rule set; never reused", example = "7") long version,
        @Schema(description = "Queue-key patterns (`*` = any run of characters)", example = "[\"ranked:*\"]")
        List<String> queues,
        Map<String, RuleSet.Attribute> attributes,
        List<RuleSet.Team> teams,
        List<RuleSet.Rule> rules,
        List<RuleSet.Expansion> expansions) {

    static RuleSetView of(StoredRuleSet stored) {
        RuleSet set = stored.ruleSet();
        return new RuleSetView(stored.name(), stored.version(), set.queues(), set.attributes(), set.teams(),
                set.rules(), set.expansions());
    }
}
