/**
 * App-wide HTTP plumbing: problem+json errors, body limits, CORS, bearer keys, request records and OpenAPI.
 */
@NullMarked
package dev.matchplane.web;

import org.jspecify.annotations.NullMarked;
