package org.xuke.statistics;

/** The review stages a decision on an export application belongs to: 初审, 复审, 发证. */
public enum ReviewStage {
    INITIAL, SECOND, ISSUE
}
