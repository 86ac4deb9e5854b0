package org.anchormarket.tender.rest;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.tender.api.BidsApi;
import org.anchormarket.contracts.tender.model.Bid;
import org.anchormarket.contracts.tender.model.BidSubmission;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.Bids;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class BidResource implements BidsApi {

    private final Bids bids;
    private final TenderResource tenders;
    private final Callers callers;

    BidResource(Bids bids, TenderResource tenders, Callers callers) {
        this.bids = bids;
        this.tenders = tenders;
        this.callers = callers;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Bid submitBid(UUID id, UUID lotId, BidSubmission body) {
        return TenderMapper.toApi(bids.submit(id, lotId, new Bids.Contents(body.getPrice(), body.getQualityResponse(),
                body.getSocialValueCommitments()), callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Bid getMyBid(UUID id, UUID lotId) {
        return TenderMapper.toApi(bids.mine(id, lotId, callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public void withdrawMyBid(UUID id, UUID lotId) {
        bids.withdraw(id, lotId, callers.current());
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Tender openBids(UUID id) {
        bids.openBids(id, callers.current());
        return tenders.getTender(id);
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public List<Bid> listBids(UUID id, UUID lotId) {
        return bids.list(id, lotId, callers.current()).stream().map(TenderMapper::toApi).toList();
    }
}
