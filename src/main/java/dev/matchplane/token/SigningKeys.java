package dev.matchplane.token;

import java.util.List;

/** The signing key this instance uses now, and every public key game servers should accept. */
interface SigningKeys {

    /** The same key on every instance and after every restart, until the configuration changes. */
    SigningKey active();

    /** The active key first, then every other key that may have signed a token still valid. */
    List<PublishedKey> published();
}
