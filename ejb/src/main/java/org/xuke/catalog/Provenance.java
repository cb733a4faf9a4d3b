package org.xuke.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;

/** Where a reference-data row came from and how sure we are of it. */
@Embeddable
public class Provenance implements Serializable {

    @Column(name = "source", nullable = false, length = 400)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "confidence", nullable = false, length = 1)
    private Confidence confidence;

    @Column(name = "notes", length = 2000)
    private String notes;

    protected Provenance() {
        // for JPA
    }

    public Provenance(String source, Confidence confidence, String notes) {
        this.source = Guards.required(source, "source", 400);
        this.confidence = Objects.requireNonNull(confidence);
        this.notes = Guards.optional(notes, "notes", 2000);
    }

    public String getSource() {
        return source;
    }

    public Confidence getConfidence() {
        return confidence;
    }

    public String getNotes() {
        return notes;
    }
}
