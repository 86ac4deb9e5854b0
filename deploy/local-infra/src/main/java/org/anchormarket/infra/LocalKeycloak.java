package org.anchormarket.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (the distribution from Maven Central) in development mode on 127.0.0.1, with the local demo realm
 * {@code anchor-market} imported. One unpacked install in the tool cache serves every run; each run names its own
 * H2 database, so the platform's data and the tests' throw-away data never meet.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "anchor-market";
    private static final String REALM_RESOURCE = "/org/anchormarket/infra/keycloak/anchor-market-realm.json";
    private static final String READY_MARKER = ".anchor-started-once";

    private volatile ManagedProcess process;
    private final int port;
    private final List<String> command;
    private final Path home;
    private final Map<String, String> env;
    private final Path log;

    private LocalKeycloak(ManagedProcess process, int port, List<String> command, Path home, Map<String, String> env,
            Path log) {
        this.process = process;
        this.port = port;
        this.command = command;
        this.home = home;
        this.env = env;
        this.log = log;
    }

    /** Starts Keycloak again with the same settings and data, after it died. */
    public synchronized void restart(Duration timeout) {
        if (process.isAlive()) {
            process.stop(Duration.ofSeconds(30));
        }
        ManagedProcess again = ManagedProcess.start("Keycloak", command, home, env, log);
        process = again;
        again.awaitReady(() -> Http.ok(realmUrl() + "/.well-known/openid-configuration"), timeout);
    }

    /**
     * Starts Keycloak on the port. {@code database} is an H2 file path (kept across restarts) or null for an
     * in-memory database (a fresh realm each start). Logs go to {@code log}.
     */
    public static LocalKeycloak start(int port, Path database, Path log, Duration timeout) {
        Path home = install(cacheDir());
        String dbUrl = database == null
                ? "jdbc:h2:mem:keycloak-" + port + ";NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + database + ";NON_KEYWORDS=VALUE";
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + Ports.LOOPBACK, "--http-port=" + port, "--import-realm", "--db-url=" + dbUrl,
                "--log-console-color=false");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // Local demo realm only: the bootstrap admin of a throw-away development server.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin");
        // The first start of a fresh install augments it (writes lib/quarkus); never let two do that at once.
        boolean firstStart = !Files.exists(home.resolve(READY_MARKER));
        try (FileChannel lockFile = firstStart ? FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE) : null;
                FileLock lock = lockFile == null ? null : lockFile.lock()) {
            writeRealm(home);
            ManagedProcess process = ManagedProcess.start("Keycloak", command, home, env, log);
            LocalKeycloak keycloak = new LocalKeycloak(process, port, command, home, env, log);
            String wellKnown = keycloak.realmUrl() + "/.well-known/openid-configuration";
            process.awaitReady(() -> Http.ok(wellKnown), timeout);
            keycloak.ensureApiAudience();
            if (firstStart) {
                Files.writeString(home.resolve(READY_MARKER), "augmented\n");
            }
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where unpacked tools live: $ANCHOR_CACHE_DIR, else ~/.cache/anchor-market. */
    public static Path cacheDir() {
        String configured = System.getenv("ANCHOR_CACHE_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "anchor-market");
    }

    /** Unpacks the distribution from the Maven cache once; later calls return the same install. */
    static Path install(Path cache) {
        InfraArtifacts artifacts = InfraArtifacts.load();
        Path home = cache.resolve("keycloak-" + artifacts.keycloakVersion());
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve("keycloak-unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.exists(home.resolve("bin/kc.sh"))) {
                    return home;
                }
                Path staging = Files.createTempDirectory(cache, "keycloak-unpack-");
                unzip(artifacts.keycloakZip(), staging);
                Path unpacked = staging.resolve("keycloak-" + artifacts.keycloakVersion());
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(staging);
                return home;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack Keycloak from " + artifacts.keycloakZip(), e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (out.getFileName().toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(out, Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                }
            }
        }
    }

    private static void writeRealm(Path home) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (InputStream in = LocalKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing");
            }
            Files.copy(in, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The web UI's client, whose sign-in may return only to the addresses it lists. */
    static final String WEB_CLIENT = "anchor-web";

    /** The audience every platform API requires in an access token (each service's quarkus.oidc.token.audience). */
    public static final String API_AUDIENCE = "anchor-market-api";
    private static final String AUDIENCE_MAPPER = "anchor-market-api audience";

    /**
     * The platform's clients put {@value #API_AUDIENCE} in their access tokens (tokens of any other client of the
     * realm are refused by the services). The realm file has the mapper; this adds it to a realm imported before.
     */
    public void ensureApiAudience() {
        var http = java.net.http.HttpClient.newHttpClient();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            String admin = adminToken(http, json);
            String clients = url() + "/admin/realms/" + REALM + "/clients";
            for (String clientId : List.of(WEB_CLIENT, "anchor-cli")) {
                var found = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(clients
                        + "?clientId=" + clientId)).header("Authorization", "Bearer " + admin).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                var client = json.readTree(found.body()).path(0);
                if (found.statusCode() != 200 || client.isMissingNode()) {
                    throw new IllegalStateException("Keycloak did not show the client " + clientId + " (every "
                            + "service would refuse its tokens): " + found.statusCode() + " " + found.body());
                }
                boolean present = false;
                for (var mapper : client.path("protocolMappers")) {
                    present |= AUDIENCE_MAPPER.equals(mapper.path("name").asText());
                }
                if (present) {
                    continue;
                }
                String mapper = json.writeValueAsString(Map.of("name", AUDIENCE_MAPPER, "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.custom.audience", API_AUDIENCE, "id.token.claim", "false",
                                "access.token.claim", "true", "introspection.token.claim", "true")));
                var added = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(clients + "/"
                        + client.get("id").asText() + "/protocol-mappers/models"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(mapper)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (added.statusCode() != 201) {
                    throw new IllegalStateException("Keycloak refused the audience mapper for " + clientId + ": "
                            + added.statusCode() + " " + added.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken(java.net.http.HttpClient http, com.fasterxml.jackson.databind.ObjectMapper json)
            throws IOException, InterruptedException {
        var tokenResponse = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=kcadmin&password=kcadmin"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = json.readTree(tokenResponse.body()).path("access_token").asText("");
        if (tokenResponse.statusCode() != 200 || token.isEmpty()) {
            throw new IllegalStateException("Keycloak's bootstrap admin got no token: " + tokenResponse.statusCode()
                    + " " + tokenResponse.body());
        }
        return token;
    }

    /**
     * Lets browser sign-in through the web UI's client return to {@code baseUrl} (a gateway on a port other than
     * the realm file's 8080, such as a system test's), through Keycloak's admin API. Idempotent.
     */
    public void allowWebRedirectsTo(String baseUrl) {
        var http = java.net.http.HttpClient.newHttpClient();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            String admin = adminToken(http, json);
            String clients = url() + "/admin/realms/" + REALM + "/clients";
            var found = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(clients + "?clientId="
                    + WEB_CLIENT)).header("Authorization", "Bearer " + admin).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var client = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(found.body()).get(0);
            var redirects = (com.fasterxml.jackson.databind.node.ArrayNode) client.withArray("redirectUris");
            String pattern = baseUrl + "/*";
            for (var uri : redirects) {
                if (uri.asText().equals(pattern)) {
                    return;
                }
            }
            redirects.add(pattern);
            var attributes = client.withObject("attributes");
            String logout = attributes.path("post.logout.redirect.uris").asText("");
            attributes.put("post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
            var updated = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(clients + "/"
                    + client.get("id").asText())).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (updated.statusCode() != 204) {
                throw new IllegalStateException("Keycloak refused the redirect " + pattern + ": "
                        + updated.statusCode() + " " + updated.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
