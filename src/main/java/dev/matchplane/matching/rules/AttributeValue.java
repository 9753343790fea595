package dev.matchplane.matching.rules;

import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A player's attribute value: a finite number, a string of 1-64 characters, or 1-16 distinct strings. */
public sealed interface AttributeValue {

    /** number, string or list, as a rule set declares attribute types. */
    String type();

    /** The plain JSON value (Double, String or List of String), e.g. for {@code matchAttributes}. */
    Object json();

    record NumberValue(double value) implements AttributeValue {
        public String type() {
            return "number";
        }

        public Object json() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
        }
    }

    record StringValue(String value) implements AttributeValue {
        public String type() {
            return "string";
        }

        public Object json() {
            return value;
        }
    }

    record ListValue(List<String> values) implements AttributeValue {
        public ListValue {
            values = List.copyOf(values);
        }

        public String type() {
            return "list";
        }

        public Object json() {
            return values;
        }
    }

    /** The value a JSON value stands for, or null when it is none of the three shapes. */
    static @Nullable AttributeValue fromJson(@Nullable Object json) {
        if (json instanceof Number number) {
            double value = number.doubleValue();
            return Double.isFinite(value) ? new NumberValue(value) : null;
        }
        if (json instanceof String string) {
            return validString(string) ? new StringValue(string) : null;
        }
        if (json instanceof List<?> list && !list.isEmpty() && list.size() <= 16) {
            HashSet<Object> seen = new HashSet<>();
            for (Object item : list) {
                if (!(item instanceof String string) || !validString(string) || !seen.add(string)) {
                    return null;
                }
            }
            return new ListValue(list.stream().map(String.class::cast).toList());
        }
        return null;
    }

    private static boolean validString(String value) {
        return !value.isEmpty() && value.length() <= 64;
    }
}
