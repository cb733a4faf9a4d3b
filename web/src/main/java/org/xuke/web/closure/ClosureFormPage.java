package org.xuke.web.closure;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.xuke.closure.ClosureKind;
import org.xuke.closure.ClosureRequest;
import org.xuke.closure.ClosureService;
import org.xuke.closure.ClosureService.Preview;
import org.xuke.closure.ClosureService.View;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.RecordPages;
import org.xuke.web.Texts;

/**
 * 许可证删除申请 / 许可证核销申请: type the licence number, read the licence in, state the reason
 * and (核销) the quantity per line, save; then submit or delete. What was typed stays on the page
 * when a rule refuses it; the refusal is said at its field.
 */
@Named
@ViewScoped
public class ClosureFormPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClosureService service;

    private ClosureKind kind = ClosureKind.DELETION;
    private Long id;
    private long seenVersion;
    private String number;
    private String reason;
    private Map<Integer, BigDecimal> quantities = new HashMap<>();
    private Preview licence;
    private ClosureRequest request;
    private boolean loaded;

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        if (id != null) {
            View view = RecordPages.load(() -> service.viewForCaller(id));
            if (view != null) {
                show(view);
                number = view.request().getLicenceNumber();
                reason = view.request().getReason();
                quantities = new HashMap<>(view.request().quantities());
            }
        }
    }

    /** Arriving from the licence list with a number: read it in at once (a new request only). */
    public void readGiven() {
        if (request == null && licence == null && number != null && !number.isBlank()) {
            read();
        }
    }

    /** 读入: the licence as it stands, or the reason it cannot be asked for. */
    public void read() {
        try {
            licence = service.read(kind, number);
        } catch (DomainRuleException e) {
            licence = null;
            Texts.refusedAt("closure:number", Texts.text("licence.number"), e);
        }
    }

    /** 保存: then to the saved request's own address (a reload shows it, never posts it again). */
    public String save() {
        try {
            show(service.save(id, seenVersion, kind, number, reason, quantities));
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Texts.info("closure.saved", request.getLicenceNumber());
            return "/enterprise/closure?faces-redirect=true&id=" + request.getId();
        } catch (DomainRuleException e) {
            String field = fieldOf(e.key());
            Texts.refusedAt(field, Texts.text(LABELS.get(field)), e);
            return null;
        }
    }

    public void submit() {
        try {
            show(service.submit(id, seenVersion));
            Texts.info("closure.submitted", request.getLicenceNumber());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** 删除 (after the confirmation): back to the list. */
    public String delete() {
        try {
            service.delete(id, seenVersion);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Texts.info("closure.deletedOne", number);
            return "/enterprise/closures?faces-redirect=true&list=MANAGE&kind=" + kind.name();
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            return null;
        }
    }

    private void show(View view) {
        request = view.request();
        licence = view.licence();
        id = request.getId();
        kind = request.getKind();
        seenVersion = request.getVersion();
    }

    private static final Map<String, String> LABELS = Map.of("closure:reason", "closure.reasonLabel",
            "closure:lines", "closure.quantity", "closure:number", "licence.number");

    /** The field a refusal belongs to. */
    private static String fieldOf(String key) {
        if (key.startsWith("closure.reason")) {
            return "closure:reason";
        }
        if (key.startsWith("closure.quantity") || key.equals("closure.unknownLine")) {
            return "closure:lines";
        }
        return "closure:number";
    }

    /** The enterprise may change it (new, draft or returned). */
    public boolean isEditable() {
        return request == null || request.getState().isWithEnterprise();
    }

    public boolean isSaved() {
        return request != null;
    }

    public boolean isWriteOff() {
        return kind == ClosureKind.WRITE_OFF;
    }

    public ClosureKind getKind() {
        return kind;
    }

    public void setKind(ClosureKind kind) {
        if (request == null && kind != null) {
            this.kind = kind;
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        if (request == null) {
            this.id = id;
        }
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Map<Integer, BigDecimal> getQuantities() {
        return quantities;
    }

    public Preview getLicence() {
        return licence;
    }

    public ClosureRequest getRequest() {
        return request;
    }
}
