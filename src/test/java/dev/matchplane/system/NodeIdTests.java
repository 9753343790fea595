package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Invariant: the node id is never empty; the configured name wins, then the host name, then a random id. */
class NodeIdTests {

    @Test
    void theConfiguredNameWins() {
        assertThat(NodeId.resolve(" worker-1 ", () -> "host")).isEqualTo("worker-1");
    }

    @Test
    void aBlankNameFallsBackToTheHostNameThenToARandomId() {
        assertThat(NodeId.resolve("", () -> "box-7")).isEqualTo("box-7");
        assertThat(NodeId.resolve(null, () -> "box-7")).isEqualTo("box-7");
        assertThat(NodeId.resolve(" ", () -> null)).matches("node-[0-9a-f]{8}");
        assertThat(NodeId.resolve("", () -> "  ")).matches("node-[0-9a-f]{8}");
        assertThat(NodeId.orFallback("")).isNotBlank();
    }

    @Test
    void theEnvironmentNeverKeepsAnEmptyNodeId() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of("matchmaking.node-id", "")));
        new NodeIdEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("matchmaking.node-id")).isNotBlank();

        MockEnvironment named = new MockEnvironment().withProperty("matchmaking.node-id", "eu-1");
        new NodeIdEnvironmentPostProcessor().postProcessEnvironment(named, new SpringApplication());
        assertThat(named.getProperty("matchmaking.node-id")).isEqualTo("eu-1");
    }
}
