package org.xuke.it;

import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * Test-only servlet (the deployment carries every IT class): runs the {@link People} method of the
 * named IT class inside the server, on an instance with its injections done by CDI, once per run
 * whoever asks and in whatever order the classes come.
 */
@WebServlet("/it/people")
public class FixtureServlet extends HttpServlet {

    private static final Set<String> MADE = new HashSet<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("for");
        response.setContentType("text/plain;charset=UTF-8");
        try {
            make(name);
            response.getWriter().write("made " + name);
        } catch (Exception e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.getWriter().write(trace.toString());
        }
    }

    private static synchronized void make(String name) throws Exception {
        if (name == null || !name.startsWith("org.xuke.it.") || MADE.contains(name)) {
            return;
        }
        Class<?> type = Class.forName(name, true, FixtureServlet.class.getClassLoader());
        Unmanaged.UnmanagedInstance<?> instance = new Unmanaged<>(type).newInstance().produce().inject()
                .postConstruct();
        try {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(People.class)) {
                    method.setAccessible(true);
                    method.invoke(instance.get());
                }
            }
            MADE.add(name);
        } finally {
            instance.preDestroy().dispose();
        }
    }
}
