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
 * register their own organisation), two open tenders (community meals reserved for SMEs and VCFSE organisations, a kitchen refurbishment in two lots
 * reserved for suppliers in the borough), a meet-the-buyer event, and
 * a year of real published spend for the dashboard (Bolton Council's 2019 "spend over £500" file from the reference
 * data, under a demo anchor of its own so no Wigan anchor is credited with it). The borough's anchors come
 * with tender-service's reference data. Each item is added only when it is not there yet, so a seeding interrupted
 * half-way (Ctrl-C, a service down) is finished by the next start; once all is there, the data directory is marked
 * and later starts skip it.
 */
public final class DemoData {

    private static final String MARKER = "demo-data-seeded";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** One token per demo user for the whole seeding (they last 15 minutes). */
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();
    private final String gateway;
    private final String tokenUrl;
    /** The real spend file the demo loads; null: none (a checkout without the reference data). */
    private final Path spendFile;

    public DemoData(String gateway, String tokenUrl) {
        this(gateway, tokenUrl, null);
    }

    /** With the reference-data folder ({@code Platform.referenceData()}), whose real spend file it loads. */
    public DemoData(String gateway, String tokenUrl, Path referenceData) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
        Path file = referenceData == null ? null : referenceData.resolve("gm-council-spend-2019/bolton_2019.csv");
        this.spendFile = file != null && Files.isReadable(file) ? file : null;
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

    /** Adds whatever of the demo data is missing. */
    public void seed() {
        supplier("""
                {"legalName": "Pemberton Joinery Ltd", "organisationType": "LIMITED_COMPANY",
                 "companyNumber": "07654321", "postcode": "WN5 9XX", "addressLines": ["Unit 4, Enfield Street"],
                 "employees": 12, "annualTurnover": 850000, "cpvCodes": ["45421000"],
                 "email": "office@pemberton-joinery.example", "paysRealLivingWage": true, "localStaffShare": 0.8}""");
        supplier("""
                {"legalName": "Leigh Community Kitchen CIC", "organisationType": "CIC", "companyNumber": "12345678",
                 "postcode": "WN7 1DB", "addressLines": ["The Old Library, Railway Road"], "employees": 6,
                 "annualTurnover": 180000, "cpvCodes": ["55520000"], "email": "hello@leighkitchen.example",
                 "paysRealLivingWage": true, "localStaffShare": 0.9}""");
        supplier("""
                {"legalName": "Atherton Cleaning Co-operative", "organisationType": "COOPERATIVE",
                 "postcode": "M46 9JA", "addressLines": ["12 Market Street"], "employees": 20,
                 "annualTurnover": 400000, "cpvCodes": ["90910000"], "email": "coop@athertoncleaning.example"}""");
        supplier("""
                {"legalName": "Northern Office Supplies Ltd", "organisationType": "LIMITED_COMPANY",
                 "companyNumber": "04123456", "postcode": "M1 1AE", "addressLines": ["1 Piccadilly"],
                 "employees": 120, "annualTurnover": 25000000, "cpvCodes": ["30192000"],
                 "email": "sales@northernoffice.example"}""");
        supplier("""
                {"legalName": "Lancashire Skills Partnership Ltd", "organisationType": "LIMITED_COMPANY",
                 "companyNumber": "05555555", "postcode": "PR7 1AA", "addressLines": ["Chorley Business Centre"],
                 "branches": [{"postcode": "WN1 1AA", "addressLines": ["Wigan Life Centre"]}], "employees": 35,
                 "annualTurnover": 2400000, "cpvCodes": ["80500000"], "email": "info@lancsskills.example"}""");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        tender("Community meals for older residents in Leigh", """
                {"title": "Community meals for older residents in Leigh", "cpvCodes": ["55520000"],
                 "description": "Hot meals delivered five days a week to about 120 residents.",
                 "contractType": "SERVICES", "procedure": "OPEN", "estimatedValue": 150000,
                 "clarificationDeadline": "%s", "submissionDeadline": "%s",
                 "weights": {"price": 50, "quality": 30, "socialValue": 20}, "reservation": "SME_VCFSE"}"""
                .formatted(now.plus(14, ChronoUnit.DAYS), now.plus(21, ChronoUnit.DAYS)));
        tender("Community centre kitchen refurbishment, Hindley", """
                {"title": "Community centre kitchen refurbishment, Hindley", "cpvCodes": ["45210000"],
                 "description": "A new kitchen and accessible toilets for the Hindley community centre.",
                 "contractType": "WORKS", "procedure": "REQUEST_FOR_QUOTATION", "estimatedValue": 85000,
                 "lots": [{"title": "Kitchen", "estimatedValue": 60000, "cpvCodes": ["45421000"]},
                          {"title": "Accessible toilets", "estimatedValue": 25000, "cpvCodes": ["45332400"]}],
                 "clarificationDeadline": "%s", "submissionDeadline": "%s",
                 "weights": {"price": 60, "quality": 25, "socialValue": 15}, "reservation": "LOCAL"}"""
                .formatted(now.plus(10, ChronoUnit.DAYS), now.plus(28, ChronoUnit.DAYS)));
        Instant day = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        event("Meet the buyer: Wigan anchors", """
                {"title": "Meet the buyer: Wigan anchors", "kind": "MEET_THE_BUYER", "startsAt": "%s", "endsAt": "%s",
                 "description": "Meet the buyers of the borough's anchor institutions: 1:1 meetings by booking.",
                 "venue": "Robin Park Arena, Wigan", "town": "Wigan", "capacity": 300, "seatsPerOrganisation": 2,
                 "anchors": ["wigan-council", "wwl-nhs"], "cpvCodes": ["45000000", "55500000", "79000000"]}"""
                .formatted(day.plus(10, ChronoUnit.HOURS), day.plus(15, ChronoUnit.HOURS)));
        event("Bidding for public contracts: procurement training", """
                {"title": "Bidding for public contracts: procurement training", "kind": "TRAINING",
                 "startsAt": "%s", "endsAt": "%s",
                 "description": "Free training for local businesses and VCFSE organisations: finding opportunities, the Procurement Act 2023, writing a bid, social value.",
                 "venue": "Wigan Life Centre", "town": "Wigan", "capacity": 60, "seatsPerOrganisation": 2}"""
                .formatted(day.plus(9, ChronoUnit.DAYS).plus(13, ChronoUnit.HOURS),
                        day.plus(9, ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS)));
        if (spendFile != null) {
            spend();
        }
    }

