package org.xuke.application;

import java.io.Serializable;

/**
 * Upward news of an application (DESIGN.md): one step of its workflow, fired as a CDI event in the
 * transaction that took it, so the notices above (who must act now, whom the decision concerns)
 * are written with the decision or not at all. Carries what decides who may read the application:
 * its enterprise, who filed it, his department, its authority.
 */
public record ApplicationEvent(ApplicationTransition transition, long applicationId, String label, long enterpriseId,
        String createdBy, String department, String authorityCode, String actor, String opinion)
        implements Serializable {
}
