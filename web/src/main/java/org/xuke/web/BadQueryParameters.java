package org.xuke.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * A page opened with a query parameter its view parameters cannot take ({@code year=abc}) answers
 * 400 with what was wrong, as plain text: the page itself is not drawn, since its view action (which
 * loads what the parameters name) did not run (it once answered 500).
 */
public class BadQueryParameters implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (context.isPostback() || !context.isValidationFailed()
                || !(context.getExternalContext().getResponse() instanceof HttpServletResponse response)
                || response.isCommitted()) {
            return;
        }
        String messages = context.getMessageList().stream().map(FacesMessage::getSummary)
                .collect(Collectors.joining("\n"));
        try {
            response.reset();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.getWriter().write(Texts.text("request.badParameters") + "\n" + messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // nothing after rendering
    }
}
