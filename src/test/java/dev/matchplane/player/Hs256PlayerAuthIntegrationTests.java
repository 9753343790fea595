package dev.matchplane.player;

import java.time.Duration;

import org.springframework.test.context.TestPropertySource;

/** Player tokens signed by the studio's own session service with a shared HS256 secret. */
@TestPropertySource(properties = { "matchmaking.player-auth.mode=jwt",
        "matchmaking.player-auth.hs256-secret=" + Hs256PlayerAuthIntegrationTests.SECRET,
        "matchmaking.player-auth.audience=" + PlayerTokens.AUDIENCE })
class Hs256PlayerAuthIntegrationTests extends PlayerAuthIntegrationTest {

    static final String SECRET = "studio-session-secret-0123456789abcdef";
    private static final String OTHER_SECRET = "someone-elses-secret-0123456789abcdef";
    private static final Duration VALID = Duration.ofMinutes(10);

    @Override
    String token(String player) {
        return PlayerTokens.hs256(SECRET, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
    }

    @Override
    String expiredToken(String player) {
        // beyond the library's default clock skew (60 s)
        return PlayerTokens.hs256(SECRET, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, Duration.ofMinutes(-3)));
    }

    @Override
    String wronglySignedToken(String player) {
        return PlayerTokens.hs256(OTHER_SECRET, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
    }

    @Override
    String wrongAudienceToken(String player) {
        return PlayerTokens.hs256(SECRET, PlayerTokens.claims(player, "another-game", VALID));
    }
}
