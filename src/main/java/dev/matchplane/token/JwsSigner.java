package dev.matchplane.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/**
 * Writes JWS compact serializations (RFC 7515 §7.1) signed with one key: base64url(header) "." base64url(payload)
 * "." base64url(signature), without padding. The JDK's {@link Signature} does the cryptography (see
 * {@link TokenAlgorithm#jcaSignature()}); it is looked up and given the key once, not per token, and the header,
 * the same for every token of the key, is encoded once. Not thread-safe: one per signing thread.
 */
final class JwsSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key;
    private final Signature signature;
    /** base64url(header) and the dot after it. */
    private final byte[] headerAndDot;

    private JwsSigner(SigningKey key, Signature signature, byte[] headerAndDot) {
        this.key = key;
        this.signature = signature;
        this.headerAndDot = headerAndDot;
    }

    static JwsSigner of(SigningKey key) {
        try {
            Signature signature = Signature.getInstance(key.algorithm().jcaSignature());
            signature.initSign(key.privateKey());
            return new JwsSigner(key, signature, headerAndDot(key));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot sign " + key.algorithm() + " tokens with key " + key.kid(), ex);
        }
    }

    SigningKey key() {
        return key;
    }

    /** The token of this payload; signing input = header "." payload (RFC 7515 §5.1). */
    String sign(byte[] payloadJson) {
        byte[] payload = BASE64URL.encode(payloadJson);
        byte[] signatureText;
        try {
            signature.update(headerAndDot);
            signature.update(payload);
            signatureText = BASE64URL.encode(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("signing a match token with key " + key.kid() + " failed", ex);
        }
        byte[] token = new byte[headerAndDot.length + payload.length + 1 + signatureText.length];
        System.arraycopy(headerAndDot, 0, token, 0, headerAndDot.length);
        System.arraycopy(payload, 0, token, headerAndDot.length, payload.length);
        token[headerAndDot.length + payload.length] = '.';
        System.arraycopy(signatureText, 0, token, token.length - signatureText.length, signatureText.length);
        return new String(token, StandardCharsets.US_ASCII);
    }

    /** The header tokens have always had: {@code typ}, {@code kid}, {@code alg}, in this order. */
    private static byte[] headerAndDot(SigningKey key) {
        byte[] header = BASE64URL.encode(new JsonObjectWriter(96).string("typ", "JWT").string("kid", key.kid())
                .string("alg", key.algorithm().name()).toUtf8());
        byte[] withDot = new byte[header.length + 1];
        System.arraycopy(header, 0, withDot, 0, header.length);
        withDot[header.length] = '.';
        return withDot;
    }
}
