package org.xuke.account;

/**
 * Which records an account sees (seed 001: 本人 / 本部门 / 本公司 for enterprise users); officers
 * see their authority's jurisdiction, system administrators everything.
 */
public enum DataScope {
    SELF, DEPARTMENT, COMPANY, AUTHORITY, ALL
}
