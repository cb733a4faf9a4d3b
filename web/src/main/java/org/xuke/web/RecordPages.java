package org.xuke.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.function.Supplier;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.OutOfScopeException;

/**
 * How a record page (f:viewAction) loads its record by the id in the URL: a record missing or
 * outside the caller's scope answers 404 (alike, so nobody learns what exists elsewhere; the
 * boundary audits the attempt), a caller who may not read such records at all answers 403.
 */
public final class RecordPages {

    private RecordPages() {
    }

    /** The record, or null once the response is an error. */
    public static <T> T load(Supplier<T> read) throws IOException {
        try {
            return read.get();
        } catch (OutOfScopeException e) {
            answer(404);
        } catch (DomainRuleException e) {
            answer(403);
        }
        return null;
    }

    private static void answer(int status) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseSendError(status, "");
        faces.responseComplete();
    }
}
