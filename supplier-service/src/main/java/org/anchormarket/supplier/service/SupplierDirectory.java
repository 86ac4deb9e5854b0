package org.anchormarket.supplier.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierStatus;
import org.anchormarket.supplier.domain.classification.Locality;
import org.anchormarket.supplier.domain.classification.SizeBand;

/**
 * The supplier directory buyers, leadership and admins search. A page is served from a short cache
 * ({@code supplier.directory.cache-for}, 2 s): the same page asked again within it costs no query, and any change of
 * a supplier committed here (each one writes an outbox message) clears every page at once, and a page loaded while a
 * change committed is not kept, so a change made here is seen at once and another instance's within the cache's time.
 * The cache holds at most 10,000 suppliers' worth of pages.
 */
@ApplicationScoped
public class SupplierDirectory {

    /** At most this many suppliers held in cached pages (a page weighs its items). */
    private static final long CACHED_ITEMS = 10_000;

    /** Pages, each a future: a page being loaded is waited for by whoever else asks for it meanwhile. */
    private final com.github.benmanes.caffeine.cache.AsyncCache<Page, Result> pages;
    /**
     * Bumped by every change: a page is cached under the generation read before it was loaded, so a page loaded
     * while a change committed is never served after it.
     */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private final java.time.Duration loadWait;

    SupplierDirectory(org.anchormarket.supplier.config.SupplierConfig config) {
        this.loadWait = config.directory().loadWait();
        java.time.Duration cacheFor = config.directory().cacheFor();
        this.pages = cacheFor.isZero() || cacheFor.isNegative() ? null
                : com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(cacheFor)
                        .maximumWeight(CACHED_ITEMS)
                        .<Page, Result>weigher((page, result) -> 1 + result.items().size())
                        .buildAsync();
    }

    private record Page(long generation, Criteria criteria, int page, int pageSize) {
    }

    /** A supplier changed (its message is in the outbox): no cached page may show what was. */
    void changed(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            org.anchormarket.chassis.outbox.Outbox.OutboxWritten written) {
        generation.incrementAndGet();
        if (pages != null) {
            pages.synchronous().invalidateAll();
        }
    }

    /** Something a page shows changed without a message of this service (a training completed, learnt from events). */
    public record Shown() {
    }

    void shown(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            Shown changed) {
        changed((org.anchormarket.chassis.outbox.Outbox.OutboxWritten) null);
    }

    /** What to look for; null means any. */
    public record Criteria(String cpv, Locality locality, String town, String ward, SizeBand sizeBand, Boolean vcfse,
            Boolean verified, Boolean bidReady, String q) {
    }

    public record Result(List<Supplier> items, long total) {
    }

    /** At most this many rows in one export. */
    public static final int EXPORT_LIMIT = 100_000;

    /** Every supplier that matches, by legal name, for export. */
    public List<Supplier> all(Criteria c) {
        return query(c).range(0, EXPORT_LIMIT - 1).list();
    }

    public Result search(Criteria c, int page, int pageSize) {
        if (pages == null) {
            return load(c, page, pageSize);
        }
        // One request loads a missing page, on its own thread and outside the cache's locks (a slow database holds
        // up only those who want that page); the others asking meanwhile wait for it rather than load it again: when
        // a much-asked page expired under load, every request in flight used to query it at once.
        Page key = new Page(generation.get(), normalised(c), page, pageSize);
        java.util.concurrent.CompletableFuture<Result> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Result> cached = pages.asMap().putIfAbsent(key, mine);
        if (cached != null) {
            try {
                return cached.get(loadWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // Its loader is stuck: the page is loaded afresh, by this request and by whoever asks next
                pages.asMap().remove(key, cached);
                return load(c, page, pageSize);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                return load(c, page, pageSize); // its loader failed: this request tries for itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return load(c, page, pageSize);
            }
        }
        try {
            Result loaded = load(c, page, pageSize);
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // removed from the cache by Caffeine; those waiting try for themselves
            throw e;
        }
    }

    /** The same search however it was written: one cached page. */
    private static Criteria normalised(Criteria c) {
        return new Criteria(c.cpv() == null ? null : cpvPrefix(c.cpv()), c.locality(),
                c.town() == null ? null : c.town().toLowerCase(Locale.ROOT),
                c.ward() == null ? null : c.ward().toLowerCase(Locale.ROOT), c.sizeBand(), c.vcfse(), c.verified(),
                c.bidReady(), c.q() == null || c.q().isBlank() ? null : c.q().strip().toLowerCase(Locale.ROOT));
    }

    private Result load(Criteria c, int page, int pageSize) {
        PanacheQuery<Supplier> found = query(c);
        return new Result(List.copyOf(found.page(io.quarkus.panache.common.Page.of(page, pageSize)).list()),
                found.count());
    }

    private PanacheQuery<Supplier> query(Criteria c) {
        List<String> where = new ArrayList<>();
        where.add("s.erasedAt is null");
        Parameters params = new Parameters();
        if (c.cpv() != null) {
            where.add("exists (select 1 from Supplier t join t.cpvCodes code where t = s and code like :cpv)");
            params.and("cpv", cpvPrefix(c.cpv()) + "%");
        }
        if (c.locality() != null) {
            where.add("s.locality = :locality");
            params.and("locality", c.locality());
        }
        if (c.town() != null) {
            where.add("lower(s.town) = :town");
            params.and("town", c.town().toLowerCase(Locale.ROOT));
        }
        if (c.ward() != null) {
            where.add("lower(s.ward) = :ward");
            params.and("ward", c.ward().toLowerCase(Locale.ROOT));
        }
        if (c.sizeBand() != null) {
            where.add("s.sizeBand = :sizeBand");
            params.and("sizeBand", c.sizeBand());
        }
        if (c.vcfse() != null) {
            where.add("s.vcfse = :vcfse");
            params.and("vcfse", c.vcfse());
        }
        if (c.verified() != null) {
            where.add(c.verified() ? "s.status = :verifiedStatus" : "s.status <> :verifiedStatus");
            params.and("verifiedStatus", SupplierStatus.VERIFIED);
        }
        if (c.bidReady() != null) {
            where.add(c.bidReady() ? "s.bidReadySince is not null" : "s.bidReadySince is null");
        }
        if (c.q() != null && !c.q().isBlank()) {
            where.add("(lower(s.legalName) like :q or lower(coalesce(s.tradingName, '')) like :q "
                    + "or lower(coalesce(s.description, '')) like :q)");
            params.and("q", "%" + c.q().strip().toLowerCase(Locale.ROOT).replace("%", "\\%") + "%");
        }
        String query = "from Supplier s" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return Supplier.find(query, Sort.by("legalName").and("id"), params);
    }

    /** A CPV code finds itself and its children: trailing zeros dropped, the two-digit division at least. */
    static String cpvPrefix(String cpv) {
        String digits = cpv.length() > 8 ? cpv.substring(0, 8) : cpv;
        String trimmed = digits.replaceFirst("0+$", "");
        int length = Math.max(2, trimmed.length());
        return digits.substring(0, Math.min(digits.length(), length));
    }
}
