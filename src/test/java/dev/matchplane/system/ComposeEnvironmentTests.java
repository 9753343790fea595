package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps {@code docker compose up} able to set everything the service reads: every environment variable that
 * application.yaml reads is passed through to the matchplane containers by docker-compose.yml and shown in
 * .env.example, except the few named here with their reason.
 */
class ComposeEnvironmentTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");
    /** Not passed through, on purpose. */
    private static final Map<String, String> NOT_PASSED_THROUGH = Map.of(
            "NODE_ID", "the service runs as replicas: one NODE_ID for all would make them one instance",
            "HOSTNAME", "Docker sets it per container; it is the node id",
            "MATCHMAKING_DEMO_ENABLED", "the demo game server is for a local trial; the image turns it off");
    /** Fixed by docker-compose.yml itself, so .env.example does not offer them. */
    private static final Set<String> FIXED_BY_COMPOSE = Set.of("PORT", "REDIS_HOST", "REDIS_PORT",
            "MATCHMAKING_REDIS_EMBEDDED", "MATCHMAKING_TRUST_FORWARDED_FOR");

    @Test
    void everyEnvironmentVariableTheServiceReadsCanBeSetThroughCompose() throws IOException {
        Set<String> passedThrough = composeEnvironment().keySet();
        Set<String> missing = new TreeSet<>(serviceEnvironment());
        missing.removeAll(passedThrough);
        missing.removeAll(NOT_PASSED_THROUGH.keySet());
        assertThat(missing).as("read by application.yaml, not passed through by docker-compose.yml").isEmpty();
    }

    @Test
    void everyPassedThroughVariableIsShownInEnvExample() throws IOException {
        String example = Files.readString(Path.of(".env.example"));
        Set<String> missing = new TreeSet<>();
        for (String variable : composeEnvironment().keySet()) {
            if (!FIXED_BY_COMPOSE.contains(variable)
                    && !Pattern.compile("(?m)^#? ?" + variable + "=").matcher(example).find()) {
                missing.add(variable);
            }
        }
        assertThat(missing).as("passed through by docker-compose.yml, not in .env.example").isEmpty();
    }

    private static Set<String> serviceEnvironment() throws IOException {
        Set<String> variables = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
        while (m.find()) {
            variables.add(m.group(1));
        }
        assertThat(variables).as("environment variables found in application.yaml").hasSizeGreaterThan(40);
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> matchplane = (Map<String, Object>) services.get("matchplane");
        Object environment = matchplane.get("environment");
        assertThat(environment).as("the matchplane service's environment is a map").isInstanceOf(Map.class);
        return (Map<String, Object>) environment;
    }

    @Test
    void theReasonsForLeavingVariablesOutStillApply() {
        assertThat(List.copyOf(NOT_PASSED_THROUGH.keySet())).allSatisfy(variable -> assertThat(variable)
                .as("a variable left out that the service no longer reads can go from the list").isIn(
                        readSilently()));
    }

    private static Set<String> readSilently() {
        try {
            return serviceEnvironment();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
