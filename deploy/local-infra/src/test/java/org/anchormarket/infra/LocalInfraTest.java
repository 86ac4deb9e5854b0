package org.anchormarket.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfraTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameThePortAndItsOwnerWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            int port = taken.getLocalPort();
            Ports.PortInUseException e = assertThrows(Ports.PortInUseException.class,
                    () -> Ports.requireFree("gateway", port));
            assertTrue(e.getMessage().contains("Port " + port + " (gateway)"), e.getMessage());
        }
        Ports.requireFree("free port", Ports.free());
    }

    @Test
    void shouldNeverMakeAClusterIdTheStorageToolWouldTakeForAnOption() {
        // About one plain random id in 64 starts with '-': ten thousand draws would meet one almost surely.
        for (int i = 0; i < 10_000; i++) {
            String id = LocalKafka.randomClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }

    @Test
    void shouldKeepPostgresDataAcrossRestarts() throws SQLException {
        Path data = dir.resolve("pg");
        int port = Ports.free();
        try (LocalPostgres pg = LocalPostgres.start(port, data)) {
            pg.ensureDatabase("probe", "probe_user", "probe_pw");
            pg.ensureDatabase("probe", "probe_user", "probe_pw");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("probe"), "probe_user", "probe_pw");
                    Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        assertFalse(Ports.inUse(port), "PostgreSQL should have stopped");
        try (LocalPostgres pg = LocalPostgres.start(port, data);
                Connection c = DriverManager.getConnection(pg.jdbcUrl("probe"), "probe_user", "probe_pw");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v from kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void shouldStartKafkaAndLeaveNoProcessBehindWhenStopped() {
        int port = Ports.free();
        LocalKafka kafka = LocalKafka.start(port, Ports.free(), dir.resolve("kafka"), Duration.ofSeconds(90));
        ProcessHandle handle = ProcessHandle.of(kafka.process().pid()).orElseThrow();
        List<ProcessHandle> tree = handle.descendants().toList();
        assertTrue(Ports.inUse(port), "broker should listen");
        kafka.close();
        assertFalse(handle.isAlive(), "broker process should be gone");
        tree.forEach(child -> assertFalse(child.isAlive(), "child " + child.pid() + " should be gone"));
        assertFalse(Ports.inUse(port), "port should be free again");
    }
}
