package org.wavelength.web.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;

/**
 * Input that a careless client or a probe sends as a matter of course: each got a 500 once. Each must get a
 * clear 4xx in problem+json on the API (or an ordinary page), saying what is wrong.
 */
@QuarkusTest
class OrdinaryInputTest {

    /** Nothing left to search for once what cannot be read is taken away: NUL, private use, tag characters, bad UTF-8. */
    @ParameterizedTest
    @ValueSource(strings = {"%00", "%EE%80%80", "%F3%A0%81%81%F3%A0%81%82", "%C0%AF", "%E2%80%8B%E2%80%8B", "%01%02%7F"})
    void aQueryWithNothingReadableIsRefusedSayingSo(String escaped) {
        given().urlEncodingEnabled(false).get("/api/search?q=" + escaped)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("q"));
        // The page says it beside its form, as it says every other rule of the search.
        given().urlEncodingEnabled(false).get("/search?q=" + escaped)
                .then().statusCode(200).contentType(startsWith("text/html")).body(containsString("cannot be read"));
    }

    @Test
    void readableWordsAmongUnreadableCharactersAreSearchedFor() {
        given().urlEncodingEnabled(false).get("/api/search?q=history%00%EE%80%80of%20computing")
                .then().statusCode(200);
    }

    @Test
    void theChatRefusesAMessageWithNothingReadable() {
        given().contentType(ContentType.JSON).body("{\"message\":\"\\u0000\\uE000\"}").post("/api/chat")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aPageFarPastTheEndIsRefusedNotOverflowed() {
        given().get("/api/podcasts?page=107374183&size=20")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("page"));
        given().get("/api/podcasts?page=" + Integer.MAX_VALUE + "&size=100").then().statusCode(400);
        given().get("/?page=" + Integer.MAX_VALUE).then().statusCode(400).contentType(startsWith("text/html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en;q=abc", "en;q=", ";;;", "*;q=2", "zz-ZZ-xxxxxxxxxxxxxxxxxxxxxxxxx,en;q=0.5", "en;q=-1"})
    void aMalformedAcceptLanguageIsReadAsNone(String header) {
        given().header("Accept-Language", header).get("/").then().statusCode(200);
        given().header("Accept-Language", header).get("/api/podcasts").then().statusCode(200);
    }

    @Test
    void aFeedUrlLongerThanAnyFeedsIsRefused() {
        String url = "https://example.com/" + "a".repeat(2100);
        Api.asAdmin().body("{\"url\":\"" + url + "\"}").post("/api/admin/feeds")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("long"));
    }

    @Test
    void aJsonBodyNamingOneFieldTwiceIsRefused() {
        Api.asAdmin().body("{\"url\":\"https://example.com/a.xml\",\"url\":\"https://example.com/b.xml\"}")
                .post("/api/admin/feeds")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("url"));
    }

    @Test
    void malformedJsonIsRefusedSayingWhere() {
        Api.asAdmin().body("{\"url\":").post("/api/admin/feeds")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    /**
     * No client library sends it (they refuse to): written on a socket, as a probe does. Quarkus answered an empty 400
     * (issue 14); now the answer says what is wrong, as a problem on the API.
     */
    @Test
    void aMalformedEscapeIsRefusedSayingWhy() throws IOException {
        String api = rawGet("/api/search?q=%zz");
        assertThat(api).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("The address cannot be read: Malformed escape pair, at character 15");
        assertThat(rawGet("/search?q=100%")).startsWith("HTTP/1.1 400").contains("a % is followed by two hexadecimal digits");
        assertThat(rawGet("/api/search?q=100%25")).startsWith("HTTP/1.1 200");
    }

    static String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anOverlongRequestLineGetsAProblemNotAnEmptyBody() {
        given().urlEncodingEnabled(false).get("/api/search?q=" + "a".repeat(20_000))
                .then().statusCode(414).contentType(startsWith("application/problem+json"));
    }
}
