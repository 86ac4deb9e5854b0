package org.anchormarket.gateway.web;

import java.util.Set;

/**
 * The web UI's areas: where each is, what the navigation calls it, and who may use it. The one list both the
 * navigation and the access check read ({@link InArea}, {@link AreaAccess}): a page is shown in the menu to exactly
 * the people who may open it. Later areas (tenders, events, spend, admin) add their lines here.
 */
public enum Area {

    /** The landing page and what anyone may see before signing in. */
    PUBLIC("/", "Anchor Market", false, Set.of()),
    HOME("/app", "Home", false, Set.of()),
    SUPPLIER_DIRECTORY("/app/suppliers", "Supplier directory", true, Set.of("buyer", "leadership", "admin")),
    SUPPLIER_VERIFICATION("/app/suppliers", "Verify suppliers", false, Set.of("admin")),
    SUPPLIER_IMPORT("/app/suppliers/import", "Import suppliers", true, Set.of("admin")),
    YOUR_ORGANISATION("/app/organisation", "Your organisation", true, Set.of("supplier")),
    SPEND_DASHBOARD("/app/spend", "Local spend", true, Set.of("leadership", "admin", "buyer")),
    SPEND_UPLOAD("/app/spend/uploads", "Upload spend", true, Set.of("leadership", "admin", "buyer")),
    SPEND_PAYEES("/app/spend/payees", "Payees", true, Set.of("admin")),
    OPPORTUNITIES("/app/tenders", "Opportunities", true, Set.of()),
    TENDER_MANAGEMENT("/app/tenders/new", "Create a tender", false, Set.of("buyer", "admin")),
    BIDDING("/app/bids", "Your bids", true, Set.of("supplier")),
    PIPELINE("/app/pipeline", "Pipeline", true, Set.of()),
    NOTIFICATIONS("/app/notifications", "Notifications", true, Set.of("supplier")),
    EVENTS("/app/events", "Events", true, Set.of()),
    EVENT_BOOKING("/app/events/mine", "Your events", true, Set.of("supplier")),
    EVENT_MANAGEMENT("/app/events/new", "Create an event", false, Set.of("buyer", "admin"));

    private final String path;
    private final String label;
    private final boolean inNavigation;
    private final Set<String> roles;

    Area(String path, String label, boolean inNavigation, Set<String> roles) {
        this.path = path;
        this.label = label;
        this.inNavigation = inNavigation;
        this.roles = roles;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public boolean inNavigation() {
        return inNavigation;
    }

    /** The roles that open this area; none listed: every signed-in user. */
    public Set<String> roles() {
        return roles;
    }

    public boolean openTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
