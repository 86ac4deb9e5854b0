package org.anchormarket.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives every operation of an OpenAPI document with bad input, as a hostile client would: each parameter and each
 * body field given values of the wrong type, out of range, too long, with NUL characters, and whole bodies that are
 * not JSON, not one object, or duplicate keys. A body field is mutated inside a valid example of the body when the
 * test gives one (so the bad value gets past "required" checks into the service), else alone. Every answer must be
 * below 500, and every 4xx but 401 must be problem+json.
 */
public final class SpecFuzzer {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(100_000);

    private final JsonNode spec;
    private final List<String> failures = new ArrayList<>();
    private Map<String, String> pathValues = Map.of();
    private int requests;

    private SpecFuzzer(JsonNode spec) {
        this.spec = spec;
    }

    /** The spec from the classpath (the contracts jar holds them under openapi/). */
    public static SpecFuzzer of(String resource) {
        try (InputStream in = SpecFuzzer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the classpath");
            }
            return new SpecFuzzer(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fuzzes every operation with each token; {@code examples} maps an operationId to a valid JSON body to mutate,
     * {@code pathValues} a path parameter's name to a value that exists (else a random UUID). Returns the failures
     * (empty when every answer was as it must be).
     */
    public List<String> run(List<String> tokens, Map<String, String> examples, Map<String, String> pathValues) {
        this.pathValues = pathValues;
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                for (String token : tokens) {
                    fuzz(path.getKey(), operation.getKey(), operation.getValue(), token,
                            examples.get(operation.getValue().path("operationId").asText()));
                }
            }
        }
        return failures;
    }

