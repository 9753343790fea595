package dev.matchplane.realtime;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Client-facing, so off in the queue-worker role. The raw WebSocket endpoint {@code /realtime} (no STOMP, no SockJS) and its one pub/sub subscription. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.ALL, Role.API })
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    static final String PATH = "/realtime";
    /**
     * Tomcat allocates a text buffer (2 bytes a char) and a binary buffer of the configured sizes for every socket
     * up front; at the 16 KB message limit they were 48 of the ~100 KiB an idle socket cost. Text is therefore read
     * in parts of this size and joined by {@link RealtimeHandler}, which enforces {@code realtime.max-message-size}.
     */
    static final int TEXT_PART_CHARS = 1024;
    /** The protocol has no binary messages (they are refused with 1003); larger ones are refused with 1009. */
    static final int BINARY_BUFFER_BYTES = 256;

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

    /** Small per-socket receive buffers; the message size limit (close 1009) is enforced by the handler. */
    @Bean
    ServletServerContainerFactoryBean realtimeWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_PART_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        return container;
    }
}
