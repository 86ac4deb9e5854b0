package org.anchormarket.supplier.domain.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit-level answers from the ONS Postcode Directory, in both published header styles, over the hand-made seed. */
class OnsPostcodeDirectoryTest {

    private static Path fixture(String name) {
        try {
            return Path.of(OnsPostcodeDirectoryTest.class.getResource("/onspd/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final PostcodeGeography CLASSIC = PostcodeGeography.seed().withDirectory(
            OnsPostcodeDirectory.load(fixture("onspd-classic.csv"), Optional.of(fixture("wards.csv"))));

    private static final PostcodeGeography DATED = PostcodeGeography.seed().withDirectory(
            OnsPostcodeDirectory.load(fixture("onspd-2025.csv"), Optional.empty()));

    private static Place place(PostcodeGeography geography, String postcode) {
        return geography.place(Postcode.parse(postcode).orElseThrow());
    }

    @ParameterizedTest(name = "{0} → {1} {2} / {3}")
    @CsvSource(nullValues = "-", value = {
            // Both sides of the boundary in one sector the seed puts in the borough (WA3 3: Golborne)
            "WA3 3AA, NORTH_WEST, -, -",
            "WA3 3AB, IN_BOROUGH, Golborne, Golborne & Lowton West",
            // A district the seed puts outside (WN8: Skelmersdale) with a unit inside the borough
            "WN8 7AA, IN_BOROUGH, Shevington, Shevington with Lower Ground & Moor",
            "WN8 8AA, NORTH_WEST, -, -",
            "BL1 1AA, GREATER_MANCHESTER, -, -",
            // Terminated in the directory, and not in it: the seed answers (sector town, no ward)
            "WN1 1ZZ, IN_BOROUGH, Wigan, -",
            "WN5 9XX, IN_BOROUGH, Wigan, -",
            // Outside the North West: not kept from the directory; the seed's area rule answers
            "EC1A 1BB, REST_OF_UK, -, -" })
    void shouldPlaceByLocalAuthorityAndWardWhereTheDirectoryKnowsThePostcode(String postcode, Locality locality,
            String town, String ward) {
        assertEquals(new Place(locality, town, ward), place(CLASSIC, postcode));
    }

    @ParameterizedTest(name = "{0} → {1} {2} / {3}")
    @CsvSource(nullValues = "-", value = {
            "WA3 3AA, NORTH_WEST, -, -",
            // No ward lookup given: the ward is named by its code
            "M29 7AA, IN_BOROUGH, Tyldesley, E05015009",
            // M28 3: Salford side of the Astley/Worsley boundary
            "M28 3AA, GREATER_MANCHESTER, -, -" })
    void shouldReadTheDatedHeaderOfNewerEditions(String postcode, Locality locality, String town, String ward) {
        assertEquals(new Place(locality, town, ward), place(DATED, postcode));
    }

    @Test
    void shouldKeepOnlyLiveNorthWestPostcodes() {
        assertEquals(5, OnsPostcodeDirectory.load(fixture("onspd-classic.csv"), Optional.empty()).size());
    }

    @Test
    void shouldNameTheMissingColumnOfAFileInAnotherLayout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-onspd.csv");
        Files.writeString(file, "postcode,district\nWN1 1AA,Wigan\n");
        var e = assertThrows(IllegalArgumentException.class, () -> OnsPostcodeDirectory.load(file, Optional.empty()));
        assertTrue(e.getMessage().contains("no pcds column"), e.getMessage());
    }

    @Test
    void shouldFingerprintTheEditionSoANewOneReclassifies(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("onspd.csv");
        Files.copy(fixture("onspd-classic.csv"), copy);
        String before = PostcodeGeography.seed().withDirectory(OnsPostcodeDirectory.load(copy, Optional.empty()))
                .fingerprint();
        Files.writeString(copy, "\"WN2 2AA\",\"WN2  2AA\",\"WN2 2AA\",\"198001\",\"\",\"E99999999\",\"E99999999\","
                + "\"E08000010\",\"E05015000\",\"E43000001\",\"0\",\"1\",\"1\",\"1\",\"E38000205\",\"E40000010\","
                + "\"E92000001\",\"E12000002\",\"0\",\"E14001586\",53.5,-2.6\n", java.nio.file.StandardOpenOption.APPEND);
        String after = PostcodeGeography.seed().withDirectory(OnsPostcodeDirectory.load(copy, Optional.empty()))
                .fingerprint();
        assertNotEquals(before, after);
        assertNotEquals(PostcodeGeography.seed().fingerprint(), before);
    }

    @Test
    void shouldNameWardsFromThePublishedWiganWardLookup() {
        Path lookup = Path.of(System.getProperty("anchor.root", ".."), "..", "shared", "data", "wigan-wards-lsoa",
                "wigan_wards_2025.csv");
        Assumptions.assumeTrue(Files.isReadable(lookup), "shared data not in this checkout");
        var names = OnsPostcodeDirectory.wardNames(lookup);
        assertEquals(25, names.size());
        assertEquals("Aspull, New Springs & Whelley", names.get("E05014991"));
    }
}
