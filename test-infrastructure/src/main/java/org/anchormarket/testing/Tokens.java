package org.anchormarket.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local demo realm (password grant of the local-only {@code anchor-cli} client; each
 * demo user's password is its name).
 */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of the Keycloak this test JVM started. */
    public static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> fetch(SharedInfra.keycloak().tokenUrl(), u));
    }

    /** An access token from the Keycloak at {@code tokenUrl} (e.g. a whole platform started by a system test). */
    public static String fetch(String tokenUrl, String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "anchor-cli")
                .formParam("username", user)
                .formParam("password", user)
                .when().post(tokenUrl)
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
