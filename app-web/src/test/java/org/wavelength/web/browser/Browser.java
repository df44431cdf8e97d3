package org.wavelength.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, with helpers that find elements as users do: by role
 * and accessible name (the label of a field, the text of a link or button), not by id or CSS.
 * Every step is checked with axe-core and kept as a screenshot under
 * {@code target/screenshots/<TestClass>/}.
 */
public final class Browser implements AutoCloseable {

    /** Pages are rendered on the server, but feeds are fetched in the background: be patient. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Elements that can carry each role, to avoid asking Chromium for the role of every element. */
    private static final java.util.Map<String, String> CANDIDATES = java.util.Map.of(
            "link", "a[href], [role=link]",
            "button", "button, input[type=submit], input[type=button], input[type=reset], [role=button]",
            "heading", "h1, h2, h3, h4, h5, h6, [role=heading]",
            "field", "input:not([type=hidden]), select, textarea",
            "region", "section, aside, nav, main, header, footer, form, [role]");

    private final Path screenshots;
    /** Pages already checked, by their HTML: a page shown again unchanged is not checked again. */
    private final Set<Integer> checked = new HashSet<>();
    private Axe axe;
    private ChromeDriver driver;
    private String base;
    private int step;

    public Browser(Class<?> testClass) {
        this.screenshots = Path.of("target", "screenshots", testClass.getSimpleName());
    }

    /** Starts Chromium on the first call; later calls keep it (one browser per test class). */
    public Browser start(URI base) {
        this.base = base.toString().replaceAll("/$", "");
        if (driver != null) {
            return this;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserAvailable.CHROMIUM.toFile());
        // The flags of the issue: no sandbox (containers run as root), and nothing fetched behind the test's back.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900");
        // The pages follow Accept-Language: the same English browser on every machine, whatever its locale.
        options.addArguments("--accept-lang=en-US,en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserAvailable.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        axe = Axe.load();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        // No implicit wait: it would slow every "is it absent?" check; waits are explicit (see until).
        driver.manage().timeouts().implicitlyWait(Duration.ZERO).pageLoadTimeout(WAIT);
        try {
            // A fresh folder per run: files of steps a test no longer takes would mislead.
            if (Files.isDirectory(screenshots)) {
                try (var old = Files.list(screenshots)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application and keeps a screenshot of the page. */
    public Browser open(String path, String step) {
        driver.get(base + path);
        screenshot(step);
        return this;
    }

    /** The path (and query) of the page shown, without scheme and host. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement link(String name) {
        return role("link", name);
    }

    public WebElement button(String name) {
        return role("button", name);
    }

    public WebElement heading(String name) {
        return role("heading", name);
    }

    /** A form field found by its label. */
    public WebElement field(String label) {
        return role("field", label);
    }

    /** A landmark or labelled section (region, complementary, navigation...) by its accessible name. */
    public WebElement region(String name) {
        return role("region", name);
    }

    /** Waits for the element of that role and accessible name on the page. */
    public WebElement role(String role, String name) {
        return role(driver, role, name);
    }

    /** Within part of the page (a section, a list item). */
    public WebElement role(SearchContext within, String role, String name) {
        try {
            // htmx replaces parts of a page: an element seen a moment ago may be gone; look again.
            return new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class, StaleElementReferenceException.class)
                    .until(d -> find(within, role, name));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No " + role + " named \"" + name + "\" on " + path() + "; there are "
                    + names(within, role), e);
        }
    }

    /** All elements of that role, in document order. */
    public List<WebElement> all(SearchContext within, String role) {
        return within.findElements(By.cssSelector(CANDIDATES.getOrDefault(role, "[role=" + role + "]"))).stream()
                .filter(e -> role.equals("field") || role.equals("region") || role.equals(e.getAriaRole()))
                .toList();
    }

    public List<String> names(SearchContext within, String role) {
        return all(within, role).stream().map(Browser::name).toList();
    }

    private WebElement find(SearchContext within, String role, String name) {
        return all(within, role).stream().filter(e -> name.equals(name(e))).findFirst()
                .orElseThrow(() -> new NoSuchElementException(role + " " + name));
    }

    /** The accessible name as Chromium computes it, with white space collapsed. */
    public static String name(WebElement element) {
        String name = element.getAccessibleName();
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    /** The cell of a table row in the column with that header, as a sighted user reads across. */
    public WebElement cell(WebElement row, String column) {
        WebElement table = row.findElement(By.xpath("./ancestor::table[1]"));
        List<String> headers = table.findElements(By.cssSelector("thead th")).stream().map(Browser::name).toList();
        int index = headers.indexOf(column);
        if (index < 0) {
            throw new AssertionError("No column \"" + column + "\" in " + headers);
        }
        return row.findElements(By.cssSelector("td, th")).get(index);
    }

    /** Waits until the condition holds (returns non-null / true). */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        // A condition read while a navigation replaces the page meets elements of the old one: ask it again.
        return new WebDriverWait(driver, WAIT).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Types keys where the focus is, as a keyboard user does. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    public Browser tab() {
        return press(Keys.TAB);
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Whether the element is, or is inside, the container. */
    public boolean within(WebElement element, WebElement container) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return arguments[1].contains(arguments[0]);", element, container));
    }

    /**
     * A step of a journey: the page passes axe-core's check (no serious or critical violation) and is
     * kept as target/screenshots/<TestClass>/<NN-step>.png.
     */
    public Path screenshot(String name) {
        if (driver != null && checked.add(driver.getPageSource().hashCode())) {
            axe.check(driver, path() + " (step " + name + ")");
        }
        return keepScreenshot(name);
    }

    /** Keeps what the browser shows, unchecked: for a test that failed. */
    public Path keepScreenshot(String name) {
        if (driver == null) {
            return null;
        }
        String file = String.format(Locale.ROOT, "%02d-%s.png", ++step, name.replaceAll("[^A-Za-z0-9._-]+", "-"));
        try {
            Path target = screenshots.resolve(file);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
