package dev.matchplane.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.matchplane.support.HeadlessChromium;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The browser demo (examples/web-client, served at /demo/) in headless Chromium against the whole service: two tabs
 * are two players of a 2-player queue and both reach {@code match.assigned} for the same land, one of them after its
 * socket dropped and the client reconnected with its ticket id; a third player cancels and sees
 * {@code ticket.cancelled}. Also checks that /demo/ serves the very files of examples/web-client.
 */
@TestPropertySource(properties = { "matchmaking.demo.enabled=true", "matchmaking.min-wait=0ms",
        "matchmaking.interval=50ms" })
class WebClientBrowserIntegrationTests extends IntegrationTest {

    private static final Path SCREENSHOT = Path.of("docs/images/demo-matched.png");
    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void twoTabsAreMatchedOntoOneLandAndAThirdCancels() throws Exception {
        String landType = unique("web");
        String queue = landType + ":2v2";
        registerGameServer(landType);
        Path userData = HeadlessChromium.newUserDataDir();
        ChromeDriver driver = HeadlessChromium.start(userData);
        try {
            DemoTab alice = DemoTab.open(driver, demoUrl());
            String aliceTicket = alice.enqueue(unique("alice"), queue);
            alice.awaitStatus("Queued");
            assertThat(alice.text("estimate")).matches("no estimate yet|about \\d+ s");

            alice.dropSockets();
            // The client follows its ticket on a new socket, /realtime?ticketId=…, as docs/websocket-api.md advises.
            alice.awaitOpenSocket("ticketId=" + aliceTicket);
            alice.awaitStatus("Queued");

            DemoTab bob = DemoTab.open(driver, demoUrl());
            bob.enqueue(unique("bob"), queue);

            bob.awaitStatus("Matched");
            alice.awaitStatus("Matched");
            String land = bob.text("land");
            assertThat(land).startsWith(landType + ":");
            assertThat(alice.text("land")).isEqualTo(land);
            assertThat(bob.text("connect-url")).isEqualTo("ws://127.0.0.1:7777/game/" + landType + "?landId=" + land);
            assertThat(alice.loggedTypes()).contains("enqueued", "close", "open", "match.assigned");
            saveScreenshot(bob.screenshot());

            DemoTab carol = DemoTab.open(driver, demoUrl());
            String carolTicket = carol.enqueue(unique("carol"), queue);
            carol.awaitStatus("Queued");
            carol.click("cancel");
            carol.awaitStatus("Cancelled");
            assertThat(carol.loggedTypes()).contains("ticket.cancelled");
            assertThat(http().get("/v1/matchmaking/status/" + carolTicket).json().get("status").asString())
                    .isEqualTo("cancelled");
        }
        finally {
            if (driver != null) {
                driver.quit();
            }
            FileSystemUtils.deleteRecursively(userData);
        }
    }

    @Test
    void demoServesTheExampleFilesThemselves() throws Exception {
        Response page = http().get("/demo/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).isEqualTo(Files.readString(Path.of("examples/web-client/index.html")));

        Response module = http().get("/demo/matchplane-client.js");
        assertThat(module.status()).isEqualTo(200);
        // Browsers run an ES module only when it is served as JavaScript.
        assertThat(module.contentType()).startsWith("text/javascript");
        assertThat(module.body()).isEqualTo(
                Files.readString(Path.of("examples/web-client/matchplane-client.js"), StandardCharsets.UTF_8));

        assertThat(http().get("/demo").status()).isEqualTo(302);
    }

    private String demoUrl() {
        return "http://127.0.0.1:" + port + "/demo/";
    }

    private void registerGameServer(String landType) {
        Response registered = http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType + "\",\"region\":\"eu-west\"}");
        assertThat(registered.status()).isEqualTo(200);
    }

    /** Written only once the match was asserted: the README shows what a passing run looks like. */
    private static void saveScreenshot(byte[] png) throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
    }

    /** One browser tab showing the demo, as one player. */
    private static final class DemoTab {

        private final ChromeDriver driver;
        private final String handle;
        private final WebDriverWait wait;

        private DemoTab(ChromeDriver driver, String handle) {
            this.driver = driver;
            this.handle = handle;
            this.wait = new WebDriverWait(driver, SOON);
        }

        static DemoTab open(ChromeDriver driver, String url) {
            if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
                driver.switchTo().newWindow(WindowType.TAB);
            }
            HeadlessChromium.recordSockets(driver);
            driver.get(url);
            DemoTab tab = new DemoTab(driver, driver.getWindowHandle());
            // The module has run once it filled in a player id.
            tab.wait.until(d -> !d.findElement(By.id("player")).getDomProperty("value").isEmpty());
            return tab;
        }

        /** Enqueues as {@code player} and returns the ticket id the page shows once queued. */
        String enqueue(String player, String queue) {
            focus();
            type("player", player);
            type("queue", queue);
            driver.findElement(By.id("find")).click();
            // the enqueued reply shows the ticket; with min-wait 0 the match may already have followed it
            wait.withMessage(() -> "ticket, events: " + loggedTypes())
                    .until(d -> d.findElement(By.id("ticket")).getText().startsWith("ticket-"));
            return text("ticket");
        }

        void awaitStatus(String status) {
            focus();
            wait.withMessage(() -> "status, events: " + loggedTypes())
                    .until(ExpectedConditions.textToBe(By.id("status"), status));
        }

        /** Closes the page's sockets under the client, as a network drop would. */
        void dropSockets() {
            focus();
            driver.executeScript("window.__sockets.forEach(s => s.close(4000, 'test: network drop'))");
        }

        void awaitOpenSocket(String urlPart) {
            focus();
            wait.until(d -> (Boolean) driver.executeScript(
                    "return window.__sockets.some(s => s.url.includes(arguments[0]) && s.readyState === 1)",
                    urlPart));
        }

        String text(String id) {
            focus();
            return driver.findElement(By.id(id)).getText();
        }

        void click(String id) {
            focus();
            driver.findElement(By.id(id)).click();
        }

        @SuppressWarnings("unchecked")
        List<String> loggedTypes() {
            focus();
            return (List<String>) driver.executeScript(
                    "return [...document.querySelectorAll('#log li')].map(li => li.dataset.type)");
        }

        byte[] screenshot() {
            focus();
            return driver.getScreenshotAs(OutputType.BYTES);
        }

        private void type(String id, String value) {
            var input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(value);
        }

        private void focus() {
            if (!handle.equals(driver.getWindowHandle())) {
                driver.switchTo().window(handle);
            }
        }
    }
}
