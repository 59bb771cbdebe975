package org.explainers.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Nothing is downloaded:
 * the driver path is set and Selenium Manager is switched off (SE_OFFLINE).
 */
public final class Browser {

    static final String CHROMIUM = System.getProperty("chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    /**
     * Pages opened from disk may not read other files, as in a reader's browser: the pages under
     * test carry a pull request's templates and scripts, which must not read the machine's files
     * (--allow-file-access-from-files would let them, and send them out by navigating).
     */
    public static ChromeDriver start(int width, int height) {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
                "the browser tests need " + CHROMIUM + " and " + DRIVER
                        + ": sudo apt-get install chromium chromium-driver (bash .ci/run does it)");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /**
     * Asserts that every image of the page shows, at its own proportions. Images load lazily, as
     * a reader scrolls to them: each is brought into view and given time to load.
     */
    public static void imagesShown(ChromeDriver driver, String what) {
        driver.executeScript("Array.from(document.images).forEach(i => i.scrollIntoView()); window.scrollTo(0, 0);");
        String broken = "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0"
                // Drawn at another shape than its own only when stretched: `object-fit: cover` (a card's 3:2 frame) crops instead.
                + " || getComputedStyle(i).objectFit === 'fill' && Math.abs(i.width / i.height - i.naturalWidth / i.naturalHeight) > 0.02).map(i => i.src)";
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(d -> ((List<?>) driver.executeScript(broken)).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), driver.executeScript(broken), what + ": images not shown, or distorted");
        }
    }

    /** Emulates a medium: "print" lays the page out as printed, "" as on screen. */
    public static void media(ChromeDriver driver, String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** Emulates the reader's colour-scheme preference ("light" or "dark"). */
    public static void colorScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }
}
