package org.xuke.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HashChainTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 24, 2, 0, 0, 123_000_000);

    @Test
    void genesisHashIsTheOneTheMigrationsWrite() throws Exception {
        for (String vendor : new String[] {"postgresql", "oracle"}) {
            String migration = Files.readString(Path.of("src/main/resources/db/vendor/" + vendor + "/V2__audit_log.sql"));
            assertThat(migration).as(vendor).contains("'" + HashChain.GENESIS + "'");
        }
    }

    @Test
    void eachAppendLinksToThePreviousHashAndAdvancesThePosition() {
        AuditChainHead head = AuditChainHead.genesis();
        AuditEvent first = head.append(AuditEntry.of("ALICE", "LOGIN", "account", "ALICE"), T);
        AuditEvent second = head.append(AuditEntry.of("ALICE", "LOGOUT", "account", "ALICE"), T.plusSeconds(5));

        assertThat(first.getPosition()).isEqualTo(1);
        assertThat(first.getPreviousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(second.getPosition()).isEqualTo(2);
        assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
        assertThat(head.lastHash()).isEqualTo(second.getHash());
        assertThat(second.computeHash()).isEqualTo(second.getHash()).hasSize(64);
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        String base = HashChain.link(HashChain.GENESIS, 1L, T, "ALICE", "LOGIN", "account", "ALICE", null, null);
        assertThat(HashChain.link(HashChain.GENESIS, 2L, T, "ALICE", "LOGIN", "account", "ALICE", null, null))
                .isNotEqualTo(base);
        assertThat(HashChain.link(HashChain.GENESIS, 1L, T.plusNanos(1_000_000), "ALICE", "LOGIN", "account",
                "ALICE", null, null)).isNotEqualTo(base);
        assertThat(HashChain.link(HashChain.GENESIS, 1L, T, "ALICE", "LOGIN", "account", "ALICE", "", null))
                .as("empty and null details differ").isNotEqualTo(base);
        assertThat(HashChain.link(HashChain.GENESIS, 1L, T, "ALIC", "ELOGIN", "account", "ALICE", null, null))
                .as("field boundaries count").isNotEqualTo(base);
        assertThat(HashChain.link("0".repeat(64), 1L, T, "ALICE", "LOGIN", "account", "ALICE", null, null))
                .as("previous hash counts").isNotEqualTo(base);
    }

    @Test
    void overlongEntryFieldsAreCutToTheirColumns() {
        AuditEntry entry = new AuditEntry("A".repeat(150), "X", null, null, "d".repeat(5000), null);
        assertThat(entry.actor()).hasSize(100);
        assertThat(entry.details()).hasSize(4000);
    }
}
