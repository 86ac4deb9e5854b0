package org.anchormarket.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Seeds a new platform through its public API, as real users would, so it is not empty: local and non-local
 * suppliers (registered by admin1 on their behalf, so the demo users supplier1 and supplier2 are still free to
 * register their own organisation), an open tender reserved for VCFSE organisations, a meet-the-buyer event. The borough's anchors come
 * with tender-service's reference data. Runs once per data directory.
 */
public final class DemoData {

    private static final String MARKER = "demo-data-seeded";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** One token per demo user for the whole seeding (they last 15 minutes). */
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();
    private final String gateway;
    private final String tokenUrl;

    public DemoData(String gateway, String tokenUrl) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
    }

    /** Seeds unless this data directory was seeded before; returns whether it seeded. */
    public boolean seedOnce(Path dataDir) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return false;
        }
        seed();
        try {
            Files.writeString(marker, Instant.now() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    void seed() {
        post("admin1", "/api/suppliers", """
                {"legalName": "Pemberton Joinery Ltd", "organisationType": "LIMITED_COMPANY",
                 "companyNumber": "07654321", "postcode": "WN5 9XX", "addressLines": ["Unit 4, Enfield Street"],
                 "employees": 12, "annualTurnover": 850000, "cpvCodes": ["45421000"],
                 "email": "office@pemberton-joinery.example", "paysRealLivingWage": true, "localStaffShare": 0.8}""");
        post("admin1", "/api/suppliers", """
                {"legalName": "Leigh Community Kitchen CIC", "organisationType": "CIC", "companyNumber": "12345678",
                 "postcode": "WN7 1DB", "addressLines": ["The Old Library, Railway Road"], "employees": 6,
                 "annualTurnover": 180000, "cpvCodes": ["55520000"], "email": "hello@leighkitchen.example",
                 "paysRealLivingWage": true, "localStaffShare": 0.9}""");
        post("admin1", "/api/suppliers", """
                {"legalName": "Atherton Cleaning Co-operative", "organisationType": "COOPERATIVE",
                 "postcode": "M46 9JA", "addressLines": ["12 Market Street"], "employees": 20,
                 "annualTurnover": 400000, "cpvCodes": ["90910000"], "email": "coop@athertoncleaning.example"}""");
        post("admin1", "/api/suppliers", """
                {"legalName": "Northern Office Supplies Ltd", "organisationType": "LIMITED_COMPANY",
                 "companyNumber": "04123456", "postcode": "M1 1AE", "addressLines": ["1 Piccadilly"],
                 "employees": 120, "annualTurnover": 25000000, "cpvCodes": ["30192000"],
                 "email": "sales@northernoffice.example"}""");
        post("admin1", "/api/suppliers", """
                {"legalName": "Lancashire Skills Partnership Ltd", "organisationType": "LIMITED_COMPANY",
                 "companyNumber": "05555555", "postcode": "PR7 1AA", "addressLines": ["Chorley Business Centre"],
                 "branches": [{"postcode": "WN1 1AA", "addressLines": ["Wigan Life Centre"]}], "employees": 35,
                 "annualTurnover": 2400000, "cpvCodes": ["80500000"], "email": "info@lancsskills.example"}""");
        post("buyer1", "/api/tenders", """
                {"title": "Community meals for older residents in Leigh", "cpvCode": "55520000",
                 "description": "Hot meals delivered five days a week to about 120 residents.",
                 "closesAt": "%s", "reservedFor": "VCFSE"}""".formatted(Instant.now().plus(21, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS)));
        post("buyer1", "/api/events", """
                {"title": "Meet the buyer: Wigan anchors", "kind": "MEET_THE_BUYER", "startsAt": "%s",
                 "venue": "Robin Park Arena, Wigan", "capacity": 300}""".formatted(Instant.now()
                .plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS)));
    }

    private void post(String user, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Demo data: POST " + path + " as " + user + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** A local demo user's token (password grant of the local-only anchor-cli client; password = user name). */
    String token(String user) {
        String form = "grant_type=password&client_id=anchor-cli&username=" + enc(user) + "&password=" + enc(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        try {
            JsonNode node = json.readTree(response.body());
            if (response.statusCode() != 200 || !node.hasNonNull("access_token")) {
                throw new IllegalStateException("No token for " + user + ": " + response.body());
            }
            return node.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
