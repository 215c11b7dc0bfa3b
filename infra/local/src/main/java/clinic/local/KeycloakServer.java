package clinic.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Keycloak's own distribution (from Maven Central) started in development mode with the clinic realm imported. */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "clinic";

    private final ManagedProcess process;
    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param distZip the keycloak-quarkus-dist zip
     * @param home where it is unpacked (kept: its first start runs a one-time build)
     * @param realmFile realm export to import on start
     * @param inMemory true: an in-memory database, realm imported afresh every start (tests); false: users created
     *     at run time are kept, the realm is imported only the first time
     * @param env environment for the placeholders of the realm file (e.g. its SMTP server)
     * @param started told of the process as soon as it runs, before it is ready (a first start takes a minute or
     *     more), so that a stop in that minute can end it
     */
    public static KeycloakServer start(
            Path distZip,
            Path home,
            Path realmFile,
            int port,
            boolean inMemory,
            Map<String, String> env,
            Path log,
            Duration timeout,
            Consumer<ManagedProcess> started) {
        Path kcHome = unpack(distZip, home);
        try {
            Path importDir = Files.createDirectories(kcHome.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve("clinic-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not place the realm file: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(
                kcHome.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-host=127.0.0.1",
                "--hostname-strict=false",
                "--import-realm",
                // Health and metrics would open a management port (9000 by default) that a second clinic on the
                // same machine could not get; readiness is checked on the realm's discovery document instead.
                "--health-enabled=false",
                "--metrics-enabled=false",
                "--http-management-port=" + Http.freePort()));
        command.add(inMemory ? "--db=dev-mem" : "--db=dev-file");
        Map<String, String> processEnv = new java.util.HashMap<>(env);
        processEnv.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m");
        ManagedProcess process = ManagedProcess.start("keycloak", command, processEnv, kcHome.toFile(), log);
        KeycloakServer server = new KeycloakServer(process, port);
        try {
            started.accept(process);
            Http.awaitOk(
                    "Keycloak", server.realmUrl() + "/.well-known/openid-configuration", timeout, process::isAlive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The issuer of the clinic realm's tokens. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /** Unpacks once; a marker file says the unpacking finished, so an interrupted one is redone. */
    static Path unpack(Path zip, Path home) {
        Path marker = home.resolve(".unpacked");
        try {
            if (!Files.exists(marker)) {
                Files.createDirectories(home);
                try (InputStream in = Files.newInputStream(zip);
                        ZipInputStream zin = new ZipInputStream(in)) {
                    ZipEntry entry;
                    while ((entry = zin.getNextEntry()) != null) {
                        // The zip has one top-level folder (keycloak-x.y.z); drop it.
                        String name = entry.getName();
                        int slash = name.indexOf('/');
                        String relative = slash < 0 ? "" : name.substring(slash + 1);
                        if (relative.isEmpty()) {
                            continue;
                        }
                        Path target = home.resolve(relative).normalize();
                        if (!target.startsWith(home)) {
                            throw new IOException("zip entry outside the target: " + name);
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(zin, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                for (String script : List.of("bin/kc.sh", "bin/kcadm.sh", "bin/kcreg.sh")) {
                    Path file = home.resolve(script);
                    if (Files.exists(file)) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
                Files.writeString(marker, zip.getFileName().toString());
            }
            return home;
        } catch (IOException e) {
            throw new IllegalStateException("could not unpack Keycloak from " + zip + ": " + e.getMessage(), e);
        }
    }
}
