package org.anchormarket.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.anchormarket.infra.LocalKafka;
import org.anchormarket.infra.LocalKeycloak;
import org.anchormarket.infra.LocalPostgres;
import org.anchormarket.infra.Ports;

/**
 * The infrastructure of one test JVM: each piece starts on a free port the first time a test needs it and stops
 * when the JVM ends, so a module's tests share it and no two modules (or a running ./run.sh) collide.
 */
public final class SharedInfra {

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalKeycloak keycloak;
    private static Path workDir;

    private SharedInfra() {
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            // A data directory of its own, so a fault test can stop and start it again (LocalPostgres.stopFor).
            postgres = LocalPostgres.start(Ports.free(), workDir().resolve("postgres"));
            onExit(postgres);
        }
        return postgres;
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = LocalKafka.start(Ports.free(), Ports.free(), workDir().resolve("kafka"), Duration.ofSeconds(90));
            onExit(kafka);
        }
        return kafka;
    }

    public static synchronized LocalKeycloak keycloak() {
        if (keycloak == null) {
            keycloak = LocalKeycloak.start(Ports.free(), null, workDir().resolve("keycloak.log"),
                    Duration.ofMinutes(4));
            onExit(keycloak);
        }
        return keycloak;
    }

    /** Per-JVM scratch space under target/, kept after the run so logs can be read. */
    private static Path workDir() {
        if (workDir == null) {
            try {
                Path target = Path.of("target");
                Files.createDirectories(target);
                workDir = Files.createTempDirectory(target.toAbsolutePath(), "test-infra-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workDir;
    }

    private static void onExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + resource + ": " + e);
            }
        }));
    }
}
