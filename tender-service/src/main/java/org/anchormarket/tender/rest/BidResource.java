package org.anchormarket.tender.rest;

import org.anchormarket.chassis.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.tender.api.BidsApi;
import org.anchormarket.contracts.tender.model.Bid;
import org.anchormarket.contracts.tender.model.BidSubmission;
import org.anchormarket.contracts.tender.model.MyBid;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.Bids;
import org.anchormarket.tender.service.Documents;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class BidResource implements BidsApi {

    private final Bids bids;
    private final Documents documents;
    private final TenderResource tenders;
    private final Callers callers;

    BidResource(Bids bids, Documents documents, TenderResource tenders, Callers callers) {
        this.bids = bids;
        this.documents = documents;
        this.tenders = tenders;
        this.callers = callers;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Bid submitBid(UUID id, UUID lotId, BidSubmission body) {
        return withFiles(bids.submit(id, lotId, new Bids.Contents(body.getPrice(), body.getQualityResponse(),
                body.getSocialValueCommitments()), callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Bid getMyBid(UUID id, UUID lotId) {
        return withFiles(bids.mine(id, lotId, callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public void withdrawMyBid(UUID id, UUID lotId) {
        bids.withdraw(id, lotId, callers.current());
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public List<MyBid> listMyBids(Integer page, Integer size) {
        return bids.allMine(callers.current(), page == null ? 0 : page, size == null ? 20 : size).stream()
                .map(TenderMapper::toApi).toList();
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
        return bids.list(id, lotId, callers.current()).stream().map(this::withFiles).toList();
    }

    /** A bid with its files' names (opened only for those who may read the bid). */
    private Bid withFiles(Bids.View v) {
        return TenderMapper.toApi(v).attachments(documents.attachments(v.bid().lotId, v.bid().supplierId).stream()
                .map(TenderMapper::toApi).toList());
    }
}
