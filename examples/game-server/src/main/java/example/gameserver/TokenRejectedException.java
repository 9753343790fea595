package example.gameserver;

/** A match token that does not admit its bearer to the land asked for; the reason goes to the log and the 401. */
final class TokenRejectedException extends Exception {

    TokenRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
