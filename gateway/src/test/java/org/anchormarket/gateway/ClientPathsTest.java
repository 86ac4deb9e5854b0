package org.anchormarket.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.anchormarket.gateway.client.AnchorsClient;
import org.anchormarket.gateway.client.ClarificationsClient;
import org.anchormarket.gateway.client.PayeesClient;
import org.anchormarket.gateway.client.SpendReportsClient;
import org.anchormarket.gateway.client.SpendUploadsClient;
import org.anchormarket.gateway.client.SupplierClient;
import org.anchormarket.gateway.client.TendersClient;
import org.junit.jupiter.api.Test;

/**
 * Every call the pages make reaches an operation of the service's spec: the client's own path and the method's make
 * a path the spec has. (A client that extends a generated interface under another class-level path sends its calls
 * nowhere: the tender page once asked for its questions at /{id}/questions and got the service's 404.)
 */
class ClientPathsTest {

    private static final Map<Class<?>, String> SPECS = Map.of(
            TendersClient.class, "tender", ClarificationsClient.class, "tender", AnchorsClient.class, "tender",
            SupplierClient.class, "supplier", PayeesClient.class, "analytics", SpendReportsClient.class, "analytics",
            SpendUploadsClient.class, "analytics", org.anchormarket.gateway.client.EventsClient.class, "events");

    @Test
    void shouldCallOnlyPathsTheServicesHave() throws IOException {
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        for (var entry : SPECS.entrySet()) {
            Set<String> paths = paths(entry.getValue());
            String base = entry.getKey().getAnnotation(Path.class).value();
            for (Method m : entry.getKey().getMethods()) {
                Path path = m.getAnnotation(Path.class);
                if (path == null && !isCall(m)) {
                    continue;
                }
                calls++;
                // a call without its own path (a generated interface of one operation keeps its path on the
                // interface, which the client's own class-level path replaces) goes to the client's base alone
                String full = normalise(base + "/" + (path == null ? "" : path.value()));
                if (paths.stream().noneMatch(specPath -> matches(full, specPath))) {
                    unknown.add(entry.getKey().getSimpleName() + "." + m.getName() + " -> " + full);
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(calls > 40, "found " + calls + " calls");
    }

    /** An HTTP method's annotation (GET, POST, ...) makes the method a call. */
    private static boolean isCall(Method m) {
        return java.util.Arrays.stream(m.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    /** The spec's paths, their parameters named alike: /api/tenders/{}/questions. */
    private static Set<String> paths(String spec) throws IOException {
        String text = Files.readString(java.nio.file.Path.of("..", "contracts", "src", "main", "openapi", spec,
                "openapi.yaml"));
        Matcher m = Pattern.compile("(?m)^  (/[^:\\s]+):\\s*$").matcher(text);
        Set<String> paths = new java.util.HashSet<>();
        while (m.find()) {
            paths.add(normalise(m.group(1)));
        }
        return paths.stream().collect(Collectors.toSet());
    }

    /** A client path's parameter may stand for a spec path's literal segment (one client method, several reports). */
    private static boolean matches(String client, String spec) {
        String[] c = client.split("/");
        String[] s = spec.split("/");
        if (c.length != s.length) {
            return false;
        }
        for (int i = 0; i < c.length; i++) {
            if (!c[i].equals(s[i]) && !c[i].equals("{}")) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String path) {
        String p = path.replaceAll("\\{[^}]+}", "{}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
