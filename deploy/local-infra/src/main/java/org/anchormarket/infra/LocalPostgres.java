package org.anchormarket.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's bundled binaries, no install needed) on 127.0.0.1. With a data directory it
 * keeps its data across restarts; one database and login role per service.
 */
public final class LocalPostgres implements AutoCloseable {

    private volatile EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on the port; keeps its data in {@code dataDir} (created, and initialised on first use), or in
     * a throw-away directory when {@code dataDir} is null.
     */
    public static LocalPostgres start(int port, Path dataDir) {
        return new LocalPostgres(startServer(port, dataDir), port, dataDir);
    }

    private static EmbeddedPostgres startServer(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "200");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port, e);
        }
    }

    /**
     * Stops the server (fast shutdown: open connections are cut) and starts it again on the same port and data after
     * {@code down}, for fault tests. Needs a data directory.
     */
    public synchronized void stopFor(java.time.Duration down) {
        if (dataDir == null) {
            throw new IllegalStateException("A PostgreSQL without a data directory cannot be restarted");
        }
        close();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres = startServer(port, dataDir);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    /** Creates the login role and its own database when they do not exist yet; idempotent. */
    public void ensureDatabase(String database, String user, String password) {
        requireIdentifier(database);
        requireIdentifier(user);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", user)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + database + " owner " + user);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
