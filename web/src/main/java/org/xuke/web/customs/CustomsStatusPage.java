package org.xuke.web.customs;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.primefaces.model.LazyDataModel;
import org.xuke.customs.CustomsAdministration;
import org.xuke.customs.CustomsQueries;
import org.xuke.customs.CustomsQueries.StatusFilter;
import org.xuke.customs.CustomsQueries.StatusRow;
import org.xuke.customs.CustomsStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/** 海关状态查询: the caller's licences (an officer's: his authority's) with where each stands at customs. */
@Named
@ViewScoped
public class CustomsStatusPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CustomsQueries queries;

    @Inject
    private CustomsAdministration administration;

    private String search;
    private LocalDate from;
    private LocalDate to;
    private CustomsStatus status;

    private final LazyDataModel<StatusRow> model = new PagedModel<>((first, max, sort) -> queries.statusPage(
            new StatusFilter(search, from, to, status), first, max, sort.field(), sort.ascending()), StatusRow::number);

    /** 重新发送 (officers): the licence goes to customs again as its next version. */
    public void resend(String number) {
        try {
            administration.resend(number);
            Texts.info("customs.resent", number);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public boolean resendable(CustomsStatus status) {
        return CustomsAdministration.RESENDABLE.contains(status);
    }

    public LazyDataModel<StatusRow> getModel() {
        return model;
    }

    public CustomsStatus[] getStatuses() {
        return CustomsStatus.values();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public CustomsStatus getStatus() {
        return status;
    }

    public void setStatus(CustomsStatus status) {
        this.status = status;
    }
}
