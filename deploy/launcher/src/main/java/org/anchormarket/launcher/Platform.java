package org.anchormarket.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.anchormarket.infra.Http;
import org.anchormarket.infra.LocalKafka;
import org.anchormarket.infra.LocalKeycloak;
import org.anchormarket.infra.LocalPostgres;
import org.anchormarket.infra.ManagedProcess;
import org.anchormarket.infra.Ports;

/**
 * The whole platform on 127.0.0.1: PostgreSQL (one database per service), Kafka, Keycloak, the four services and
 * the gateway, started in dependency order, each awaited until healthy. Closing it stops everything it started,
 * in reverse order, and nothing else.
 */
public final class Platform implements AutoCloseable {

    /** A service: its module, its database (null for none) and its port. */
    record App(String name, String module, String database, int port) {
    }

    private static final Duration APP_READY = Duration.ofMinutes(3);

    /** How many restarts of one part within {@link #RESTART_WINDOW} before the supervisor gives up on it. */
    private static final int MAX_RESTARTS = 5;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    private final PlatformLayout layout;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final List<ManagedProcess> apps = Collections.synchronizedList(new ArrayList<>());
    /** How each app was launched, to launch it again. */
    private final Map<String, Map<String, String>> appEnvironments = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<java.time.Instant>> restarts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile LocalKeycloak keycloak;
    private volatile LocalKafka kafka;
    private volatile boolean closed;
    private Progress console = message -> { };

    private Platform(PlatformLayout layout) {
        this.layout = layout;
    }

    /** A platform not started yet: register its {@link #close()} before {@link #boot}, so a stop at any moment works. */
    public static Platform create(PlatformLayout layout) {
        return new Platform(layout);
    }

    /** Starts everything; on failure stops what had started and rethrows. */
    public static Platform start(PlatformLayout layout, boolean reset, Progress progress) {
        Platform platform = new Platform(layout);
        platform.boot(reset, progress);
        return platform;
    }

