package org.xuke.web.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xuke.platform.DomainRuleException;

/** The address printed into licences is configuration, checked, never a request's Host. */
class PublicAddressTest {

    @Test
    void theConfiguredAddressIsUsedWithoutATrailingSlash() {
        assertThat(PublicAddress.of(" https://xuke.example.gov.cn/ ")).isEqualTo("https://xuke.example.gov.cn");
        assertThat(PublicAddress.of("https://127.0.0.1:8181")).isEqualTo("https://127.0.0.1:8181");
        assertThat(PublicAddress.of("http://10.1.2.3:8080/xuke//")).isEqualTo("http://10.1.2.3:8080/xuke");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "xuke.example.gov.cn", "ftp://xuke.example.gov.cn", "https://x.cn/?a=1",
            "https://user@x.cn", "https://x.cn/#f", "javascript:alert(1)", "https://"})
    void withoutAUsableAddressPrintingIsRefused(String configured) {
        assertThatThrownBy(() -> PublicAddress.of(configured)).isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("print.noPublicAddress");
    }

    @Test
    void nothingConfiguredIsRefused() {
        assertThatThrownBy(() -> PublicAddress.of(null)).isInstanceOf(DomainRuleException.class);
    }
}
