package dev.matchplane.player;

import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns the authenticated request (REST) or handshake (WebSocket) into a {@link Caller}, and lets controllers take
 * a {@code Caller} parameter. With player authentication off every call is {@link Caller#TRUSTED}, without looking
 * at the request.
 */
@Component
public class Callers implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Callers.class);

    private final boolean enabled;

    Callers(PlayerAuthProperties settings) {
        this.enabled = settings.enabled();
        if (!enabled) {
            log.warn("MATCHMAKING_PLAYER_AUTH is not set to jwt: the service trusts the player ids it is given, so "
                    + "anyone who reaches it can enqueue, cancel or follow any player's ticket");
        }
    }

    /**
     * @param principal what Spring Security authenticated: a verified player token when authentication is on
     * @throws IllegalStateException when authentication is on and no verified token is present, which the security
     *                               chain never lets happen; failing here keeps a wiring mistake from trusting anyone
     */
    public Caller of(@Nullable Principal principal) {
        if (!enabled) {
            return Caller.TRUSTED;
        }
        if (principal instanceof JwtAuthenticationToken token && token.getName() != null) {
            return Caller.player(token.getName());
        }
        throw new IllegalStateException("A game-client call arrived without a verified player token");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                    NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
                return of(enabled ? request.getUserPrincipal() : null);
            }
        });
    }
}
