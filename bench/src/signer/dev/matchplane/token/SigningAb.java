package dev.matchplane.token;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two versions of the token code in one JVM, each in a class loader of its own, signing on this thread in
 * alternating one-second slices: on a shared machine whose load drifts, both see the same drift, so the ratio of
 * their CPU time per token is steadier than two separate runs. Not used by bench/run.sh; see docs/benchmarks.md.
 */
public final class SigningAb {

    private SigningAb() {
    }

    /** Arguments: algorithm, warm-up seconds, measured slice pairs, classpath A, classpath B. */
    public static void main(String[] args) throws Exception {
        String algorithm = args[0];
        double warmup = Double.parseDouble(args[1]);
        int pairs = Integer.parseInt(args[2]);
        Runnable a = signer(args[3], algorithm);
        Runnable b = signer(args[4], algorithm);
        for (long end = System.nanoTime() + (long) (warmup * 1e9); System.nanoTime() < end;) {
            slice(a, 0.5);
            slice(b, 0.5);
        }
        double[] cpuA = new double[pairs];
        double[] cpuB = new double[pairs];
        double[] ratio = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            cpuA[i] = i % 2 == 0 ? slice(a, 1) : 0;
            cpuB[i] = slice(b, 1);
            cpuA[i] = i % 2 == 0 ? cpuA[i] : slice(a, 1);
            ratio[i] = cpuB[i] / cpuA[i];
        }
        System.out.printf("algorithm=%s pairs=%d cpu_us_per_token_A=%.1f cpu_us_per_token_B=%.1f "
                + "B_over_A_median=%.3f B_over_A_p25=%.3f B_over_A_p75=%.3f%n", algorithm, pairs, median(cpuA),
                median(cpuB), median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
    }

    private static Runnable signer(String classpath, String algorithm) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(":")) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (Runnable) loader.loadClass("dev.matchplane.token.SingleThreadSigning").getMethod("signer", String.class)
                .invoke(null, algorithm);
    }

    /** Signs for about this long; microseconds of this thread's CPU per token. */
    private static double slice(Runnable signer, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long lists = 0;
        while (System.nanoTime() < end) {
            signer.run();
            lists++;
        }
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / (lists * SingleThreadSigning.LIST_SIZE);
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
