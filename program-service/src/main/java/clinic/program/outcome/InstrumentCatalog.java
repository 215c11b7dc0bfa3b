package clinic.program.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The questionnaires this clinic knows, read once from {@code instruments/<code>.json} on the class path. Which ones
 * are offered is the clinic's choice: {@code clinic.instruments.enabled} lists codes; unset, each instrument's own
 * {@code enabledByDefault} decides (false where its licence needs a permission first).
 */
@ApplicationScoped
public class InstrumentCatalog {

    /** Every instrument shipped, in the order they are offered. */
    static final List<String> SHIPPED = List.of("PSFS", "RMDQ", "SBST");

    private final Map<String, Instrument> all = new LinkedHashMap<>();

    private final Set<String> enabled;

    public InstrumentCatalog(
            ObjectMapper json, @ConfigProperty(name = "clinic.instruments.enabled") Optional<List<String>> enabled) {
        for (String code : SHIPPED) {
            String resource = "instruments/" + code.toLowerCase() + ".json";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                Instrument instrument = json.readValue(in, Instrument.class);
                all.put(instrument.code(), instrument);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        this.enabled = enabled.map(codes -> codes.stream()
                        .map(String::trim)
                        .map(String::toUpperCase)
                        .collect(Collectors.toUnmodifiableSet()))
                .orElseGet(() -> all.values().stream()
                        .filter(Instrument::enabledByDefault)
                        .map(Instrument::code)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** Every instrument shipped, offered or not. */
    public List<Instrument> all() {
        return List.copyOf(all.values());
    }

    /** The instruments this clinic offers. */
    public List<Instrument> enabled() {
        return all.values().stream().filter(i -> isEnabled(i.code())).toList();
    }

    public boolean isEnabled(String code) {
        return code != null && enabled.contains(code.toUpperCase()) && all.containsKey(code.toUpperCase());
    }

    public Optional<Instrument> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(all.get(code.toUpperCase()));
    }
}
