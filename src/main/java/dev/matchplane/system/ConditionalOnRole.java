package dev.matchplane.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * The annotated bean exists only on instances whose {@code matchmaking.role} is one of {@link #value()}. The role is
 * bound to {@link Role} the way {@code @ConfigurationProperties} binds it (any case, dashes or underscores), so the
 * condition and the settings always agree; an unknown role stops the start with a message naming the valid ones.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnRoleCondition.class)
public @interface ConditionalOnRole {

    /** The roles on which the bean exists. */
    Role[] value();
}
