package org.xuke.closure;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.LocalDateTime;

/** One recorded step of a request: who, when, from, to, with what opinion. */
@Embeddable
public class ClosureStep implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "actor", nullable = false, length = 32)
    private String actor;

    @Column(name = "at_utc", nullable = false)
    private LocalDateTime atUtc;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 10)
    private ClosureState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 10)
    private ClosureState to;

    @Column(name = "opinion", length = 1000)
    private String opinion;

    protected ClosureStep() {
        // for JPA
    }

    ClosureStep(String actor, LocalDateTime atUtc, ClosureState from, ClosureState to, String opinion) {
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

    public ClosureState getFrom() {
        return from;
    }

    public ClosureState getTo() {
        return to;
    }

    public String getOpinion() {
        return opinion;
    }
}
