package org.anchormarket.supplier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.anchormarket.contracts.messages.SupplierClassification;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.supplier.domain.classification.Locality;
import org.anchormarket.supplier.domain.classification.SizeBand;
import org.anchormarket.supplier.domain.SupplierStatus;
import org.junit.jupiter.api.Test;

/** What supplier-service sends, every domain value has its value in messages.yaml; a missing one fails loudly. */
class SupplierMessagesTest {

    @Test
    void shouldHaveAMessageValueForEveryDomainValue() {
        for (SupplierStatus status : SupplierStatus.values()) {
            assertEquals(status.name(), SupplierMessages.known(SupplierRegistered.StatusEnum.fromValue(status.name()),
                    status.name()).name());
            SupplierMessages.known(SupplierUpdated.StatusEnum.fromValue(status.name()), status.name());
            SupplierMessages.known(SupplierVerified.StatusEnum.fromValue(status.name()), status.name());
        }
        for (Locality locality : Locality.values()) {
            SupplierMessages.known(SupplierClassification.LocalityEnum.fromValue(locality.name()), locality.name());
        }
        for (SizeBand band : SizeBand.values()) {
            SupplierMessages.known(SupplierClassification.SizeBandEnum.fromValue(band.name()), band.name());
        }
    }

    @Test
    void shouldRefuseToSendAValueTheMessagesDoNotKnow() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SupplierMessages.known(
                SupplierClassification.LocalityEnum.fromValue("ON_THE_MOON"), "ON_THE_MOON"));
        assertEquals(true, refused.getMessage().contains("ON_THE_MOON"), refused.getMessage());
    }
}