    /**
     * Runs the fuzzer ({@link #run}) and fails unless it sent at least {@code leastRequests} requests and every answer
     * was as it must be (the first 40 failures are named).
     */
    public void assertSound(String api, int leastRequests, List<String> tokens, Map<String, String> examples,
            Map<String, String> pathValues) {
        List<String> found = run(tokens, examples, pathValues);
        System.out.println("[fuzz] " + api + ": " + requests + " requests, " + found.size() + " failures");
        if (requests < leastRequests) {
            throw new AssertionError("the fuzzer sent " + requests + " requests to the " + api + ", fewer than "
                    + leastRequests);
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " failures in the " + api + ":\n"
                    + String.join("\n", found.stream().limit(40).toList()));
        }
    }

    public int requests() {
        return requests;
    }

    private void fuzz(String template, String method, JsonNode operation, String token, String example) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
        Map<String, String> validPath = new LinkedHashMap<>();
        parameters.stream().filter(p -> p.path("in").asText().equals("path"))
                .forEach(p -> validPath.put(p.path("name").asText(), pathValues.getOrDefault(p.path("name").asText(),
                        UUID.randomUUID().toString())));
        String validUrl = expand(template, validPath);
        JsonNode body = requestSchema(operation, "application/json");
        boolean csv = !operation.path("requestBody").path("content").path("text/csv").isMissingNode();
        String validBody = example != null ? example : body != null ? "{}" : null;

        // Whatever the operation declares: a parameter it does not know, a body it does not take, a hostile header
        for (String bad : badTexts(null)) {
            send(method, validUrl + "?unknownParameter=" + bad, token, r -> r, validBody, csv,
                    "unknownParameter=" + bad);
        }
        if (body == null && !csv) {
            send(method, validUrl, token, r -> r.contentType("application/json").body("{\"a\":"), null, false,
                    "an unexpected, broken body");
            send(method, validUrl, token, r -> r.contentType("text/xml").body("<a/>"), null, false,
                    "an unexpected XML body");
        }
        send(method, validUrl, token, r -> r.header("Accept", "text/x-nothing"), validBody, csv, "Accept text/x-nothing");
        send(method, validUrl, token, r -> r.header("If-Match", "\"unterminated" + "x".repeat(3000)), validBody, csv,
                "If-Match garbage");
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            for (String bad : badTexts(resolve(parameter.path("schema")))) {
                switch (parameter.path("in").asText()) {
                    case "path" -> {
                        Map<String, String> values = new LinkedHashMap<>(validPath);
                        values.put(name, bad);
                        send(method, expand(template, values), token, r -> r, validBody, csv, name + "=" + bad);
                    }
                    case "query" -> send(method, validUrl + "?" + name + "=" + bad, token, r -> r, validBody, csv,
                            name + "=" + bad);
                    case "header" -> send(method, validUrl, token, r -> r.header(name, bad), validBody, csv,
                            name + ": " + bad);
                    default -> {
                    }
                }
            }
        }
        if (body != null) {
            for (String whole : List.of("", "null", "[]", "\"text\"", "{", "{} {}", "{\"a\":1,\"a\":2}", "NaN",
                    "{\"legalName\":\"a\",\"legalName\":\"b\"}", "\u0000")) {
                send(method, validUrl, token, r -> r, whole, false, "body " + whole);
            }
            ObjectNode base = example == null ? NODES.objectNode() : (ObjectNode) read(example);
            Map<String, JsonNode> properties = properties(body);
            for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                for (JsonNode bad : badValues(property.getValue())) {
                    ObjectNode mutated = base.deepCopy();
                    mutated.set(property.getKey(), bad);
                    String text = mutated.toString();
                    send(method, validUrl, token, r -> r, text, false, property.getKey() + "=" + abbreviate(bad));
                }
            }
            byte[] bytes = validBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            send(method, validUrl, token, r -> r.contentType("application/octet-stream").body(bytes), validBody,
                    false, "Content-Type application/octet-stream");
        }
        if (csv) {
            for (String bad : List.of("", "\u0000\u0001\u0002", "a,b\n\"unclosed", "\uFEFF" + LONG, "x\n".repeat(5))) {
                send(method, validUrl, token, r -> r, bad, true, "csv " + abbreviate(NODES.textNode(bad)));
            }
        }
    }

    private void send(String method, String url, String token,
            java.util.function.UnaryOperator<RequestSpecification> extra, String body, boolean csv, String what) {
        RequestSpecification request = given().urlEncodingEnabled(false).auth().oauth2(token);
        if (body != null) {
            request = request.contentType(csv ? "text/csv" : "application/json").body(body);
        }
        request = extra.apply(request);
        Response response;
        try {
            response = request.request(method.toUpperCase(), url);
        } catch (RuntimeException e) {
            failures.add(method.toUpperCase() + " " + abbreviate(url) + " [" + abbreviate(what) + "]: no answer: "
                    + abbreviate(e.toString()));
            return;
        }
        requests++;
        int status = response.statusCode();
        String contentType = String.valueOf(response.contentType());
        if (status >= 500) {
            failures.add(method.toUpperCase() + " " + abbreviate(url) + " [" + abbreviate(what) + "]: " + status + " "
                    + abbreviate(NODES.textNode(response.asString())));
        } else if (status >= 400 && status != 401 && !contentType.startsWith("application/problem+json")) {
            failures.add(method.toUpperCase() + " " + abbreviate(url) + " [" + abbreviate(what) + "]: " + status
                    + " without problem+json (" + contentType + ")");
        }
    }

    private static String abbreviate(Object value) {
        String text = value instanceof JsonNode node ? node.toString() : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String expand(String template, Map<String, String> values) {
        String url = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
        }
        return url;
    }

    /** Texts for a parameter (raw in the URL: %00 is a NUL, %FF is not UTF-8). */
    private static List<String> badTexts(JsonNode schema) {
        List<String> bad = new ArrayList<>(List.of("", "%00", "a%00b", "%FF%FE", "x".repeat(5000), "-1",
                "2147483648", "99999999999999999999", "1e999", "maybe", "not-a-uuid", "%27%3B--", "%2E%2E%2F"));
        if (schema != null && schema.has("enum")) {
            bad.add("NOT_A_VALUE");
        }
        return bad;
    }

    private List<JsonNode> badValues(JsonNode schema) {
        JsonNode s = resolve(schema);
        List<JsonNode> bad = new ArrayList<>(List.of(NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
                NODES.booleanNode(true), NODES.numberNode(new java.math.BigDecimal("1e-100000")),
                NODES.numberNode(new java.math.BigDecimal("1e100000")), NODES.numberNode(-1),
                NODES.numberNode(2147483648L), NODES.numberNode(1.5), NODES.textNode(""), NODES.textNode("   "),
                NODES.textNode("a\u0000b"), NODES.textNode(LONG), NODES.textNode("javascript:alert(1)"),
                NODES.textNode("+999999999-01-01T00:00:00Z"), NODES.textNode("not-a-uuid"), NODES.textNode("1")));
        if ("array".equals(s.path("type").asText())) {
            ArrayNode withNull = NODES.arrayNode().add("x").addNull();
            ArrayNode mixed = NODES.arrayNode().add(1).add(NODES.objectNode()).add("a\u0000");
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 10_000; i++) {
                many.add("45000000");
            }
            bad.addAll(List.of(withNull, mixed, many));
            JsonNode items = resolve(s.path("items"));
            if (items.has("properties")) {
                ObjectNode item = NODES.objectNode();
                items.path("properties").fieldNames().forEachRemaining(f -> item.put(f, "a\u0000b"));
                bad.add(NODES.arrayNode().add(item));
                bad.add(NODES.arrayNode().addNull());
            }
        }
        return bad;
    }

    /** The properties of a body schema, through $ref and allOf. */
    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode s = resolve(schema);
        s.path("allOf").forEach(part -> properties.putAll(properties(part)));
        s.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }

    private JsonNode requestSchema(JsonNode operation, String mediaType) {
        JsonNode schema = operation.path("requestBody").path("content").path(mediaType).path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current != null && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = spec.at(ref.substring(1));
        }
        return current;
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
