package dev.matchplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the final table plus its full JSON. Each is appended to the parts directory at once, so that the
 * results of a run that is cut short are not lost and phases (separate app starts) can be merged by Report.
 */
final class Result {

    final Map<String, Object> json = new LinkedHashMap<>();
    private String setup = "";
    private String figure = "";
    private String ceiling = "";
    private String ratio = "";
    private String target = "";
    private String verdict = "";
    private String cpu = "";

    Result(String scenario, String phase) {
        json.put("scenario", scenario);
        json.put("phase", phase);
    }

    Result put(String key, Object value) {
        json.put(key, value);
        return this;
    }

    Result row(String setup, String figure, String ceiling, String ratio, String target, String verdict) {
        this.setup = setup;
        this.figure = figure;
        this.ceiling = ceiling;
        this.ratio = ratio;
        this.target = target;
        this.verdict = verdict;
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("setup", setup);
        table.put("figure", figure);
        table.put("ceiling", ceiling);
        table.put("ratio", ratio);
        table.put("target", target);
        table.put("verdict", verdict);
        json.put("table", table);
        return this;
    }

    /** CPU cores each party used while this figure was measured (see CpuMeter). */
    Result cpu(Map<String, Object> cores) {
        json.put("cpu_cores", cores);
        cpu = CpuMeter.brief(cores);
        return this;
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    void save(Path parts) throws IOException {
        Files.createDirectories(parts);
        String tsv = String.join("\t", String.valueOf(json.get("scenario")), String.valueOf(json.get("phase")),
                setup, figure, ceiling, ratio, target, verdict, cpu) + "\n";
        Files.writeString(parts.resolve("rows.tsv"), tsv, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(parts.resolve("results.jsonl"), Fmt.json(json) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("  -> " + json.get("scenario") + " [" + json.get("phase") + "]: " + figure
                + (ceiling.isEmpty() ? "" : " | ceiling " + ceiling) + (ratio.isEmpty() ? "" : " | " + ratio)
                + (verdict.isEmpty() ? "" : " | " + verdict));
    }
}
