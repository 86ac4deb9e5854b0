package org.anchormarket.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How payee names and numbers are compared when payments are matched to suppliers. */
class PayeeNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A.B. Smith & Sons Ltd.|A B SMITH AND SONS",
            "A B SMITH AND SONS LIMITED|A B SMITH AND SONS",
            "a b smith & sons limited|A B SMITH AND SONS",
            "The Wigan Youth Zone|WIGAN YOUTH ZONE",
            "Café Nero UK Ltd|CAFE NERO",
            "Leigh Community Kitchen C.I.C.|LEIGH COMMUNITY KITCHEN",
            "Foster Care Associates Co Ltd|FOSTER CARE ASSOCIATES",
            "Acme PLC|ACME",
            "Limited|LIMITED" })
    void shouldKeyANameWithoutCasePunctuationOrLegalForm(String name, String key) {
        assertEquals(key, PayeeNames.key(name));
    }

    @Test
    void shouldSplitATradingAsName() {
        assertEquals("J SMITH", PayeeNames.ownerKey("J Smith t/a Wigan Plumbing Ltd"));
        assertEquals("WIGAN PLUMBING", PayeeNames.tradingKey("J Smith t/a Wigan Plumbing Ltd"));
        assertEquals("WIGAN PLUMBING", PayeeNames.tradingKey("J SMITH TRADING AS WIGAN PLUMBING"));
        assertNull(PayeeNames.tradingKey("Wigan Plumbing Ltd"));
        assertNull(PayeeNames.key(null));
        assertNull(PayeeNames.key(" -- "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "04166647|04166647", "4166647|04166647", "sc 12345|SC012345", "SC012345|SC012345", "NI 5|NI000005",
            "00000000|null", "123456789|null", "n/a|null", "null|null" })
    void shouldReadACompanyNumberAsTheRegisterWritesIt(String raw, String number) {
        assertEquals(number, PayeeNames.companyNumber(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "1012345|1012345", "1012345-1|1012345", "SC 012345|SC012345", "12|null", "null|null" })
    void shouldReadACharityNumber(String raw, String number) {
        assertEquals(number, PayeeNames.charityNumber(raw));
    }
}
