package org.xuke.catalog;

import java.io.Serializable;

/** A commodity of a year's catalogue by its names: the goods and, if the unit catalogue has it, the unit. */
public record GoodsName(int year, String code, String goods, String unit) implements Serializable {
}
