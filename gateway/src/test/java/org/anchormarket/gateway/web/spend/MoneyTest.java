package org.anchormarket.gateway.web.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money as the pages show it: headline figures rounded as people read them, to the penny elsewhere. */
class MoneyTest {

    @ParameterizedTest
    @CsvSource({"0, £0", "499.49, £499", "999.49, £999", "999.50, £1.0k", "12400, £12.4k", "949999.99, £950.0k",
            "999949.99, £999.9k", "999950, £1.0m", "175317348.01, £175.3m", "15437400000, '£15,437.4m'", "-75.00, -£75", "-1500000, -£1.5m"})
    void shouldRoundAHeadlineToWhatItReadsAs(String amount, String shown) {
        assertEquals(shown, Money.brief(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @CsvSource({"1234.5, '£1,234.50'", "-75, -£75.00", "327172549.77, '£327,172,549.77'"})
    void shouldShowPoundsToThePenny(String amount, String shown) {
        assertEquals(shown, Money.pounds(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @CsvSource({"1, 1 supplier", "0, 0 suppliers", "16793, '16,793 suppliers'"})
    void shouldCountInWords(long n, String shown) {
        assertEquals(shown, Money.counted(n, "supplier"));
    }

    @ParameterizedTest
    @CsvSource({"16793, '16,793'", "0, 0", "1000000, '1,000,000'"})
    void shouldCountWithThousandsSeparators(long n, String shown) {
        assertEquals(shown, Money.count(n));
    }
}
