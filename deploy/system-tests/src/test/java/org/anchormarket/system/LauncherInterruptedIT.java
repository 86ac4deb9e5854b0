package org.anchormarket.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ./run.sh stopped (Ctrl-C or SIGTERM) while it is still starting leaves no process behind. */
class LauncherInterruptedIT {

    @Test
    void shouldLeaveNoProcessBehindWhenStoppedWhileKeycloakIsStarting() throws Exception {
        Path root = Path.of(System.getProperty("anchor.root", "../..")).toAbsolutePath().normalize();
        Path launcher = root.resolve("deploy/launcher/target");
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "interrupted-");
        Path output = data.resolve("launcher.out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Danchor.root=" + root, "-cp", launcher.resolve("launcher.jar") + File.pathSeparator
                        + launcher.resolve("lib") + File.separator + "*",
                "org.anchormarket.launcher.Launcher")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ANCHOR_DATA_DIR", data.toString());
        builder.environment().put("ANCHOR_PORTS", "free");
        Process process = builder.start();

        // Every process the launcher starts, watched until the moment it is stopped (once it has exited, its
        // orphans are no longer its descendants).
        Set<ProcessHandle> seen = new HashSet<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!keycloakStarting(seen) && Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the launcher died: " + Files.readString(output));
            seen.addAll(process.descendants().toList());
            Thread.sleep(100);
        }
        assertTrue(keycloakStarting(seen), "Keycloak never started: " + Files.readString(output));
        seen.addAll(process.descendants().toList());

        process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the launcher stopped");
        Thread.sleep(2000);
        seen.addAll(process.descendants().toList());
        List<String> left = seen.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        left.forEach(p -> ProcessHandle.of(Long.parseLong(p.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly));
        assertEquals(List.of(), left, "processes left behind");
        assertFalse(Files.readString(output).contains("Exception in thread"), Files.readString(output));
    }

    /** Keycloak's own JVM is running (it takes far longer than this to be ready). */
    private static boolean keycloakStarting(Set<ProcessHandle> seen) {
        return seen.stream().anyMatch(p -> p.isAlive() && p.info().commandLine().orElse("").contains("kc.home.dir"));
    }
}
