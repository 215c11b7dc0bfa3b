package clinic.program.alert;

/**
 * An alert was stored (its id is set), fired in the transaction that raised it, whatever raised it (a session log, a
 * screening's hold, the inactivity check): features that must react (the notice feed) observe it.
 */
public record AlertRaised(Alert alert) {}
