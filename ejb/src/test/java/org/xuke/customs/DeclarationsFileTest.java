package org.xuke.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.Usage;

class DeclarationsFileTest {

    private static final String GOOD = "431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,5,10";

    @Test
    void aLineIsTheUsageOfOneLineWithAnIdFromItsContent() throws Exception {
        Usage usage = DeclarationsFile.parse(GOOD);
        assertThat(usage.declarationNumber()).isEqualTo("431020260000000002");
        assertThat(usage.declarationDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(usage.licenceNumber()).isEqualTo("26HUN000001");
        assertThat(usage.port()).isEqualTo("0901");
        assertThat(usage.state()).isEqualTo(DeclarationState.CLEARED);
        assertThat(usage.deployment()).isEqualTo(DeploymentName.id());
        assertThat(usage.lines()).singleElement().satisfies(l -> {
            assertThat(l.lineNumber()).isEqualTo(1);
            assertThat(l.quantity()).isEqualByComparingTo("5");
            assertThat(l.cumulativeQuantity()).isEqualByComparingTo(new BigDecimal("10"));
        });
        // the same declaration line written another way is the same message (a duplicate when read again)
        assertThat(DeclarationsFile.parse("\uFEFF 431020260000000002, 2026-12-03 ,26hun000001,0901,cleared,01,5.000,10.0 ")
                .messageId()).isEqualTo(usage.messageId());
        assertThat(DeclarationsFile.parse(GOOD.replace(",10", ",11")).messageId()).isNotEqualTo(usage.messageId());
        assertThat(usage.declarantUscc()).isNull();
        assertThat(DeclarationsFile.parse(GOOD + ",").messageId()).isEqualTo(usage.messageId());
        Usage declared = DeclarationsFile.parse(GOOD + ",91430100ma4l000002");
        assertThat(declared.declarantUscc()).isEqualTo("91430100MA4L000002");
        assertThat(declared.messageId()).isNotEqualTo(usage.messageId());
    }

    @Test
    void theHeaderCommentsAndBlankLinesAreNotData() {
        assertThat(DeclarationsFile.isNotData("\uFEFF" + DeclarationsFile.HEADER)).isTrue();
        assertThat(DeclarationsFile.isNotData("# 补发")).isTrue();
        assertThat(DeclarationsFile.isNotData("   ")).isTrue();
        assertThat(DeclarationsFile.isNotData(GOOD)).isFalse();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        String[][] cases = {
            {"too,few,fields", "fields"},
            {"12345,2026-12-03,26HUN000001,0901,CLEARED,1,5,10", "declarationNumber"},
            {"431020260000000002,2026-13-03,26HUN000001,0901,CLEARED,1,5,10", "declarationDate"},
            {"431020260000000002,2026-12-03,HUN000001,0901,CLEARED,1,5,10", "licenceNumber"},
            {"431020260000000002,2026-12-03,26HUN000001,901,CLEARED,1,5,10", "port"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,SHIPPED,1,5,10", "state"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,100,5,10", "lineNumber"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,x,5,10", "lineNumber"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,-5,10", "quantity"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,5.123456,10", "quantity"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,5,1e3", "cumulativeQuantity"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,5,4", "cumulativeBelowQuantity"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,5,10,91430100MA4L00000I", "declarant"},
            {"431020260000000002,2026-12-03,26HUN000001,0901,CLEARED,1,5,10,x,y", "fields"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> DeclarationsFile.parse(c[0])).as(c[0])
                    .isInstanceOfSatisfying(DeclarationsFile.BadLine.class, e -> assertThat(e.code()).isEqualTo(c[1]));
        }
    }
}
