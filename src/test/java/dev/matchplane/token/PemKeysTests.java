package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PemKeysTests {

    @Test
    void rsaPemGivesTheKeyAndItsPublicPart() {
        KeyPair pair = TokenAlgorithm.RS256.generate();

        SigningKey key = PemKeys.fromPem(GameServer.pem(pair), TokenAlgorithm.RS256);

        assertThat(key.privateKey()).isEqualTo(pair.getPrivate());
        assertThat(key.publicKey()).isEqualTo(pair.getPublic());
        assertThat(key.kid()).isEqualTo(SigningKey.thumbprint(pair.getPublic()));
    }

    @Test
    void ecPemGivesTheKeyAndDerivesItsPublicPart() {
        KeyPair pair = TokenAlgorithm.ES256.generate();

        SigningKey key = PemKeys.fromPem(GameServer.pem(pair), TokenAlgorithm.ES256);

        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(key.kid()).isEqualTo(SigningKey.thumbprint(pair.getPublic()));
    }

    /** The derivation picks one of two points by their y; 32 keys miss one of the choices with odds of 2^-31. */
    @Test
    void ecPublicPartIsDerivedRightForEveryKey() {
        for (int i = 0; i < 32; i++) {
            KeyPair pair = TokenAlgorithm.ES256.generate();

            SigningKey key = PemKeys.fromPkcs8(pair.getPrivate().getEncoded(), TokenAlgorithm.ES256);

            assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        }
    }

    @Test
    void pemFromEnvironmentFileWithEscapedNewlinesIsAccepted() {
        KeyPair pair = TokenAlgorithm.ES256.generate();
        String escaped = GameServer.pem(pair).replace("\n", "\\n");

        assertThat(PemKeys.fromPem(escaped, TokenAlgorithm.ES256).publicKey().getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void keyOfTheOtherAlgorithmIsRejectedWithoutQuotingIt() {
        String pem = GameServer.pem(TokenAlgorithm.RS256.generate());

        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.fromPem(pem, TokenAlgorithm.ES256))
                .withMessageContaining("ES256")
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(pem.substring(40, 80)));
    }

    @Test
    void shortRsaKeyAndOtherCurveAreRejected() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String shortKey = GameServer.pem(rsa.generateKeyPair());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        String p384 = GameServer.pem(ec.generateKeyPair());

        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.fromPem(shortKey, TokenAlgorithm.RS256))
                .withMessageContaining("2048");
        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.fromPem(p384, TokenAlgorithm.ES256))
                .withMessageContaining("P-256");
    }

    /** An RSA key as {@code openssl genrsa} (or OpenSSL 1.x) writes it; the same key, the same kid as in PKCS#8. */
    @Test
    void pkcs1RsaPemIsReadToo() {
        KeyPair pair = TokenAlgorithm.RS256.generate();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        // A 2048-bit key's PKCS#8 wraps its PKCS#1 form after a 26-byte header (version, algorithm, octet string).
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";

        SigningKey key = PemKeys.fromPem(pem, TokenAlgorithm.RS256);

        assertThat(key.publicKey()).isEqualTo(pair.getPublic());
        assertThat(key.kid()).isEqualTo(PemKeys.fromPem(GameServer.pem(pair), TokenAlgorithm.RS256).kid());
    }

    @Test
    void encryptedPemIsRejectedWithTheReason() {
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(new byte[64])
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.fromPem(encrypted, TokenAlgorithm.RS256))
                .withMessageContaining("encrypted");
    }

    @Test
    void brokenPkcs1PemIsRejectedWithoutQuotingIt() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(new byte[64])
                + "\n-----END RSA PRIVATE KEY-----\n";

        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.fromPem(pkcs1, TokenAlgorithm.RS256))
                .withMessageContaining("PEM private key").withNoCause()
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("AAAAAAAA"));
    }

    @Test
    void textWithoutPemMarkersIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.fromPem("not a key", TokenAlgorithm.RS256))
                .withMessageContaining("PEM private key");
    }

    @Test
    void keyAndPropertiesNeverPrintTheirSecret() {
        KeyPair pair = TokenAlgorithm.RS256.generate();
        String pem = GameServer.pem(pair);
        SigningKey key = PemKeys.fromPem(pem, TokenAlgorithm.RS256);
        TokenProperties properties = new TokenProperties(TokenAlgorithm.RS256, "matchplane", "game-server", pem,
                null, 0, java.time.Duration.ofHours(1));

        assertThat(key.toString()).contains(key.kid()).doesNotContain(pem.substring(40, 80));
        assertThat(properties.toString()).doesNotContain(pem.substring(40, 80));
        assertThat(new StoredKey("RS256", key.kid(), "c2VjcmV0", 1L).toString()).doesNotContain("c2VjcmV0");
        assertThat(properties.signingThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
