package org.xuke.identity.ekey;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.LocalDateTime;

/** One recorded step of a request: who, when, from which state to which, with what opinion. */
@Embeddable
public class EkeyRequestStep implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "actor", nullable = false, length = 32)
    private String actor;

    @Column(name = "at_utc", nullable = false)
    private LocalDateTime atUtc;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false, length = 20)
    private EkeyRequestState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 20)
    private EkeyRequestState to;

    @Column(name = "opinion", length = 1000)
    private String opinion;

    protected EkeyRequestStep() {
        // for JPA
    }

    EkeyRequestStep(String actor, LocalDateTime atUtc, EkeyRequestState from, EkeyRequestState to, String opinion) {
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

    public EkeyRequestState getFrom() {
        return from;
    }

    public EkeyRequestState getTo() {
        return to;
    }

    public String getOpinion() {
        return opinion;
    }
}
