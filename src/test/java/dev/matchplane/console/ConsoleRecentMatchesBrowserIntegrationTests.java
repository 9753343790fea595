package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.matchplane.support.HeadlessChromium;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The recent-matches page in headless Chromium against the whole service: the test causes a 2v2 under a rule set
 * with a distance rule (a duo and two solos) and a size-only pair, then an operator logs in and finds both with their
 * players, teams, region and skill spread, and sees a match made while the page is open appear in place (htmx, no
 * reload). The same page, fetched without a browser, already holds the players and never a token.
 */
@TestPropertySource(properties = { "admin.api-key=" + ConsoleRecentMatchesBrowserIntegrationTests.KEY,
        "matchmaking.interval=50ms", "matchmaking.min-wait=0ms" })
class ConsoleRecentMatchesBrowserIntegrationTests extends IntegrationTest {

    static final String KEY = "console-matches-key";
    private static final Path SCREENSHOT = Path.of("docs/images/console-matches.png");
    private static final Duration LIVE = Duration.ofSeconds(5);

    @Test
    void operatorSeesTheMatchesTheTestCausedWithPlayersTeamsRegionAndSpreadLive() throws Exception {
        String ranked = unique("ranked");
        putRuleSet(unique("skill"), "{\"queues\":[\"" + ranked + ":*\"],\"attributes\":{\"skill\":{\"type\":"
                + "\"number\"}},\"teams\":[{\"name\":\"red\",\"players\":2},{\"name\":\"blue\",\"players\":2}],"
                + "\"rules\":[{\"name\":\"close\",\"type\":\"distance\",\"attribute\":\"skill\",\"max\":200}]}");
        register(ranked, "eu-west");
        String ana = unique("ana");
        String ben = unique("ben");
        String cy = unique("cy");
        String dee = unique("dee");
        // party values: the duo's average 1520, the solos 1480 and 1600, so the spread is 120
        String duo = enqueue(ranked + ":2v2", List.of(ana, ben), Map.of(ana, 1500, ben, 1540));
        enqueue(ranked + ":2v2", List.of(cy), Map.of(cy, 1480));
        enqueue(ranked + ":2v2", List.of(dee), Map.of(dee, 1600));
        String casual = unique("casual");
        register(casual, "us-east");
        String eve = unique("eve");
        String fay = unique("fay");
        enqueue(casual + ":2", List.of(eve), null);
        String pair = enqueue(casual + ":2", List.of(fay), null);
        JsonNode rankedMatch = awaitAssignment(duo);
        String casualMatch = awaitAssignment(pair).get("matchId").asString();

        Path userData = HeadlessChromium.newUserDataDir();
        ChromeDriver driver = HeadlessChromium.start(userData);
        try {
            driver.manage().window().setSize(new Dimension(1280, 720));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            driver.get(url("/console/"));
            wait.until(ExpectedConditions.urlContains("/console/login"));
            driver.findElement(By.id("key")).sendKeys(KEY);
            driver.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Queues"));
            driver.findElement(By.linkText("Recent matches")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Recent matches"));

            String rankedRow = row(driver, rankedMatch.get("matchId").asString()).getText();
            assertThat(rankedRow).contains(ranked + ":2v2", ana + " + " + ben, cy, dee, "eu-west", "skill 120");
            assertThat(rankedRow).containsIgnoringCase("red").containsIgnoringCase("blue");
            assertThat(row(driver, casualMatch).getText()).contains(casual + ":2", eve, fay, "us-east", "—");

            driver.executeScript("window.__sameDocument = true;");
            String gus = unique("gus");
            enqueue(casual + ":2", List.of(unique("hal")), null);
            String later = awaitAssignment(enqueue(casual + ":2", List.of(gus), null)).get("matchId").asString();
            new WebDriverWait(driver, LIVE).until(d -> !d.findElements(matchRow(later)).isEmpty());
            assertThat(row(driver, later).getText()).contains(gus);
            assertThat(driver.executeScript("return window.__sameDocument === true;"))
                    .as("refreshed in place, not reloaded").isEqualTo(true);
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
        }
        finally {
            if (driver != null) {
                driver.quit();
            }
            FileSystemUtils.deleteRecursively(userData);
        }

        HttpResponse<String> withoutScript = loggedIn().get("/console/matches");
        assertThat(withoutScript.statusCode()).isEqualTo(200);
        assertThat(withoutScript.body()).as("server-rendered, readable without JavaScript")
                .contains("data-match=\"" + rankedMatch.get("matchId").asString() + "\"", ana, dee, "skill 120")
                .doesNotContain(rankedMatch.get("matchToken").asString())
                .doesNotContain(rankedMatch.get("memberTokens").get(ben).asString());
    }

    private static By matchRow(String matchId) {
        return By.cssSelector("tr[data-match='" + matchId + "']");
    }

    private static WebElement row(ChromeDriver driver, String matchId) {
        return new WebDriverWait(driver, LIVE).until(ExpectedConditions.visibilityOfElementLocated(matchRow(matchId)));
    }

    private ConsoleClient loggedIn() {
        ConsoleClient client = new ConsoleClient(port, "10.9.8.7");
        String csrf = ConsoleClient.csrfToken(client.get("/console/login"));
        assertThat(client.postForm("/console/login", Map.of("key", KEY, "_csrf", csrf)).statusCode()).isEqualTo(302);
        return client;
    }

    private JsonNode awaitAssignment(String ticketId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> http().get("/v1/matchmaking/status/" + ticketId).json(),
                        status -> "assigned".equals(status.get("status").asString()))
                .get("assignment");
    }

    /** One party; {@code skills} by member, or null for a queue without a rule set. The ticket id. */
    private String enqueue(String queueKey, List<String> members, Map<String, Integer> skills) {
        StringBuilder players = new StringBuilder();
        if (skills != null) {
            skills.forEach((player, skill) -> players.append(players.isEmpty() ? "" : ",").append("\"").append(player)
                    .append("\":{\"attributes\":{\"skill\":").append(skill).append("}}"));
        }
        HttpJson.Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                + "\",\"members\":[\"" + String.join("\",\"", members) + "\"],\"groupSize\":" + members.size()
                + (skills == null ? "" : ",\"players\":{" + players + "}") + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }

    private void register(String landType, String region) {
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.5\",\"port\":7777,\"landType\":\"" + landType + "\",\"region\":\"" + region
                + "\"}").status()).isEqualTo(200);
    }

    private void putRuleSet(String name, String body) {
        HttpJson.Response response = http().send(http().request("/v1/admin/rulesets/" + name)
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
