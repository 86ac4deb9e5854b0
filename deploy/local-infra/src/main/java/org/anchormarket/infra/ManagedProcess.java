package org.anchormarket.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process we started, with its output in a log file. Stopping it stops its whole process tree (a script
 * such as kc.sh may have started the real server), politely first, then forcibly.
 */
public final class ManagedProcess implements AutoCloseable {

    /** Every process this JVM started and has not stopped yet, so a shutdown can stop them all. */
    private static final java.util.Set<ManagedProcess> LIVE = new java.util.LinkedHashSet<>();
    private static boolean shuttingDown;

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            synchronized (LIVE) {
                if (shuttingDown) {
                    throw new IllegalStateException("Shutting down: " + name + " is not started");
                }
                ManagedProcess started = new ManagedProcess(name, builder.start(), log);
                LIVE.add(started);
                return started;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code of a process that has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Waits until {@code ready} holds; fails early, with the log's tail, when the process dies first. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; its log " + log + " ends with:\n" + tail(40));
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; its log " + log
                + " ends with:\n" + tail(40));
    }

    /** Waits for the process to end by itself; returns its exit code, or fails after the timeout. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** True once the log holds the given text. */
    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** How many times the log holds the given text (a restarted process appends to the same log). */
    public int logOccurrences(String text) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            String all = Files.readString(log, StandardCharsets.UTF_8);
            int count = 0;
            for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + text.length())) {
                count++;
            }
            return count;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Kills the process and its children at once (SIGKILL), as a crash would. */
    public void kill() {
        synchronized (LIVE) {
            LIVE.remove(this);
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** From now on no process is started (a shutdown has begun). */
    public static void refuseNewStarts() {
        synchronized (LIVE) {
            shuttingDown = true;
        }
    }

    /**
     * Stops every process this JVM started that is still running (newest first) and refuses to start more: for a
     * shutdown that may come at any moment, even while something is still starting.
     */
    public static void stopAll(Duration grace) {
        refuseNewStarts();
        List<ManagedProcess> running;
        synchronized (LIVE) {
            shuttingDown = true;
            running = new java.util.ArrayList<>(LIVE);
        }
        java.util.Collections.reverse(running);
        running.forEach(p -> p.stop(grace));
    }

    /** Stops the process and every process it started: SIGTERM, then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        synchronized (LIVE) {
            LIVE.remove(this);
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle child : tree) {
            while (child.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
