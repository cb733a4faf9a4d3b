package org.xuke.web.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xuke.application.ExportLicenceForm;
import org.xuke.application.SpecLine;

/**
 * The export licence form as the page edits it (the domain's form is immutable): kept in the
 * view, so nothing typed is lost when a save is refused.
 */
public class FormModel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable line of box 12. */
    public static class Line implements Serializable {

        private static final long serialVersionUID = 1L;

        private String specification;
        private BigDecimal unitPrice;
        private BigDecimal quantity;

        public BigDecimal getTotal() {
            return new SpecLine(specification, unitPrice, quantity).total();
        }

        public String getSpecification() {
            return specification;
        }

        public void setSpecification(String specification) {
            this.specification = specification;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }
    }

    private int year;
    private String commodityCode;
    private String portCode;
    private String exporterCode;
    private String consignorCode;
    private String tradeModeCode;
    private String countryCode;
    private String transportModeCode;
    private String paymentMethod;
    private LocalDate validityEnd;
    private String contractNumber;
    private String currencyCode;
    private String approvalNumber;
    private BigDecimal usdRate;
    private String remarks;
    private boolean oneBatch = true;
    private final List<Line> lines = new ArrayList<>();

    public static FormModel of(ExportLicenceForm form) {
        FormModel m = new FormModel();
        m.year = form.year();
        m.commodityCode = form.commodityCode();
        m.portCode = form.portCode();
        m.exporterCode = form.exporterCode();
        m.consignorCode = form.consignorCode();
        m.tradeModeCode = form.tradeModeCode();
        m.countryCode = form.countryCode();
        m.transportModeCode = form.transportModeCode();
        m.paymentMethod = form.paymentMethod();
        m.validityEnd = form.validityEnd();
        m.contractNumber = form.contractNumber();
        m.currencyCode = form.currencyCode();
        m.approvalNumber = form.approvalNumber();
        m.usdRate = form.usdRate();
        m.remarks = form.remarks();
        m.oneBatch = form.oneBatch();
        for (SpecLine l : form.lines()) {
            Line line = new Line();
            line.specification = l.specification();
            line.unitPrice = l.unitPrice();
            line.quantity = l.quantity();
            m.lines.add(line);
        }
        if (m.lines.isEmpty()) {
            m.lines.add(new Line());
        }
        return m;
    }

    public ExportLicenceForm toForm() {
        return new ExportLicenceForm(year, commodityCode, portCode, exporterCode, consignorCode, tradeModeCode,
                countryCode, transportModeCode, paymentMethod, validityEnd, contractNumber, currencyCode,
                approvalNumber, lines.stream().map(l -> new SpecLine(l.specification, l.unitPrice, l.quantity))
                        .toList(), usdRate, remarks, oneBatch);
    }

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(int index) {
        if (lines.size() > 1 && index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    public BigDecimal getGrandTotal() {
        return toForm().grandTotal();
    }

    public BigDecimal getGrandTotalUsd() {
        return toForm().grandTotalUsd();
    }

    public BigDecimal getTotalQuantity() {
        return toForm().totalQuantity();
    }

    public List<Line> getLines() {
        return lines;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getCommodityCode() {
        return commodityCode;
    }

    public void setCommodityCode(String commodityCode) {
        this.commodityCode = commodityCode;
    }

    public String getPortCode() {
        return portCode;
    }

    public void setPortCode(String portCode) {
        this.portCode = portCode;
    }

    public String getExporterCode() {
        return exporterCode;
    }

    public String getConsignorCode() {
        return consignorCode;
    }

    public void setConsignorCode(String consignorCode) {
        this.consignorCode = consignorCode;
    }

    public String getTradeModeCode() {
        return tradeModeCode;
    }

    public void setTradeModeCode(String tradeModeCode) {
        this.tradeModeCode = tradeModeCode;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public String getTransportModeCode() {
        return transportModeCode;
    }

    public void setTransportModeCode(String transportModeCode) {
        this.transportModeCode = transportModeCode;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public LocalDate getValidityEnd() {
        return validityEnd;
    }

    public void setValidityEnd(LocalDate validityEnd) {
        this.validityEnd = validityEnd;
    }

    public String getContractNumber() {
        return contractNumber;
    }

    public void setContractNumber(String contractNumber) {
        this.contractNumber = contractNumber;
    }

    public String getCurrencyCode() {
        return currencyCode;
    }

    public void setCurrencyCode(String currencyCode) {
        this.currencyCode = currencyCode;
    }

    public String getApprovalNumber() {
        return approvalNumber;
    }

    public void setApprovalNumber(String approvalNumber) {
        this.approvalNumber = approvalNumber;
    }

    public BigDecimal getUsdRate() {
        return usdRate;
    }

    public void setUsdRate(BigDecimal usdRate) {
        this.usdRate = usdRate;
    }

    public String getRemarks() {
        return remarks;
    }

    public void setRemarks(String remarks) {
        this.remarks = remarks;
    }

    public boolean isOneBatch() {
        return oneBatch;
    }

    public void setOneBatch(boolean oneBatch) {
        this.oneBatch = oneBatch;
    }
}
