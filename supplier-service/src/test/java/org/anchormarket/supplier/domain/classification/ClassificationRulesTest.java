package org.anchormarket.supplier.domain.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification rules, table by table. Sources of each rule are in docs/suppliers.md. */
class ClassificationRulesTest {

    private static final PostcodeGeography GEOGRAPHY = PostcodeGeography.seed();

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(nullValues = "-", value = {
            // in the borough, by district
            "WN1 1AA,  IN_BOROUGH, Wigan",
            "wn7 4hq,  IN_BOROUGH, Leigh",
            "M46 9JA,  IN_BOROUGH, Atherton",
            "M29 8AA,  IN_BOROUGH, Tyldesley",
            "WN2 3AA,  IN_BOROUGH, Hindley",
            // districts that straddle the boundary: both sides, by sector
            "WN4 9AB,  IN_BOROUGH, Ashton-in-Makerfield",
            "WN4 0AB,  NORTH_WEST, -",
            "WN5 8AA,  IN_BOROUGH, Orrell",
            "WN5 7AA,  NORTH_WEST, -",
            "WN6 0AA,  IN_BOROUGH, Standish",
            "WN6 9AA,  NORTH_WEST, -",
            "WA3 3AA,  IN_BOROUGH, Golborne",
            "WA3 1AB,  IN_BOROUGH, Lowton",
            "WA3 6AA,  NORTH_WEST, -",
            "WN8 6AA,  NORTH_WEST, -",
            // the rest of Greater Manchester
            "M1 1AE,   GREATER_MANCHESTER, -",
            "M28 3AA,  GREATER_MANCHESTER, -",
            "BL5 3AA,  GREATER_MANCHESTER, -",
            "SK4 1AA,  GREATER_MANCHESTER, -",
            "WA14 1AA, GREATER_MANCHESTER, -",
            // North West outside Greater Manchester, and areas of the North West reaching beyond it
            "L1 8JQ,   NORTH_WEST, -",
            "PR7 1AA,  NORTH_WEST, -",
            "SK10 1AA, NORTH_WEST, -",
            "CH5 1AA,  REST_OF_UK, -",
            "OL14 5AA, REST_OF_UK, -",
            "SW1A 2AA, REST_OF_UK, -",
            "EH1 1YZ,  REST_OF_UK, -" })
    void shouldPlaceAPostcodeRelativeToTheBorough(String postcode, Locality locality, String town) {
        Place place = GEOGRAPHY.place(Postcode.parse(postcode).orElseThrow());
        assertEquals(locality, place.locality());
        assertEquals(town, place.town());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "wn59xx, WN5 9XX, WN5 9, WN5, WN", "SW1A2AA, SW1A 2AA, SW1A 2, SW1A, SW", " m1  1ae , M1 1AE, M1 1, M1, M" })
    void shouldSplitAPostcodeIntoItsParts(String raw, String unit, String sector, String district, String area) {
        Postcode p = Postcode.parse(raw).orElseThrow();
        assertEquals(unit, p.unit());
        assertEquals(sector, p.sector());
        assertEquals(district, p.district());
        assertEquals(area, p.area());
    }

    @ParameterizedTest
    @CsvSource({ "not a postcode", "WN1", "12345", "WN1 1A" })
    void shouldRefuseWhatIsNotAPostcode(String raw) {
        assertTrue(Postcode.parse(raw).isEmpty());
    }

    @ParameterizedTest(name = "{0} staff, turnover {1}, balance sheet {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "0,   0,        -,        MICRO",
            "9,   2000000,  -,        MICRO",
            "9,   2000001,  -,        SMALL",
            "9,   2000001,  2000000,  MICRO",
            "10,  100000,   -,        SMALL",
            "49,  10000000, -,        SMALL",
            "49,  10000001, -,        MEDIUM",
            "49,  10000001, 9000000,  SMALL",
            "50,  100000,   -,        MEDIUM",
            "249, 44000000, -,        MEDIUM",
            "249, 44000001, -,        LARGE",
            "249, 60000000, 38000000, MEDIUM",
            "249, 60000000, 38000001, LARGE",
            "250, 100000,   -,        LARGE" })
    void shouldBandOrganisationsByTheSmeDefinition(int employees, BigDecimal turnover, BigDecimal balanceSheet,
            SizeBand band) {
        assertEquals(band, SizeBand.of(employees, turnover, balanceSheet));
        assertEquals(band != SizeBand.LARGE, band.isSme());
    }

    @ParameterizedTest(name = "{0}, declared social enterprise {1} → VCFSE {2}")
    @CsvSource({
            "CIO, false, true", "CHARITABLE_COMPANY, false, true", "UNINCORPORATED_CHARITY, false, true",
            "CIC, false, true", "COMMUNITY_BENEFIT_SOCIETY, false, true", "COOPERATIVE, false, true",
            "LIMITED_COMPANY, false, false", "LIMITED_COMPANY, true, true", "SOLE_TRADER, false, false",
            "PLC, false, false", "LLP, false, false", "PARTNERSHIP, false, false", "PUBLIC_BODY, false, false",
            "OTHER, true, true" })
    void shouldTellVcfseOrganisationsByFormOrDeclaration(OrganisationType type, boolean socialEnterprise,
            boolean vcfse) {
        assertEquals(vcfse, type.isVcfse(socialEnterprise));
    }

    @ParameterizedTest(name = "company number {0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "01234567, 01234567", "1234567, 01234567", "sc123456, SC123456", "OC 301 234, OC301234",
            "NI012345, NI012345", "XY123456, -", "123456789, -", "SC12345, -", "ABCDEFGH, -" })
    void shouldValidateCompaniesHouseNumbers(String raw, String normalised) {
        RegistryNumbers.Result result = RegistryNumbers.companyNumber(raw);
        assertEquals(normalised, result.normalised());
        if (normalised == null) {
            assertTrue(result.problem() != null && !result.problem().isBlank());
        } else {
            assertNull(result.problem());
        }
    }

    @ParameterizedTest(name = "charity number {0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "1012345, 1012345", "123456, 123456", "1012345-1, 1012345-1", "sc012345, SC012345", "12345, -",
            "SC1234, -", "CHARITY1, -" })
    void shouldValidateCharityNumbers(String raw, String normalised) {
        assertEquals(normalised, RegistryNumbers.charityNumber(raw).normalised());
    }
}
