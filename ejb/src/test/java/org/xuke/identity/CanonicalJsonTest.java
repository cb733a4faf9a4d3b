package org.xuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysAreSortedWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("quantity", new BigDecimal("535.100"));
        a.put("commodity", "2903750010");
        a.put("lines", List.of(Map.of("b", 1, "a", true)));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("lines", List.of(Map.of("a", true, "b", 1)));
        b.put("commodity", "2903750010");
        b.put("quantity", new BigDecimal("535.1"));
        assertThat(CanonicalJson.write(a)).isEqualTo(CanonicalJson.write(b))
                .isEqualTo("{\"commodity\":\"2903750010\",\"lines\":[{\"a\":true,\"b\":1}],\"quantity\":535.1}");
    }

    @Test
    void stringsAreEscapedMinimallyAndChineseStaysAsIs() {
        assertThat(CanonicalJson.write(Map.of("n", "签章\"测试\"\n\u0001"))).isEqualTo("{\"n\":\"签章\\\"测试\\\"\\n\\u0001\"}");
        assertThat(CanonicalJson.write(Map.of("d", LocalDate.of(2026, 12, 31), "z", BigDecimal.ZERO.setScale(3))))
                .isEqualTo("{\"d\":\"2026-12-31\",\"z\":0}");
    }

    @Test
    void floatingPointIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("price", 11.11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BigDecimal");
    }
}
