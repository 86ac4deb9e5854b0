package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.events.domain.AnchorWork;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.KnownAnchor;
import org.anchormarket.events.domain.KnownSupplier;

/**
 * Which buyers a supplier should meet at an event: every attending anchor, ranked by how near its open tenders' and
 * plans' CPV codes come to the supplier's (the same code or category 4, class 3, group 2, division 1: the CPV 2008
 * tree's 5, 4, 3 and 2 leading digits; each work counts once, by its nearest code).
 */
@ApplicationScoped
public class Suggestions {

    static final int MOST_MATCHES = 5;

    private final SupplierDirectory suppliers;
    private final AnchorWorks works;
    private final Meetings meetings;
    private final java.time.Clock clock;
    private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

    Suggestions(SupplierDirectory suppliers, AnchorWorks works, Meetings meetings, java.time.Clock clock) {
        this.suppliers = suppliers;
        this.works = works;
        this.meetings = meetings;
        this.clock = clock;
    }

    public record Match(AnchorWork work, String cpvCode, int score) {
    }

    public record Suggestion(String anchor, String anchorName, int score, int freeSlots, List<Match> matches) {
    }

    public List<Suggestion> of(Caller caller, java.util.UUID eventId) {
        KnownSupplier organisation = suppliers.organisationOf(caller);
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new DomainException.NotFound("Event " + eventId));
        List<String> anchors = List.of(event.anchors);
        Map<String, List<Match>> matches = new HashMap<>();
        for (AnchorWork work : works.openOf(anchors, java.time.LocalDate.ofInstant(clock.instant(), LONDON))) {
            Match best = null;
            for (String code : work.cpvCodes) {
                int score = 0;
                for (String own : organisation.cpvCodes) {
                    score = Math.max(score, nearness(own, code));
                }
                if (score > 0 && (best == null || score > best.score())) {
                    best = new Match(work, code, score);
                }
            }
            if (best != null) {
                matches.computeIfAbsent(work.anchor, a -> new ArrayList<>()).add(best);
            }
        }
        Map<String, Integer> free = new HashMap<>();
        meetings.freeSlots(eventId, null).forEach(s -> free.merge(s.table().anchor, 1, Integer::sum));
        List<Suggestion> ranked = new ArrayList<>();
        for (String anchor : anchors) {
            List<Match> found = matches.getOrDefault(anchor, List.of()).stream()
                    .sorted(Comparator.comparingInt(Match::score).reversed().thenComparing(m -> m.work().title))
                    .toList();
            KnownAnchor known = KnownAnchor.findById(anchor);
            ranked.add(new Suggestion(anchor, known == null ? anchor : known.name,
                    found.stream().mapToInt(Match::score).sum(), free.getOrDefault(anchor, 0),
                    found.stream().limit(MOST_MATCHES).toList()));
        }
        ranked.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparing(Comparator.comparingInt(Suggestion::freeSlots).reversed())
                .thenComparing(Suggestion::anchorName));
        return ranked;
    }

    /** How near two CPV codes are: 4 the same code or category, 3 the same class, 2 group, 1 division, 0 none. */
    static int nearness(String a, String b) {
        String x = digits(a);
        String y = digits(b);
        if (x.length() < 8 || y.length() < 8) {
            return 0;
        }
        // CPV codes are a tree by leading digits: XX000000 a division, XXX00000 a group, XXXX0000 a class,
        // XXXXX000 a category; the same category (or code) counts as the same work
        int[] levels = { 5, 4, 3, 2 };
        int[] scores = { 4, 3, 2, 1 };
        for (int i = 0; i < levels.length; i++) {
            if (x.regionMatches(0, y, 0, levels[i])) {
                return scores[i];
            }
        }
        return 0;
    }

    private static String digits(String code) {
        return code == null ? "" : code.length() >= 8 ? code.substring(0, 8) : code;
    }
}
