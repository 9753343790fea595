package dev.matchplane.web;

import java.io.IOException;

/** Thrown while reading a body that grows past {@code matchmaking.max-body-size}. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
