package org.anchormarket.gateway.web.spend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.anchormarket.contracts.tender.model.Anchor;
import org.anchormarket.gateway.client.AnchorsClient;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The anchors a spend page offers the signed-in user: every one to leadership and admins, a buyer's own. Only what
 * the form offers: the service decides what each caller may see or load. Asked once per request.
 */
@RequestScoped
public class AnchorChoices {

    private final AnchorsClient anchors;
    private final CurrentUser user;
    private List<Anchor> choices;

    AnchorChoices(@RestClient AnchorsClient anchors, CurrentUser user) {
        this.anchors = anchors;
        this.user = user;
    }

    /** The anchors to choose from; none when tender-service cannot say (the figures still show). */
    public List<Anchor> list() {
        if (choices == null) {
            try {
                List<Anchor> all = anchors.listAnchors();
                choices = user.has("leadership") || user.has("admin") ? all
                        : all.stream().filter(a -> a.getId().equals(user.anchor())).toList();
            } catch (ServiceRefusal | ProcessingException unavailable) {
                choices = List.of();
            }
        }
        return choices;
    }

    /** The choices as a form's options. */
    public List<Choice> options() {
        return list().stream().map(a -> new Choice(a.getId(), a.getName())).toList();
    }

    /** The empty choice's words: every anchor the caller may see. */
    public String any() {
        return user.has("leadership") || user.has("admin") ? "All anchors" : "Your institution";
    }

    /**
     * Whether a page may ask for {@code anchors} (the filter's one anchor, or none for all the caller sees): yes when
     * none is named, when it is one of the choices, or when tender-service could not say (the service decides).
     */
    public boolean offers(List<String> anchors) {
        return anchors.isEmpty() || list().isEmpty() || list().stream().anyMatch(a -> a.getId().equals(anchors.get(0)));
    }

    /** The anchor's name, or its id when it is not one of the choices. */
    public String name(String id) {
        return list().stream().filter(a -> a.getId().equals(id)).map(Anchor::getName).findFirst().orElse(id);
    }
}
