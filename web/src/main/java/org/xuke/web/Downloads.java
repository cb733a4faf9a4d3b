package org.xuke.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Answers a Faces action with a file instead of a page (keys, forms): an attachment, never cached. */
public final class Downloads {

    private Downloads() {
    }

    public static void send(byte[] bytes, String contentType, String fileName) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseContentLength(bytes.length);
        external.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    /**
     * An uploaded file served back from a servlet: always a download with its checked type and
     * nosniff, so a file someone uploaded never runs in the portal; the name as uploaded (UTF-8).
     */
    public static void uploaded(HttpServletResponse response, byte[] bytes, String contentType, String fileName)
            throws IOException {
        attachment(response, contentType, fileName);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * The headers of a file a servlet answers with (printed documents, reports, uploads): an
     * attachment of its type, nosniff, never cached; the name in UTF-8.
     */
    public static void attachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
