package dev.matchplane.realtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Client-facing, so off in the queue-worker role. The raw WebSocket endpoint {@code /realtime} (no STOMP, no SockJS) and its one pub/sub subscription. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${matchmaking.role:all}' != 'queue-worker'")
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    static final String PATH = "/realtime";

    private final RealtimeHandler handler;
    private final RealtimeProperties properties;

    RealtimeConfiguration(RealtimeHandler handler, RealtimeProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /** A larger client message closes its socket with 1009 before anything reads it. */
    @Bean
    ServletServerContainerFactoryBean realtimeWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int limit = (int) properties.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(limit);
        container.setMaxBinaryMessageBufferSize(limit);
        return container;
    }
}
