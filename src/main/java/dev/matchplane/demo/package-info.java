/**
 * The browser demo at {@code /demo/}: serves examples/web-client (copied to the classpath at build time) when
 * {@code matchmaking.demo.enabled} is true.
 */
@NullMarked
package dev.matchplane.demo;

import org.jspecify.annotations.NullMarked;
