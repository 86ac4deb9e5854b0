package org.anchormarket.gateway.web;

/**
 * Previous and next links for a long list shown a page at a time (GOV.UK's pagination for lists of unknown
 * length: however many pages there are, two links, never one per page). {@code base} is the list's address with its
 * query so far, to which {@code page=N} is added.
 */
public record Pager(int page, long pages, String previous, String next) {

    public static Pager of(int page, long total, int pageSize, String base) {
        long pages = (total + pageSize - 1) / pageSize;
        String join = base.contains("?") ? "&" : "?";
        // past the end (an address typed by hand): back to the last page
        return new Pager(page, pages, page > 0 ? base + join + "page=" + Math.min(page - 1, Math.max(pages - 1, 0)) : null,
                page + 1 < pages ? base + join + "page=" + (page + 1) : null);
    }

    /** For a list that comes without its total: a full page says there may be a next one. */
    public static Pager ofUntold(int page, int found, int pageSize, String base) {
        return of(page, (long) page * pageSize + found + (found == pageSize ? 1 : 0), pageSize, base);
    }

    /** The page asked for in an address ("3"), 0 when none or unreadable, at most {@code max}. */
    public static int asked(String page, int max) {
        Integer asked = FormValues.wholeNumber(page, "page", new java.util.ArrayList<>());
        return asked == null || asked < 0 ? 0 : Math.min(asked, max);
    }

    /** The page shown, counted from 1 as people count. */
    public int shown() {
        return page + 1;
    }
}
