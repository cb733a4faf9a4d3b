package org.xuke.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The reporting model's row of one goods line of an issued licence, with its licence's scope and
 * filters beside it: 综合统计 by commodity or category and the rice and coke statistics by grade or
 * brand read these rows alone. Written at issue with the licence's {@link LicenceFact}; only
 * {@code counted} changes.
 */
@Entity
@Table(name = "licence_line_fact")
@IdClass(LineFact.Key.class)
public class LineFact implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Id
    @Column(name = "line_number")
    private int lineNumber;

    @Column(name = "licence_number", nullable = false, updatable = false, length = 10)
    private String number;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "applied_on", nullable = false, updatable = false)
    private LocalDate appliedOn;

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

    @Column(name = "trade_mode_code", nullable = false, updatable = false, length = 10)
    private String tradeModeCode;

    @Column(name = "country_code", nullable = false, updatable = false, length = 10)
    private String countryCode;

    @Column(name = "consignor_code", updatable = false, length = 18)
    private String consignorCode;

    @Column(name = "exporter_code", updatable = false, length = 18)
    private String exporterCode;

    @Column(name = "port_code", updatable = false, length = 10)
    private String portCode;

    @Column(name = "contract_number", updatable = false, length = 17)
    private String contractNumber;

    @Column(name = "commodity_code", nullable = false, updatable = false, length = 10)
    private String commodityCode;

    @Column(name = "category_code", updatable = false, length = 20)
    private String categoryCode;

    @Column(name = "specification", updatable = false, length = 200)
    private String specification;

    @Column(name = "unit_code", updatable = false, length = 10)
    private String unitCode;

    @Column(name = "quantity", nullable = false, updatable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    @Column(name = "amount_usd", updatable = false, precision = 18, scale = 2)
    private BigDecimal amountUsd;

    /** The licence's first line of its commodity and unit: summed, the licences of a commodity's row. */
    @Column(name = "first_in_commodity", nullable = false, updatable = false)
    private boolean firstInCommodity;

    /** The licence's first line of its category and unit. */
    @Column(name = "first_in_category", nullable = false, updatable = false)
    private boolean firstInCategory;

    /** The licence's first line of its grade (specification) and unit within its category (the special goods). */
    @Column(name = "first_in_grade", nullable = false, updatable = false)
    private boolean firstInGrade;

    /** The licence's first line. */
    @Column(name = "first_of_licence", nullable = false, updatable = false)
    private boolean firstOfLicence;

    protected LineFact() {
    }

    /** The composite key: licence and line number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long licenceId;
        private int lineNumber;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && licenceId == that.licenceId && lineNumber == that.lineNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(licenceId, lineNumber);
        }
    }
}
