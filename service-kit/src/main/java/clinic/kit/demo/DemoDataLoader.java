package clinic.kit.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Loads the demo data ({@code db/demo}) for the local run when {@code CLINIC_DEMO_DATA=true}. Quarkus fixes Flyway's
 * locations at build time, so the demo scripts run as a second Flyway pass with their own history table, after the
 * schema migrations. Never on in tests or production unless asked for.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    private final AgroalDataSource dataSource;
    private final boolean enabled;

    public DemoDataLoader(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "clinic.demo-data", defaultValue = "false") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/demo")
                .table("flyway_demo_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
        LOG.infof("Demo data: %d script(s) applied", applied);
    }
}
