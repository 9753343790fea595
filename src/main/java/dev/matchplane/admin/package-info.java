/**
 * Operator endpoints (docs/rest-api.md, Operators): registered game servers and queue sizes, read from Redis only, so every
 * instance answers the same whatever the deployment shape.
 */
@NullMarked
package dev.matchplane.admin;

import org.jspecify.annotations.NullMarked;
