package dev.matchplane.token;

import static dev.matchplane.system.ApiDocs.object;
import static dev.matchplane.system.ApiDocs.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.system.ApiDocs;
import dev.matchplane.system.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the JWKS game servers verify match tokens with (CONTRACT §5). */
@Component
class JwksApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Operation operation = ApiDocs.operation(api, "/.well-known/jwks.json", HttpMethod.GET);
        if (operation == null) {
            return;
        }
        api.getComponents().addSchemas("JwkSet", jwkSet());
        operation.summary("Match-token verification keys").description("Every key that signed a token still "
                + "unexpired; the same on every instance. Cacheable for 5 minutes; refetch on an unknown `kid`.")
                .tags(List.of("Tokens"));
        ApiDocs.responses(operation, "200", ApiDocs.json("The JSON Web Key Set", ApiDocs.ref("JwkSet"), example()),
                "/.well-known/jwks.json", ErrorCode.ORIGIN_NOT_ALLOWED, ErrorCode.STORE_UNAVAILABLE);
    }

    private static Schema<Object> jwkSet() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("kty", schema("string")._enum(List.of("RSA", "EC")));
        p.put("kid", schema("string"));
        p.put("alg", schema("string")._enum(List.of("RS256", "ES256")));
        p.put("use", schema("string")._enum(List.of("sig")));
        p.put("n", schema("string").description("RSA modulus (base64url)"));
        p.put("e", schema("string").description("RSA exponent (base64url)"));
        p.put("crv", schema("string")._enum(List.of("P-256")).description("EC keys only"));
        p.put("x", schema("string").description("EC keys only"));
        p.put("y", schema("string").description("EC keys only"));
        Schema<Object> key = object("A public key (RFC 7517)", p, "kty", "kid", "alg", "use");
        return object("JSON Web Key Set", Map.of("keys", schema("array").items(key)), "keys");
    }

    private static Map<String, Object> example() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_B…");
        key.put("e", "AQAB");
        key.put("kid", "k-2026-11-26");
        key.put("alg", "RS256");
        key.put("use", "sig");
        return Map.of("keys", List.of(key));
    }
}
