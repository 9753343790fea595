package dev.matchplane.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import dev.matchplane.matching.MatchmakingProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Between 1 and {@code matchmaking.max-party-size} members. The bound is a setting, so it cannot be an
 * annotation attribute: the validator reads it from the settings Spring injects, and the OpenAPI document gets it
 * from {@link TicketWebConfiguration}.
 */
@Documented
@Constraint(validatedBy = PartySize.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface PartySize {

    String message() default "must have between 1 and matchmaking.max-party-size items";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PartySize, List<?>> {

        private final int max;

        Validator(MatchmakingProperties properties) {
            this.max = properties.maxPartySize();
        }

        static boolean fits(List<?> members, int max) {
            return !members.isEmpty() && members.size() <= max;
        }

        @Override
        public boolean isValid(List<?> members, ConstraintValidatorContext context) {
            if (members == null || fits(members, max)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must have between 1 and " + max + " items")
                    .addConstraintViolation();
            return false;
        }
    }
}
