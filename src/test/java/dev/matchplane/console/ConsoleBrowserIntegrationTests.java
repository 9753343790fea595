package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.matchplane.support.HeadlessChromium;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.rulesets.RuleSets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The operator console in headless Chromium against the whole service: an operator logs in with the admin key, sees
 * the queue this test filled with its depth and the server it registered, watches the depth change live (htmx, no
 * reload) after more tickets arrive, creates a rule set through the form, sees the validation error of a bad one
 * against its field, and logs out. Tickets of the "wait" queue are never matched (a long min wait);
 * the "arena" queue matches at once, so its time to match shows.
 */
@TestPropertySource(properties = { "admin.api-key=" + ConsoleBrowserIntegrationTests.KEY,
        "matchmaking.min-wait=5m", "matchmaking.relax-after=6m", "matchmaking.interval=50ms",
        "matchmaking.queues[0].pattern=arena-*", "matchmaking.queues[0].min-wait=0ms",
        "matchmaking.queues[0].relax-after=10m" })
class ConsoleBrowserIntegrationTests extends IntegrationTest {

    static final String KEY = "console-browser-key";
    private static final Path SCREENSHOT = Path.of("docs/images/console-queues.png");
    private static final Path RULE_SETS_SCREENSHOT = Path.of("docs/images/console-rule-sets.png");

    @Autowired
    private RuleSets ruleSets;
    private static final Duration LIVE = Duration.ofSeconds(5);

    @Test
    void operatorLogsInSeesQueuesAndServersLiveAndLogsOut() throws Exception {
        String landType = unique("ranked");
        String queue = landType + ":2v2";
        String arena = unique("arena") + ":2";
        register("gs-" + landType, landType, "eu-west", 4);
        register("gs-" + arena.split(":")[0], arena.split(":")[0], "us-east", null);
        enqueue(queue, 3);
        enqueue(arena, 5);
        Path userData = HeadlessChromium.newUserDataDir();
        ChromeDriver driver = HeadlessChromium.start(userData);
        try {
            driver.manage().window().setSize(new Dimension(1280, 720));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            driver.get(url("/console/"));
            wait.until(ExpectedConditions.urlContains("/console/login"));
            driver.findElement(By.id("key")).sendKeys("wrong-key");
            driver.findElement(By.id("login")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
                    .contains("not the admin key");

            driver.findElement(By.id("key")).sendKeys(KEY);
            driver.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Queues"));
            assertThat(depth(driver, queue)).isEqualTo("3");

            driver.findElement(By.linkText("Game servers")).click();
            By server = By.cssSelector("tr[data-server='gs-" + landType + "']");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(server)).getText())
                    .contains("live", landType, "eu-west", "4");
            // the arena's 4 matched tickets (pairs) took two lands on its server
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "2".equals(d.findElement(By.cssSelector(
                    "tr[data-server='gs-" + arena.split(":")[0] + "'] td.lands")).getText()));

            driver.findElement(By.linkText("Queues")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Queues"));
            driver.executeScript("window.__sameDocument = true;");
            enqueue(queue, 2);
            new WebDriverWait(driver, LIVE).until(d -> "5".equals(depth(driver, queue)));
            assertThat(driver.executeScript("return window.__sameDocument === true;"))
                    .as("refreshed in place, not reloaded").isEqualTo(true);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.cssSelector(
                    "tr[data-queue='" + arena + "'] td:nth-child(5)")).getText().equals("—"));
            // 4 of the 5 arena tickets were matched (pairs), read from the tickets-assigned counter
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector(
                    "tr[data-queue='" + arena + "'] td:nth-child(7)")).getText().equals("4"));
            saveScreenshot(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));

            driver.findElement(By.linkText("Rule sets")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Rule sets"));
            String casual = unique("casual");
            saveRuleSet(driver, casual, "{\"queues\": [\"" + casual + ":*\"], \"teams\": [{\"name\": \"all\", "
                    + "\"players\": 4}]}");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved"))).getText())
                    .isEqualTo("Saved " + casual + ".");
            assertThat(driver.findElement(By.linkText(casual)).isDisplayed()).isTrue();
            driver.findElement(By.linkText("New rule set")).click();
            String ranked = unique("ranked");
            saveRuleSet(driver, ranked, "{\n  \"queues\": [\"" + ranked + ":*\"],\n  \"teams\": [{\"name\": \"a\", "
                    + "\"players\": 0}]\n}");
            // the same field error the admin API answers with 422 INVALID_RULESET
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-errors"))).getText())
                    .contains("/teams/0/players");
            assertThat(driver.findElement(By.id("json")).getAttribute("value")).contains("\"players\": 0");
            assertThat(ruleSets.find(casual)).isPresent();
            assertThat(ruleSets.find(ranked)).as("an invalid rule set is not stored").isEmpty();
            saveScreenshot(RULE_SETS_SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/console/login?logout"));
            driver.get(url("/console/"));
            wait.until(ExpectedConditions.urlContains("/console/login"));
        }
        finally {
            if (driver != null) {
                driver.quit();
            }
            FileSystemUtils.deleteRecursively(userData);
        }
    }

    private static String depth(ChromeDriver driver, String queue) {
        return driver.findElement(By.cssSelector("tr[data-queue='" + queue + "'] td.depth")).getText();
    }

    private void enqueue(String queue, int tickets) {
        for (int i = 0; i < tickets; i++) {
            assertThat(http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue + "\",\"members\":[\""
                    + unique("p") + "\"],\"groupSize\":1}").status()).isEqualTo(201);
        }
    }

    private void register(String serverId, String landType, String region, Integer capacity) {
        String body = "{\"serverId\":\"" + serverId + "\",\"host\":\"10.0.0.5\",\"port\":7777,\"landType\":\""
                + landType + "\",\"region\":\"" + region + "\"" + (capacity == null ? "" : ",\"capacity\":" + capacity)
                + "}";
        assertThat(http().post("/v1/provisioning/servers/register", body).status()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Written only once everything on it was asserted: the docs show what a passing run looks like. */
    private static void saveScreenshot(Path file, byte[] png) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, png);
    }

    private static void saveRuleSet(ChromeDriver driver, String name, String json) {
        driver.findElement(By.id("name")).clear();
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("json")).clear();
        driver.findElement(By.id("json")).sendKeys(json);
        driver.findElement(By.id("save")).click();
    }
}