    /** Starts everything in order, each awaited until healthy; on failure stops what had started and rethrows. */
    public void boot(boolean reset, Progress progress) {
        try {
            startAll(reset, progress);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Told what is happening, for the console. */
    public interface Progress {
        void step(String message);
    }

    private void startAll(boolean reset, Progress progress) {
        layout.portsByName().forEach((name, port) -> Ports.requireFree(name, port));
        List<App> services = services();
        services.forEach(app -> requirePackaged(app));
        requirePackaged(gatewayApp());
        prepareDataDir(reset);

        console = progress;
        progress.step("PostgreSQL on " + layout.postgres());
        requireOpen();
        LocalPostgres postgres = LocalPostgres.start(layout.postgres(), layout.dataDir().resolve("postgres"));
        started.add(postgres);
        for (App app : services) {
            postgres.ensureDatabase(app.database(), user(app), password(app));
        }

        progress.step("Kafka on " + layout.kafka() + " and Keycloak on " + layout.keycloak()
                + " (Keycloak's first start takes about a minute)");
        CompletableFuture<LocalKeycloak> keycloakStart = CompletableFuture.supplyAsync(() -> {
            LocalKeycloak kc = LocalKeycloak.start(layout.keycloak(), layout.dataDir().resolve("keycloak/keycloakdb"),
                    layout.logs().resolve("keycloak.log"), Duration.ofMinutes(4));
            started.add(kc);
            return kc;
        });
        kafka = LocalKafka.start(layout.kafka(), layout.kafkaController(),
                layout.dataDir().resolve("kafka"), Duration.ofSeconds(90));
        started.add(kafka);

        progress.step("services on " + services.stream().map(a -> a.name() + " " + a.port()).toList());
        String realmUrl = "http://" + Ports.LOOPBACK + ":" + layout.keycloak() + "/realms/" + LocalKeycloak.REALM;
        for (App app : services) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(app.port()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(app.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", user(app));
            env.put("QUARKUS_DATASOURCE_PASSWORD", password(app));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
            supplierSettings().forEach(env::put);
            if (app.name().equals("events-service")) {
                env.put("EVENTS_PUBLIC_URL", layout.gatewayUrl()); // the emails to registrants link to it
            }
            if (app.name().equals("tender-service")) {
                env.put("TENDER_BIDS_KEY", bidKey());
                env.put("TENDER_PUBLIC_URL", layout.gatewayUrl());
            }
            launch(app, env);
        }
        keycloak = keycloakStart.join();
        keycloak.allowWebRedirectsTo(layout.gatewayUrl());
        awaitReady(services);

        progress.step("gateway on " + layout.gateway());
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(layout.gateway()));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(layout.gatewayManagement()));
        env.put("GATEWAY_SESSION_SECRET", sessionSecret());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
        env.put("GATEWAY_ROUTES_SUPPLIERS_TARGET", "http://127.0.0.1:" + layout.supplier());
        env.put("GATEWAY_ROUTES_TENDERS_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_ANCHORS_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_CONTRACTS_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_PIPELINE_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_NOTIFICATIONS_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_BIDS_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_OCDS_TARGET", "http://127.0.0.1:" + layout.tender());
        env.put("GATEWAY_ROUTES_EVENTS_TARGET", "http://127.0.0.1:" + layout.events());
        env.put("GATEWAY_ROUTES_REGISTRATIONS_TARGET", "http://127.0.0.1:" + layout.events());
        env.put("GATEWAY_ROUTES_REPORTS_TARGET", "http://127.0.0.1:" + layout.analytics());
        env.put("GATEWAY_ROUTES_SPEND_TARGET", "http://127.0.0.1:" + layout.analytics());
        launch(gatewayApp(), env);
        awaitReady(List.of(gatewayApp()));
    }

    /** The operator's reference-data folder: {@code ANCHOR_REFERENCE_DATA}, by default {@code ../shared/data}. */
    public Path referenceData() {
        String configured = System.getenv("ANCHOR_REFERENCE_DATA");
        return (configured == null || configured.isBlank() ? layout.root().resolve("../shared/data")
                : Path.of(configured)).toAbsolutePath().normalize();
    }

    /**
     * supplier-service's settings for the local platform (other services ignore them). The reference files in
     * their official formats, from the operator's reference-data folder
     * ({@code ANCHOR_REFERENCE_DATA}, by default {@code ../shared/data} where a checkout has it, see its README):
     * {@code cpv-2008/cpv_2008_en.csv}, {@code wigan-wards-lsoa/wigan_wards_2025.csv} (ONS ward lookup) and the
     * ONS Postcode Directory as unzipped under {@code onspd/} ({@code Data/ONSPD_..._UK.csv}).
     */
    private Map<String, String> supplierSettings() {
        Path folder = referenceData();
        Map<String, String> env = new HashMap<>();
        Path cpv = folder.resolve("cpv-2008/cpv_2008_en.csv");
        if (Files.isReadable(cpv)) {
            env.put("SUPPLIER_REFERENCE_DATA_CPV_FILE", cpv.toString());
        }
        Path wards = folder.resolve("wigan-wards-lsoa/wigan_wards_2025.csv");
        if (Files.isReadable(wards)) {
            env.put("SUPPLIER_REFERENCE_DATA_WARD_NAMES_FILE", wards.toString());
        }
        onspd(folder.resolve("onspd")).ifPresent(f -> env.put("SUPPLIER_REFERENCE_DATA_ONSPD_FILE", f.toString()));
        // No mail server on the local platform: every service's emails (invitations, alerts, registrants') are
        // written to its log instead, unless the operator names one (QUARKUS_MAILER_HOST, _PORT, ...) or says so
        // (QUARKUS_MAILER_MOCK). The mock's log holds the emails' text: a local platform's logs are its own.
        String smtp = System.getenv("QUARKUS_MAILER_HOST");
        env.put("QUARKUS_MAILER_MOCK", System.getenv().getOrDefault("QUARKUS_MAILER_MOCK",
                String.valueOf(smtp == null || smtp.isBlank())));
        env.put("SUPPLIER_INVITATIONS_ACCEPT_URL", layout.gatewayUrl() + "/app/organisation");
        // The local realm has no mail server, so it cannot verify addresses: an invitation is still bound to the
        // invited address, but an unverified one is accepted here (LOCAL PLATFORM ONLY).
        env.put("SUPPLIER_INVITATIONS_REQUIRE_VERIFIED_EMAIL", "false");
        return env;
    }

    /** The newest-named ONSPD_*_UK.csv under the folder, if any. */
    static java.util.Optional<Path> onspd(Path folder) {
        if (!Files.isDirectory(folder)) {
            return java.util.Optional.empty();
        }
        try (var files = Files.walk(folder, 3)) {
            return files.filter(f -> f.getFileName().toString().matches("ONSPD_.*_UK\\.csv"))
                    .max(java.util.Comparator.comparing(f -> f.getFileName().toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<App> services() {
        return List.of(
                new App("supplier-service", "supplier-service", "supplier", layout.supplier()),
                new App("tender-service", "tender-service", "tender", layout.tender()),
                new App("events-service", "events-service", "events", layout.events()),
                new App("spend-analytics-service", "spend-analytics-service", "analytics", layout.analytics()));
    }

    private App gatewayApp() {
        return new App("gateway", "gateway", null, layout.gateway());
    }

    private static String user(App app) {
        return app.database() + "_service";
    }

    /** Local platform only: each service's database password. */
    private static String password(App app) {
        return app.database() + "_local_only";
    }

    private Path runnable(App app) {
        return layout.root().resolve(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void requirePackaged(App app) {
        if (!Files.exists(runnable(app))) {
            throw new IllegalStateException(runnable(app) + " is missing: build first (./mvnw -DskipTests package)");
        }
    }

    private void prepareDataDir(boolean reset) {
        try {
            if (reset && Files.exists(layout.dataDir())) {
                try (var paths = Files.walk(layout.dataDir())) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(layout.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The platform is stopping");
        }
    }

    private void launch(App app, Map<String, String> env) {
        requireOpen();
        appEnvironments.put(app.name(), Map.copyOf(env));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-jar", runnable(app).toString());
        Path log = layout.logs().resolve(app.name() + ".log");
        ManagedProcess process = ManagedProcess.start(app.name(), command, layout.root().resolve(app.module()), env,
                log);
        synchronized (started) {
            apps.removeIf(p -> p.name().equals(app.name()));
            started.removeIf(p -> p instanceof ManagedProcess m && m.name().equals(app.name()));
            apps.add(process);
            started.add(process);
        }
    }

    /**
     * Watches every process of the platform from now on: one that dies is started again, and the restart is told
     * to the console; meanwhile the rest keep serving. Gives up on a part that died {@value #MAX_RESTARTS} times in
     * ten minutes (its log says why).
     */
    public void supervise(Duration every, Progress report) {
        console = report;
        Thread supervisor = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(every.toMillis());
                    checkOnce();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!closed) {
                        console.step("supervisor: " + e.getMessage());
                    }
                }
            }
        }, "anchor-market-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** One round of the supervisor: restarts whatever has died. */
    void checkOnce() {
        LocalKafka broker = kafka;
        if (broker != null && !broker.isAlive() && mayRestart("Kafka", broker.process())) {
            broker.restart(Duration.ofSeconds(90));
            console.step("Kafka is back");
        }
        LocalKeycloak identity = keycloak;
        if (identity != null && !identity.process().isAlive() && mayRestart("Keycloak", identity.process())) {
            identity.restart(Duration.ofMinutes(4));
            console.step("Keycloak is back");
        }
        List<App> all = new ArrayList<>(services());
        all.add(gatewayApp());
        for (App app : all) {
            ManagedProcess process;
            synchronized (started) {
                process = apps.stream().filter(p -> p.name().equals(app.name())).findFirst().orElse(null);
            }
            Map<String, String> env = appEnvironments.get(app.name());
            if (process != null && env != null && !process.isAlive() && mayRestart(app.name(), process)) {
                launch(app, env);
                awaitReady(List.of(app));
                console.step(app.name() + " is back");
            }
        }
    }

    private boolean mayRestart(String name, ManagedProcess dead) {
        if (closed) {
            return false;
        }
        java.time.Instant now = java.time.Instant.now();
        List<java.time.Instant> recent = restarts.computeIfAbsent(name, n -> new ArrayList<>());
        recent.removeIf(t -> t.isBefore(now.minus(RESTART_WINDOW)));
        String exit = dead.isAlive() ? "" : " (exit code " + dead.exitValue() + ")";
        if (recent.size() >= MAX_RESTARTS) {
            if (recent.size() == MAX_RESTARTS) {
                recent.add(now);
                console.step(name + " died" + exit + " " + MAX_RESTARTS + " times in " + RESTART_WINDOW.toMinutes()
                        + " minutes: not restarting it again; see " + dead.log());
            }
            return false;
        }
        recent.add(now);
        console.step(name + " died" + exit + "; restarting it (restart " + recent.size() + "), log " + dead.log());
        return true;
    }

    /** How many times the supervisor restarted the named part lately. */
    public int restarts(String name) {
        return restarts.getOrDefault(name, List.of()).size();
    }

    /** The running process of an app (gateway or service), or of Kafka or Keycloak, by name. */
    public ManagedProcess process(String name) {
        return switch (name) {
            case "Kafka" -> kafka.process();
            case "Keycloak" -> keycloak.process();
            default -> {
                synchronized (started) {
                    yield apps.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
                }
            }
        };
    }

    private void awaitReady(List<App> which) {
        for (App app : which) {
            ManagedProcess process = apps.stream().filter(p -> p.name().equals(app.name())).findFirst().orElseThrow();
            String health = app.equals(gatewayApp()) ? layout.gatewayManagementUrl() : "http://127.0.0.1:" + app.port();
            process.awaitReady(() -> Http.ok(health + "/q/health/ready"), APP_READY);
        }
    }

    /**
     * The key the gateway encrypts its session cookies and signs CSRF tokens with: the operator's
     * (GATEWAY_SESSION_SECRET), else one made for this platform on first start and kept, readable by its owner only,
     * in the data directory, so sessions outlive a restart.
     */
    private String sessionSecret() {
        return keptSecret("GATEWAY_SESSION_SECRET", "gateway-session-secret", 36, false);
    }

    /**
     * The key tender-service seals bids with (AES-256): the operator's (TENDER_BIDS_KEY, base64), else one made for
     * this platform on first start and kept like the session secret. Losing it makes sealed bids unreadable, so it
     * lives beside the database it protects, never in it.
     */
    private String bidKey() {
        return keptSecret("TENDER_BIDS_KEY", "tender-bids-key", 32, true);
    }

    /** {@code env}'s value, else a random secret of {@code bytes} kept in the data directory, readable by its owner. */
    private String keptSecret(String env, String fileName, int bytes, boolean standardBase64) {
        String given = System.getenv(env);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = layout.dataDir().resolve(fileName);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[bytes];
            new java.security.SecureRandom().nextBytes(random);
            String secret = standardBase64 ? java.util.Base64.getEncoder().encodeToString(random)
                    : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            try { // created readable by its owner only, before the secret is in it
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file); // a file system without owner permissions: the data directory's protects it
            }
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlatformLayout layout() {
        return layout;
    }

    public String tokenUrl() {
        return keycloak.tokenUrl();
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    /** The processes of the platform's apps and servers (for checks that nothing is left behind). */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> handles = new ArrayList<>();
        synchronized (started) {
            for (AutoCloseable c : started) {
                ManagedProcess p = c instanceof ManagedProcess mp ? mp
                        : c instanceof LocalKafka k ? k.process() : c instanceof LocalKeycloak kc ? kc.process() : null;
                if (p != null) {
                    ProcessHandle.of(p.pid()).ifPresent(h -> {
                        handles.add(h);
                        handles.addAll(h.descendants().toList());
                    });
                }
            }
        }
        return handles;
    }

    /** Stops everything this platform started, last started first. */
    @Override
    public synchronized void close() {
        closed = true;
        List<AutoCloseable> reversed;
        synchronized (started) {
            reversed = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + c + ": " + e.getMessage());
            }
        }
    }
}
