package dev.matchplane.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Public keys as JWKs (RFC 7517/7518) and their RFC 7638 thumbprints, written by hand to stay exact. */
final class JsonWebKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int P256_COORDINATE_BYTES = 32;

    private JsonWebKeys() {
    }

    /** The JWKS entry of a key: its required members, then {@code kid}, {@code alg} and {@code use}. */
    static Map<String, String> publicJwk(PublishedKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", key.algorithm().keyType());
        keyMembers(key.publicKey()).forEach(jwk::putIfAbsent);
        jwk.put("kid", key.kid());
        jwk.put("alg", key.algorithm().name());
        jwk.put("use", "sig");
        return jwk;
    }

    /**
     * RFC 7638: base64url SHA-256 of the required members in lexicographic order, no whitespace. The member values
     * are base64url strings and fixed names, so none of them needs JSON escaping.
     */
    static String thumbprint(PublicKey key) {
        StringBuilder canonical = new StringBuilder("{");
        keyMembers(key).forEach((name, value) -> canonical.append(canonical.length() > 1 ? "," : "")
                .append('"').append(name).append("\":\"").append(value).append('"'));
        canonical.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** The required members of RFC 7638 §3.2, already in lexicographic order. */
    private static Map<String, String> keyMembers(PublicKey key) {
        Map<String, String> members = new LinkedHashMap<>();
        if (key instanceof RSAPublicKey rsa) {
            members.put("e", unsigned(rsa.getPublicExponent()));
            members.put("kty", "RSA");
            members.put("n", unsigned(rsa.getModulus()));
        }
        else if (key instanceof ECPublicKey ec && TokenAlgorithm.isP256(ec.getParams())) {
            members.put("crv", "P-256");
            members.put("kty", "EC");
            members.put("x", coordinate(ec.getW().getAffineX()));
            members.put("y", coordinate(ec.getW().getAffineY()));
        }
        else {
            throw new IllegalArgumentException("only RSA and P-256 keys are supported, not " + key.getAlgorithm());
        }
        return members;
    }

    /** Big-endian without the sign byte that {@link BigInteger#toByteArray()} adds when the top bit is set. */
    static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    /** RFC 7518 §6.2.1.2: an EC coordinate is always the full field size, left-padded with zeros. */
    static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] padded = new byte[P256_COORDINATE_BYTES];
        int length = Math.min(bytes.length, P256_COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, padded, P256_COORDINATE_BYTES - length, length);
        return BASE64URL.encodeToString(padded);
    }
}
