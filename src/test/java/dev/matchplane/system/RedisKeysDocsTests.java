package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The key table in docs/operations.md lists every key shape that the code builds under the prefix. */
class RedisKeysDocsTests {

    private static final Pattern KEY_SHAPE = Pattern.compile("prefix \\+ \"([a-z:-]+)\"");

    @Test
    void everyKeyShapeIsInTheKeyTable() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        List<String> shapes = keyShapes();
        assertThat(shapes).as("key shapes built in src/main").isNotEmpty();
        assertThat(shapes).as("key shapes missing from docs/operations.md, Keys")
                .filteredOn(shape -> !operations.contains("`P " + shape))
                .isEmpty();
    }

    private static List<String> keyShapes() throws IOException {
        List<String> shapes = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher shape = KEY_SHAPE.matcher(Files.readString(source));
                while (shape.find()) {
                    shapes.add(shape.group(1));
                }
            }
        }
        return shapes;
    }
}
