package clinic.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The shell's texts (header, navigation, footer, switcher) and words shared by every page: bundle {@code msg}
 * ({@code {msg:key}} in templates). English here; other languages in {@code messages/msg_<tag>.properties}.
 *
 * <p>Each group of pages has its own bundle so that its texts live next to each other: {@code msg} (the shell and the
 * patient's account pages), {@code me} (the routine, the log and progress), {@code care} (patients, screening,
 * programs, alerts, outcomes), {@code manage} (library, protocols, templates, admin pages).
 */
@MessageBundle
public interface Msg {

    @Message("Language")
    String language_label();

    @Message("Physio Clinic")
    String brand();
}
