package dev.matchplane.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.matchplane.matching.rules.AttributeValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A player attribute value: a finite number, a string of 1-64 characters, or an array of 1-16 distinct strings. */
@Documented
@Constraint(validatedBy = AttributeShape.Validator.class)
@Target({ ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface AttributeShape {

    String message() default "must be a finite number, a string of 1 to 64 characters or an array of 1 to 16 "
            + "distinct such strings";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AttributeShape, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return AttributeValue.fromJson(value) != null;
        }
    }
}
