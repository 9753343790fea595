package dev.matchplane.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an endpoint may answer besides those every endpoint may (MALFORMED_REQUEST, NOT_ACCEPTABLE,
 * INTERNAL_ERROR), for the OpenAPI document; on a controller it applies to each of its endpoints.
 */
@Documented
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemCodes {

    /** Security scheme names of the optional bearer keys. */
    String PROVISIONING_KEY = "provisioningKey";
    String ADMIN_KEY = "adminKey";

    ErrorCode[] value() default {};

    /** A bearer security scheme ({@link OpenApiConfiguration}) the endpoint requires only when a key is set. */
    String optionalKey() default "";
}
