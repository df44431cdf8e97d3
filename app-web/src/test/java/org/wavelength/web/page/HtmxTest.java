package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** htmx comes from its webjar, every page loads it deferred, and its configuration keeps the strict CSP. */
@QuarkusTest
class HtmxTest {

    @Test
    void everyPageLoadsTheServedHtmxScriptAfterParsing() {
        for (String path : List.of("/", "/search", "/login", "/signup")) {
            Document page = Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
            List<Element> htmx = page.select("head script[src*=htmx]");
            assertThat(htmx).as(path).singleElement().satisfies(script -> assertThat(script.hasAttr("defer")).isTrue());
            given().get(htmx.get(0).attr("src")).then().statusCode(200).contentType(containsString("javascript"))
                    .body(containsString("htmx"));
        }
    }

    @Test
    void htmxIsConfiguredForTheContentSecurityPolicy() {
        Document page = Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());
        Element meta = page.selectFirst("meta[name=htmx-config]");
        assertThat(meta).isNotNull();
        JsonPath config = JsonPath.from(meta.attr("content"));
        // Inline indicator styles, eval (hx-on, js: values) and scripts in answers would each break or weaken the CSP.
        assertThat(config.getBoolean("includeIndicatorStyles")).isFalse();
        assertThat(config.getBoolean("allowEval")).isFalse();
        assertThat(config.getBoolean("allowScriptTags")).isFalse();
        assertThat(page.select("[hx-on], [hx-vars], [hx-vals^=js:]")).isEmpty();
    }
}
