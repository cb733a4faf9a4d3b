package org.xuke.it;

import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * One deployment of the EAR for the whole integration-test run. Arquillian deploys and undeploys a
 * test class's deployment around each class; here the first class's deployment is the only real
 * one (it carries every IT class, {@link Deployments#ear}), each later class is told it is deployed
 * with the first one's protocol data, and nothing is undeployed: the server and its database go at
 * the end of the run ({@link StackSessionListener}). A deploy costs 10-11 s on this machine.
 */
public class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** The Arquillian observer (its own class: Arquillian injects into observers, not extensions). */
    public static class Observer {

        /** What the real deployment answered: the address of the test runner in the server. */
        private static volatile ProtocolMetaData deployed;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        /** Inside the deployment's context (low precedence: after Arquillian's context handlers). */
        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) {
            if (deployed == null) {
                context.proceed();
                deployed = protocolMetaData.get();
                return;
            }
            Deployment current = context.getEvent().getDeployment();
            description.set(current.getDescription());
            deployment.set(current);
            protocolMetaData.set(deployed);
            current.deployed();
        }

        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            context.getEvent().getDeployment().undeployed();
        }
    }
}
