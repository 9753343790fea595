package dev.matchplane.matching;

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
 * instances that tick subscribe; the message only hands a tick to the tick thread, so it is dispatched on the Redis
 * client's thread. A message lost (subscription reconnecting, no leader at that moment) costs at most one interval:
 * the periodic tick reads the queue anyway.
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
        container.addMessageListener((message, pattern) -> scheduler.wake(), new ChannelTopic(keys.wakeChannel()));
        return container;
    }
}
