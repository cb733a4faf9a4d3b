package org.xuke.licence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A line of 查看电子许可证: what the list shows of a licence, with its holder and its standing today. */
public record LicenceRow(String number, long applicationId, String holderName, String commodityCode,
        BigDecimal totalQuantity, BigDecimal totalUsd, LocalDate validityEnd, boolean oneBatch, String issuedBy,
        LocalDateTime issuedAtUtc, LicenceStatus status, LicenceStanding standing) implements Serializable {

    /** The list query's constructor: the standing depends on the day, {@link #on} adds it. */
    public LicenceRow(String number, long applicationId, String holderName, String commodityCode,
            BigDecimal totalQuantity, BigDecimal totalUsd, LocalDate validityEnd, boolean oneBatch, String issuedBy,
            LocalDateTime issuedAtUtc, LicenceStatus status) {
        this(number, applicationId, holderName, commodityCode, totalQuantity, totalUsd, validityEnd, oneBatch,
                issuedBy, issuedAtUtc, status, null);
    }

    public LicenceRow on(LocalDate today) {
        return new LicenceRow(number, applicationId, holderName, commodityCode, totalQuantity, totalUsd, validityEnd,
                oneBatch, issuedBy, issuedAtUtc, status, LicenceStanding.of(status, validityEnd, today));
    }
}
