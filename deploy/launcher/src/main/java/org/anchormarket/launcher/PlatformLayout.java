package org.anchormarket.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anchormarket.infra.Ports;

/** Where everything runs: the project's root, the data directory and every port. */
public record PlatformLayout(Path root, Path dataDir, int postgres, int kafka, int kafkaController, int keycloak,
        int supplier, int tender, int events, int analytics, int gateway, int gatewayManagement) {

    /** The documented local ports (README): what ./run.sh uses. */
    public static PlatformLayout standard(Path root, Path dataDir) {
        return new PlatformLayout(root, dataDir, 5433, 9092, 9093, 8180, 8081, 8082, 8083, 8084, 8080, 9080);
    }

    /** Free ports for everything: for tests that start a whole platform beside anything else running. */
    public static PlatformLayout freePorts(Path root, Path dataDir) {
        return new PlatformLayout(root, dataDir, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }

    /** Every port by the name of what listens on it, in start order. */
    public Map<String, Integer> portsByName() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgres);
        ports.put("Kafka", kafka);
        ports.put("Kafka controller", kafkaController);
        ports.put("Keycloak", keycloak);
        ports.put("supplier-service", supplier);
        ports.put("tender-service", tender);
        ports.put("events-service", events);
        ports.put("spend-analytics-service", analytics);
        ports.put("gateway", gateway);
        ports.put("gateway management (health, metrics)", gatewayManagement);
        return ports;
    }

    public String gatewayUrl() {
        return "http://" + Ports.LOOPBACK + ":" + gateway;
    }

    /** The gateway's management interface: health and metrics, off the public port. */
    public String gatewayManagementUrl() {
        return "http://" + Ports.LOOPBACK + ":" + gatewayManagement;
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }
}
