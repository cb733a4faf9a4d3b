package org.xuke.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reporting model's row of one issued licence: everything a statistic scopes, filters, groups and
 * sums by — the licence's authority, holder, filer and department (the caller's scope, as on the
 * licence), its application's trade mode, destination, consignor, port and contract, its China dates
 * of application and issue, its amount — so that no statistic joins the licence table. Written at
 * issue; only {@code counted} changes (cleared when the licence is deleted).
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

    @Column(name = "authority_code", nullable = false, updatable = false, length = 40)
    private String authorityCode;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "applicant", updatable = false, length = 32)
    private String applicant;

    @Column(name = "department", updatable = false, length = 100)
    private String department;

    @Column(name = "counted", nullable = false)
    private boolean counted;

    @Column(name = "kind", nullable = false, updatable = false, length = 1)
    private String kind;

    @Column(name = "total_usd", updatable = false, precision = 18, scale = 2)
    private BigDecimal totalUsd;

    @Column(name = "applied_on", nullable = false, updatable = false)
    private LocalDate appliedOn;

    @Column(name = "port_code", updatable = false, length = 10)
    private String portCode;

    @Column(name = "contract_number", updatable = false, length = 17)
    private String contractNumber;

    @Column(name = "exporter_code", updatable = false, length = 18)
    private String exporterCode;

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
