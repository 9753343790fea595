package dev.matchplane.matching;

import java.nio.charset.StandardCharsets;

import dev.matchplane.redis.RedisKeys;
import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * This instance's subscription to the wake channel, on which {@code enqueue.lua} publishes the queue it woke. Only
 * instances that tick subscribe; every one receives the message, and the one holding the queue's shard ticks it. The
 * message only hands a tick to the tick thread, so it is dispatched on the Redis client's thread. A message lost
 * (subscription reconnecting, the shard changing hands at that moment) costs at most one interval: the periodic
 * tick reads the queue anyway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class RedisWakeSubscription {

    @Bean
    RedisMessageListenerContainer matchingWakeSubscription(RedisConnectionFactory connections, RedisKeys keys,
            MatchingScheduler scheduler) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(
                (message, pattern) -> scheduler.wake(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(keys.wakeChannel()));
        return container;
    }
}
