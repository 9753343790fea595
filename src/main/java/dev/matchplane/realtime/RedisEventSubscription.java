package dev.matchplane.realtime;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.system.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.ObjectMapper;

/** The Redis side of realtime: this instance's one subscription to the events channel. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.ALL, Role.API })
class RedisEventSubscription {

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
        container.addMessageListener(new RedisTicketEventRelay(feed, json), new ChannelTopic(keys.events()));
        return container;
    }
}
