package clinic.portal.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the admin's reports page: bundle {@code reports} ({@code {reports:key}}), Spanish in
 * {@code messages/reports_es.properties}. Its own bundle beside {@link Manage} because one bundle with every text of
 * the manage pages grew past what Qute's generated resolver of a bundle handles (the class failed to verify).
 */
@MessageBundle("reports")
public interface Reports {

    @Message("Reports")
    String reports_title();

    @Message("Physio (user name)")
    String reports_physio();

    @Message("Protocol")
    String reports_protocol();

    @Message("All protocols")
    String reports_all_protocols();

    @Message("(retired)")
    String reports_retired();

    @Message("Without dates the reports cover the last 12 weeks up to today. Each report also downloads as CSV with the"
            + " same filter.")
    String reports_intro();

    @Message("Patient names are not available right now ({problem}); patients are shown by number.")
    String reports_names_unavailable(String problem);

    @Message("Download {title} as CSV")
    String reports_csv(String title);

    @Message("Not yet available: the program service does not offer this report yet.")
    String reports_not_yet();

    @Message("Active programs")
    String reports_active_programs();

    @Message("Active patients")
    String reports_active_patients();

    @Message("Median pain change (points, positive = less pain)")
    String reports_median_pain_change();

    @Message("Improved by week {week}")
    String reports_improved_by(String week);

    @Message("{percent} % ({improved} of {programs} programs)")
    String reports_improved_share(String percent, String improved, String programs);

    @Message("Open alerts: {severity}")
    String reports_open_alerts(String severity);

    @Message("Programs")
    String reports_series_programs();

    @Message("Sessions")
    String reports_series_sessions();

    @Message("Active programs by phase; the same data is in the table below")
    String reports_phase_chart();

    @Message("Active programs by phase.")
    String reports_phase_caption();

    @Message("Logged sessions per week; the same data is in the table below")
    String reports_sessions_chart();

    @Message("Logged sessions per ISO week.")
    String reports_sessions_caption();

    @Message("Programs by adherence in percent; the same data is in the table below")
    String reports_adherence_chart();

    @Message("Programs by adherence (share of prescribed days logged, percent).")
    String reports_adherence_caption();

    @Message("Show the chart data as tables")
    String reports_chart_tables();

    @Message("Week")
    String reports_week();

    @Message("Adherence (%)")
    String reports_adherence_percent();

    @Message("No data yet.")
    String reports_no_data();

    @Message("{shown} shown of {total}, oldest first; the CSV download has them all.")
    String reports_page_count(int shown, Long total);

    @Message("Next page")
    String reports_next_page();

    @Message("Programs discharged")
    String reports_discharged();

    @Message("Reached the minimal important change")
    String reports_reached_mic();

    @Message("{percent} % ({count} of {total} with a baseline and a later score)")
    String reports_reached_mic_share(Double percent, Long count, Long total);

    @Message("– (no discharged program with a baseline and a later score)")
    String reports_reached_mic_none();

    @Message("Questionnaires completed")
    String reports_completed();

    @Message("{percent} % ({completed} of {due} due)")
    String reports_completed_share(Double percent, Long completed, Long due);

    @Message("– (none due)")
    String reports_completed_none();

    @Message("A program reaches the minimal important change when, on at least one outcome questionnaire, the change"
            + " from its baseline to its discharge score (or its latest follow-up) is at least the questionnaire's"
            + " published minimal important change in the better direction.")
    String reports_mic_help();

    @Message("By protocol")
    String reports_by_protocol();

    @Message("By physio")
    String reports_by_physio();

    @Message("Physio")
    String reports_col_physio();

    @Message("Discharged")
    String reports_col_discharged();

    @Message("With measures")
    String reports_col_with_measures();

    @Message("Reached MIC")
    String reports_col_reached_mic();

    @Message("No program discharged in the period.")
    String reports_none_discharged();

    @Message("Questionnaire completion by time point")
    String reports_completion_caption();

    @Message("Time point")
    String reports_col_timepoint();

    @Message("Due")
    String reports_col_due();

    @Message("Completed")
    String reports_col_completed();

    @Message("Discharge reasons")
    String reports_reasons_caption();

    @Message("{#if timepoint == 'BASELINE'}Baseline{#else if timepoint == 'DISCHARGE'}Discharge{#else if"
            + " timepoint.startsWith('WEEK_')}Week {timepoint.substring(5)}{#else}{timepoint}{/if}")
    String reports_timepoint(String timepoint);

    @Message("{#when reason}{#is 'GOALS_MET'}Goals met{#is 'SELF_MANAGING'}Self managing{#is 'REFERRED_ON'}Referred"
            + " on{#is 'PATIENT_CHOICE'}Patient choice{#is 'DID_NOT_ENGAGE'}Did not engage{#is 'OTHER'}Other{#else}"
            + "{reason}{/when}")
    String reports_reason(String reason);

    @Message("Overview")
    String reports_overview_title();

    @Message("Active programs and patients, phases, weekly logs, adherence, pain change, open alerts.")
    String reports_overview_text();

    @Message("Caseload")
    String reports_caseload_title();

    @Message("Programs and patients per physio.")
    String reports_caseload_text();

    @Message("Consider referral")
    String reports_referrals_title();

    @Message(
            "Programs with pain that stops sleep or work, or without clinically important improvement after several weeks.")
    String reports_referrals_text();

    @Message("Adherence")
    String reports_adherence_title();

    @Message("Share of prescribed days logged, per program.")
    String reports_adherence_text();

    @Message("Outcomes")
    String reports_outcomes_title();

    @Message("Programs discharged in the period: how many reached the minimal important change of their outcome"
            + " questionnaires, questionnaire completion by time point, and discharge reasons.")
    String reports_outcomes_text();

    // The columns of the report tables (JsonTable), by the field they show.

    @Message("Physio")
    String reports_column_physio();

    @Message("Patients")
    String reports_column_patients();

    @Message("Active programs")
    String reports_column_active_programs();

    @Message("Mean adherence")
    String reports_column_mean_adherence();

    @Message("Open alerts")
    String reports_column_open_alerts();

    @Message("Improved")
    String reports_column_improved();

    @Message("Improvement rate")
    String reports_column_improvement_rate();

    @Message("Program ID")
    String reports_column_program_id();

    @Message("Patient ID")
    String reports_column_patient_id();

    @Message("Patient")
    String reports_column_patient();

    @Message("Phase")
    String reports_column_phase();

    @Message("Started on")
    String reports_column_started_on();

    @Message("Weeks on program")
    String reports_column_weeks_on_program();

    @Message("Baseline")
    String reports_column_baseline();

    @Message("Last 7 days mean")
    String reports_column_last_7days_mean();

    @Message("Pain change")
    String reports_column_pain_change();

    @Message("Adherence")
    String reports_column_adherence();

    @Message("Rule")
    String reports_column_rule();

    @Message("Reason")
    String reports_column_reason();

    @Message("Logged days")
    String reports_column_logged_days();

    @Message("Prescribed days")
    String reports_column_prescribed_days();

    @Message("Field")
    String reports_column_field();

    @Message("Value")
    String reports_column_value();

    // A week the period cuts, after its label: "2026-W46 (2026-11-09, from 2026-11-11 only)".
    @Message(", from {date} only")
    String reports_week_from_only(String date);

    @Message(", to {date} only")
    String reports_week_to_only(String date);

    // Alert severities in the overview's open-alert counts.
    @Message("urgent")
    String reports_severity_urgent();

    @Message("high")
    String reports_severity_high();

    @Message("medium")
    String reports_severity_medium();

    @Message("low")
    String reports_severity_low();
}
