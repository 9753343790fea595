package dev.matchplane.token;

/**
 * A generated signing key as kept in the {@code signing:keys} hash, one field per algorithm. The private key is
 * stored so that every instance, and every restart, signs with the same key.
 *
 * @param alg        {@code RS256} or {@code ES256}
 * @param kid        RFC 7638 thumbprint (recomputed on read; kept for operators)
 * @param privateKey PKCS#8 DER, base64
 * @param createdAt  epoch ms
 */
record StoredKey(String alg, String kid, String privateKey, long createdAt) {

    /** Records print every component; this one must never print the private key. */
    @Override
    public String toString() {
        return "StoredKey[alg=" + alg + ", kid=" + kid + ", createdAt=" + createdAt + "]";
    }
}
