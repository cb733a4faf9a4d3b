package org.xuke.identity.ekey;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/** One uploaded scan of a request, checked by {@link ScanCheck} before it is stored. */
@Entity
@Table(name = "ekey_scan")
public class EkeyScan implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "ekey_scan_seq", sequenceName = "ekey_scan_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ekey_scan_seq")
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private long requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 30)
    private ScanKind kind;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_at_utc", nullable = false)
    private LocalDateTime uploadedAtUtc;

    /** Loaded only when someone opens the scan, not with lists. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected EkeyScan() {
        // for JPA
    }

    public EkeyScan(long requestId, ScanKind kind, String fileName, byte[] content, Instant now) {
        ScanCheck.ScanType type = ScanCheck.check(fileName, content);
        this.requestId = requestId;
        this.kind = kind;
        replace(fileName, content, type, now);
    }

    /** A new upload of the same paper replaces the old one. */
    public void replace(String newFileName, byte[] newContent, Instant now) {
        replace(newFileName, newContent, ScanCheck.check(newFileName, newContent), now);
    }

    private void replace(String newFileName, byte[] newContent, ScanCheck.ScanType type, Instant now) {
        // content first: writing the lazy attribute makes EclipseLink load the unfetched ones,
        // which would overwrite anything assigned before it
        this.content = newContent.clone();
        String name = newFileName.strip();
        // keep the end of a long name: the extension is what a reader looks for
        this.fileName = name.length() > 200 ? name.substring(name.length() - 200) : name;
        this.contentType = type.contentType();
        this.sizeBytes = newContent.length;
        this.sha256 = sha256(newContent);
        this.uploadedAtUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public ScanKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public LocalDateTime getUploadedAtUtc() {
        return uploadedAtUtc;
    }

    public byte[] content() {
        return content.clone();
    }
}
