package dev.matchplane.matching.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule set as an operator writes it (the admin PUT body and {@code matchmaking.rulesets}). The annotations catch
 * the simple shape errors; {@link RuleSetValidator} reports every error, each with a JSON pointer, and is what
 * decides whether a set may be stored. Absent lists and maps read as empty.
 */
public record RuleSet(
        @NotEmpty List<@NotBlank String> queues,
        @Valid Map<String, @Valid Attribute> attributes,
        @NotEmpty @Size(max = 16) List<@Valid Team> teams,
        List<@Valid Rule> rules,
        List<@Valid Expansion> expansions) {

    public RuleSet {
        queues = queues == null ? List.of() : List.copyOf(queues);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        teams = teams == null ? List.of() : List.copyOf(teams);
        rules = rules == null ? List.of() : List.copyOf(rules);
        expansions = expansions == null ? List.of() : List.copyOf(expansions);
    }

    /** {@code type} number | string | list; {@code party} (numbers) avg | min | max, how a party's value forms. */
    public record Attribute(@NotNull String type, @JsonProperty("default") @Nullable Object defaultValue,
            @Nullable String party) {

        public String partyOrDefault() {
            return party == null ? "avg" : party;
        }
    }

    /** Either {@code players} (exact) or {@code minPlayers}/{@code maxPlayers}; {@code quantity} clones it. */
    public record Team(@NotBlank String name, @Nullable @Min(1) @Max(200) Integer players,
            @Nullable @Min(1) @Max(200) Integer minPlayers, @Nullable @Min(1) @Max(200) Integer maxPlayers,
            @Nullable @Min(1) @Max(16) Integer quantity) {

        int min() {
            return players != null ? players : minPlayers != null ? minPlayers : 1;
        }

        int max() {
            return players != null ? players : maxPlayers != null ? maxPlayers : min();
        }

        int copies() {
            return quantity == null ? 1 : quantity;
        }

        /** The names it plays under: its own, or {@code <name>-1..n} when {@code quantity} clones it. */
        public List<String> names() {
            return copies() == 1 ? List.of(name) : java.util.stream.IntStream.rangeClosed(1, copies())
                    .mapToObj(copy -> name + "-" + copy).toList();
        }
    }

    /** Every team name (clones expanded) with its maximum players, in the order declared. */
    public Map<String, Integer> teamMaxima() {
        Map<String, Integer> maxima = new java.util.LinkedHashMap<>();
        teams.forEach(team -> team.names().forEach(name -> maxima.put(name, team.max())));
        return maxima;
    }

    /** {@code type} distance | teamBalance | equals | intersect | latency. */
    public record Rule(@NotBlank String name, @NotBlank String type, @Nullable String attribute,
            @Nullable Double max, @Nullable Integer min) {
    }

    /** {@code target} {@code rules[<name>].max}, {@code rules[<name>].min} or {@code teams[<name>].minPlayers}. */
    public record Expansion(@NotBlank String target, @NotEmpty List<@Valid Step> steps) {

        public Expansion {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** From {@code afterMs} of the oldest ticket's wait on, the target takes {@code value}. */
    public record Step(@Min(0) long afterMs, double value) {
    }
}
