package dev.matchplane.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.matchplane.matching.MatchmakingProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * {@code groupSize} equals the number of members; reported on {@code groupSize}. Not checked while the members
 * themselves are missing or out of {@link PartySize}: that field's error says it all.
 */
@Documented
@Constraint(validatedBy = GroupSizeMatchesMembers.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface GroupSizeMatchesMembers {

    String message() default "must equal the number of members";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<GroupSizeMatchesMembers, EnqueueRequest> {

        private final int maxPartySize;

        Validator(MatchmakingProperties properties) {
            this.maxPartySize = properties.maxPartySize();
        }

        @Override
        public boolean isValid(EnqueueRequest request, ConstraintValidatorContext context) {
            if (request.members() == null || request.groupSize() == null
                    || !PartySize.Validator.fits(request.members(), maxPartySize)
                    || request.members().size() == request.groupSize()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must equal the number of members ("
                    + request.members().size() + ")").addPropertyNode("groupSize").addConstraintViolation();
            return false;
        }
    }
}
