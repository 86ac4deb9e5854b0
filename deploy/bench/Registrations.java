import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends one registration per organisation id in a file, all at once (each on its own connection, released together),
 * to an event through the gateway, and reports the answers' statuses, the wall time, the throughput and the
 * latencies. Run by deploy/bench/registrations.sh: java deploy/bench/Registrations.java GATEWAY TOKEN EVENT IDS
 */
public class Registrations {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        String event = args[2];
        List<String> ids = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(60)).build();
        ExecutorService senders = Executors.newFixedThreadPool(ids.size());
        CountDownLatch ready = new CountDownLatch(ids.size());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<long[]>> answers = new ArrayList<>();
        for (String id : ids) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/events/" + event + "/registrations"))
                    .timeout(Duration.ofSeconds(180)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"supplierId\": \"" + id
                            + "\", \"attendees\": [{\"name\": \"Pat Person\", \"email\": \"pat@example.org\"}]}"))
                    .build();
            answers.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    go.await();
                    long t0 = System.nanoTime();
                    HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                    return new long[] { r.statusCode(), System.nanoTime() - t0 };
                } catch (Exception e) {
                    return new long[] { -1, 0 };
                }
            }, senders));
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        long wall = System.nanoTime() - started;
        senders.shutdown();
        Map<Long, Integer> statuses = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        for (var a : answers) {
            long[] r = a.get();
            statuses.merge(r[0], 1, Integer::sum);
            latencies.add(r[1]);
        }
        latencies.sort(null);
        System.out.printf("%d registrations at once: answered in %d ms (%.0f registrations/s); statuses %s%n",
                ids.size(), wall / 1_000_000, ids.size() * 1e9 / wall, statuses);
        System.out.printf("latency ms: p50 %d, p95 %d, p99 %d, max %d%n", ms(latencies, 0.50), ms(latencies, 0.95),
                ms(latencies, 0.99), latencies.get(latencies.size() - 1) / 1_000_000);
    }

    private static long ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1_000_000;
    }
}
