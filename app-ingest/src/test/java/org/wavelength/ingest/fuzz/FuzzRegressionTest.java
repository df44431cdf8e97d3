package org.wavelength.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input the fuzz check ever crashed a parser with, kept in {@code src/test/resources/fuzz/<target>/}
 * and run on every build, with or without the shared data: each must now be accepted or refused
 * with the parser's own exception.
 */
class FuzzRegressionTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fuzz");

    @TestFactory
    Stream<DynamicTest> keptCrashersAreAcceptedOrRefusedCleanly() throws IOException {
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (ParsersFuzzTest.Parser target : ParsersFuzzTest.parsers()) {
            Path folder = FIXTURES.resolve(target.name());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.sorted().forEach(file -> tests.add(DynamicTest.dynamicTest(target.name() + "/" + file.getFileName(),
                        () -> check(target, Files.readAllBytes(file)))));
            }
        }
        assertThat(tests).as("kept crashers under " + FIXTURES.toAbsolutePath()).isNotEmpty();
        return tests.stream();
    }

    private static void check(ParsersFuzzTest.Parser target, byte[] input) throws Exception {
        // Every declared MIME type and address the fuzz run may have drawn for it.
        for (int draw = 0; draw < 64; draw++) {
            try {
                target.call().accept(input, new Random(draw));
            } catch (Throwable failure) {
                if (!target.refusal().isInstance(failure) || failure instanceof ParsersFuzzTest.NoRefusal) {
                    throw new AssertionError(target.name() + " crashed: " + failure, failure);
                }
            }
        }
    }
}
