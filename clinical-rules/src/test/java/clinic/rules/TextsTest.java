package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void everyLanguageHasEveryTextOfTheEnglishSourceWithTheSameParameters() {
        ResourceBundle english = Texts.bundle("en");
        for (String language : Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size())) {
            ResourceBundle other = Texts.bundle(language);
            Set<String> own = new TreeSet<>(ownKeys(language));
            assertThat(own).as(language + " keys").isEqualTo(new TreeSet<>(Collections.list(english.getKeys())));
            for (String key : own) {
                assertThat(other.getString(key)).as(language + " " + key).isNotBlank();
                assertThat(other.getString(key))
                        .as(language + " " + key + " is translated")
                        .isNotEqualTo(english.getString(key));
                assertThat(parameters(other.getString(key)))
                        .as(language + " " + key + " parameters")
                        .isEqualTo(parameters(english.getString(key)));
            }
        }
    }

    @Test
    void everyCodeOfTheVocabularyHasItsWordsInEveryLanguage() {
        for (String language : Texts.LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            for (RedFlag f : RedFlag.values()) {
                assertThat(List.of(f.label(locale), f.patientWords(locale), f.clinicalWords(locale)))
                        .allSatisfy(t -> assertThat(t).isNotBlank());
            }
            for (Urgency u : Urgency.values()) {
                assertThat(u.words(locale)).isNotBlank();
                assertThat(RedFlagAdvice.staffAction(
                                RedFlag.all().stream()
                                        .filter(f -> f.urgency() == u)
                                        .toList(),
                                locale))
                        .isNotBlank();
            }
            for (SciaticaSign s : SciaticaSign.values()) {
                assertThat(s.label(locale)).isNotBlank();
            }
            for (OtherSign s : OtherSign.values()) {
                assertThat(s.label(locale)).isNotBlank();
            }
        }
    }

    @Test
    void inSpanishOnlyTheThreeCaudaEquinaFlagsAreCalledCaudaEquina() {
        for (RedFlag f : RedFlag.values()) {
            boolean caudaEquina = f.urgency() == Urgency.EMERGENCY_NOW;
            assertThat(f.clinicalWords(ES).contains("síndrome de cola de caballo"))
                    .as(f.name())
                    .isEqualTo(caudaEquina);
        }
    }

    @Test
    void theSpanishEmergencyAdviceSendsThePatientToTheEmergencyDepartmentNowAndTheSameDayAdviceToADoctorToday() {
        RedFlagAdvice now = RedFlagAdvice.forFlags(List.of(RedFlag.SADDLE_NUMBNESS, RedFlag.SYSTEMIC), ES);
        assertThat(now.urgency()).isEqualTo(Urgency.EMERGENCY_NOW);
        assertThat(now.headline()).isEqualTo("Pida ayuda médica urgente ahora");
        assertThat(now.text())
                .contains("número de emergencias")
                .contains("urgencias")
                .contains("No espere");
        assertThat(now.symptoms()).hasSize(2).first().asString().contains("Entumecimiento entre las piernas");

        RedFlagAdvice today = RedFlagAdvice.forFlags(List.of(RedFlag.CONSTANT_SEVERE_PAIN), ES);
        assertThat(today.headline()).isEqualTo("Consulte a un médico hoy");
        assertThat(today.text())
                .contains("hoy")
                // the same-day text still names the cauda equina signs that turn it into an emergency
                .contains("vejiga")
                .contains("entumecimiento entre las piernas")
                .contains("vaya de inmediato a un servicio de urgencias");
    }

    @Test
    void theSpanishPainRulesNameAllFiveRedFlags() {
        List<String> rules = PatientGuidance.painRules(ES);
        assertThat(rules).hasSize(4);
        for (RedFlag f : RedFlag.values()) {
            assertThat(rules.get(3)).containsIgnoringCase(f.label(ES));
        }
        assertThat(rules.get(1)).contains("deje ese ejercicio");
    }

    @Test
    void spanishAfterLogAdviceNamesTheExerciseAndIsInSpanish() {
        List<String> advice = PatientGuidance.afterLog(
                new PatientGuidance.Logged(false, List.of("Puente de glúteos"), false, false, false, false), ES);
        assertThat(advice)
                .singleElement()
                .asString()
                .contains("«Puente de glúteos»")
                .startsWith("Ha notado");
        assertThat(PatientGuidance.onHold(ES)).startsWith("Su programa de ejercicios está en pausa");
    }

    @Test
    void aLanguageWithoutTextsReadsEnglishNotTheMachinesDefaultLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(ES);
            assertThat(RedFlag.BLADDER_BOWEL.label(Locale.GERMAN)).isEqualTo("Loss of bladder or bowel control");
            assertThat(RedFlag.BLADDER_BOWEL.label()).isEqualTo("Loss of bladder or bowel control");
            assertThat(Texts.language(Locale.forLanguageTag("es-MX"))).isEqualTo("es");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The keys written in a language's own file, without the English parent a bundle falls back to. */
    private static Set<String> ownKeys(String language) {
        Properties own = new Properties();
        try (var in = TextsTest.class.getResourceAsStream("/clinic/rules/texts_" + language + ".properties")) {
            assertThat(in).as("texts_" + language + ".properties").isNotNull();
            own.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return own.stringPropertyNames();
    }

    private static Set<String> parameters(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{[^}]*}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
