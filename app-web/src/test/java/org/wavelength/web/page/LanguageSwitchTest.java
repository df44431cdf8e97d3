package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.WebSession;

/**
 * Which language the pages speak: the account's choice, else the ui-lang cookie, else Accept-Language,
 * else English; and the switcher in the header that sets it.
 */
@QuarkusTest
class LanguageSwitchTest {

    static final String PASSWORD = "a-long-password";
    static final AtomicInteger count = new AtomicInteger();
    static final String SWITCH = "header form.language-switch";

    static Document home(RequestSpecification request) {
        Response response = request.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.asString());
    }

    static void assertEnglish(Document page) {
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("nav[aria-label=Main] a").eachText()).startsWith("Home", "Search");
    }

    static void assertChinese(Document page) {
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(page.select("nav[aria-label=\"主导航\"] a").eachText()).startsWith("首页", "搜索");
    }

    // --- Choosing -------------------------------------------------------------------------------

    @Test
    void withoutAcceptLanguageThePagesAreEnglish() {
        Response response = given().get("/search");
        assertThat(response.header("Content-Language")).isEqualTo("en");
        Document page = Jsoup.parse(response.asString());
        assertEnglish(page);
        assertThat(page.select("h1").text()).isEqualTo("Search");
        assertThat(page.select(SWITCH + " button[aria-current=true]").text()).isEqualTo("English");
    }

    @Test
    void aChineseBrowserGetsChinesePagesWhateverItsRegionOrScript() {
        for (String accept : List.of("zh-CN,zh;q=0.9,en;q=0.8", "zh-TW", "zh-Hans", "ZH")) {
            Response response = given().header("Accept-Language", accept).get("/search");
            assertThat(response.header("Content-Language")).as(accept).isEqualTo("zh-Hans");
            Document page = Jsoup.parse(response.asString());
            assertChinese(page);
            assertThat(page.select("h1").text()).isEqualTo("搜索");
            assertThat(page.select("label[for=search-q]").text()).isEqualTo("关键词、话题，或你记得听到过的一句话");
            assertThat(page.select(SWITCH + " button[aria-current=true]").text()).isEqualTo("中文");
        }
    }

    @Test
    void theFirstLanguageThePagesSpeakWinsAndOthersAreEnglish() {
        assertChinese(home(given().header("Accept-Language", "fr-FR, zh;q=0.8, en;q=0.5")));
        assertEnglish(home(given().header("Accept-Language", "en-GB, zh;q=0.8")));
        assertEnglish(home(given().header("Accept-Language", "fr, de;q=0.5")));
        assertEnglish(home(given().header("Accept-Language", "zh;q=0, en;q=0.5")));
    }

    @Test
    void theCookieOverridesAcceptLanguage() {
        assertEnglish(home(given().header("Accept-Language", "zh-CN").cookie("ui-lang", "en")));
        assertChinese(home(given().header("Accept-Language", "en-US").cookie("ui-lang", "zh")));
        // A cookie the pages do not know is no choice.
        assertChinese(home(given().header("Accept-Language", "zh-CN").cookie("ui-lang", "klingon")));
    }

    @Test
    void errorPagesSpeakTheChosenLanguageToo() {
        Response missing = given().header("Accept-Language", "zh-CN").get("/episodes/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(missing.asString());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(page.select("h1").text()).isEqualTo("页面不存在");
        assertThat(page.select("main p").first().text()).isEqualTo("没有 id 为 999999 的单集。");
        assertThat(page.select("a[href=/]").text()).isEqualTo("返回播客列表");

        // No resource at all: answered before routing, by the same choice.
        Response nowhere = given().header("Accept-Language", "zh-CN").get("/no-such-page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(nowhere.asString()).select("h1").text()).isEqualTo("页面不存在");
        Response nowhereInEnglish = given().header("Accept-Language", "zh-CN").cookie("ui-lang", "en").get("/no-such-page");
        assertThat(Jsoup.parse(nowhereInEnglish.asString()).select("h1").text()).isEqualTo("Not Found");
        assertThat(nowhereInEnglish.header("Content-Language")).isEqualTo("en");
    }

    // --- Switching ------------------------------------------------------------------------------

    @Test
    void theSwitcherSetsTheCookieAndGoesBackToThePage() {
        WebSession session = WebSession.anonymous();
        Document search = session.page("/search?language=en");
        assertEnglish(search);
        assertThat(search.selectFirst(SWITCH).attr("aria-label")).isEqualTo("Language");
        assertThat(search.select(SWITCH + " input[name=return]").attr("value")).isEqualTo("/search?language=en");
        assertThat(search.select(SWITCH + " button[name=lang]").eachAttr("value")).containsExactly("en", "zh");

        Response switched = session.request().formParam("csrf-token", WebSession.csrf(search, SWITCH))
                .formParam("lang", "zh").formParam("return", "/search?language=en").post("/ui-language");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/search?language=en");
        String cookie = switched.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("ui-lang="))
                .findFirst().orElseThrow();
        assertThat(cookie).startsWith("ui-lang=zh;").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").containsPattern("Max-Age=\\d{6,}");

        Document chinese = session.page("/search?language=en");
        assertChinese(chinese);
        assertThat(chinese.selectFirst(SWITCH).attr("aria-label")).isEqualTo("语言");

        session.request().formParam("csrf-token", WebSession.csrf(chinese, SWITCH)).formParam("lang", "en")
                .formParam("return", "/").post("/ui-language").then().statusCode(303);
        assertEnglish(session.page("/"));
    }

    @Test
    void theSwitcherIsAFormThatNeedsItsCsrfToken() {
        WebSession session = WebSession.anonymous();
        session.page("/");
        Response forged = session.request().formParam("lang", "zh").formParam("return", "/").post("/ui-language");
        assertThat(forged.statusCode()).isIn(400, 403);
        assertThat(forged.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("ui-lang="));
        assertEnglish(session.page("/"));
    }

    @Test
    void theSwitcherOnlyReturnsToPathsOfThisSite() {
        WebSession session = WebSession.anonymous();
        String token = WebSession.csrf(session.page("/"), SWITCH);
        for (String hostile : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
                "javascript:alert(1)", "evil.example", "/\t/evil.example", "")) {
            Response response = session.request().formParam("csrf-token", token).formParam("lang", "zh")
                    .formParam("return", hostile).post("/ui-language");
            assertThat(response.statusCode()).as(hostile).isEqualTo(303);
            assertThat(response.header("Location")).as(hostile).matches("https?://[^/]+/").doesNotContain("evil");
        }
    }

    @Test
    void aLanguageThePagesDoNotSpeakIsRefused() {
        WebSession session = WebSession.anonymous();
        String token = WebSession.csrf(session.page("/"), SWITCH);
        Response refused = session.request().formParam("csrf-token", token).formParam("lang", "fr")
                .formParam("return", "/").post("/ui-language");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).contains("text/html");
        assertThat(Jsoup.parse(refused.asString()).select("main p").first().text())
                .isEqualTo("The interface speaks English (en) or Chinese (zh); fr is neither.");
        assertThat(refused.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("ui-lang="));
    }

    // --- A listener's choice --------------------------------------------------------------------

    @Test
    void aListenersChoiceOutranksCookieAndBrowserAndOutlivesTheSession() {
        String name = "lang-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        WebSession session = WebSession.signedIn(name, PASSWORD);
        Document home = session.page("/");
        assertEnglish(home);
        session.request().formParam("csrf-token", WebSession.csrf(home, SWITCH)).formParam("lang", "zh")
                .formParam("return", "/me").post("/ui-language").then().statusCode(303);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then()
                .body("uiLanguage", equalTo("zh"));

        // A new session: no ui-lang cookie, an English browser, even a cookie for English.
        WebSession again = WebSession.signedIn(name, PASSWORD);
        Document me = Jsoup.parse(again.request().header("Accept-Language", "en-US").cookie("ui-lang", "en").get("/me")
                .then().statusCode(200).extract().asString());
        assertChinese(me);
        assertThat(me.select("h1").text()).isEqualTo("个人资料");
        assertThat(me.select("select#ui-language option[selected]").attr("value")).isEqualTo("zh");
        assertThat(me.select("label[for=ui-language]").text()).isEqualTo("界面语言");

        // Automatic, from the profile form: the browser speaks again, and the cookie is dropped.
        Response saved = again.request().formParam("csrf-token", WebSession.csrf(me, "form[action=/me/preferences]"))
                .formParam("uiLanguage", "").post("/me/preferences");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("ui-lang=") && c.contains("Max-Age=0"));
        given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then()
                .body("uiLanguage", nullValue());
        assertEnglish(Jsoup.parse(again.request().header("Accept-Language", "en-US").get("/me").asString()));
        assertChinese(Jsoup.parse(again.request().header("Accept-Language", "zh-CN").get("/me").asString()));
    }

    @Test
    void theProfileFormRefusesALanguageThePagesDoNotSpeak() {
        String name = "lang-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        WebSession session = WebSession.signedIn(name, PASSWORD);
        Document me = session.page("/me");
        assertThat(me.select("select#ui-language option").eachAttr("value")).containsExactly("", "en", "zh");
        assertThat(me.select("select#ui-language option[selected]").attr("value")).isEmpty();
        Response refused = session.request().formParam("csrf-token", WebSession.csrf(me, "form[action=/me/preferences]"))
                .formParam("uiLanguage", "fr").post("/me/preferences");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("[role=alert]").text())
                .isEqualTo("The interface speaks English (en) or Chinese (zh); fr is neither.");
    }

    @Test
    void theApiKeepsTheChoiceAndLeavingItOutMeansAutomatic() {
        String name = "lang-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        var api = given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON);
        api.get("/api/me/preferences").then().statusCode(200).body("uiLanguage", nullValue());
        api.body(Map.of("interests", "jazz", "uiLanguage", "zh")).put("/api/me/preferences").then().statusCode(200)
                .body("uiLanguage", equalTo("zh"));
        api.get("/api/me/preferences").then().body("uiLanguage", equalTo("zh")).body("interests", equalTo("jazz"));
        api.body(Map.of("uiLanguage", "fr")).put("/api/me/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        api.body(Map.of("interests", "jazz")).put("/api/me/preferences").then().statusCode(200)
                .body("uiLanguage", nullValue());
        api.get("/api/me/preferences").then().body("uiLanguage", nullValue());
    }
}
