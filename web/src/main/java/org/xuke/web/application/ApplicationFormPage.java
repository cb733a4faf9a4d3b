package org.xuke.web.application;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.xuke.application.ApplicationState;
import org.xuke.application.ApplicationTransition;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportApplicationService.Saved;
import org.xuke.application.ExportApplicationService.View;
import org.xuke.application.FormRules;
import org.xuke.application.FormRules.FieldError;
import org.primefaces.model.file.UploadedFile;
import org.xuke.identity.SealVerification;
import org.xuke.licence.LicenceStanding;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.RecordPages;
import org.xuke.web.Texts;

/**
 * 录入申请表 / 查看、修改申请: first year, commodity and port, then the whole form, pre-filled;
 * 保存并盖章, 上报, 撤销, 复制, 删除 on the application the page shows. The form stays in the
 * view, so a refused save loses nothing.
 */
@Named
@ViewScoped
public class ApplicationFormPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExportApplicationService service;

    private Long id;
    private View view;
    private long seenVersion;
    private FormModel form;
    @Inject
    private Clock clock;

    private Integer startYear;

    /** Defaults from the application's clock (China time), once injected. */
    @PostConstruct
    void defaults() {
        startYear = LocalDate.now(clock).getYear();
    }
    private String startCommodity;
    private String startPort;
    private SealVerification sealCheck;
    private transient UploadedFile changeForm;

    /** f:viewAction: an application out of the caller's scope reads like a missing one. */
    public void load() throws IOException {
        if (id == null || view != null) {
            return;
        }
        View found = RecordPages.load(() -> service.viewForCaller(id));
        if (found != null) {
            show(found);
        }
    }

    /** The years one may apply for today: this one, and from 10 December the next. */
    public List<Integer> getYears() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> years = new ArrayList<>(List.of(today.getYear()));
        if (!MonthDay.from(today).isBefore(FormRules.NEXT_YEAR_FROM)) {
            years.add(today.getYear() + 1);
        }
        return years;
    }

    public void start() {
        try {
            Saved started = service.start(startYear, startCommodity, startPort);
            if (!started.ok()) {
                fieldErrors("start", started.errors(), true);
                return;
            }
            form = FormModel.of(started.view().form());
            view = started.view();
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** A new application moves to its own address once saved, so a reload or a back never saves it twice. */
    public String save() {
        try {
            boolean created = id == null;
            Saved saved = service.saveAndSeal(id, seenVersion, form.toForm());
            if (!saved.ok()) {
                fieldErrors("form", saved.errors(), false);
                Texts.error(null, "application.saveRefused", saved.errors().size());
                return null;
            }
            show(saved.view());
            Texts.info("application.saved");
            if (created) {
                FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
                return "/enterprise/application?faces-redirect=true&id=" + id;
            }
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
        return null;
    }

    public void submit() {
        act(() -> service.submit(id, seenVersion), "application.submitted");
    }

    public void withdraw() {
        act(() -> service.withdraw(id, seenVersion), "application.withdrawn");
    }

    public String copy() {
        try {
            View copy = service.copy(id);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Texts.info("application.copied");
            return "/enterprise/application?faces-redirect=true&id=" + copy.application().getId();
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            return null;
        }
    }

    /** 换证: a new application that changes this one's licence; the enterprise lands on its form. */
    public String change() {
        try {
            View change = service.changeOf(view.licence().getNumber());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Texts.info("application.changeStarted", view.licence().getNumber());
            return "/enterprise/application?faces-redirect=true&id=" + change.application().getId();
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            return null;
        }
    }

    /** 上传更改申请表 on a change. */
    public void uploadChangeForm() {
        if (changeForm == null || changeForm.getSize() == 0) {
            Texts.error("change:file", "application.changeFormChoose");
            return;
        }
        try {
            show(service.attachChangeForm(id, seenVersion, changeForm.getFileName(), changeForm.getContent()));
            Texts.info("application.changeFormAttached", changeForm.getFileName());
        } catch (DomainRuleException e) {
            Texts.refused("change:file", e);
        } finally {
            changeForm = null;
        }
    }

    /** The enterprise may ask to change the licence of this application: issued, the licence still issued and valid. */
    public boolean isChangeable() {
        return view != null && view.licence() != null && view.application().getState() == ApplicationState.ISSUED
                && view.licence().standingOn(LocalDate.now(clock)) == LicenceStanding.VALID;
    }

    public UploadedFile getChangeForm() {
        return changeForm;
    }

    public void setChangeForm(UploadedFile changeForm) {
        this.changeForm = changeForm;
    }

    public String delete() {
        try {
            service.delete(id, seenVersion);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Texts.info("application.deleted");
            return "/enterprise/applications?faces-redirect=true";
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            return null;
        }
    }

    public void verifySeal() {
        try {
            sealCheck = service.verifySealForCaller(id);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void addLine() {
        form.addLine();
    }

    public void removeLine(int index) {
        form.removeLine(index);
    }

    private void act(java.util.function.Supplier<View> action, String done) {
        try {
            show(action.get());
            Texts.info(done, view.application().getApplicationNumber());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    private void show(View shown) {
        view = shown;
        id = shown.application().getId();
        seenVersion = shown.application().getVersion();
        form = FormModel.of(shown.form());
        sealCheck = null;
    }

    private void fieldErrors(String formId, List<FieldError> errors, boolean startStep) {
        for (FieldError error : errors) {
            String field = error.field();
            String clientId;
            if (startStep) {
                clientId = formId + ":" + switch (field) {
                    case "commodityCode" -> "commodity";
                    case "portCode" -> "port";
                    default -> "year";
                };
            } else if (field.startsWith("lines[")) {
                int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
                clientId = formId + ":lines:" + index + ":" + field.substring(field.indexOf('.') + 1);
            } else {
                clientId = formId + ":" + field;
            }
            Texts.refusedAt(clientId, label(field),
                    new DomainRuleException(error.key(), error.arguments().toArray(String[]::new)));
        }
    }

    /** The form's names of the fields (the labels the page shows), for messages in the summary. */
    private static final java.util.Map<String, String> FIELD_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("year", "app.year"), java.util.Map.entry("commodityCode", "app.commodityCode"),
            java.util.Map.entry("portCode", "app.port"), java.util.Map.entry("exporterCode", "app.exporter"),
            java.util.Map.entry("consignorCode", "app.consignor"), java.util.Map.entry("tradeModeCode", "app.tradeMode"),
            java.util.Map.entry("countryCode", "app.country"),
            java.util.Map.entry("transportModeCode", "app.transportMode"),
            java.util.Map.entry("paymentMethod", "app.payment"), java.util.Map.entry("validityEnd", "app.validityEnd"),
            java.util.Map.entry("contractNumber", "app.contract"), java.util.Map.entry("currencyCode", "app.currency"),
            java.util.Map.entry("usdRate", "app.usdRate"), java.util.Map.entry("approvalNumber", "app.approval"),
            java.util.Map.entry("oneBatch", "app.batch"), java.util.Map.entry("remarks", "app.remarks"),
            java.util.Map.entry("lines", "app.lines"), java.util.Map.entry("specification", "app.spec"),
            java.util.Map.entry("unitPrice", "app.unitPrice"), java.util.Map.entry("quantity", "app.quantity"));

    static String label(String field) {
        if (field.startsWith("lines[")) {
            int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
            String column = field.substring(field.indexOf('.') + 1);
            return Texts.text("app.lineField", index + 1, Texts.text(FIELD_LABELS.getOrDefault(column, "app.lines")));
        }
        String key = FIELD_LABELS.get(field);
        return key == null ? field : Texts.text(key);
    }

    /** Editable by the enterprise: a new form, a draft, a returned or withdrawn application. */
    public boolean isEditable() {
        return form != null && (view.application() == null || view.application().getState().isEditable());
    }

    public boolean may(String what) {
        if (view == null || view.application() == null) {
            return false;
        }
        ApplicationState state = view.application().getState();
        return switch (what) {
            case "SUBMIT" -> state.isEditable() && view.application().isSealed();
            case "WITHDRAW" -> ApplicationTransition.WITHDRAW.allowedFrom(state);
            case "DELETE" -> state.isDeletable();
            default -> true;
        };
    }

    public boolean isStarted() {
        return form != null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public View getView() {
        return view;
    }

    public FormModel getForm() {
        return form;
    }

    public SealVerification getSealCheck() {
        return sealCheck;
    }

    public int getStartYear() {
        return startYear;
    }

    public void setStartYear(int startYear) {
        this.startYear = startYear;
    }

    public String getStartCommodity() {
        return startCommodity;
    }

    public void setStartCommodity(String startCommodity) {
        this.startCommodity = startCommodity;
    }

    public String getStartPort() {
        return startPort;
    }

    public void setStartPort(String startPort) {
        this.startPort = startPort;
    }
}
