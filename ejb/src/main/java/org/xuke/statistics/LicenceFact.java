package org.xuke.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The reporting model's row of one issued licence: what the statistics group and filter by that the
 * licence row does not hold (its application's trade mode, destination and consignor) and its China
 * date of issue. Written once, at issue; everything else is read from the licence.
 */
@Entity
@Table(name = "licence_fact")
public class LicenceFact implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "trade_mode_code", nullable = false, updatable = false, length = 10)
    private String tradeModeCode;

    @Column(name = "country_code", nullable = false, updatable = false, length = 10)
    private String countryCode;

    @Column(name = "consignor_code", updatable = false, length = 18)
    private String consignorCode;

    protected LicenceFact() {
    }

    public long getLicenceId() {
        return licenceId;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getTradeModeCode() {
        return tradeModeCode;
    }

    public String getCountryCode() {
        return countryCode;
    }
}
