package org.xuke.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.LocalDateTime;

/** One recorded step of an application: who, when, from, to, with what opinion (审批意见). */
@Embeddable
public class ApplicationStep implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "actor", nullable = false, length = 32)
    private String actor;

    @Column(name = "at_utc", nullable = false)
    private LocalDateTime atUtc;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false, length = 30)
    private ApplicationState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 30)
    private ApplicationState to;

    @Column(name = "opinion", length = 1000)
    private String opinion;

    protected ApplicationStep() {
        // for JPA
    }

    ApplicationStep(String actor, LocalDateTime atUtc, ApplicationState from, ApplicationState to, String opinion) {
        this.actor = actor;
        this.atUtc = atUtc;
        this.from = from;
        this.to = to;
        this.opinion = opinion;
    }

    public String getActor() {
        return actor;
    }

    public LocalDateTime getAtUtc() {
        return atUtc;
    }

    public ApplicationState getFrom() {
        return from;
    }

    public ApplicationState getTo() {
        return to;
    }

    public String getOpinion() {
        return opinion;
    }
}
