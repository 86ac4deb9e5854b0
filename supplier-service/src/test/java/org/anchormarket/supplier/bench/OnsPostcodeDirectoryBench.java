package org.anchormarket.supplier.bench;

import java.nio.file.Path;
import java.util.Optional;
import org.anchormarket.supplier.domain.classification.OnsPostcodeDirectory;

/**
 * Benchmark (not a test): how long reading an ONS Postcode Directory takes at supplier-service's start, and the
 * heap the kept North West units hold. Run by deploy/bench/onspd.sh. Arguments: the directory CSV [runs].
 */
public final class OnsPostcodeDirectoryBench {

    private OnsPostcodeDirectoryBench() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int run = 1; run <= runs; run++) {
            long before = usedHeapAfterGc();
            long start = System.nanoTime();
            OnsPostcodeDirectory directory = OnsPostcodeDirectory.load(file, Optional.empty());
            long millis = (System.nanoTime() - start) / 1_000_000;
            long heap = usedHeapAfterGc() - before;
            System.out.printf("| run %d | %,d North West units kept | %.1f s | %d MiB heap held |%n", run,
                    directory.size(), millis / 1000.0, heap / (1024 * 1024));
            directory = null;
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
