package org.wavelength.web.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the test run of the PostgreSQL build: without a reachable PostgreSQL (a developer's machine)
 * the run reports itself skipped and says how to enable it; where one is required (CI, with
 * {@code CI=true}) an unreachable server fails the run instead of hiding it.
 */
public class PostgresAvailable implements ExecutionCondition {

    private static volatile ConditionEvaluationResult result;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"postgresql".equals(System.getProperty("quarkus.datasource.db-kind"))) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL run");
        }
        if (result == null) {
            result = check(System.getProperty("quarkus.datasource.jdbc.url"), System.getProperty("quarkus.datasource.username"),
                    System.getProperty("quarkus.datasource.password"));
        }
        return result;
    }

    /** Enabled when this PostgreSQL answers; disabled (or, under CI, an exception) when it does not. */
    public static ConditionEvaluationResult check(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + url + " (" + e.getMessage() + "). Start it and create the"
                    + " role and database as .ci/run does (pg_ctlcluster 15 main start) to test the PostgreSQL build.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + message);
        }
    }
}
