package dev.matchplane.system;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fills a blank {@code matchmaking.node-id} with {@link NodeId}'s fallback before anything reads it: the logging
 * system (ECS {@code service.node.name}) resolves the property itself, before any bean exists.
 */
public class NodeIdEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "matchmaking.node-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("matchplaneNodeId", Map.of(PROPERTY, NodeId.orFallback(configured))));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
