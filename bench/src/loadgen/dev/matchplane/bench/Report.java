package dev.matchplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges the phases' parts into one table (stdout and table.md) and one JSON file. */
final class Report {

    private static final String[] HEADERS = { "scenario", "phase", "setup", "result", "ceiling (same run)", "vs ceiling",
            "target", "verdict", "cores: app / gen / redis / others" };

    private Report() {
    }

    static void write(Config config) throws IOException {
        Path parts = config.parts();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        Path tsv = parts.resolve("rows.tsv");
        if (Files.exists(tsv)) {
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                rows.add(line.split("\t", -1));
            }
        }
        String table = markdown(rows);
        System.out.println();
        System.out.println(table);
        Files.writeString(parts.resolve("table.md"), table, StandardCharsets.UTF_8);
        Path jsonl = parts.resolve("results.jsonl");
        List<String> results = Files.exists(jsonl) ? Files.readAllLines(jsonl, StandardCharsets.UTF_8) : List.of();
        Map<String, Object> machine = new LinkedHashMap<>();
        for (String key : List.of("date", "nproc", "memory", "jdk", "redis", "redisSource", "cpu", "loadAverage",
                "appJvm", "commit")) {
            machine.put(key, config.get(key, ""));
        }
        String json = "{\"machine\":" + Fmt.json(machine) + ",\n\"results\":[\n" + String.join(",\n", results)
                + "\n]}\n";
        Path out = Path.of(config.require("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.println("\nJSON: " + out);
    }

    private static String markdown(List<String[]> rows) {
        int columns = HEADERS.length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns && c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(out, rows.get(r), widths);
            if (r == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(Math.max(3, widths[c]));
                }
                line(out, rule, widths);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] row, int[] widths) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = c < row.length ? row[c] : "";
            out.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
