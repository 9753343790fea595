package dev.matchplane.realtime;

import dev.matchplane.system.RedisKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.ObjectMapper;

/** The raw WebSocket endpoint {@code /realtime} (no STOMP, no SockJS) and its one pub/sub subscription. */
@Configuration(proxyBeanMethods = false)
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

    /**
     * One subscription to the events channel per instance. Messages are dispatched on the Redis client's thread
     * (no thread per message): the relay only parses the ticket id and queues the sends.
     */
    @Bean
    RedisMessageListenerContainer realtimeEventListener(RedisConnectionFactory connections, RedisKeys keys,
            TicketFeed feed, ObjectMapper json) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(new TicketEventRelay(feed, json), new ChannelTopic(keys.events()));
        return container;
    }
}
