package dev.matchplane.rulesets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.matchplane.redis.RedisKeys;

/**
 * Every instance, whatever its role, listens for rule-set changes: the API validates enqueues and the tick matches
 * under the sets, so both must drop their copy the moment another instance changes one.
 */
@Configuration(proxyBeanMethods = false)
class RedisRuleSetChanges {

    @Bean
    RedisMessageListenerContainer ruleSetChangeListener(RedisConnectionFactory connections, RedisKeys keys,
            RedisRuleSets ruleSets) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener((message, pattern) -> ruleSets.invalidate(),
                new ChannelTopic(keys.ruleSetChanges()));
        return container;
    }
}
