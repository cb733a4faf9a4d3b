package org.xuke.web.catalog;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a (possibly nested, dotted) bean property of a catalogue row for display. */
final class CellFormat {

    private static final Map<Class<?>, Map<String, Method>> GETTERS = new ConcurrentHashMap<>();

    private CellFormat() {
    }

    static Object read(Object bean, String path) {
        Object value = bean;
        for (String part : path.split("\\.")) {
            if (value == null) {
                return null;
            }
            Method getter = getters(value.getClass()).get(part);
            if (getter == null) {
                throw new IllegalArgumentException("No property " + part + " on " + value.getClass());
            }
            try {
                value = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value;
    }

    private static Map<String, Method> getters(Class<?> type) {
        return GETTERS.computeIfAbsent(type, t -> {
            Map<String, Method> getters = new HashMap<>();
            try {
                for (PropertyDescriptor d : Introspector.getBeanInfo(t).getPropertyDescriptors()) {
                    if (d.getReadMethod() != null) {
                        getters.put(d.getName(), d.getReadMethod());
                    }
                }
            } catch (IntrospectionException e) {
                throw new IllegalStateException(e);
            }
            return getters;
        });
    }
}
