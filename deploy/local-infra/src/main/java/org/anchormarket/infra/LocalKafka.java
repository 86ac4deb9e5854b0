package org.anchormarket.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one process), run from the
 * broker's jars in the Maven cache as a child JVM, so its classpath never meets the services' Kafka clients.
 */
public final class LocalKafka implements AutoCloseable {

    private volatile ManagedProcess process;
    private final int port;
    private final List<String> command;
    private final Path dir;
    private final Path log;

    private LocalKafka(ManagedProcess process, int port, List<String> command, Path dir, Path log) {
        this.process = process;
        this.port = port;
        this.command = command;
        this.dir = dir;
        this.log = log;
    }

    /** Starts the broker with its data and log under {@code dir}; formats the storage on first use only. */
    public static LocalKafka start(int port, int controllerPort, Path dir, Duration timeout) {
        InfraArtifacts artifacts = InfraArtifacts.load();
        try {
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(port, controllerPort, data));
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J);
            Path log = dir.resolve("kafka.log");
            if (!Files.exists(data.resolve("meta.properties"))) {
                format(artifacts, config, log4j, dir, log);
            }
            List<String> command = command(artifacts, log4j, dir, List.of("kafka.Kafka", config.toString()));
            ManagedProcess process = ManagedProcess.start("Kafka", command, dir, Map.of(), log);
            LocalKafka kafka = new LocalKafka(process, port, command, dir, log);
            kafka.awaitStarted(process, 0, timeout);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Kafka in " + dir, e);
        }
    }

    private void awaitStarted(ManagedProcess started, int startsBefore, Duration timeout) {
        started.awaitReady(() -> started.logOccurrences("Kafka Server started") > startsBefore && Ports.inUse(port),
                timeout);
    }

    /** Kills the broker (SIGKILL: no clean shutdown), for fault tests; {@link #restart} brings it back. */
    public synchronized void kill() {
        process.kill();
    }

    /** Starts the broker again on the same ports and data, after {@link #kill} or a crash. */
    public synchronized void restart(Duration timeout) {
        if (process.isAlive()) {
            process.stop(Duration.ofSeconds(30));
        }
        int startsBefore = process.logOccurrences("Kafka Server started");
        ManagedProcess again = ManagedProcess.start("Kafka", command, dir, Map.of(), log);
        process = again;
        awaitStarted(again, startsBefore, timeout);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static void format(InfraArtifacts artifacts, Path config, Path log4j, Path dir, Path log) {
        String clusterId = randomClusterId();
        ManagedProcess format = ManagedProcess.start("Kafka storage format", command(artifacts, log4j, dir, List.of(
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())), dir, Map.of(), log);
        int exit = format.awaitExit(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed (exit " + exit + "); its log " + log
                    + " ends with:\n" + format.tail(20));
        }
    }

    private static List<String> command(InfraArtifacts artifacts, Path log4j, Path dir, List<String> main) {
        List<String> cmd = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + dir,
                "-cp", artifacts.kafkaClasspath()));
        cmd.addAll(main);
        return cmd;
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (as Kafka's Uuid prints them). Like
     * Kafka's own Uuid.randomUuid(), never one starting with '-', which the storage tool would read as an option.
     */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String serverProperties(int port, int controllerPort, Path data) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                default.replication.factor=1
                min.insync.replicas=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controllerPort, data.toString().replace("\\", "/"));
    }

    private static final String LOG4J = """
            status = warn
            appender.out.type = Console
            appender.out.name = OUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = OUT
            logger.kafka.name = kafka
            logger.kafka.level = INFO
            logger.apache.name = org.apache.kafka
            logger.apache.level = WARN
            """;

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
