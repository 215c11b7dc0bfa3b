package clinic.portal.program;

import java.util.List;

/** A caution exercise the service refused, its safer alternatives, and the physio's acknowledgement as typed. */
public record CautionRow(String exercise, String name, String reason, List<String> alternatives, String ackReason) {}
