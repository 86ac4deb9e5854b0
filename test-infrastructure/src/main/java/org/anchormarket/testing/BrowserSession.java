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

    private final Map<String, String> cookies;

    private BrowserSession(Map<String, String> cookies) {
        this.cookies = cookies;
    }

    /** The gateway's cookies, to send with the UI's requests. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public static BrowserSession signIn(String gateway, String username, String password) {
        Map<String, String> gatewayCookies = new HashMap<>();
        Response start = given().urlEncodingEnabled(false).redirects().follow(false).when().get(gateway + "/app");
        gatewayCookies.putAll(start.getCookies());
        String authorize = location(start, 302);

        Map<String, String> keycloakCookies = new HashMap<>();
        Response loginPage = given().urlEncodingEnabled(false).redirects().follow(false).cookies(keycloakCookies).when().get(authorize);
        keycloakCookies.putAll(loginPage.getCookies());
        Matcher action = FORM_ACTION.matcher(loginPage.asString());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new AssertionError("No Keycloak login form at " + authorize + ": " + loginPage.statusCode());
        }
        Response login = given().urlEncodingEnabled(false).redirects().follow(false).cookies(keycloakCookies)
                .formParam("username", username).formParam("password", password).formParam("credentialId", "")
                .when().post(action.group(1).replace("&amp;", "&"));
        String callback = location(login, 302);

        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(gatewayCookies).when().get(callback);
        gatewayCookies.putAll(back.getCookies());
        if (back.statusCode() != 302 && back.statusCode() != 200) {
            throw new AssertionError("The gateway refused the sign-in: " + back.statusCode() + " " + back.asString());
        }
        return new BrowserSession(gatewayCookies);
    }

    private static String location(Response response, int status) {
        if (response.statusCode() != status || response.header("Location") == null) {
            throw new AssertionError("Expected a redirect, got " + response.statusCode() + ": "
                    + response.asString().substring(0, Math.min(500, response.asString().length())));
        }
        return response.header("Location");
    }
}
