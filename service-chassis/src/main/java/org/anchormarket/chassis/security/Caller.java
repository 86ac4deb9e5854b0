package org.anchormarket.chassis.security;

import java.util.Set;
import org.anchormarket.chassis.domain.DomainException;

/**
 * Who is calling, as its token says: the subject, its roles and, for a buyer, the one anchor it acts for. An
 * anonymous caller has no subject and no roles.
 */
public record Caller(String subject, Set<String> roles, String anchor) {

    public static Caller anonymous() {
        return new Caller(null, Set.of(), null);
    }

    public boolean admin() {
        return roles.contains("admin");
    }

    public boolean buyer() {
        return roles.contains("buyer");
    }

    public boolean supplier() {
        return roles.contains("supplier");
    }

    /** May act for this anchor's tenders: an admin, or a buyer of that anchor. */
    public boolean actsFor(String anchorId) {
        return admin() || buyer() && anchorId.equals(anchor);
    }

    /** Refuses (403) anyone who does not act for the anchor. */
    public void requireActsFor(String anchorId) {
        if (!actsFor(anchorId)) {
            throw new DomainException.NotAllowed(buyer() && anchor == null
                    ? "This buyer account belongs to no anchor institution"
                    : "Only the buyers of " + anchorId + " (and admins) may do this");
        }
    }

    /** Who the audit log names. */
    public String actor() {
        return subject == null ? "anonymous" : subject;
    }
}
