package org.wavelength.web.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wavelength.web.security.UserAccount;

/** A session session: the cookie filter keeps the sign-in and CSRF cookies between requests. */
public record WebSession(CookieFilter cookies) {

    public static WebSession anonymous() {
        return new WebSession(new CookieFilter());
    }

    /** Signs in with the form, as a person does. */
    public static WebSession signedIn(String username, String password) {
        WebSession session = anonymous();
        String location = session.signInForm().formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().header("Location");
        assertThat(location).as("signed in").doesNotContain("error");
        return session;
    }

    /** Creates a listener account (role user) directly in the database. */
    public static void createListener(String username, String password) {
        QuarkusTransaction.requiringNew().run(() -> UserAccount.create(username, password, UserAccount.ROLE_USER));
    }

    /** A post of the sign-in form: its page opened first, for the form's CSRF token (and its cookie). */
    public RequestSpecification signInForm() {
        return signInForm(cookies);
    }

    public static RequestSpecification signInForm(CookieFilter cookies) {
        WebSession session = new WebSession(cookies);
        String token = csrf(session.page("/login"), "form[action=/j_security_check]");
        return session.request().formParam("csrf-token", token);
    }

    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** GETs a page that must answer 200 and parses it; the path is sent as given (a Location is already encoded). */
    public Document page(String path) {
        return Jsoup.parse(request().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString());
    }

    /** The CSRF token of the page's form with this selector. */
    public static String csrf(Document page, String formSelector) {
        Element form = page.selectFirst(formSelector);
        assertThat(form).as("form " + formSelector).isNotNull();
        Element token = form.selectFirst("input[name=csrf-token]");
        assertThat(token).as("CSRF field in " + formSelector).isNotNull();
        return token.attr("value");
    }
}
