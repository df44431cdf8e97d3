package org.wavelength.web.browser;

import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves what the browser showed when a test failed. The test instance lives in Quarkus' class
 * loader, so its {@link Browser} field is found and called by reflection, not by type.
 */
public class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Optional<Object> instance = context.getTestInstance();
        if (instance.isEmpty()) {
            return;
        }
        for (Class<?> type = instance.get().getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType().getName().equals(Browser.class.getName())) {
                    try {
                        field.setAccessible(true);
                        Object browser = field.get(instance.get());
                        if (browser != null) {
                            browser.getClass().getMethod("keepScreenshot", String.class)
                                    .invoke(browser, "failed-" + context.getRequiredTestMethod().getName());
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        System.err.println("No screenshot of the failure: " + e);
                    }
                    return;
                }
            }
        }
    }
}
