package dev.matchplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs dev.matchplane.token.SigningCeiling (bench/src/signer, compiled by run.sh against the application jar) in
 * a JVM of its own while the app idles: tokens per second of the JDK's own signature on all cores.
 */
final class SigningCeiling {

    /** Tokens per second of one run, or NaN. */
    record Measured(double tokensPerSecond, int threads, List<Double> runs) {
    }

    private SigningCeiling() {
    }

    static Measured measure(Config config) throws IOException, InterruptedException {
        String classpath = config.get("signerClasspath", "");
        if (classpath.isEmpty()) {
            return new Measured(Double.NaN, 0, List.of());
        }
        String algorithm = config.get("algorithm", "RS256");
        System.out.println("  signing ceiling, " + algorithm + " (app idle) ...");
        Process process = new ProcessBuilder("java", "-cp", classpath, "dev.matchplane.token.SigningCeiling",
                algorithm, config.get("signingSeconds", "10"), "4", "1000").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        Map<String, String> values = new LinkedHashMap<>();
        String last = output.substring(output.lastIndexOf('\n') + 1);
        for (String pair : last.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (!values.containsKey("tokens_per_second")) {
            System.err.println("  signing ceiling failed: " + output);
            return new Measured(Double.NaN, 0, List.of());
        }
        double perSecond = Double.parseDouble(values.get("tokens_per_second"));
        System.out.println("  signing ceiling: " + Fmt.num(perSecond) + " tokens/s");
        return new Measured(perSecond, Integer.parseInt(values.get("threads")), List.of(perSecond));
    }

    /** Writes the signing row (both runs) and returns their mean, the ceiling the drain is compared with. */
    static Measured record(Config config, Measured before, Measured after) throws IOException {
        List<Double> runs = new ArrayList<>();
        runs.addAll(before.runs());
        runs.addAll(after.runs());
        double mean = runs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        Measured both = new Measured(mean, Math.max(before.threads(), after.threads()), runs);
        String algorithm = config.get("algorithm", "RS256");
        new Result("signing", config.phase())
                .put("algorithm", algorithm)
                .put("threads", both.threads())
                .put("tokens_per_second", Double.isNaN(mean) ? null : Math.round(mean))
                .put("runs_tokens_per_second", runs)
                .put("seconds_per_run", config.decimal("signingSeconds", 10))
                .row(algorithm + ", raw JDK Signature, " + both.threads() + " threads, batches of 1,000, app idle, "
                        + "before + after drain",
                        Fmt.num(mean) + " tokens/s (runs: " + String.join(", ", runs.stream().map(Fmt::num).toList())
                                + ")", "", "", "", "")
                .save(config.parts());
        return both;
    }
}
