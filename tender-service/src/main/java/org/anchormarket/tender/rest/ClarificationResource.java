package org.anchormarket.tender.rest;

import org.anchormarket.chassis.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.tender.api.ClarificationsApi;
import org.anchormarket.contracts.tender.model.Answer;
import org.anchormarket.contracts.tender.model.NewQuestion;
import org.anchormarket.contracts.tender.model.Question;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.Clarifications;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class ClarificationResource implements ClarificationsApi {

    private final Clarifications clarifications;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;

    ClarificationResource(Clarifications clarifications, Callers callers, UriInfo uri, Created created) {
        this.clarifications = clarifications;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Question askQuestion(UUID id, NewQuestion body) {
        var q = clarifications.ask(id, body.getText(), callers.current());
        created.at(uri.getBaseUriBuilder().path("api/tenders/{id}/questions").build(id));
        return TenderMapper.toApi(q);
    }

    @Override
    @PermitAll
    public List<Question> listQuestions(UUID id) {
        return clarifications.list(id, callers.current()).stream().map(TenderMapper::toApi).toList();
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Question answerQuestion(UUID id, UUID questionId, Answer body) {
        return TenderMapper.toApi(clarifications.answer(id, questionId, body.getText(), callers.current()));
    }
}
