package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.WebSession;

/** Sign-ups and first saves at the same moment: the schema keeps one of each, and no one gets a 500. */
@QuarkusTest
class ConcurrentSignUpTest {

    static final int AT_ONCE = 20;
    static final String PASSWORD = "a-long-password";
    static final AtomicInteger count = new AtomicInteger();

    /** Runs the requests all at once (each prepared first, then released together); returns their statuses. */
    static List<Integer> atOnce(IntFunction<Callable<Integer>> prepare) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                Callable<Integer> request = prepare.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A sign-up form opened (its CSRF token and cookie), posted when called. */
    static Callable<Integer> signUp(String name) {
        WebSession session = WebSession.anonymous();
        Document form = session.page("/signup");
        String token = WebSession.csrf(form, "form[action=/signup]");
        return () -> session.request().formParam("csrf-token", token).formParam("username", name)
                .formParam("password", PASSWORD).formParam("confirm", PASSWORD).post("/signup").statusCode();
    }

    static long accountsNamed(String name) {
        return QuarkusTransaction.requiringNew().call(
                () -> UserAccount.count("lower(username) = ?1", name.toLowerCase(Locale.ROOT)));
    }

    @Test
    void twentySignUpsWithOneNameMakeOneAccount() throws Exception {
        String name = "racer-" + count.incrementAndGet();
        List<Integer> statuses = atOnce(i -> signUp(name));
        assertThat(statuses).filteredOn(s -> s == 303).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 303).containsOnly(422);
        assertThat(accountsNamed(name)).isEqualTo(1);
    }

    @Test
    void twentySignUpsWithTheNameInDifferentCasesMakeOneAccount() throws Exception {
        String name = "caseyracer" + count.incrementAndGet();
        List<Integer> statuses = atOnce(i -> signUp(variant(name, i)));
        assertThat(statuses).filteredOn(s -> s == 303).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 303).containsOnly(422);
        assertThat(accountsNamed(name)).isEqualTo(1);
    }

    /** The name with the letters chosen by the bits of i in capitals: a different casing for each i. */
    static String variant(String name, int i) {
        StringBuilder cased = new StringBuilder();
        for (int c = 0; c < name.length(); c++) {
            cased.append((i >> c & 1) == 1 ? Character.toUpperCase(name.charAt(c)) : name.charAt(c));
        }
        return cased.toString();
    }

    @Test
    void twentyFirstSavesOfPreferencesAtOnceAllSucceed() throws Exception {
        String name = "saver-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        List<Integer> statuses = atOnce(i -> () -> given().auth().preemptive().basic(name, PASSWORD)
                .contentType(ContentType.JSON).body("{\"languages\":[\"en\"],\"interests\":\"history " + i + "\",\"uiLanguage\":\"zh\"}")
                .put("/api/me/preferences").statusCode());
        assertThat(statuses).containsOnly(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then().statusCode(200);
    }
}
