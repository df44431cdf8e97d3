package org.wavelength.web.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The packaged embedded default ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a process of its own,
 * for the checks that kill it or measure it: its resident memory is its own, not a test JVM's.
 */
public record PackagedApp(Process process, int port) {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /** Starts the application on a free port over {@code data}, its log in target/{@code logName}.log. */
    public static PackagedApp start(Path data, String logName, String... settings) throws IOException {
        assertThat(JAR).as("the packaged application (failsafe runs after package)").exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dwavelength.data-dir=" + data.toAbsolutePath(),
                "-Dwavelength.bootstrap.starter-feeds=false",
                "-Dwavelength.admin.password=" + Api.ADMIN_PASSWORD,
                "-Dwavelength.ingest.allow-private-hosts=true"));
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", logName + ".log").toFile()).start();
        return new PackagedApp(process, port);
    }

    public PackagedApp awaitReady() {
        await(Duration.ofSeconds(120), () -> {
            try {
                return given().port(port).get("/q/health/ready").statusCode() == 200;
            } catch (Exception notYet) { // connection refused while it starts
                return false;
            }
        });
        return this;
    }

    /** VmRSS of the application's process in MB (Linux), or -1. */
    public long residentMb() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1024) / 1024;
        } catch (IOException e) {
            return -1;
        }
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static void await(Duration most, BooleanSupplier condition) {
        Instant until = Instant.now().plus(most);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", most).isBefore(until);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
