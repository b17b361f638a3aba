package dev.openuapi.page;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.openuapi.activity.ActivityRecorder;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The Manage API Tokens page in a real browser: Debian's Chromium, driven headless by Selenium through
 * Debian's chromedriver (never a downloaded browser). Each step leaves a screenshot in
 * {@code target/screenshots/}. The page is OpenUAPI's own (cPanel's is not reproduced): every text it shows,
 * and the one-year default expiry, are OpenUAPI's choices; the error texts that come from the API are
 * cPanel's Tokens messages (spec §4).
 */
@QuarkusTest
class TokenPageBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    ChromeDriver browser;
    WebDriverWait wait;
    String base;

    @BeforeEach
    void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        base = "http://localhost:" + RestAssured.port;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void login(TestAccount account) {
        browser.get(base + "/tokens");
        visible("login-user").sendKeys(account.username());
        browser.findElement(By.id("login-password")).sendKeys(account.password());
        browser.findElement(By.id("login-submit")).click();
        visible("view-list");
    }

    List<String> listedNames() {
        return browser.findElements(By.cssSelector("#token-rows tr")).stream().map(tr -> tr.getAttribute("data-name")).toList();
    }

    /**
     * Issue 19 on the page: a limited, read-only token for one feature, its allowed addresses edited (the token is
     * refused from an address outside them, then works again when they are cleared), and a rotation whose old value
     * stops at once while the new one, shown once, works.
     */
    @Test
    void aScopedTokenItsAllowListAndARotation() throws Exception {
        TestAccount bob = newAccount();
        login(bob);

        // 1. create: limited to the Zone Editor, read only
        browser.findElement(By.id("open-create")).click();
        visible("token-name").sendKeys("dns-reader");
        browser.findElement(By.id("expires-never")).click();
        assertFalse(browser.findElement(By.id("create-limits")).isDisplayed(), "full access by default");
        browser.findElement(By.id("create-access-limited")).click();
        visible("create-limits");
        // nothing ticked and not read only: the page asks for a choice before anything is sent
        browser.findElement(By.id("create-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("create-access-error"),
                "Tick Read only or at least one part of your account, or choose Full access."));
        WebElement zoneEditor = browser.findElement(By.id("create-feature-zoneedit"));
        assertEquals("Zone Editor", browser.findElement(By.cssSelector("label[for='create-feature-zoneedit']")).getText(),
                "features have plain-language labels");
        zoneEditor.click();
        browser.findElement(By.id("create-read-only")).click();
        screenshot("20-scoped-create");
        browser.findElement(By.id("create-submit")).click();
        String token = visible("created-token").getAttribute("value");
        assertTrue(token.matches("[0-9A-Z]{32}"), token);
        browser.findElement(By.id("saved-token")).click();
        visible("view-list");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#token-rows tr[data-name='dns-reader']")));
        assertEquals("Read only: Zone Editor\nFrom any address", row.findElement(By.cssSelector("td[data-label='Access']")).getText());
        screenshot("21-scoped-listed");

        // ... and the server holds it to that: reads in the Zone Editor work, a write and another feature are refused
        bob.withToken(token).get("/execute/DNS/parse_zone?zone=" + bob.domain()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(1));
        bob.withToken(token).get("/execute/Email/list_pops").then().statusCode(200)
                .body("errors[0]", org.hamcrest.Matchers.equalTo("You do not have the feature “popaccts”."));
        bob.withToken(token).get("/execute/DNS/mass_edit_zone?zone=" + bob.domain() + "&serial=1").then().statusCode(200)
                .body("errors[0]", org.hamcrest.Matchers.equalTo("This API token is read-only: “DNS::mass_edit_zone” changes data."));

        // 2. edit its allowed addresses: a range that is not this test's address refuses the token
        row.findElement(By.xpath(".//button[text()='Edit access']")).click();
        visible("view-edit");
        assertTrue(browser.findElement(By.id("edit-read-only")).isSelected(), "the edit view shows the token's access");
        assertTrue(browser.findElement(By.id("edit-feature-zoneedit")).isSelected());
        WebElement ips = browser.findElement(By.id("edit-ips"));
        ips.sendKeys("not-an-address");
        browser.findElement(By.id("edit-submit")).click();
        WebElement ipsError = visible("edit-ips-error");
        assertFalse(ipsError.getText().isBlank(), "the server's refusal is shown under the addresses");
        ips.clear();
        ips.sendKeys("203.0.113.0/24");
        screenshot("22-allow-list");
        browser.findElement(By.id("edit-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-status"), "Changed the access of “dns-reader”."));
        WebElement edited = browser.findElement(By.cssSelector("#token-rows tr[data-name='dns-reader'] td[data-label='Access']"));
        assertEquals("Read only: Zone Editor\nFrom 203.0.113.0/24", edited.getText());
        await(() -> bob.withToken(token).get("/execute/Tokens/list").statusCode() == 401, "the token is refused from 127.0.0.1");

        // ... cleared again (full access, any address): it works again, for writes too
        browser.findElement(By.cssSelector("#token-rows tr[data-name='dns-reader']")).findElement(By.xpath(".//button[text()='Edit access']")).click();
        visible("view-edit");
        browser.findElement(By.id("edit-ips")).clear();
        browser.findElement(By.id("edit-access-full")).click();
        browser.findElement(By.id("edit-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-status"), "Changed the access of “dns-reader”."));
        assertEquals("Full access\nFrom any address",
                browser.findElement(By.cssSelector("#token-rows tr[data-name='dns-reader'] td[data-label='Access']")).getText());
        await(() -> bob.withToken(token).get("/execute/Email/list_pops").then().extract().path("status").equals(1),
                "the token has the account's features again");

        // 3. rotate, the old value stopping at once: the new value is shown once and works, the old one is refused
        browser.findElement(By.cssSelector("#token-rows tr[data-name='dns-reader']")).findElement(By.xpath(".//button[text()='Rotate']")).click();
        assertTrue(visible("rotate-text").getText().contains("“dns-reader”"));
        browser.findElement(By.id("rotate-confirm")).click();
        String rotated = visible("created-token").getAttribute("value");
        assertTrue(rotated.matches("[0-9A-Z]{32}") && !rotated.equals(token), rotated);
        assertEquals("Save your new API token", browser.findElement(By.id("created-title")).getText());
        assertEquals("The old value no longer works.", browser.findElement(By.id("created-previous")).getText());
        screenshot("23-rotated");
        browser.findElement(By.id("saved-token")).click();
        visible("view-list");
        assertFalse(browser.getPageSource().contains(rotated), "no trace of the new value in the DOM");
        bob.withToken(rotated).get("/execute/Tokens/list").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(1));
        await(() -> bob.withToken(token).get("/execute/Tokens/list").statusCode() == 401, "the old value is refused");
    }

    @Inject
    ActivityRecorder recorder;

    @Inject
    EntityManager em;

    /** Adds calls to the activity log's counts as its flusher writes them: one row for a minute. */
    void addCount(long accountId, String credential, long tokenId, String result, long minute, long count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO activity_count (account_id, credential, token_id, "
                + "face, module, function, result, minute, count) VALUES (?1, ?2, ?3, 'UAPI', 'Variables', 'get_user_information', ?4, ?5, ?6)")
                .setParameter(1, accountId).setParameter(2, credential).setParameter(3, tokenId).setParameter(4, result)
                .setParameter(5, minute).setParameter(6, count).executeUpdate());
    }

    long number(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The visually-hidden table that is the chart's text alternative: per day, [day, calls, ok, refused, limited, failed]. */
    List<List<String>> chartTable() {
        return browser.findElements(By.cssSelector("#chart-rows tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(c -> c.getAttribute("textContent")).toList()).toList();
    }

    /** The recent calls as shown: [address, API, function, result] per row (the time is checked on its own). */
    List<List<String>> eventRows() {
        return browser.findElements(By.cssSelector("#event-rows tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().skip(1).map(WebElement::getText).toList()).toList();
    }

    /**
     * Issue 20 §1 on the page: a token's Activity view. Real UAPI calls with the token (20 that work, one refused for the
     * token being read-only, one that fails), and counts of older days written as the flusher writes them (one inside the
     * 30 days' first day, one just before it, and the password's calls that day, which are not the token's): the chart's
     * text alternative has each day's numbers, the recent calls are listed newest first 20 at a time with "Show more",
     * a token without calls says so, and a token revoked meanwhile gets a clear message.
     */
    @Test
    void aTokensActivityChartAndRecentCalls() throws Exception {
        TestAccount hana = newAccount();
        String token = hana.withPassword().contentType("application/json").body(Map.of("name", "monitor", "read_only", true))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        hana.newToken("idle");
        for (int i = 0; i < 20; i++) {
            hana.withToken(token).get("/execute/Tokens/list").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo(1));
        }
        hana.withToken(token).get("/execute/Tokens/create_full_access?name=x").then().statusCode(200)
                .body("errors[0]", org.hamcrest.Matchers.equalTo("This API token is read-only: “Tokens::create_full_access” changes data."));
        hana.withToken(token).get("/execute/DNS/parse_zone?zone=not-hers.example").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(0));
        long accountId = number("SELECT id FROM account WHERE username = ?1", hana.username());
        long tokenId = number("SELECT id FROM api_token WHERE account_id = ?1 AND name = 'monitor'", accountId);
        recorder.flush();
        await(() -> number("SELECT COUNT(*) FROM activity_event WHERE credential = 'CPANEL_TOKEN' AND token_id = ?1", tokenId) == 22,
                "the 22 calls are in the activity log");
        long today = System.currentTimeMillis() / 86_400_000L; // the UTC day, as the chart's days are
        addCount(accountId, "CPANEL_TOKEN", tokenId, "ok", (today - 3) * 1440 + 720, 5);
        addCount(accountId, "CPANEL_TOKEN", tokenId, "refused", (today - 3) * 1440 + 721, 1);
        addCount(accountId, "CPANEL_TOKEN", tokenId, "limited", (today - 3) * 1440 + 722, 4); // past its rate limit
        addCount(accountId, "ACCOUNT_PASSWORD", 0, "ok", (today - 3) * 1440 + 720, 6); // the password's, not the token's
        addCount(accountId, "CPANEL_TOKEN", tokenId, "failed", (today - 29) * 1440, 2); // the first minute of the first day
        addCount(accountId, "CPANEL_TOKEN", tokenId, "ok", (today - 29) * 1440 - 1, 9); // the last minute before it

        login(hana);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#token-rows tr[data-name='monitor']")));
        row.findElement(By.xpath(".//button[text()='Activity']")).click();
        visible("activity-body");
        assertEquals("Activity of monitor", browser.findElement(By.id("activity-title")).getText());
        assertEquals("activity-title", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the view's heading");

        // the chart: 30 days, today's last; its text alternative holds every day's numbers
        List<List<String>> days = chartTable();
        assertEquals(30, days.size(), days.toString());
        assertEquals(browser.executeScript("return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date());"),
                days.get(29).get(0), "the last day is today (UTC)");
        assertEquals(List.of("22", "20", "1", "0", "1"), days.get(29).subList(1, 6), "today: the real calls");
        assertEquals(List.of("10", "5", "1", "4", "0"), days.get(26).subList(1, 6), "three days ago: the token's counts, not the password's");
        assertEquals(List.of("2", "0", "0", "0", "2"), days.get(0).subList(1, 6), "the first of the 30 days, and nothing from before it");
        for (int i = 1; i < 29; i++) {
            if (i != 26) {
                assertEquals(List.of("0", "0", "0", "0", "0"), days.get(i).subList(1, 6), "day " + i + ": " + days.get(i));
            }
        }
        assertEquals("34 calls in the last 30 days: 25 OK, 2 refused, 4 rate-limited, 3 failed.",
                browser.findElement(By.id("chart-summary")).getText());
        assertEquals("true", browser.findElement(By.id("chart")).getAttribute("aria-hidden"), "the table speaks for the drawing");
        assertEquals(7, browser.findElements(By.cssSelector("#chart rect.bar")).size(), "a part per day and result with calls");
        assertEquals(1, browser.findElements(By.cssSelector("#chart rect.bar-limited")).size());
        assertEquals(4, browser.findElements(By.cssSelector("#chart rect.bar-failed, #chart rect.bar-refused")).size());

        // the recent calls, newest first, 20 a page
        List<List<String>> events = eventRows();
        assertEquals(20, events.size(), events.toString());
        assertEquals(List.of("127.0.0.1", "UAPI", "DNS::parse_zone", "Failed"), events.get(0));
        assertEquals(List.of("127.0.0.1", "UAPI", "Tokens::create_full_access", "Refused"), events.get(1));
        assertEquals(List.of("127.0.0.1", "UAPI", "Tokens::list", "OK"), events.get(2));
        // the time in the browser's locale and time zone, to the second
        long newest = hana.withPassword().get("/api/v1/tokens/monitor/activity?limit=1").then().statusCode(200)
                .extract().<Number>path("events[0].time").longValue();
        assertEquals(browser.executeScript("return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })"
                + ".format(new Date(arguments[0] * 1000));", newest),
                browser.findElement(By.cssSelector("#event-rows tr td[data-label='Time']")).getText());
        assertEquals("Most in a day: 22 calls", browser.findElement(By.id("chart-max")).getText());
        browser.manage().window().setSize(new Dimension(1280, 1500)); // the chart and the first page of calls, for the docs
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.id("activity-title"))).perform();
        screenshot("30-activity");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertTrue(noHorizontalScroll(), "the activity view fits a phone screen");
        browser.manage().window().setSize(new Dimension(1280, 900));
        WebElement more = browser.findElement(By.id("events-more"));
        assertTrue(more.isDisplayed(), "22 calls: more than a page");
        more.click();
        wait.until(ExpectedConditions.textToBe(By.id("events-status"), "Showing all 22 calls kept for this token."));
        events = eventRows();
        assertEquals(22, events.size());
        events.subList(2, 22).forEach(e -> assertEquals(List.of("127.0.0.1", "UAPI", "Tokens::list", "OK"), e));
        assertFalse(more.isDisplayed(), "nothing more to show");

        // back to the list; a token that made no calls says so
        browser.findElement(By.id("activity-back")).click();
        visible("view-list");
        browser.findElement(By.cssSelector("#token-rows tr[data-name='idle']")).findElement(By.xpath(".//button[text()='Activity']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("activity-title"), "Activity of idle"));
        visible("activity-body");
        assertTrue(browser.findElement(By.id("events-empty")).isDisplayed());
        assertEquals("This token has made no calls yet.", browser.findElement(By.id("events-empty")).getText());
        assertEquals("No calls in the last 30 days.", browser.findElement(By.id("chart-summary")).getText());
        assertTrue(chartTable().stream().allMatch(d -> d.subList(1, 5).equals(List.of("0", "0", "0", "0"))));
        assertFalse(browser.findElement(By.id("events-more")).isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("#chart rect.bar")).isEmpty());

        // revoked while the page shows it: a clear message instead of the view
        browser.findElement(By.id("activity-back")).click();
        visible("view-list");
        hana.withPassword().delete("/api/v1/tokens/monitor").then().statusCode(204);
        browser.findElement(By.cssSelector("#token-rows tr[data-name='monitor']")).findElement(By.xpath(".//button[text()='Activity']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("activity-error"),
                "The token “monitor” no longer exists: it was revoked or renamed. Go back to the list to see its tokens now."));
        assertFalse(browser.findElement(By.id("activity-body")).isDisplayed());
        browser.findElement(By.id("activity-back")).click();
        visible("view-list");
        wait.until(d -> listedNames().equals(List.of("idle")));
    }

    /**
     * Issue 20 §2 on the page: a token's rate limit ("Calls per minute"), set on create, shown in the list, changed and
     * cleared in Edit access, each checked on the REST API; a value out of range is refused under the field.
     */
    @Test
    void aRateLimitSetChangedAndCleared() throws Exception {
        TestAccount ivan = newAccount();
        login(ivan);
        browser.findElement(By.id("open-create")).click();
        visible("token-name").sendKeys("throttled");
        browser.findElement(By.id("expires-never")).click();
        WebElement rate = browser.findElement(By.id("create-rate"));
        assertEquals("Calls per minute", browser.findElement(By.cssSelector("label[for='create-rate']")).getText());
        assertEquals("", rate.getAttribute("value"), "no limit by default");
        String rule = "Calls per minute: enter a whole number from 1 to 100000, or leave it empty for no limit.";
        for (String wrong : List.of("0", "100001", "2.5")) {
            rate.clear();
            rate.sendKeys(wrong);
            browser.findElement(By.id("create-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("create-rate-error"), rule));
            assertEquals("true", rate.getAttribute("aria-invalid"), wrong);
            assertEquals("create-rate", browser.switchTo().activeElement().getAttribute("id"), "focus goes to the field");
        }
        assertEquals(0, given().auth().preemptive().basic(ivan.username(), ivan.password()).get("/api/v1/tokens").then().statusCode(200)
                .extract().jsonPath().getList("$").size(), "nothing was sent");
        rate.clear();
        rate.sendKeys("30");
        assertFalse(browser.findElement(By.id("create-rate-error")).isDisplayed(), "typing clears the message");
        screenshot("31-rate-limit");
        browser.findElement(By.id("create-submit")).click();
        String token = visible("created-token").getAttribute("value");
        browser.findElement(By.id("saved-token")).click();
        visible("view-list");
        WebElement access = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#token-rows tr[data-name='throttled'] td[data-label='Access']")));
        assertEquals("Full access\nFrom any address\nAt most 30 calls a minute", access.getText());
        assertEquals(30, rateLimit(ivan, "throttled"));

        // edit: the field shows the limit; a new one is saved
        browser.findElement(By.cssSelector("#token-rows tr[data-name='throttled']")).findElement(By.xpath(".//button[text()='Edit access']")).click();
        visible("view-edit");
        WebElement edited = browser.findElement(By.id("edit-rate"));
        assertEquals("30", edited.getAttribute("value"));
        edited.clear();
        edited.sendKeys("-1");
        browser.findElement(By.id("edit-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("edit-rate-error"), rule));
        assertEquals(30, rateLimit(ivan, "throttled"), "nothing was sent");
        edited.clear();
        edited.sendKeys("120");
        browser.findElement(By.id("edit-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-status"), "Changed the access of “throttled”."));
        assertEquals("Full access\nFrom any address\nAt most 120 calls a minute",
                browser.findElement(By.cssSelector("#token-rows tr[data-name='throttled'] td[data-label='Access']")).getText());
        assertEquals(120, rateLimit(ivan, "throttled"));

        // ... and cleared: no limit
        browser.findElement(By.cssSelector("#token-rows tr[data-name='throttled']")).findElement(By.xpath(".//button[text()='Edit access']")).click();
        visible("view-edit");
        assertEquals("120", browser.findElement(By.id("edit-rate")).getAttribute("value"));
        browser.findElement(By.id("edit-rate")).clear();
        browser.findElement(By.id("edit-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-status"), "Changed the access of “throttled”."));
        assertEquals("Full access\nFrom any address",
                browser.findElement(By.cssSelector("#token-rows tr[data-name='throttled'] td[data-label='Access']")).getText());
        assertNull(rateLimit(ivan, "throttled"));
        ivan.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(1));
    }

    /** A token's rate_limit_per_minute as GET /api/v1/tokens shows it; null: none. */
    static Integer rateLimit(TestAccount account, String name) {
        return given().auth().preemptive().basic(account.username(), account.password()).get("/api/v1/tokens").then().statusCode(200)
                .extract().path("find { it.name == '" + name + "' }.rate_limit_per_minute");
    }

    /** Waits up to 5 s for a condition that the change feed makes true within a second. */
    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within 5 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theWholeFlow() throws Exception {
        TestAccount alice = newAccount();

        // 1. log in (a wrong password first: one generic message)
        browser.get(base + "/tokens");
        assertTrue(browser.getCurrentUrl().endsWith("/tokens/"), browser.getCurrentUrl());
        visible("login-user").sendKeys(alice.username());
        browser.findElement(By.id("login-password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        WebElement loginError = visible("login-error");
        assertEquals("The username or password is incorrect.", loginError.getText());
        screenshot("01-login-refused");
        browser.findElement(By.id("login-password")).sendKeys(alice.password());
        browser.findElement(By.id("login-submit")).click();
        visible("view-list");
        assertTrue(browser.findElement(By.id("empty")).isDisplayed());
        screenshot("02-logged-in");

        // 2. create with an invalid name, see the rule that failed, then a valid one
        java.time.LocalDate dayBefore = java.time.LocalDate.now();
        browser.findElement(By.id("open-create")).click();
        WebElement name = visible("token-name");
        name.sendKeys("bad name!");
        WebElement nameError = visible("token-name-error");
        assertTrue(nameError.getText().startsWith("The name may only contain letters, digits, hyphens (-) and underscores (_)"),
                nameError.getText());
        assertEquals("true", name.getAttribute("aria-invalid"));
        screenshot("03-invalid-name");
        name.clear();
        name.sendKeys("x".repeat(51));
        assertEquals("The name is too long: 51 characters, at most 50.", nameError.getText());
        name.clear();
        name.sendKeys("ci-deploy");
        assertFalse(nameError.isDisplayed());
        String defaultExpiry = browser.findElement(By.id("expires-date")).getAttribute("value");
        // The page read its date between dayBefore and now (two days only if the test ran across midnight).
        assertTrue(List.of(dayBefore.plusYears(1).toString(), java.time.LocalDate.now().plusYears(1).toString()).contains(defaultExpiry),
                "expiry defaults to one year ahead: " + defaultExpiry);
        browser.findElement(By.id("create-submit")).click();

        // 3. the token, once; copy it
        WebElement tokenField = visible("created-token");
        String token = tokenField.getAttribute("value");
        assertTrue(token.matches("[0-9A-Z]{32}"), token);
        browser.findElement(By.id("copy-token")).click();
        wait.until(ExpectedConditions.textToBe(By.id("copy-status"), "Copied to the clipboard."));
        assertTrue(browser.findElement(By.id("created-warning")).getText().contains("cannot be shown again"));
        // ... with cPanel's own instruction, ready to copy: this account, this token, this server (the page's origin)
        String curl = "curl -H'Authorization: cpanel " + alice.username() + ":" + token + "' '" + base + "/execute/Tokens/list'";
        assertEquals(curl, browser.findElement(By.id("created-curl")).getText());
        assertEquals(base, browser.executeScript("return location.origin;"), "the test's origin is the page's");
        browser.findElement(By.id("copy-curl")).click();
        wait.until(ExpectedConditions.textToBe(By.id("copy-curl-status"), "Copied to the clipboard."));
        screenshot("04-token-shown-once");

        // 4. confirm with "create another": back to the create form; a duplicate name is refused
        browser.findElement(By.id("create-another")).click();
        browser.findElement(By.id("saved-token")).click();
        WebElement second = visible("token-name");
        assertEquals("", second.getAttribute("value"));
        assertEquals("", browser.findElement(By.id("created-token")).getAttribute("value"), "the token left the page");
        assertEquals("", browser.findElement(By.id("created-curl")).getAttribute("textContent"), "... and the curl line with it");
        assertFalse(browser.getPageSource().contains(token), "no trace of the token in the DOM");
        second.sendKeys("ci-deploy");
        browser.findElement(By.id("expires-never")).click();
        browser.findElement(By.id("create-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("token-name-error"), "A conflicting API token with the name “ci-deploy” already exists."));
        screenshot("05-duplicate-refused");
        second.clear();
        second.sendKeys("backup_job");
        browser.findElement(By.id("create-submit")).click();
        visible("created-token");
        // ... and without it: to the list
        browser.findElement(By.id("saved-token")).click();
        visible("view-list");

        // 5. both are listed, active; sorting by name flips the order
        wait.until(d -> listedNames().size() == 2);
        assertEquals(List.of("backup_job", "ci-deploy"), listedNames());
        assertTrue(browser.findElement(By.id("token-rows")).getText().contains("Active"));
        assertTrue(browser.findElement(By.id("token-rows")).getText().contains("Never"), "backup_job never expires");
        browser.findElement(By.cssSelector("button[data-sort='name']")).click();
        assertEquals(List.of("ci-deploy", "backup_job"), listedNames());
        screenshot("06-listed");

        // 6. the copied token works
        given().header("Authorization", "cpanel " + alice.username() + ":" + token).get("/execute/Tokens/list").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(1)).body("data.name", org.hamcrest.Matchers.hasItem("ci-deploy"));

        // 7. rename inline
        WebElement row = browser.findElement(By.cssSelector("#token-rows tr[data-name='ci-deploy']"));
        row.findElement(By.xpath(".//button[text()='Rename']")).click();
        WebElement newName = row.findElement(By.cssSelector(".inline-rename input"));
        newName.sendKeys(Keys.chord(Keys.CONTROL, "a"), "deploy-prod", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("list-status"), "Renamed “ci-deploy” to “deploy-prod”."));
        assertTrue(listedNames().contains("deploy-prod"));
        screenshot("07-renamed");
        browser.navigate().refresh(); // reloading logs out and never shows a token again
        visible("view-login");
        login(alice);

        // 8. revoke, with a confirmation that names the token
        WebElement renamed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#token-rows tr[data-name='deploy-prod']")));
        renamed.findElement(By.xpath(".//button[text()='Revoke']")).click();
        WebElement question = visible("revoke-text");
        assertTrue(question.getText().contains("“deploy-prod”"), question.getText());
        screenshot("08-revoke-confirm");
        browser.findElement(By.id("revoke-confirm")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-status"), "Revoked “deploy-prod”."));
        assertEquals(List.of("backup_job"), listedNames());
        screenshot("09-revoked");

        // 9. the token is refused now
        given().header("Authorization", "cpanel " + alice.username() + ":" + token).get("/execute/Tokens/list").then().statusCode(401);

        browser.findElement(By.id("logout")).click();
        visible("view-login");
        assertFalse(browser.getPageSource().contains(token));
    }

    @Test
    void keyboardOnlyAndPhoneWidth() throws Exception {
        TestAccount bob = newAccount();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/tokens/");
        visible("login-user");
        assertEquals("login-user", browser.switchTo().activeElement().getAttribute("id"), "the username field has focus");
        browser.switchTo().activeElement().sendKeys(bob.username(), Keys.TAB, bob.password(), Keys.ENTER);
        visible("view-list");
        assertEquals("list-title", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the new view's heading");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("open-create", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        visible("view-create");
        assertEquals("token-name", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys("phone-token", Keys.ENTER);
        visible("view-created");
        for (String expected : List.of("created-token", "copy-token", "copy-curl", "create-another", "saved-token")) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertEquals(expected, browser.switchTo().activeElement().getAttribute("id"));
        }
        assertTrue(noHorizontalScroll(), "the one-time view fits a phone screen");
        screenshot("10-phone-token");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        visible("view-list");
        wait.until(d -> listedNames().equals(List.of("phone-token")));
        assertTrue(noHorizontalScroll(), "the list fits a phone screen");
        Object outline = browser.executeScript("const b = document.querySelector('#token-rows button'); b.focus();"
                + " return getComputedStyle(b).outlineStyle;");
        assertEquals("solid", outline, "focus is visible");
        screenshot("11-phone-list");
    }

    /**
     * The curl line works as printed: the token it holds lists the account's tokens (the command itself is not run: no
     * curl in the test; its URL and header are), and it goes when the view closes without "create another".
     */
    @Test
    void theCurlLineIsGoneWhenTheViewCloses() throws Exception {
        TestAccount frank = newAccount();
        login(frank);
        browser.findElement(By.id("open-create")).click();
        visible("token-name").sendKeys("curl-check", Keys.ENTER);
        String token = visible("created-token").getAttribute("value");
        String line = browser.findElement(By.id("created-curl")).getText();
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("curl -H'Authorization: (cpanel [^']+)' '([^']+)'").matcher(line);
        assertTrue(parts.matches(), line);
        assertEquals("cpanel " + frank.username() + ":" + token, parts.group(1));
        assertTrue(parts.group(2).startsWith(base + "/"), parts.group(2));
        given().header("Authorization", parts.group(1)).get(parts.group(2).substring(base.length())).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(1)).body("data.name", org.hamcrest.Matchers.hasItem("curl-check"));
        browser.findElement(By.id("saved-token")).click();
        visible("view-list");
        assertEquals("", browser.findElement(By.id("created-curl")).getAttribute("textContent"));
        assertFalse(browser.getPageSource().contains(token), "no trace of the token in the DOM");
    }

    /**
     * Long names at 1280 px: a name of hyphen- and underscore-joined words wraps only after a hyphen or an
     * underscore, never inside a word (checked on the rendered lines, from each character's box); a single word too
     * long for the column is cut with an ellipsis, the whole name in its title; the table needs no sideways scroll.
     */
    @Test
    void longNamesWrapAtWordBoundariesOnly() throws Exception {
        TestAccount grace = newAccount();
        String words = "nightly-backup-of-the-production-database_eu-west";
        String oneWord = "x".repeat(50);
        grace.newToken(words);
        grace.newToken(oneWord);
        grace.newToken("ci");
        browser.manage().window().setSize(new Dimension(1280, 900));
        login(grace);
        wait.until(d -> listedNames().size() == 3);
        assertEquals(1280L, browser.executeScript("return window.outerWidth;"));

        WebElement wordsName = browser.findElement(By.cssSelector("#token-rows tr[data-name='" + words + "'] .token-name"));
        assertEquals("normal", wordsName.getCssValue("word-break"));
        assertEquals("normal", wordsName.getCssValue("overflow-wrap"));
        assertEquals(words, wordsName.getAttribute("title"));
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) browser.executeScript(RENDERED_LINES, wordsName);
        assertEquals(words, String.join("", lines), "every character is rendered: " + lines);
        assertTrue(lines.size() >= 2, "the name is long enough to wrap at 1280 px: " + lines);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.endsWith("-") || line.endsWith("_"), "a line ends at a word boundary: " + lines);
        }

        WebElement oneWordName = browser.findElement(By.cssSelector("#token-rows tr[data-name='" + oneWord + "'] .token-name"));
        assertEquals(oneWord, oneWordName.getAttribute("title"), "the whole name in the tooltip");
        assertEquals("ellipsis", oneWordName.getCssValue("text-overflow"));
        @SuppressWarnings("unchecked")
        List<String> oneWordLines = (List<String>) browser.executeScript(RENDERED_LINES, oneWordName);
        assertEquals(1, oneWordLines.size(), "one word is never split over lines: " + oneWordLines);
        assertTrue((Boolean) browser.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth;", oneWordName),
                "the word is cut (with the ellipsis), not spilled over the next column");

        assertTrue((Boolean) browser.executeScript("const w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth;"),
                "the table fits at 1280 px");
        assertTrue(noHorizontalScroll());
        screenshot("14-long-names");
    }

    /** The element's text as rendered, one string per line box (a new line where a character's box starts lower). */
    static final String RENDERED_LINES = """
            const lines = []; let current = ''; let top = null;
            const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getBoundingClientRect();
                if (top !== null && box.top > top + 2) { lines.push(current); current = ''; }
                top = box.top;
                current += node.data[i];
              }
            }
            lines.push(current);
            return lines;
            """;

    @Test
    void aBlockedLoginSaysTooManyAttempts() throws Exception {
        TestAccount erin = newAccount();
        // The browser is on loopback, which is never IP-blocked: lock the user instead (cPHulk's local-origin rule,
        // off in the test profile), after two failures.
        for (String[] setting : new String[][] { { "username_based_protection_local_origin", "1" }, { "max_failures", "2" } }) {
            assertEquals("OK", dev.openuapi.support.Whm.reason(dev.openuapi.support.Fixtures.asRoot(), "set_cphulk_config_key",
                    Map.of("key", setting[0], "value", setting[1])));
        }
        try {
            browser.get(base + "/tokens");
            for (String wrong : List.of("wrong-one", "wrong-two")) {
                visible("login-user").clear();
                browser.findElement(By.id("login-user")).sendKeys(erin.username());
                browser.findElement(By.id("login-password")).sendKeys(wrong);
                browser.findElement(By.id("login-submit")).click();
                wait.until(d -> d.findElement(By.id("login-error")).getText().equals("The username or password is incorrect."));
                browser.executeScript("document.getElementById('login-error').textContent = ''");
            }
            browser.findElement(By.id("login-password")).sendKeys(erin.password());
            browser.findElement(By.id("login-submit")).click();
            wait.until(d -> d.findElement(By.id("login-error")).getText().startsWith("Too many attempts"));
            assertEquals("Too many attempts, try again in 5 minutes.", browser.findElement(By.id("login-error")).getText());
            assertFalse(browser.findElement(By.id("view-list")).isDisplayed(), "the right password is refused while locked");
            screenshot("13-too-many-attempts");
        } finally {
            assertEquals(1, dev.openuapi.support.Whm.json(dev.openuapi.support.Fixtures.asRoot(), "flush_cphulk_login_history", Map.of())
                    .get("metadata").get("result").intValue());
            for (String[] setting : new String[][] { { "username_based_protection_local_origin", "0" }, { "max_failures", "15" } }) {
                dev.openuapi.support.Whm.reason(dev.openuapi.support.Fixtures.asRoot(), "set_cphulk_config_key",
                        Map.of("key", setting[0], "value", setting[1]));
            }
        }
    }

    @Test
    void expiredTokensStayListedAsExpired() throws Exception {
        TestAccount dave = newAccount();
        // Five seconds ahead: enough for the create on a loaded two-core runner.
        long soon = System.currentTimeMillis() / 1000 + 5;
        String shortLived = given().auth().preemptive().basic(dave.username(), dave.password()).contentType("application/json")
                .body(Map.of("name", "short-lived", "expires_at", soon)).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
        while (System.currentTimeMillis() / 1000 <= soon) {
            Thread.sleep(200); // valid up to and including the expiry second
        }
        dave.withToken(shortLived).get("/execute/Tokens/list").then().statusCode(401); // it has really expired
        dave.newToken("long-lived"); // seconds later: the creation dates differ
        login(dave);
        wait.until(d -> listedNames().size() == 2);
        WebElement expired = browser.findElement(By.cssSelector("#token-rows tr[data-name='short-lived'] .badge"));
        WebElement active = browser.findElement(By.cssSelector("#token-rows tr[data-name='long-lived'] .badge"));
        assertEquals("Expired", expired.getText());
        assertEquals("Active", active.getText());
        browser.findElement(By.cssSelector("button[data-sort='created']")).click();
        assertEquals(List.of("short-lived", "long-lived"), listedNames(), "sorted by creation date");
        screenshot("12-expired-listed");
    }

    @Test
    void securityHeadersOnThePage() {
        for (String path : List.of("/tokens/", "/tokens/tokens.js", "/tokens/tokens.css")) {
            var headers = given().get(path).then().statusCode(200).extract().headers();
            assertTrue(headers.getValue("Content-Security-Policy").contains("script-src 'self'"), path);
            assertTrue(headers.getValue("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
            assertFalse(headers.getValue("Content-Security-Policy").contains("unsafe-inline"), path);
            assertEquals("DENY", headers.getValue("X-Frame-Options"), path);
            assertEquals("no-referrer", headers.getValue("Referrer-Policy"), path);
            assertEquals("no-store", headers.getValue("Cache-Control"), path);
        }
        String html = given().get("/tokens/").then().extract().asString();
        assertFalse(html.matches("(?s).*<script>.*|.*<script(?![^>]*\\bsrc=)[^>]*>.*|.*\\son[a-z]+=.*"), "no inline script or handlers");
        assertFalse(html.contains("//"), "no external asset: " + html.lines().filter(l -> l.contains("//")).toList());
        // the one response that holds a token is not cached
        TestAccount carol = newAccount();
        given().auth().preemptive().basic(carol.username(), carol.password()).contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/tokens").then().statusCode(201).header("Cache-Control", "no-store");
        // a script's failed login gets no browser prompt
        given().header("X-Requested-With", "XMLHttpRequest").auth().preemptive().basic(carol.username(), "wrong")
                .get("/api/v1/tokens").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
    }

    boolean noHorizontalScroll() {
        return (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    }
}
