package org.xuke.web.reconciliation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.model.LazyDataModel;
import org.xuke.batch.ReconciliationJobs;
import org.xuke.batch.ReconciliationJobs.Run;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.licence.AuthoritySettings;
import org.xuke.platform.DomainRuleException;
import org.xuke.reconciliation.AnomalyType;
import org.xuke.reconciliation.ReconciliationAnomaly;
import org.xuke.reconciliation.ReconciliationAnomaly.State;
import org.xuke.reconciliation.ReconciliationService;
import org.xuke.reconciliation.ReconciliationService.AnomalyFilter;
import org.xuke.reconciliation.ReconciliationService.Proposal;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/**
 * 核销对账: start a run for a past date and follow it, the runs' history, the anomaly queue
 * (确认 / 批注 / 上报) and the licences proposed for write-off.
 */
@Named
@ViewScoped
public class ReconciliationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReconciliationJobs jobs;

    @Inject
    private ReconciliationService service;

    @Inject
    private AuthoritySettings settings;

    @Inject
    private Clock clock;

    private LocalDate date;
    private LocalDate catchUpFrom;
    private LocalDate from;
    private LocalDate to;
    private AnomalyType type;
    private State state = State.OPEN;
    private String number;
    private Boolean automatic;
    private IssuingAuthority own;
    private boolean ownRead;
    private final Map<Long, String> notes = new HashMap<>();
    private List<Run> runs;

    private final LazyDataModel<ReconciliationAnomaly> anomalies = new PagedModel<>((first, max, sort) ->
            service.anomalies(new AnomalyFilter(from, to, type, state, number), first, max),
            a -> String.valueOf(a.getId()));

    private final LazyDataModel<Proposal> proposals = new PagedModel<>((first, max, sort) ->
            service.proposals(first, max), Proposal::number);

    /** 开始对账 for the chosen date (yesterday unless chosen). */
    public void start() {
        try {
            LocalDate day = date == null ? LocalDate.now(clock).minusDays(1) : date;
            long execution = jobs.start(catchUpFrom, day);
            Texts.info("reconciliation.started", day, execution);
            runs = null;
        } catch (DomainRuleException e) {
            Texts.refused("start:date", e);
        }
    }

    /** A finding's evidence with the bundle's labels ({@link Evidence}). */
    public String evidence(String evidence) {
        return Evidence.format(ResourceBundle.getBundle(Texts.WEB, Texts.locale(), Texts.class.getClassLoader()),
                evidence);
    }

    public void restart(long executionId) {
        try {
            jobs.restart(executionId);
            Texts.info("reconciliation.restarted", executionId);
            runs = null;
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void handle(ReconciliationAnomaly anomaly, State to) {
        try {
            service.handle(anomaly.getId(), anomaly.getVersion(), to, notes.get(anomaly.getId()));
            notes.remove(anomaly.getId());
            Texts.info("reconciliation.handled", anomaly.getLicenceNumber(), Texts.text("reconciliation.state." + to));
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void annotate(ReconciliationAnomaly anomaly) {
        try {
            service.annotate(anomaly.getId(), anomaly.getVersion(), notes.get(anomaly.getId()));
            notes.remove(anomaly.getId());
            Texts.info("reconciliation.annotated", anomaly.getLicenceNumber());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void writeOff(String licence) {
        try {
            service.writeOff(licence);
            Texts.info("reconciliation.writtenOff", licence);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void saveSetting() {
        try {
            IssuingAuthority own = settings.setAutoWriteOff(Boolean.TRUE.equals(automatic));
            Texts.info(own.isAutoWriteOff() ? "reconciliation.autoOn" : "reconciliation.autoOff");
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** The runs, read once per request (the poll asks again while one runs). */
    public List<Run> getRuns() {
        if (runs == null) {
            runs = jobs.history(20);
        }
        return runs;
    }

    public void refresh() {
        runs = null;
    }

    public boolean isRunning() {
        return getRuns().stream().anyMatch(Run::isRunning);
    }

    public boolean isOwnAuthority() {
        return own() != null;
    }

    /** The caller's authority, read once per view (the page asks in several places). */
    private IssuingAuthority own() {
        if (!ownRead) {
            own = settings.ownAuthority();
            ownRead = true;
        }
        return own;
    }

    public Boolean getAutomatic() {
        if (automatic == null) {
            IssuingAuthority mine = own();
            automatic = mine != null && mine.isAutoWriteOff();
        }
        return automatic;
    }

    public void setAutomatic(Boolean automatic) {
        this.automatic = automatic;
    }

    public LazyDataModel<ReconciliationAnomaly> getAnomalies() {
        return anomalies;
    }

    public LazyDataModel<Proposal> getProposals() {
        return proposals;
    }

    public AnomalyType[] getTypes() {
        return AnomalyType.values();
    }

    public State[] getStates() {
        return State.values();
    }

    public Map<Long, String> getNotes() {
        return notes;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getCatchUpFrom() {
        return catchUpFrom;
    }

    public void setCatchUpFrom(LocalDate catchUpFrom) {
        this.catchUpFrom = catchUpFrom;
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

    public AnomalyType getType() {
        return type;
    }

    public void setType(AnomalyType type) {
        this.type = type;
    }

    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
