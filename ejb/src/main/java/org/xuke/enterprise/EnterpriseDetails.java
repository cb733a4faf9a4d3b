package org.xuke.enterprise;

import java.io.Serializable;

/** The editable part of an enterprise record, as the enterprise administrator submits it. */
public record EnterpriseDetails(String name, String enterpriseCode, String address, String contactName,
        String contactPhone, String filingNumber) implements Serializable {
}
