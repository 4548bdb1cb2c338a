package dev.clipflow.local.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.local.runtime.Up;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.demo.DemoVideo;
import dev.clipflow.testing.media.TestVideos;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The local console ({@code ./clipflow up}'s page at {@code /}) in headless Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}, which {@code .ci/run} installs), against the real stack: a generated clip
 * uploaded through the page's file input (presigned multipart PUTs from the browser, cross-origin to the S3
 * endpoint) reaches PUBLISHED on the page, the player loads its first segment, the graph is lit; a corrupt file
 * shows the failed state's error. Screenshots go to {@code target/console-screenshots/}.
 *
 * <p>Without Chromium the test fails, unless {@code CLIPFLOW_SKIP_BROWSER_TESTS=1} says skipping is allowed.
 */
class ConsoleIT {

    static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    static Up up;
    static WebDriver browser;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String message = "The console test needs Chromium: apt-get install -y chromium chromium-driver"
                    + " (.ci/run installs them)";
            Assumptions.assumeFalse("1".equals(System.getenv("CLIPFLOW_SKIP_BROWSER_TESTS")),
                    message + "; skipped because CLIPFLOW_SKIP_BROWSER_TESTS=1");
            throw new IllegalStateException(message + ", or set CLIPFLOW_SKIP_BROWSER_TESTS=1 to skip it");
        }
        System.setProperty("logging.level.root", "WARN");
        Path root = RepoRoot.get();
        up = Up.start(root.resolve("template.yaml"), root.resolve("local/runtime/target/function-cache"), 0, 1.0,
                LocalHttpApi.defaultIdentity());
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1500",
                        "--autoplay-policy=no-user-gesture-required");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (up != null) {
            up.close();
        }
    }

    @Test
    void console_clipUploadedThroughThePage_publishedPlayingAndLit() throws Exception {
        String creator = "console-" + System.nanoTime();
        String viewer = creator + "-viewer";
        Path clip = DemoVideo.generate(Files.createDirectories(tmp.resolve("clip")), "640x360", 2);
        open(creator);
        type("viewer", viewer);
        browser.findElement(By.id("subscribe")).click();
        waitFor(Duration.ofSeconds(30), () -> text("feed").contains("none yet"));
        type("title", "Console clip");

        browser.findElement(By.id("file")).sendKeys(clip.toString());

        waitFor(Duration.ofMinutes(5), () -> Stream.of("PUBLISHED", "FAILED").anyMatch(text("status")::equals));
        assertThat(text("status")).as(text("error") + " " + text("execution")).isEqualTo("PUBLISHED");
        assertThat(text("upload-status")).startsWith("uploaded: 1 part,");
        waitFor(Duration.ofSeconds(60), () -> ((Number) js("return document.getElementById('player').readyState"))
                .intValue() >= 2);
        waitFor(Duration.ofSeconds(60), () -> text("execution").contains("SUCCEEDED"));
        for (String state : new String[] {"Probe the source", "Transcode the HLS ladder", "Publish the video",
                "Fan out to subscribers", "Video published"}) {
            assertThat(stateClass(state)).as(state).contains("succeeded");
        }
        assertThat(stateClass("Clean up the failed video")).contains("idle");
        assertThat(browser.findElements(By.cssSelector("#renditions td"))).hasSizeGreaterThan(2);
        assertThat(text("cost")).contains("transcode");
        assertThat(Integer.parseInt(browser.findElement(By.id("seek")).getDomAttribute("data-thumbnails")))
                .isPositive();
        assertThat(browser.findElement(By.id("poster")).isDisplayed()).isTrue();
        browser.findElement(By.id("load-feed")).click();
        waitFor(Duration.ofSeconds(30), () -> text("feed").contains("Console clip"));
        screenshot("console-published.png");

        String videoId = text("video-id");
        JsonNode execution = get("/_local/videos/" + videoId + "/execution");
        assertThat(execution.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.path("events").size()).isGreaterThan(10);
    }

    @Test
    void console_corruptFile_failedStateShowsItsError() throws Exception {
        Path corrupt = Files.copy(TestVideos.shared().corrupt(), tmp.resolve("corrupt.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        open("console-failing-" + System.nanoTime());
        type("title", "Not a video");

        browser.findElement(By.id("file")).sendKeys(corrupt.toString());

        waitFor(Duration.ofMinutes(3), () -> text("status").equals("FAILED") && !text("execution").contains("RUNNING"));
        assertThat(stateClass("Probe the source")).contains("succeeded"); // the fixture's damage is in its frames
        assertThat(stateClass("Transcode the HLS ladder")).contains("failed");
        assertThat(stateClass("Clean up the failed video")).contains("succeeded");
        assertThat(stateClass("Video failed")).contains("failed");
        assertThat(stateClass("Video published")).contains("idle");
        assertThat(browser.findElements(By.cssSelector("#execution .failure")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith("Transcode the HLS ladder failed: dev.clipflow.media.MediaRejectedException:"
                        + " CORRUPT: ")).toList()).hasSize(1);
        assertThat(text("stage")).isNotBlank(); // the video's failureReason
        screenshot("console-failed.png");
    }

    private static void open(String user) {
        browser.get(up.api().url() + "/");
        waitFor(Duration.ofSeconds(30), () -> !browser.findElements(By.cssSelector("#graph svg")).isEmpty());
        type("user", user);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        browser.findElement(By.cssSelector("#channel-form button")).click();
        waitFor(Duration.ofSeconds(30), () -> text("channel").startsWith("channel "));
    }

    private static void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String stateClass(String state) {
        return browser.findElement(By.cssSelector("g[data-state=\"" + state + "\"]")).getDomAttribute("class");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Waits for {@code condition}; an error shown by the page, or the timeout, fails with what the page shows. */
    private static void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, timeout, Duration.ofMillis(250)).until(b -> {
                if (browser.findElement(By.id("error")).isDisplayed()) {
                    throw new AssertionError("the page shows an error: " + text("error") + pageState());
                }
                return condition.getAsBoolean();
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(e.getMessage() + pageState(), e);
        } finally {
            try {
                screenshot("console-last.png");
            } catch (Exception ignored) {
                // the assertion's message says what happened
            }
        }
    }

    private static String pageState() {
        return Stream.of("upload-status", "video-id", "status", "stage", "execution")
                .map(id -> "\n  #" + id + ": " + text(id)).reduce("", String::concat)
                + browser.manage().logs().get("browser").getAll().stream().map(l -> "\n  console: " + l.getMessage())
                .reduce("", String::concat);
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(up.api().url().resolve(path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
