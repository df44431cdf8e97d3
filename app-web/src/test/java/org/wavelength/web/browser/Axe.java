package org.wavelength.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core run in the page: a page with a serious or critical violation fails the test, with each
 * rule's id, the elements it found and what to do. The script is fetched by .ci/run (pinned) and
 * named by the system property {@code axe.script} (app-web/pom.xml). Without it a developer's run
 * skips the check and says so; CI ({@code CI=true}) fails instead of hiding it.
 */
final class Axe {

    static final String SCRIPT = "axe.script";
    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    /** Runs axe on the whole document and hands its violations to the WebDriver callback. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(results => done(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')) }))))
              .catch(error => done([{ id: 'axe-error', impact: 'critical', help: String(error), helpUrl: '', targets: [] }]));
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** The script named by {@code axe.script}, or an Axe that checks nothing (outside CI) when it is absent. */
    static Axe load() {
        Path script = Path.of(System.getProperty(SCRIPT, "../.ci/cache/axe-core/axe.min.js"));
        if (!Files.isRegularFile(script)) {
            String message = "No accessibility check: axe-core is not at " + script + " (.ci/run fetches it; or pass -D"
                    + SCRIPT + "=<path to axe.min.js>).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.out.println("Skipped: " + message);
            return new Axe(null);
        }
        try {
            return new Axe(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the page the browser shows; fails with every serious or critical violation. */
    void check(JavascriptExecutor page, String where) {
        if (source == null) {
            return;
        }
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(source);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.executeAsyncScript(RUN);
        List<Map<String, Object>> failing = violations.stream().filter(v -> FAILING_IMPACTS.contains(v.get("impact")))
                .toList();
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core finds " + failing.size() + " serious or critical accessibility problem(s) on "
                    + where + ":\n" + failing.stream().map(Axe::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Map<String, Object> violation) {
        return "- " + violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + " "
                + violation.get("helpUrl") + "\n    elements: " + violation.get("targets");
    }
}
