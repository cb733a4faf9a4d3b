package org.xuke.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
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
 * downloaded browser), his e-key imported into the browser's own certificate store (the NSS
 * database in {@code $HOME/.pki/nssdb}, where a person's e-key middleware puts it), the
 * deployment root trusted there, and the certificate chosen without a dialog by the managed policy
 * {@code AutoSelectCertificateForUrls}: the portal sees a real browser's mutual TLS, nothing in
 * between. Screenshots go to target/browser-screenshots as test artifacts.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    static final Path PK12UTIL = Path.of("/usr/bin/pk12util");
    /** Chromium's machine-wide managed policies (Linux); .ci/run writes ours, as root may here too. */
    static final Path POLICY = Path.of("/etc/chromium/policies/managed/xuke-it.json");
    /** Each entry is itself a JSON text: any certificate in the store, for the portal's HTTPS origin. */
    static final String POLICY_JSON = "{\"AutoSelectCertificateForUrls\": [\"{\\\"pattern\\\":\\\""
            + PortalClient.HTTPS + "\\\",\\\"filter\\\":{}}\"]}\n";

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** What is missing for the browser test, or null: the packages, and the policy where it cannot be written. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CERTUTIL)
                || !Files.isExecutable(PK12UTIL)) {
            return "apt-get install chromium chromium-driver libnss3-tools (as .ci/run does) to run the browser test";
        }
        try {
            if (!Files.exists(POLICY) || !Files.readString(POLICY).contains(PortalClient.HTTPS)) {
                Files.createDirectories(POLICY.getParent());
                Files.writeString(POLICY, POLICY_JSON);
            }
            return null;
        } catch (IOException e) {
            return "write Chromium's policy " + POLICY + " (as .ci/run does, as root): " + POLICY_JSON;
        }
    }

    private Browser(String username) throws Exception {
        Path home = Files.createTempDirectory("xuke-chromium-" + (username == null ? "anyone" : username));
        if (username != null) {
            ekeyInto(home.resolve(".pki/nssdb"), Fixtures.ekey(username), Fixtures.EKEY_PASSWORD);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine's closed network needs; no certificate errors are ignored
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + home.resolve("profile"), "--window-size=1400,1100",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // the page's console (CSP refusals, WebSocket errors), for what a failed wait shows
        org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        // Chromium on Linux finds its NSS database under $HOME
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("HOME", home.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /**
     * A new NSS database holding the holder's key and certificate, and the deployment root (the
     * last certificate of the e-key's chain) trusted for TLS servers: what a person's e-key
     * middleware and the bureau's installation guide leave in the browser.
     */
    private static void ekeyInto(Path nssdb, Path pkcs12, char[] password) throws Exception {
        Files.createDirectories(nssdb);
        String db = "sql:" + nssdb;
        run(CERTUTIL.toString(), "-N", "-d", db, "--empty-password");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        Certificate[] chain = store.getCertificateChain(alias);
        Path root = nssdb.resolve("root.crt");
        Files.write(root, chain[chain.length - 1].getEncoded());
        run(CERTUTIL.toString(), "-A", "-d", db, "-n", "xuke deployment root", "-t", "C,,", "-i", root.toString());
        run(PK12UTIL.toString(), "-i", pkcs12.toString(), "-d", db, "-W", new String(password), "-K", "");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** A browser with no e-key, for pages outside the portal (the customs simulator's declarant). */
    static Browser withoutEkey() throws Exception {
        return new Browser(null);
    }

    /** Opens the browser and signs in with user name and password (the e-key being in its store). */
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

    /** A page outside the portal (the customs simulator's). */
    void openAddress(String url) {
        driver.get(url);
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

    /** Ticks the selection box of the table row that links to this address (a draft has no number yet). */
    void tickRowLinking(String tableId, String href) {
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[@id='" + tableId
                + "']//tbody/tr[.//a[@href='" + href + "']]")));
        row.findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box")).click();
        wait.until(d -> "true".equals(row.getAttribute("aria-selected")));
    }

    /** The record id in the address of the page shown (…?id=123). */
    long idInUrl() {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("[?&]id=(\\d+)").matcher(url());
        if (!id.find()) {
            throw new AssertionError("no record id in " + url());
        }
        return Long.parseLong(id.group(1));
    }

    void clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
    }

    /** Waits until the element shows exactly this text (after a full-page form post). */
    String waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBe(By.id(id), text));
        return text;
    }

    /** What the page wrote to its console since last asked (errors, CSP refusals). */
    String console() {
        return String.join("\n", driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                .stream().map(e -> e.getLevel() + " " + e.getMessage()).toList());
    }

    /** The page's source as it now stands (after scripts). */
    String source() {
        return driver.getPageSource();
    }

    /** Waits until the element no longer holds this text (after a pushed re-render, say). */
    void waitForTextGone(String id, String text) {
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text)));
    }

    /** Waits until the page says this (a message after a full-page form post). */
    void waitForMessage(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** The attribute of an element once it is visible (after an Ajax update, say). */
    String attribute(String id, String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getAttribute(name);
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
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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

    /** The browser's back button. */
    void back() {
        driver.navigate().back();
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
        driver.quit();
    }
}
