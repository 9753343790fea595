package dev.matchplane.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 player tokens, as a studio's login service would hand them out, for the phase that runs Matchplane with
 * {@code MATCHMAKING_PLAYER_AUTH=jwt}. The JDK's Mac only: the load generator has no dependencies.
 */
final class PlayerTokens {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final ThreadLocal<Mac> macs;

    PlayerTokens(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /** A token for this player, valid for an hour. */
    String token(String player) {
        long exp = System.currentTimeMillis() / 1000 + 3600;
        String payload = BASE64.encodeToString(("{\"sub\":\"" + player + "\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        byte[] signature = macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64.encodeToString(signature);
    }
}
