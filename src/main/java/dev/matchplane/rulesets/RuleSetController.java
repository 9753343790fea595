package dev.matchplane.rulesets;

import java.util.List;

import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemCodes;
import dev.matchplane.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The admin rule-set API (docs/matching-rules.md); bearer authentication comes with every /v1/admin path. */
@RestController
@RequestMapping(path = "/v1/admin/rulesets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operators")
@ProblemCodes(value = { ErrorCode.UNAUTHORIZED, ErrorCode.STORE_UNAVAILABLE }, optionalKey = ProblemCodes.ADMIN_KEY)
class RuleSetController {

    private final RuleSets ruleSets;
    private final RuleSetWriter writer;

    RuleSetController(RuleSets ruleSets, RuleSetWriter writer) {
        this.ruleSets = ruleSets;
        this.writer = writer;
    }

    @Operation(summary = "Create or replace a rule set", description = "Validated as a whole: every offending "
            + "field comes back at once, as a JSON pointer. Every instance applies the change within 1 s.")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON, ErrorCode.INVALID_RULESET,
            ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE })
    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RuleSetView put(@PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = RuleSet.class))) @RequestBody JsonNode body) {
        return RuleSetView.of(writer.put(name, body));
    }

    @Operation(summary = "Every rule set", description = "Sorted by name, each with its version")
    @GetMapping
    RuleSetsResponse list() {
        return new RuleSetsResponse(ruleSets.all().values().stream().map(RuleSetView::of).toList());
    }

    @Operation(summary = "One rule set")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.RULESET_NOT_FOUND })
    @GetMapping("/{name}")
    RuleSetView get(@PathVariable String name) {
        requireValidName(name);
        return ruleSets.find(name).map(RuleSetView::of).orElseThrow(() -> notFound(name));
    }

    @Operation(summary = "Delete a rule set", description = "Its queues match by size alone again")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.RULESET_NOT_FOUND })
    @DeleteMapping("/{name}")
    DeletedResponse delete(@PathVariable String name) {
        requireValidName(name);
        if (!ruleSets.delete(name)) {
            throw notFound(name);
        }
        return new DeletedResponse(true);
    }

    private static void requireValidName(String name) {
        RuleSetWriter.requireValidName(name);
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(ErrorCode.RULESET_NOT_FOUND, "No rule set named '" + name + "'");
    }

    @Schema(description = "Every rule set")
    record RuleSetsResponse(List<RuleSetView> rulesets) {
    }

    @Schema(description = "The rule set was deleted")
    record DeletedResponse(@Schema(example = "true") boolean deleted) {
    }
}
