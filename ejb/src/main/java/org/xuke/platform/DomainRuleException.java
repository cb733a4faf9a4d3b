package org.xuke.platform;

import java.util.List;

/**
 * A business rule was broken. Carries a message key of the context's resource bundle and its
 * arguments, so each portal shows the reason in the user's language (zh_CN first). An EJB
 * passes it to the caller as it is (not wrapped) and rolls the transaction back.
 */
@jakarta.ejb.ApplicationException(rollback = true, inherited = true)
public class DomainRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> arguments;

    public DomainRuleException(String key, String... arguments) {
        super(key + " " + String.join(", ", arguments));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public List<String> arguments() {
        return arguments;
    }
}
