package dev.matchplane.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches {@link ConditionalOnRole}: reads {@code matchmaking.role} through Spring's {@link Binder}. */
class OnRoleCondition implements Condition {

    static final String PROPERTY = "matchmaking.role";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        Role[] roles = (Role[]) attributes.get("value");
        return Arrays.asList(roles).contains(role(Binder.get(context.getEnvironment())));
    }

    static Role role(Binder binder) {
        try {
            return binder.bind(PROPERTY, Role.class).orElse(Role.ALL);
        }
        catch (BindException invalid) {
            String valid = Arrays.stream(Role.values())
                    .map(role -> role.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("Invalid " + PROPERTY + " (MATCHMAKING_ROLE) '"
                    + binder.bind(PROPERTY, String.class).orElse("") + "': use one of " + valid, invalid);
        }
    }
}
