package org.wavelength.web.rest.gpodder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Interaction;
import org.wavelength.web.persistence.InteractionEntity;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The running application driven by a client nobody here wrote: Debian's python3-mygpoclient, the library gPodder
 * uses (its Basic-after-challenge sign-in, its cookie jar, its form-labelled JSON). Skipped where it is not installed.
 */
@QuarkusTest
@TestProfile(GpodderSyncApiTest.Isolated.class)
class MygpoclientSessionTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    @TestHTTPResource("/")
    URL root;

    @Test
    void gpodderLibrarySyncsDevicesSubscriptionsAndEpisodeActions() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import mygpoclient.api")).exit == 0,
                "python3-mygpoclient is not installed");
        long daveId = QuarkusTransaction.requiringNew().call(() -> UserAccount.create("dave", "dave-password", UserAccount.ROLE_USER).id);
        try (FeedServer server = FeedServer.start()) {
            String feed = server.serve("/mygpo.xml", "application/rss+xml",
                    new String(FeedServer.fixture("sourdough.xml"), StandardCharsets.UTF_8).replace("bread-", "mygpo-"));
            Api.addFeedAndWait(feed);
            Path script = Files.createTempFile("mygpoclient_session", ".py");
            try (var in = getClass().getResourceAsStream("/gpodder/mygpoclient_session.py")) {
                Files.write(script, in.readAllBytes());
            }
            String base = root.toString().replaceAll("/$", "");
            Result result = run(List.of(PYTHON.toString(), script.toString(), base, "dave", "dave-password", feed,
                    "https://bread.example/1.mp3"));
            System.out.println("mygpoclient session:\n" + result.output);
            assertThat(result.exit).as(result.output).isZero();
            Map<String, String> out = new LinkedHashMap<>();
            result.output.lines().filter(l -> l.contains("=")).forEach(l -> out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            assertThat(out.get("device_saved")).isEqualTo("True");
            assertThat(out.get("devices")).contains("gpo-laptop:gPodder on the laptop:laptop");
            assertThat(out.get("update_urls")).isEqualTo("[]");
            assertThat(out.get("pulled_add")).isEqualTo(feed);
            assertThat(out.get("simple_put")).isEqualTo("True");
            assertThat(out.get("simple_get")).isEqualTo(feed);
            assertThat(out.get("downloaded")).isEqualTo("https://bread.example/1.mp3|play|1190|gpo-laptop");
            assertThat(out.get("done")).isEqualTo("true");
            List<Interaction.Type> types = QuarkusTransaction.requiringNew().call(() ->
                    InteractionEntity.<InteractionEntity>list("userId", daveId).stream().map(i -> i.type).toList());
            assertThat(types).contains(Interaction.Type.SUBSCRIBE, Interaction.Type.COMPLETE);
        }
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
