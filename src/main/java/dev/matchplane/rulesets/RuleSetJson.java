package dev.matchplane.rulesets;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Reading a rule set body strictly, and writing rule sets without their unset (null) fields. */
@Configuration(proxyBeanMethods = false)
class RuleSetJson {

    /** Unset optional fields of a rule set (a team's {@code quantity}, a rule's {@code min}) are left out. */
    @Bean
    JsonMapperBuilderCustomizer ruleSetsWithoutNulls() {
        JsonInclude.Value nonNull = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.NON_NULL);
        return builder -> {
            for (Class<?> type : List.of(RuleSet.class, RuleSet.Attribute.class, RuleSet.Team.class,
                    RuleSet.Rule.class, RuleSet.Expansion.class, RuleSet.Step.class)) {
                builder.withConfigOverride(type, override -> override.setInclude(nonNull));
            }
        };
    }

    /**
     * Reads rule sets strictly: no coercion ({@code "100"} is no number), unknown fields refused, a missing or null
     * number where one is required is an error rather than 0.
     */
    static ObjectReader strictReader(ObjectMapper json) {
        return json.rebuild().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build().readerFor(RuleSet.class);
    }

    /**
     * The set in {@code body}: a value of the wrong JSON type is 400 VALIDATION_FAILED (as on every endpoint), an
     * unknown field 422 INVALID_RULESET; both name the field as a JSON pointer.
     */
    static RuleSet read(ObjectReader strict, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        try {
            return strict.readValue(body);
        }
        catch (UnrecognizedPropertyException unknown) {
            throw new ProblemException(ErrorCode.INVALID_RULESET, "The rule set has an unknown field",
                    List.of(new FieldViolation(pointer(unknown), "is not a known field")));
        }
        catch (JacksonException wrongType) {
            throw ProblemException.invalid(List.of(new FieldViolation(pointer(wrongType), "has the wrong type")));
        }
    }

    private static String pointer(JacksonException failure) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            pointer.append('/');
            pointer.append(reference.getPropertyName() != null
                    ? reference.getPropertyName().replace("~", "~0").replace("/", "~1")
                    : Integer.toString(reference.getIndex()));
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }
}