    static final String DEMO_SPEND_ANCHOR = "bolton-council-demo";

    /**
     * Bolton's 2019 spend under a demo anchor, unless its payments are there: the anchor first (spend analytics
     * learns it from anchor.anchors, so the upload is tried again for a while while it is not known yet), then the
     * file, read after the answer. Loading it twice would count nothing twice anyway.
     */
    private void spend() {
        HttpResponse<String> anchor = send(authorized("admin1", "/api/anchors/" + DEMO_SPEND_ANCHOR).GET().build());
        if (anchor.statusCode() == 404) {
            post("admin1", "/api/anchors", """
                    {"id": "%s", "name": "Bolton Council (demo: its published 2019 spend)", "type": "SUB_CENTRAL"}"""
                    .formatted(DEMO_SPEND_ANCHOR));
        }
        if (read(get("admin1", "/api/reports/local-spend?anchor=" + DEMO_SPEND_ANCHOR)).path("lines").asLong() > 0) {
            return;
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> upload;
            try {
                upload = send(authorized("admin1", "/api/spend/uploads?anchor=" + DEMO_SPEND_ANCHOR)
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(spendFile)).build());
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalStateException("Demo data: " + spendFile + " is gone", e);
            }
            if (upload.statusCode() == 202) {
                return;
            }
            boolean anchorNotKnownYet = upload.statusCode() == 400 && upload.body().contains("\"anchor\"");
            if (!anchorNotKnownYet || System.nanoTime() > until) {
                throw new IllegalStateException("Demo data: uploading " + spendFile.getFileName() + " answered "
                        + upload.statusCode() + ": " + upload.body());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpRequest.Builder authorized(String user, String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::token));
    }

    /** Registers the supplier (as admin1) unless one of that legal name is registered already. */
    private void supplier(String body) {
        String name = read(body).get("legalName").asText();
        JsonNode page = read(get("admin1", "/api/suppliers?pageSize=100&q=" + enc(name)));
        for (JsonNode item : page.path("items")) {
            if (name.equals(item.path("legalName").asText())) {
                return;
            }
        }
        post("admin1", "/api/suppliers", body);
    }

    /** buyer1's tender with this title, published, unless it is: a draft left by an interrupted seeding is published. */
    private void tender(String title, String body) {
        String q = java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8);
        for (JsonNode item : read(get("buyer1", "/api/tenders?q=" + q)).path("items")) {
            if (title.equals(item.path("title").asText())) {
                return;
            }
        }
        String id = null;
        for (JsonNode item : read(get("buyer1", "/api/tenders?status=DRAFT&q=" + q)).path("items")) {
            if (title.equals(item.path("title").asText())) {
                id = item.path("id").asText();
            }
        }
        if (id == null) {
            id = read(post("buyer1", "/api/tenders", body, 201)).path("id").asText();
        }
        post("buyer1", "/api/tenders/" + id + "/publication", "", 200);
    }

    /**
     * buyer1's event with this title, unless it is listed: events-service learns the anchors from anchor.anchors, so
     * while it does not know them yet (a first start) the event is tried again for a while.
     */
    private void event(String title, String body) {
        for (JsonNode item : read(get("buyer1", "/api/events?size=100")).path("items")) {
            if (title.equals(item.path("title").asText())) {
                return;
            }
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> created = send(authorized("buyer1", "/api/events")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (created.statusCode() == 201) {
                return;
            }
            boolean anchorNotKnownYet = created.statusCode() == 400 && created.body().contains("\"anchors[");
            if (!anchorNotKnownYet || System.nanoTime() > until) {
                throw new IllegalStateException("Demo data: the event " + title + " answered " + created.statusCode()
                        + ": " + created.body());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String get(String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::token))
                .GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Demo data: GET " + path + " as " + user + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Demo data: not JSON: " + body, e);
        }
    }

    private void post(String user, String path, String body) {
        post(user, path, body, 201);
    }

    private String post(String user, String path, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Demo data: POST " + path + " as " + user + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
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
