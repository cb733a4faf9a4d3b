package org.xuke.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decimals as people write and read them, bounded before they are parsed. */
class PlainDecimalConverterTest {

    @ParameterizedTest
    @CsvSource({"2E+3, 2000", "1.5E+3, 1500", "2000.00000, 2000", "12.50, 12.5", "0.000, 0", "1E-5, 0.00001",
            "-3.0, -3"})
    void numbersAreShownAsPeopleWriteThem(String stored, String shown) {
        assertThat(PlainDecimalConverter.format(new BigDecimal(stored))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"2000, 2000", "' 2,000 ', 2000", "'1,234,567.25', 1234567.25", "２０００, 2000", "１２．５, 12.5",
            "'１，０００', 1000", "0.000001, 0.000001", "9999999999999.999999, 9999999999999.999999", "-12, -12"})
    void whatIsTypedIsReadAsWhatItSays(String typed, String value) {
        assertThat(new BigDecimal(PlainDecimalConverter.read(typed))).isEqualByComparingTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e309", "1e20000", "1E+3", "2,00", "12,3456", "10000000000000", "0.0000001", "abc", "1.2.3",
            "1 000", "NaN", "Infinity", "0x10", "1\u00002", "+-1", ".5", "5.", "12345678901234567890123456789012345678901"})
    void anythingElseIsRefusedBeforeParsing(String typed) {
        assertThat(PlainDecimalConverter.read(typed)).isNull();
    }
}
