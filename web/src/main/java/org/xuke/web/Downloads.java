package org.xuke.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

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
}
