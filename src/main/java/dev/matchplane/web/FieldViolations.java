package dev.matchplane.web;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Bean Validation's violations as the {@code errors[]} of a problem: one per field ({@code members[1]},
 * {@code players.alice.latencies}), the first rule broken, fields in the order the record declares them.
 */
final class FieldViolations {

    /** A field breaking several rules is named once, with the most basic: present, sized, in range, well-formed. */
    private static final List<Class<? extends Annotation>> PRECEDENCE = List.of(NotNull.class, Size.class, Min.class,
            Max.class, Pattern.class);

    private static final java.util.regex.Pattern FIRST_INDEX =
            java.util.regex.Pattern.compile("[^.\\[]*\\[(\\d{1,9})]");

    private FieldViolations() {
    }

    /** Skips fields that already have a type error: their value is missing, not wrong. */
    static <T> List<FieldViolation> of(Set<ConstraintViolation<T>> violations, List<FieldViolation> typeErrors) {
        Map<String, ConstraintViolation<T>> byField = new LinkedHashMap<>();
        for (ConstraintViolation<T> violation : violations) {
            String field = field(violation.getPropertyPath());
            if (typeErrors.stream().noneMatch(t -> covers(t.field(), field))) {
                byField.merge(field, violation, (a, b) -> rank(a) <= rank(b) ? a : b);
            }
        }
        List<FieldViolation> fields = new ArrayList<>();
        byField.forEach((field, violation) -> fields.add(new FieldViolation(field, violation.getMessage())));
        return fields;
    }

    /** Unknown fields first, then by the declared order of the top-level field, then by item index. */
    static List<FieldViolation> sorted(List<FieldViolation> violations, List<String> declared) {
        return violations.stream().sorted(Comparator.comparingInt((FieldViolation v) -> declared.indexOf(root(v)))
                .thenComparingInt(FieldViolations::firstIndex)).toList();
    }

    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static boolean covers(String typeError, String field) {
        return field.equals(typeError) || field.startsWith(typeError + "[") || field.startsWith(typeError + ".");
    }

    private static int rank(ConstraintViolation<?> violation) {
        int index = PRECEDENCE.indexOf(violation.getConstraintDescriptor().getAnnotation().annotationType());
        return index < 0 ? PRECEDENCE.size() : index;
    }

    private static String root(FieldViolation violation) {
        return violation.field().split("[.\\[]", 2)[0];
    }

    private static int firstIndex(FieldViolation violation) {
        Matcher index = FIRST_INDEX.matcher(violation.field());
        return index.lookingAt() ? Integer.parseInt(index.group(1)) : -1;
    }
}
