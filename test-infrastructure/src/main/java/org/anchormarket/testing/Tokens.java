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

    /**
     * A token of a brand-new user of the test Keycloak holding {@code role} (created through Keycloak's admin API
     * with the throw-away bootstrap admin), for tests that need a user nobody else has used.
     */
    public static String ofNewUser(String role) {
        return ofNewUser(SharedInfra.keycloak().url(), role);
    }

    /** The same on the Keycloak at {@code base} (e.g. a whole platform started by a system test). */
    public static String ofNewUser(String base, String role) {
        return fetch(base + "/realms/anchor-market/protocol/openid-connect/token", newUser(base, role));
    }

    /** A brand-new user with this (verified) email address, for what is bound to an address (invitations). */
    public static String ofNewUserWithEmail(String role, String email) {
        return ofNewUserWithEmail(SharedInfra.keycloak().url(), role, email);
    }

    /** The same on the Keycloak at {@code base}. */
    public static String ofNewUserWithEmail(String base, String role, String email) {
        return fetch(base + "/realms/anchor-market/protocol/openid-connect/token", newUser(base, role, email, true));
    }

    /** A brand-new user whose email address Keycloak has not verified. */
    public static String ofNewUserWithUnverifiedEmail(String role, String email) {
        String base = SharedInfra.keycloak().url();
        return fetch(base + "/realms/anchor-market/protocol/openid-connect/token", newUser(base, role, email, false));
    }

    /** A brand-new buyer of {@code anchor} (its {@code anchor} attribute, which becomes the token's claim). */
    public static String ofNewBuyer(String anchor) {
        String base = SharedInfra.keycloak().url();
        String username = newUser(base, "buyer");
        String admin = adminToken(base);
        // Keycloak keeps attributes its user profile does not declare only when admins may edit them
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = given().auth().oauth2(admin)
                .when().get(base + "/admin/realms/anchor-market/users/profile").then().statusCode(200)
                .extract().as(Map.class);
        if (!"ADMIN_EDIT".equals(profile.get("unmanagedAttributePolicy"))) {
            profile.put("unmanagedAttributePolicy", "ADMIN_EDIT");
            given().auth().oauth2(admin).contentType("application/json").body(profile)
                    .when().put(base + "/admin/realms/anchor-market/users/profile").then().statusCode(200);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) given().auth().oauth2(admin).queryParam("username", username)
                .queryParam("exact", true).when().get(base + "/admin/realms/anchor-market/users")
                .then().statusCode(200).extract().as(java.util.List.class).get(0);
        user.put("attributes", Map.of("anchor", java.util.List.of(anchor)));
        given().auth().oauth2(admin).contentType("application/json").body(user)
                .when().put(base + "/admin/realms/anchor-market/users/" + user.get("id")).then().statusCode(204);
        return fetch(SharedInfra.keycloak().tokenUrl(), username);
    }

    /** The subject ({@code sub}) of an access token: the user's lasting id, as the services see it. */
    public static String subject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        String subject = io.restassured.path.json.JsonPath.from(payload).getString("sub");
        if (subject == null) {
            throw new IllegalStateException("The token has no subject: " + payload);
        }
        return subject;
    }

    /** Creates a user holding {@code role} on the Keycloak at {@code base}; returns its name, also its password. */
    public static String newUser(String base, String role) {
        return newUser(base, role, null, true);
    }

    /** The same, with this email address (null for one made from the user name), verified or not. */
    public static String newUser(String base, String role, String email, boolean emailVerified) {
        String admin = adminToken(base);
        String username = role + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(admin).contentType("application/json").body(Map.of(
                "username", username, "enabled", true, "emailVerified", emailVerified, "firstName", "Test",
                "lastName", role, "email", email != null ? email : username + "@test.anchormarket.local",
                "credentials", java.util.List.of(Map.of("type", "password", "value", username, "temporary", false))))
                .when().post(base + "/admin/realms/anchor-market/users")
                .then().statusCode(201).extract().header("Location");
        Map<String, Object> roleRepresentation = given().auth().oauth2(admin)
                .when().get(base + "/admin/realms/anchor-market/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType("application/json").body(java.util.List.of(roleRepresentation))
                .when().post(location + "/role-mappings/realm")
                .then().statusCode(204);
        return username;
    }

    /** A token of the Keycloak's throw-away bootstrap admin (test Keycloaks only), for its admin API. */
    private static String adminToken(String base) {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "kcadmin").formParam("password", "kcadmin")
                .when().post(base + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * A token of the same realm and user, but issued to another client ({@code admin-cli}, which every realm has):
     * not meant for the platform's APIs, which must refuse it.
     */
    public static String ofOtherClient(String tokenUrl, String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", user).formParam("password", user)
                .when().post(tokenUrl).then().statusCode(200).extract().path("access_token");
    }

    /** The same on the Keycloak this test JVM started. */
    public static String ofOtherClient(String user) {
        return ofOtherClient(SharedInfra.keycloak().tokenUrl(), user);
    }

    /** The test-only copy of {@code anchor-cli} whose access tokens live three seconds. */
    private static final String SHORT_LIVED_CLIENT = "anchor-cli-short-lived";

    /**
     * An access token for the platform's APIs, from a test-only copy of {@code anchor-cli} (same audience) whose
     * tokens expire three seconds after they are issued (Keycloak counts whole seconds): for tests of what an
     * expired token gets.
     */
    public static synchronized String ofShortLived(String user) {
        String base = SharedInfra.keycloak().url();
        String admin = adminToken(base);
        String clients = base + "/admin/realms/anchor-market/clients";
        java.util.List<?> existing = given().auth().oauth2(admin).queryParam("clientId", SHORT_LIVED_CLIENT)
                .when().get(clients).then().statusCode(200).extract().as(java.util.List.class);
        if (existing.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> client = (Map<String, Object>) given().auth().oauth2(admin)
                    .queryParam("clientId", "anchor-cli").when().get(clients)
                    .then().statusCode(200).extract().as(java.util.List.class).get(0);
            client.remove("id");
            client.put("clientId", SHORT_LIVED_CLIENT);
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) client.computeIfAbsent("attributes",
                    k -> new java.util.HashMap<String, Object>());
            attributes.put("access.token.lifespan", "3");
            Object mappers = client.get("protocolMappers");
            if (mappers instanceof java.util.List<?> list) {
                list.forEach(mapper -> ((Map<?, ?>) mapper).remove("id"));
            }
            given().auth().oauth2(admin).contentType("application/json").body(client)
                    .when().post(clients).then().statusCode(201);
        }
        return fetch(SharedInfra.keycloak().tokenUrl(), SHORT_LIVED_CLIENT, user);
    }

    /** An access token from the Keycloak at {@code tokenUrl} (e.g. a whole platform started by a system test). */
    public static String fetch(String tokenUrl, String user) {
        return fetch(tokenUrl, "anchor-cli", user);
    }

    private static String fetch(String tokenUrl, String client, String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", user)
                .when().post(tokenUrl)
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
