package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's values under the rules, computed once per window: per rule the party value (distance), the sum of
 * player values (teamBalance), the common value (equals) or the shared list (intersect); per region the worst
 * latency of the members who reported any (null when none did). {@code usable} is false when a member lacks a
 * value the rules need and has no default, or a party disagrees on an equals value: such a ticket waits.
 */
final class TicketProfile {

    static final int NO_ROUTE = Integer.MAX_VALUE;

    final RuledTicket ticket;
    final int rank;
    final double[] number;
    final AttributeValue[] common;
    final List<?>[] shared;
    final int @Nullable [] worst;
    boolean usable = true;
    /** Positions in the candidate pool's age and value orders. */
    int agePos;
    int valuePos;

    private TicketProfile(RuledTicket ticket, int rank, int rules, int @Nullable [] worst) {
        this.ticket = ticket;
        this.rank = rank;
        this.number = new double[rules];
        this.common = new AttributeValue[rules];
        this.shared = new List<?>[rules];
        this.worst = worst;
    }

    static TicketProfile of(RuledTicket ticket, int rank, CompiledRules rules, String[] regions) {
        TicketProfile profile = new TicketProfile(ticket, rank, rules.types.length, worst(ticket, regions));
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] != RuleType.LATENCY) {
                profile.usable &= profile.fill(r, rules);
            }
        }
        return profile;
    }

    private boolean fill(int r, CompiledRules rules) {
        String name = rules.attributes[r];
        RuleSet.Attribute declared = rules.source.attributes().get(name);
        AttributeValue fallback = AttributeValue.fromJson(declared.defaultValue());
        List<AttributeValue> values = new ArrayList<>(ticket.groupSize());
        for (String member : ticket.members()) {
            AttributeValue value = ticket.player(member).attributes().getOrDefault(name, fallback);
            if (value == null || !value.type().equals(declared.type())) {
                return false;
            }
            values.add(value);
        }
        return switch (rules.types[r]) {
            case DISTANCE -> store(r, partyValue(values, declared.partyOrDefault()));
            case TEAM_BALANCE -> store(r, partyValue(values, "sum"));
            case EQUALS -> allEqual(values) && (common[r] = values.get(0)) != null;
            case INTERSECT -> (shared[r] = intersection(values)) != null;
            case LATENCY -> true;
        };
    }

    private static boolean allEqual(List<AttributeValue> values) {
        for (AttributeValue value : values) {
            if (!value.equals(values.get(0))) {
                return false;
            }
        }
        return true;
    }

    private boolean store(int r, double value) {
        number[r] = value;
        return true;
    }

    private static double number(AttributeValue value) {
        return ((AttributeValue.NumberValue) value).value();
    }

    private static double partyValue(List<AttributeValue> values, String party) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (AttributeValue value : values) {
            double number = number(value);
            sum += number;
            min = Math.min(min, number);
            max = Math.max(max, number);
        }
        return switch (party) {
            case "min" -> min;
            case "max" -> max;
            case "sum" -> sum;
            default -> sum / values.size();
        };
    }

    /** The members' shared values, in the first member's order. */
    private static List<String> intersection(List<AttributeValue> values) {
        List<String> shared = new ArrayList<>(((AttributeValue.ListValue) values.get(0)).values());
        for (int i = 1; i < values.size(); i++) {
            shared.retainAll(((AttributeValue.ListValue) values.get(i)).values());
        }
        return shared;
    }

    private static int @Nullable [] worst(RuledTicket ticket, String[] regions) {
        int[] worst = null;
        for (String member : ticket.members()) {
            Map<String, Integer> latencies = ticket.player(member).latencies();
            if (latencies.isEmpty()) {
                continue;
            }
            if (worst == null) {
                worst = new int[regions.length];
            }
            for (int i = 0; i < regions.length; i++) {
                Integer ms = latencies.get(regions[i]);
                worst[i] = ms == null ? NO_ROUTE : Math.max(worst[i], ms);
            }
        }
        return worst;
    }

    /** Every region any ticket reported or any server offers, by name. */
    static String[] regions(List<RuledTicket> window, ServerCapacity capacity) {
        return java.util.stream.Stream.concat(capacity.freeByRegion().keySet().stream(),
                window.stream().flatMap(t -> t.players().values().stream())
                        .flatMap(p -> p.latencies().keySet().stream()))
                .distinct().sorted().toArray(String[]::new);
    }

    @Override
    public String toString() {
        return ticket.ticketId() + Arrays.toString(number);
    }
}
