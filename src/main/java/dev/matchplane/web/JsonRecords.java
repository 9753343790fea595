package dev.matchplane.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a JSON object into a request record and validates it with Bean Validation, naming every offending field in
 * one VALIDATION_FAILED answer: unknown fields, wrong JSON types and broken constraints together. Jackson stops at
 * the first type error of a record (its problem collection skips coercion failures), so each component, and each
 * item of a list or map, is converted on its own by a mapper that coerces nothing: {@code "1"} is no integer,
 * {@code 1.5} or {@code 1.0} no int, {@code 5} no string. A record annotated
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)} tolerates unknown fields; any other refuses them.
 */
@Component
public class JsonRecords {

    private final Validator validator;
    private final JsonMapper strict;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

    public JsonRecords(Validator validator) {
        this.validator = validator;
        this.strict = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /** Lets Spring MVC read these records as request bodies, through {@link #read}. */
    @SafeVarargs
    public final JacksonModule module(String name, Class<? extends Record>... types) {
        SimpleModule module = new SimpleModule(name);
        for (Class<? extends Record> type : types) {
            register(module, type);
        }
        return module;
    }

    /** The record, validated; or a VALIDATION_FAILED {@link ProblemException} naming every offending field. */
    public <R extends Record> R read(@Nullable JsonNode body, Class<R> type) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        List<FieldViolation> typeErrors = new ArrayList<>();
        R value = type.cast(record(body, type, "", typeErrors));
        List<FieldViolation> all = new ArrayList<>(typeErrors);
        all.addAll(FieldViolations.of(validator.validate(value), typeErrors));
        if (!all.isEmpty()) {
            List<String> order = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            throw ProblemException.invalid(FieldViolations.sorted(all, order));
        }
        return value;
    }

    private Object record(JsonNode node, Class<?> type, String path, List<FieldViolation> errors) {
        Shape shape = shapes.computeIfAbsent(type, this::shape);
        if (!shape.ignoreUnknown()) {
            for (String name : node.propertyNames()) {
                if (!shape.names().contains(name)) {
                    errors.add(new FieldViolation(path + name, "is not a known field"));
                }
            }
        }
        Object[] values = new Object[shape.types().size()];
        for (int i = 0; i < values.length; i++) {
            String name = shape.names().get(i);
            values[i] = convert(node.get(name), shape.types().get(i), path + name, errors);
        }
        try {
            return shape.constructor().newInstance(values);
        }
        catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), ex);
        }
    }

    private @Nullable Object convert(@Nullable JsonNode node, JavaType type, String path,
            List<FieldViolation> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isRecord()) {
            return node.isObject() ? record(node, raw, path + ".", errors) : wrongType(path, type, errors);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return node.isArray() ? items(node, type, path, errors) : wrongType(path, type, errors);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return node.isObject() ? entries(node, type, path, errors) : wrongType(path, type, errors);
        }
        try {
            return readers.computeIfAbsent(type, strict::readerFor).readValue(node);
        }
        catch (JacksonException ex) {
            return wrongType(path, type, errors);
        }
    }

    private List<@Nullable Object> items(JsonNode array, JavaType type, String path, List<FieldViolation> errors) {
        List<@Nullable Object> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(convert(array.get(i), type.getContentType(), path + "[" + i + "]", errors));
        }
        return items;
    }

    /** String keys only: a map component is a JSON object whose values are converted one by one. */
    private Map<String, @Nullable Object> entries(JsonNode object, JavaType type, String path,
            List<FieldViolation> errors) {
        Map<String, @Nullable Object> entries = new LinkedHashMap<>();
        object.properties().forEach(e -> entries.put(e.getKey(),
                convert(e.getValue(), type.getContentType(), path + "." + e.getKey(), errors)));
        return entries;
    }

    private static @Nullable Object wrongType(String path, JavaType type, List<FieldViolation> errors) {
        errors.add(new FieldViolation(path, "must be " + describe(type)));
        return null;
    }

    private static String describe(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            return "an integer";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "an array of " + describe(type.getContentType()).replaceFirst("^an? (JSON )?", "") + "s";
        }
        return "a JSON object";
    }

    private Shape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (Arrays.stream(components).anyMatch(c -> c.getType().isPrimitive())) {
            // a missing or mistyped field is null until validation has named it
            throw new IllegalStateException(type + " must have reference-typed components only");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
            return new Shape(constructor, Arrays.stream(components).map(RecordComponent::getName).toList(),
                    Arrays.stream(components).map(c -> strict.getTypeFactory().constructType(c.getGenericType()))
                            .toList(), ignore != null && ignore.ignoreUnknown());
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException("No canonical constructor in " + type, ex);
        }
    }

    private <R extends Record> void register(SimpleModule module, Class<R> type) {
        module.addDeserializer(type, new ValueDeserializer<R>() {
            @Override
            public R deserialize(JsonParser parser, DeserializationContext context) {
                return read(context.readTree(parser), type);
            }

            @Override
            public R getNullValue(DeserializationContext context) {
                return read(null, type);
            }
        });
    }

    private record Shape(Constructor<?> constructor, List<String> names, List<JavaType> types,
            boolean ignoreUnknown) {
    }
}
