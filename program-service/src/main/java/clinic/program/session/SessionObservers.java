package clinic.program.session;

import jakarta.interceptor.Interceptor;

/**
 * The order in which the observers of {@link SessionLogged} run (lower first): the report figures, then the alerts,
 * as the log was always processed.
 */
public final class SessionObservers {

    public static final int REPORT_FIGURES = Interceptor.Priority.APPLICATION + 100;
    public static final int ALERTS = Interceptor.Priority.APPLICATION + 200;

    private SessionObservers() {}
}
