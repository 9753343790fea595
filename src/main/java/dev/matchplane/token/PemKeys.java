package dev.matchplane.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import javax.crypto.KeyAgreement;


/**
 * Reads PKCS#8 private keys (PEM text or DER) into signing keys. Error messages never quote the key: they end up in
 * startup failure logs.
 */
final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /** A PKCS#8 PEM as found in a file or an environment variable (where newlines may be written as {@code \n}). */
    static SigningKey fromPem(String pem, TokenAlgorithm algorithm) {
        String text = pem.replace("\\n", "\n").replace("\\r", "").trim();
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("the token signing key is PKCS#1/SEC1; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the token signing key is encrypted; provide an unencrypted PKCS#8 PEM");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the token signing key is not a PKCS#8 PEM ('" + BEGIN + "')");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("the token signing key PEM is not valid base64");
        }
        return fromPkcs8(der, algorithm);
    }

    /** A PKCS#8 DER key that must fit {@code algorithm}; its public key is derived from it. */
    static SigningKey fromPkcs8(byte[] der, TokenAlgorithm algorithm) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(algorithm.keyType()).generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("the token signing key is not a PKCS#8 " + algorithm.keyType()
                    + " private key, as " + algorithm + " needs");
        }
        algorithm.requireFits(privateKey);
        return SigningKey.of(algorithm, privateKey, derivePublic(privateKey));
    }

    /** RSA: modulus and exponent are in the CRT key. EC: see {@link #deriveEcPublic}. */
    private static PublicKey derivePublic(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            try {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("cannot derive the RSA public key", ex);
            }
        }
        if (key instanceof ECPrivateKey ec) {
            try {
                return deriveEcPublic(ec);
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("cannot derive the EC public key", ex);
            }
        }
        throw new IllegalArgumentException("the token signing key must carry its public part (RSA CRT or EC)");
    }

    /**
     * The public point Q = d·G of a P-256 key ({@link TokenAlgorithm#requireFits} checked the curve). The JDK has no
     * call for it, but ECDH of the secret d with the generator G yields the x of d·G, computed by the same JDK code
     * that handles d when signing, not by arithmetic of ours on the secret. The curve equation then leaves two y,
     * one for Q and one for -Q; the one whose key verifies a signature made with d is Q. The rest is public values.
     */
    private static PublicKey deriveEcPublic(ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec params = key.getParams();
        KeyFactory factory = KeyFactory.getInstance("EC");
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(key);
        ecdh.doPhase(factory.generatePublic(new ECPublicKeySpec(params.getGenerator(), params)), true);
        BigInteger x = new BigInteger(1, ecdh.generateSecret());
        EllipticCurve curve = params.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger ySquared = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        // A square root modulo p ≡ 3 (mod 4), as the P-256 prime is: ySquared^((p + 1) / 4).
        BigInteger y = ySquared.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        if (!y.multiply(y).mod(p).equals(ySquared)) {
            throw new IllegalStateException("the EC key's public point is not on its curve");
        }
        byte[] probe = "matchplane public key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(TokenAlgorithm.ES256.jcaSignature());
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        for (BigInteger candidate : new BigInteger[] { y, p.subtract(y) }) {
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), params));
            Signature verifier = Signature.getInstance(TokenAlgorithm.ES256.jcaSignature());
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return publicKey;
            }
        }
        throw new IllegalStateException("neither point of the EC key's x verifies its signature");
    }
}
