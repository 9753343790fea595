package dev.matchplane.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Every key of {@code players} is one of the ticket's members; each stranger is reported as {@code players.<id>}. */
@Documented
@Constraint(validatedBy = PlayersAreMembers.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PlayersAreMembers {

    String message() default "is not a member of the ticket";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlayersAreMembers, EnqueueRequest> {

        @Override
        public boolean isValid(EnqueueRequest request, ConstraintValidatorContext context) {
            if (request.players() == null || request.members() == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (String playerId : request.players().keySet()) {
                if (!request.members().contains(playerId)) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate("is not a member of the ticket")
                            .addPropertyNode("players").addPropertyNode(playerId).addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
