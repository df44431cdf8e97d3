package org.wavelength.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;

/** An OPML list of a few thousand feeds imports in one request, and again without doubling anything. */
@QuarkusTest
@TestProfile(OpmlBulkImportTest.NoFetching.class)
class OpmlBulkImportTest {

    /** Registration only: the 3,000 feeds point nowhere and are not fetched here. */
    public static class NoFetching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.ingest.enabled", "false");
        }
    }

    static final int FEEDS = 3000;

    @Test
    void threeThousandFeedsImportAndReimportWithoutDoubles() {
        String outlines = IntStream.range(0, FEEDS)
                .mapToObj(i -> "<outline type=\"rss\" text=\"Show " + i + "\" xmlUrl=\"https://feeds.example/" + i + ".xml\"/>")
                .collect(Collectors.joining("\n"));
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Big</title></head><body>"
                + outlines + "<outline type=\"rss\" text=\"Bad\" xmlUrl=\"javascript:alert(1)\"/></body></opml>";

        JsonPath first = Api.asAdmin().contentType("text/x-opml").body(opml).post("/api/admin/feeds/opml").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getInt("added")).isEqualTo(FEEDS);
        assertThat(first.getInt("present")).isZero();
        assertThat(first.getList("invalid.url")).containsExactly("javascript:alert(1)");

        JsonPath again = Api.asAdmin().contentType("text/x-opml").body(opml).post("/api/admin/feeds/opml").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getInt("added")).isZero();
        assertThat(again.getInt("present")).isEqualTo(FEEDS);

        assertThat(Api.asAdmin().get("/api/admin/feeds?size=1").then().extract().jsonPath().getLong("total"))
                .isEqualTo(FEEDS);
        String export = Api.asAdmin().get("/api/admin/feeds.opml").then().statusCode(200).extract().asString();
        assertThat(export.split("xmlUrl=", -1)).hasSize(FEEDS + 1);
    }
}
