package org.xuke.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Method calls and record components in EL, with the methods looked up once per class. Jakarta
 * EL 5 finds the method of every call such as {@code #{r.id()}} or {@code #{chinaTime.format(t)}}
 * by searching the class's methods (BeanELResolver.invoke, ELUtil.findMethod), each time: a tenth
 * of a list page's time with 20 rows of 8 columns. It also has no record support, so record
 * components are read here as properties too ({@code #{r.id}}; EL 6 brings a RecordELResolver).
 *
 * <p>Only the plain case is taken: a public method that is the only one of its name and number of
 * parameters, called with non-null arguments of its parameter types. Anything else (overloads,
 * varargs, null or arguments that need EL coercion) is left to the standard resolvers, so every
 * expression gives what it gives without this resolver.
 */
public class MethodCacheELResolver extends ELResolver {

    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Method accessor = component.getAccessor();
                    if (accessor.trySetAccessible()) { // a public record may be nested in a package-private class
                        accessors.put(component.getName(), accessor);
                    }
                }
            }
            return Map.copyOf(accessors);
        }
    };

    /** Per class: "name/arity" to the only public method of that name and arity, if there is one. */
    private static final ClassValue<Map<String, Optional<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static Method method(Class<?> type, String name, int arity) {
        return METHODS.get(type).computeIfAbsent(name + '/' + arity, key -> {
            Method found = null;
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == arity) {
                    if (found != null || m.isVarArgs() || Modifier.isStatic(m.getModifiers())) {
                        return Optional.empty();
                    }
                    found = m;
                }
            }
            return found != null && found.trySetAccessible() ? Optional.of(found) : Optional.empty();
        }).orElse(null);
    }

    private static Method component(Object base, Object property) {
        if (!(base instanceof Record) || !(property instanceof String name)) {
            return null;
        }
        return COMPONENTS.get(base.getClass()).get(name);
    }

    private static Object call(ELContext context, Method method, Object base, Object[] arguments) {
        try {
            Object value = method.invoke(base, arguments);
            context.setPropertyResolved(base, method.getName());
            return value;
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || !(method instanceof String name) || paramTypes != null) {
            return null; // explicit parameter types: a method expression, left to the standard resolvers
        }
        Object[] arguments = params == null ? new Object[0] : params;
        Method target = method(base.getClass(), name, arguments.length);
        if (target == null) {
            return null;
        }
        Class<?>[] types = target.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null || !types[i].isInstance(arguments[i])) {
                return null; // needs EL coercion (null too: it may become "" or 0)
            }
        }
        return call(context, target, base, arguments);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Method accessor = component(base, property);
        return accessor == null ? null : call(context, accessor, base, new Object[0]);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (component(base, property) != null) {
            context.setPropertyResolved(true);
        }
        return null; // record components are read-only: nothing to convert a value to
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException("record components are read-only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(true);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof Record ? String.class : null;
    }
}
