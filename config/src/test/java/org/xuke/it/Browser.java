package org.xuke.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at a real headless Chromium (Debian's chromium and chromedriver, never a
 * downloaded browser), holding his e-key through an {@link EkeyProxy}, signed in on the login
 * page like anyone else. Screenshots go to target/browser-screenshots as test artifacts.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final EkeyProxy proxy;
    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private Browser(String username) throws Exception {
        proxy = new EkeyProxy(Fixtures.ekey(username), Fixtures.EKEY_PASSWORD);
        profile = Files.createTempDirectory("xuke-chromium-" + username);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine's closed network needs; the proxy holds the e-key, loopback included
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1100", "--lang=zh-CN",
                "--proxy-server=" + proxy.address(), "--proxy-bypass-list=<-loopback>", "--ignore-certificate-errors");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens the browser and signs in with user name and password (the e-key being in the proxy). */
    static Browser signIn(String username, String password) throws Exception {
        Browser browser = new Browser(username);
        try {
            browser.open("/login.xhtml");
            browser.type("login:username", username);
            browser.type("login:password", password);
            browser.click("login:submit");
            browser.wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
            return browser;
        } catch (Exception | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    void open(String path) {
        driver.get(PortalClient.HTTPS + path);
    }

    void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)))).selectByValue(value);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /**
     * Answers the confirmation dialog of an irreversible step with 确定, after checking that it says
     * {@code expected}; returns what it said.
     */
    String confirm(String expected) {
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ui-confirm-dialog .ui-confirm-dialog-message")));
        wait.until(d -> message.getText().contains(expected));
        String said = message.getText();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")))
                .click();
        return said;
    }

    /** Ticks the selection box of the table row that shows {@code text}. */
    void tickRow(String tableId, String text) {
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[@id='" + tableId
                + "']//tbody/tr[.//text()[contains(., '" + text + "')]]")));
        row.findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box")).click();
        wait.until(d -> "true".equals(row.getAttribute("aria-selected")));
    }

    void clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
    }

    /** Waits until the element shows exactly this text (after a full-page form post). */
    String waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBe(By.id(id), text));
        return text;
    }

    /** Waits until the page says this (a message after a full-page form post). */
    void waitForMessage(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    String text(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) over the page as it stands; returns its violations,
     * one line each: impact, rule, how many elements, the first few of them.
     */
    List<String> axeViolations() throws IOException {
        if (axeScript == null) {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                axeScript = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        driver.executeScript(axeScript);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) { return (v.impact || 'none') + ' '"
                + " + v.id + ' x' + v.nodes.length + ' ' + v.nodes.slice(0, 3).map(function (n) {"
                + " return n.target.join(' '); }).join(' | '); })); })"
                + ".catch(function (e) { done(['error ' + e]); });");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    private static String axeScript;

    /** Sets the window's width (and a height to match), as a narrow screen would be. */
    void width(int pixels) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(pixels, 900));
    }

    /**
     * What a narrow window hides: the texts of table cells whose content is cut (wider than the
     * cell, not wrapped), and whether the page itself scrolls sideways beyond the window.
     */
    @SuppressWarnings("unchecked")
    List<String> clipped() {
        return (List<String>) driver.executeScript("var cut = [];"
                + "document.querySelectorAll('.ui-datatable td, .ui-datatable th').forEach(function (c) {"
                + "  if (c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1) { cut.push(c.textContent.trim()); } });"
                + "var wrapper = document.querySelector('.ui-datatable-wrapper');"
                + "if (document.documentElement.scrollWidth > window.innerWidth + 1) { cut.push('page wider than window: '"
                + "  + document.documentElement.scrollWidth + ' > ' + window.innerWidth); }"
                + "return cut;");
    }

    /** Presses a button and waits until its full-page post or its Ajax update is done. */
    void press(String id) {
        click(id);
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax"
                        + " || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** The error messages the page shows (Faces conversion and validation errors included). */
    @SuppressWarnings("unchecked")
    List<String> errors() {
        return (List<String>) driver.executeScript("var found = [];"
                + "document.querySelectorAll('.ui-messages-error, .ui-message-error, .ui-growl-item-container.ui-state-error')"
                + ".forEach(function (e) { if (e.offsetParent !== null) { found.push(e.textContent.trim()); } });"
                + "return found;");
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String page() {
        return driver.getPageSource();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("xuke.screenshots", "target/browser-screenshots"));
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            proxy.close();
        }
    }
}
