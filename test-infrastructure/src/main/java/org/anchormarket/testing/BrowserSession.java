package org.anchormarket.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a user in to the gateway's web UI the way a browser does: the authorization code flow through Keycloak's
 * real login form (redirects followed by hand, cookies kept per site). The result is the gateway's session cookies.
 */
public final class BrowserSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern REGISTER_LINK = Pattern.compile("href=\"([^\"]*login-actions/registration[^\"]*)\"");
    private static final Pattern REGISTER_FORM_ACTION = Pattern.compile(
            "<form[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ORIGIN = Pattern.compile("(https?://[^/\"]+)/realms/");

    private final Map<String, String> cookies;

    private BrowserSession(Map<String, String> cookies) {
        this.cookies = cookies;
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** The gateway's cookies, to send with the UI's requests. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** The CSRF token the session's forms carry (read from the signed-in home page, as a browser has it). */
    public String csrf(String gateway) {
        String home = given().cookies(cookies).when().get(gateway + "/app").then().statusCode(200).extract().asString();
        Matcher token = CSRF.matcher(home);
        if (!token.find()) {
            throw new AssertionError("No CSRF token in the signed-in home page");
        }
        return token.group(1);
    }

    public static BrowserSession signIn(String gateway, String username, String password) {
        return through(gateway, (loginPage, keycloakCookies) -> {
            Matcher action = FORM_ACTION.matcher(loginPage);
            if (!action.find()) {
                throw new AssertionError("No Keycloak login form");
            }
            return given().urlEncodingEnabled(false).redirects().follow(false).cookies(keycloakCookies)
                    .formParam("username", username).formParam("password", password).formParam("credentialId", "")
                    .when().post(unescape(action.group(1)));
        });
    }

    /** A new user creates an account on Keycloak's registration page (self-registration), then is signed in. */
    public static BrowserSession signUp(String gateway, String username, String password, String email) {
        return through(gateway, (loginPage, keycloakCookies) -> {
            Matcher link = REGISTER_LINK.matcher(loginPage);
            if (!link.find()) {
                throw new AssertionError("No registration link on Keycloak's login page: is registration allowed?");
            }
            Response form = given().urlEncodingEnabled(false).redirects().follow(false).cookies(keycloakCookies)
                    .when().get(absolute(loginPage, unescape(link.group(1))));
            keycloakCookies.putAll(form.getCookies());
            Matcher action = REGISTER_FORM_ACTION.matcher(form.asString());
            if (!action.find()) {
                throw new AssertionError("No Keycloak registration form: " + form.statusCode());
            }
            return given().urlEncodingEnabled(false).redirects().follow(false).cookies(keycloakCookies)
                    .formParam("username", username).formParam("email", email)
                    .formParam("firstName", "New").formParam("lastName", "Supplier")
                    .formParam("password", password).formParam("password-confirm", password)
                    .when().post(unescape(action.group(1)));
        });
    }

    private interface KeycloakStep {
        Response submit(String loginPage, Map<String, String> keycloakCookies);
    }

    /** Starts at the gateway's /app, lets {@code step} answer Keycloak, and follows the callback to the gateway. */
    private static BrowserSession through(String gateway, KeycloakStep step) {
        Map<String, String> gatewayCookies = new HashMap<>();
        Response start = given().urlEncodingEnabled(false).redirects().follow(false).when().get(gateway + "/app");
        gatewayCookies.putAll(start.getCookies());
        String authorize = location(start, 302);

        Map<String, String> keycloakCookies = new HashMap<>();
        Response loginPage = given().urlEncodingEnabled(false).redirects().follow(false).when().get(authorize);
        keycloakCookies.putAll(loginPage.getCookies());
        if (loginPage.statusCode() != 200) {
            throw new AssertionError("No Keycloak login page at " + authorize + ": " + loginPage.statusCode());
        }
        String callback = location(step.submit(loginPage.asString(), keycloakCookies), 302);

        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(gatewayCookies)
                .when().get(callback);
        gatewayCookies.putAll(back.getCookies());
        if (back.statusCode() != 302 && back.statusCode() != 200) {
            throw new AssertionError("The gateway refused the sign-in: " + back.statusCode() + " " + back.asString());
        }
        return new BrowserSession(gatewayCookies);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&");
    }

    /** Keycloak's links may be relative to its own address. */
    private static String absolute(String page, String href) {
        if (href.startsWith("http")) {
            return href;
        }
        Matcher origin = ORIGIN.matcher(page);
        if (!origin.find()) {
            throw new AssertionError("Cannot tell Keycloak's address from its page");
        }
        return origin.group(1) + href;
    }

    private static String location(Response response, int status) {
        if (response.statusCode() != status || response.header("Location") == null) {
            throw new AssertionError("Expected a redirect, got " + response.statusCode() + ": "
                    + response.asString().substring(0, Math.min(500, response.asString().length())));
        }
        return response.header("Location");
    }
}
