package dev.matchplane.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Accepts the console login when the submitted key equals the admin API's key: one key for both. The comparison
 * takes the same time wherever the keys differ (as the admin API's bearer check), and the key is never kept in the
 * resulting authentication.
 */
final class AdminKeyAuthenticationProvider implements AuthenticationProvider {

    static final String OPERATOR = "operator";

    private final byte[] key;

    AdminKeyAuthenticationProvider(String key) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("The console login needs an admin key");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication login) {
        Object presented = login.getCredentials();
        if (presented instanceof String text
                && MessageDigest.isEqual(key, text.getBytes(StandardCharsets.UTF_8))) {
            return UsernamePasswordAuthenticationToken.authenticated(OPERATOR, null,
                    List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
        }
        throw new BadCredentialsException("The admin key is not valid");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
