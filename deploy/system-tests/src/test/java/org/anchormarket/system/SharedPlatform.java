package org.anchormarket.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anchormarket.infra.Ports;
import org.anchormarket.launcher.DemoData;
import org.anchormarket.launcher.Platform;
import org.anchormarket.launcher.PlatformLayout;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One whole platform for every system test class of the JVM, started as ./run.sh starts it (packaged apps, real
 * PostgreSQL, Kafka and Keycloak, free ports, demo data), supervised, and stopped after the last class, checking
 * that nothing is left running or listening.
 */
public final class SharedPlatform implements BeforeAllCallback {

    private static Platform platform;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (platform != null) {
            return;
        }
        Path root = Path.of(System.getProperty("anchor.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "platform-");
        PlatformLayout layout = PlatformLayout.freePorts(root, data);
        platform = Platform.start(layout, false, step -> System.out.println("[system-test] starting " + step));
        assertTrue(new DemoData(layout.gatewayUrl(), platform.tokenUrl(), platform.referenceData()).seedOnce(data));
        platform.supervise(Duration.ofSeconds(1), event -> System.out.println("[system-test] " + event));
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPlatform.class.getName(),
                (ExtensionContext.Store.CloseableResource) SharedPlatform::stopLeavingNothingBehind);
    }

    private static synchronized void stopLeavingNothingBehind() {
        List<ProcessHandle> processes = platform.processes();
        assertFalse(processes.isEmpty());
        platform.close();
        processes.forEach(p -> assertFalse(p.isAlive(), "process " + p.pid() + " " + p.info().command() + " left"));
        platform.layout().portsByName().forEach((name, port) ->
                assertFalse(Ports.inUse(port), name + " still listens on " + port));
        platform = null;
    }

    static Platform platform() {
        return platform;
    }

    static String gateway() {
        return platform.layout().gatewayUrl();
    }

    static String gatewayManagement() {
        return platform.layout().gatewayManagementUrl();
    }

    static String token(String user) {
        return Tokens.fetch(platform.tokenUrl(), user);
    }
}
