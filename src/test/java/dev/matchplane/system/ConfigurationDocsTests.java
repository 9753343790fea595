package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docs/operations.md's configuration table and application.yaml from drifting apart: every setting of the
 * service's own namespaces, and every setting that reads an environment variable, has a row that names its property
 * and the environment variable that sets it.
 */
class ConfigurationDocsTests {

    private static final List<String> OWN_NAMESPACES = List.of("matchmaking.", "provisioning.", "admin.", "token.",
            "realtime.");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+):");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void everySettingIsDocumentedWithItsEnvironmentName() throws IOException {
        Map<String, String> documented = documentedSettings();
        List<String> problems = new ArrayList<>();
        settings().forEach((property, value) -> {
            String environment = environmentName(property, value);
            boolean mustBeListed = environment != null || OWN_NAMESPACES.stream().anyMatch(property::startsWith);
            if (!mustBeListed) {
                return;
            }
            String expected = environment != null ? environment : relaxedEnvironmentName(property);
            String row = documented.get(property);
            if (row == null) {
                problems.add(property + " has no row in docs/operations.md (environment " + expected + ")");
            } else if (!row.contains("`" + expected + "`")) {
                problems.add(property + ": its row names " + row + ", not `" + expected + "`");
            }
        });
        assertThat(problems).as("docs/operations.md configuration table").isEmpty();
    }

    @Test
    void everyDocumentedPropertyExists() throws IOException {
        Map<String, Object> settings = settings();
        assertThat(documentedSettings().keySet())
                .as("properties in docs/operations.md that application.yaml does not define")
                .filteredOn(property -> !settings.containsKey(property) && !property.contains("[")
                        && !property.equals("spring.data.redis.url")
                        && !property.startsWith("logging.structured.format"))
                .isEmpty();
    }

    private static String environmentName(String property, Object value) {
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
        return placeholder.find() ? placeholder.group(1) : null;
    }

    /** Spring Boot's relaxed binding from the environment: dots to underscores, dashes dropped, upper case. */
    private static String relaxedEnvironmentName(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** application.yaml flattened to dotted property names. */
    private static Map<String, Object> settings() throws IOException {
        try (InputStream yaml = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", new Yaml().load(yaml), flat);
            return flat;
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> flatten(prefix + key + ".", value, flat));
        } else {
            flat.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    /**
     * Property → its whole table row. A row may list several properties as {@code `a.b.c` / `d` / `e`}: the short
     * ones replace the last segment of the first.
     */
    private static Map<String, String> documentedSettings() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inConfiguration = false;
        for (String line : Files.readAllLines(Path.of("docs/operations.md"))) {
            if (line.startsWith("## ")) {
                inConfiguration = line.equals("## Configuration");
            }
            String[] cells = line.split("\\|");
            if (!inConfiguration || cells.length < 4 || !line.startsWith("|")) {
                continue;
            }
            Matcher names = BACKTICKED.matcher(cells[2]);
            String parent = null;
            while (names.find()) {
                String name = names.group(1);
                if (name.contains(".") && !name.startsWith(".")) {
                    parent = name.substring(0, name.lastIndexOf('.') + 1);
                    rows.put(name, line);
                } else if (parent != null) {
                    rows.put(parent + name.replaceFirst("^\\.", ""), line);
                }
            }
        }
        return rows;
    }
}
