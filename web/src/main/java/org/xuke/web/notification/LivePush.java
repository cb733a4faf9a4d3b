package org.xuke.web.notification;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.function.Consumer;
import org.xuke.notification.NotificationService;

/**
 * The live part of the message centre: once notices have committed, each open page of the users
 * concerned gets "notices" on its Faces WebSocket (f:websocket, user-scoped channel, over the
 * listener the page came from, so HTTPS for the portals) and re-renders the header's count and the
 * page's list. Pages of other users hear nothing: the channel is scoped to the signed-in user.
 */
@ApplicationScoped
public class LivePush {

    public static final String CHANNEL = "notices";

    @Inject
    @Push(channel = CHANNEL)
    private PushContext push;

    @Inject
    private NotificationService notices;

    private final Consumer<Set<String>> listener = usernames -> push.send(CHANNEL, usernames);

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        notices.listen(listener);
    }

    @PreDestroy
    void stop() {
        try {
            notices.stopListening(listener);
        } catch (RuntimeException e) {
            // undeploying: the EJB container may be gone already, and the bell with it
        }
    }
}
