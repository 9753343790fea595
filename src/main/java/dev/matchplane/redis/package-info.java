/**
 * App-wide Redis plumbing: key names, Lua scripts, connection settings, store failures and rate limits.
 */
@NullMarked
package dev.matchplane.redis;

import org.jspecify.annotations.NullMarked;
