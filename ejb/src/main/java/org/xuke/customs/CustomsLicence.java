package org.xuke.customs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;

/** Where one licence stands at customs: its status (海关状态), the version last sent, a refusal's reason. */
@Entity
@Table(name = "customs_licence")
public class CustomsLicence implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "licence_id")
    private Long licenceId;

    @Column(name = "licence_number", nullable = false, updatable = false, length = 10)
    private String licenceNumber;

    @Column(name = "last_version", nullable = false)
    private int lastVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private CustomsStatus status;

    @Column(name = "status_at_utc", nullable = false)
    private LocalDateTime statusAtUtc;

    @Column(name = "reason_code", length = 32)
    private String reasonCode;

    @Column(name = "reason_text", length = 500)
    private String reasonText;

    protected CustomsLicence() {
        // for JPA
    }

    CustomsLicence(long licenceId, String licenceNumber, LocalDateTime atUtc) {
        this.licenceId = licenceId;
        this.licenceNumber = licenceNumber;
        this.status = CustomsStatus.NOT_ARRIVED;
        this.statusAtUtc = atUtc;
    }

    /** A new version goes out: nothing is known of it at customs yet. */
    int nextVersion(LocalDateTime atUtc) {
        lastVersion++;
        status = CustomsStatus.NOT_ARRIVED;
        statusAtUtc = atUtc;
        reasonCode = null;
        reasonText = null;
        return lastVersion;
    }

    void sendFailed(LocalDateTime atUtc, String error) {
        status = CustomsStatus.SEND_FAILED;
        statusAtUtc = atUtc;
        reasonCode = "SEND";
        reasonText = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }

    void sent(LocalDateTime atUtc) {
        if (status == CustomsStatus.SEND_FAILED) {
            status = CustomsStatus.NOT_ARRIVED;
            statusAtUtc = atUtc;
            reasonCode = null;
            reasonText = null;
        }
    }

    /**
     * Customs' answer to a version (a cancellation's acceptance makes it 海关已注销): decides the status only for the version last sent and only
     * while nothing was heard of it (one reply per version counts; later ones are kept, not applied).
     */
    void receipt(int version, boolean cancellation, boolean accepted, String code, String text, LocalDateTime atUtc) {
        if (version != lastVersion || status != CustomsStatus.NOT_ARRIVED && status != CustomsStatus.SEND_FAILED) {
            return;
        }
        status = accepted && cancellation ? CustomsStatus.CANCELLED : accepted ? CustomsStatus.STORED
                : "DATA_CENTRE".equals(code) ? CustomsStatus.DATA_CENTRE_FAILED : CustomsStatus.REJECTED;
        statusAtUtc = atUtc;
        reasonCode = accepted ? null : code;
        reasonText = accepted ? null : text;
    }

    /** Customs stored the licence: goods may be declared against it. */
    boolean acceptedByCustoms() {
        return status == CustomsStatus.STORED || status == CustomsStatus.DECLARED;
    }

    /** 报关单核注: a declaration was written off against it. */
    void declared(LocalDateTime atUtc) {
        if (status != CustomsStatus.DECLARED) {
            status = CustomsStatus.DECLARED;
            statusAtUtc = atUtc;
        }
    }

    public Long getLicenceId() {
        return licenceId;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public int getLastVersion() {
        return lastVersion;
    }

    public CustomsStatus getStatus() {
        return status;
    }

    public LocalDateTime getStatusAtUtc() {
        return statusAtUtc;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public String getReasonText() {
        return reasonText;
    }
}
