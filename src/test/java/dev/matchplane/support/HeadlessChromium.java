package dev.matchplane.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's headless Chromium (Debian {@code chromium} and {@code chromium-driver}) through its own
 * chromedriver, never Selenium Manager, so nothing is downloaded. When the browser cannot start, the test fails
 * under CI ({@code CI=true}: .ci/run installs the browser) and is skipped with a message elsewhere. Shared by the
 * browser tests of the demo and the operator console.
 */
public final class HeadlessChromium {

    private static final String BROWSER = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    /**
     * Records every WebSocket the page opens in {@code window.__sockets}, so a test can drop one as a network would.
     * Installed before the page's own scripts run.
     */
    private static final String RECORD_SOCKETS = """
            (() => {
              const Native = window.WebSocket;
              window.__sockets = [];
              window.WebSocket = class extends Native {
                constructor(...args) { super(...args); window.__sockets.push(this); }
              };
            })();""";

    private HeadlessChromium() {
    }

    public static ChromeDriver start(Path userDataDir) {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            return unavailable(BROWSER + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)",
                    null);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=900,1100", "--user-data-dir=" + userDataDir);
        try {
            return new ChromeDriver(service, options);
        }
        catch (WebDriverException ex) {
            return unavailable("headless Chromium did not start: " + ex.getMessage(), ex);
        }
    }

    /** Makes the current tab record its WebSockets from its next page load on. */
    public static void recordSockets(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_SOCKETS));
    }

    public static Path newUserDataDir() {
        try {
            return Files.createTempDirectory("matchplane-chromium-");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ChromeDriver unavailable(String reason, Throwable cause) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + reason, cause);
        }
        Assumptions.abort("Skipped, no browser: " + reason);
        return null;
    }
}
