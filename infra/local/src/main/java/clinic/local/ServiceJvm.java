package clinic.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The JVM a service runs in: which Java, which flags, and which start-up cache.
 *
 * <ul>
 *   <li>On a JDK 25 or newer (found by {@link #findAotJdk}): the JDK's AOT cache ({@code -XX:AOTCache=app.aot}, JEP
 *       483/514/515), made next to {@code quarkus-run.jar} by a training run the first time a build is started (and
 *       again after every build, or when the JDK or the flags change).
 *   <li>Otherwise, or with {@code CLINIC_AOT=off}: the launcher's own Java (or {@code CLINIC_SERVICE_JAVA_HOME}) with
 *       the build's AppCDS archive {@code app-cds.jsa}, as before.
 * </ul>
 *
 * <p>The training run is the production command plus {@code -XX:AOTCacheOutput=app.aot}: the service starts, the
 * launcher waits for it to be ready, sends it the requests of {@link AotTraining} and stops it with SIGTERM; the JVM
 * then writes the cache as it exits. The JDK accepts a cache only with the same JDK build, the same class path and the
 * same GC and heap-layout flags, which is why training and production share {@link #flags()} and why the stamp file
 * next to the cache records both.
 */
public final class ServiceJvm {

    /** The first JDK whose AOT cache can be trained in one run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int AOT_FEATURE = 25;

    static final String AOT_CACHE = "app.aot";
    /** Which JDK and flags made {@link #AOT_CACHE}: a cache from another one is trained again. */
    static final String AOT_STAMP = "app.aot.stamp";
    /** Written next to quarkus-run.jar by the build ({@code quarkus.package.jar.appcds.enabled}). */
    static final String APP_CDS = "app-cds.jsa";

    private static final Duration TRAINING_READY_TIMEOUT = Duration.ofSeconds(180);
    /** The exit includes writing the cache (a second JVM that assembles it), tens of seconds on a busy machine. */
    private static final Duration TRAINING_EXIT_TIMEOUT = Duration.ofSeconds(300);

    /** {@code CLINIC_AOT}. */
    public enum Mode {
        /** Use the AOT cache, training it first when it is missing or stale (the default). */
        TRAIN,
        /** Use a fresh AOT cache when there is one; never train (without one: Java of the launcher + AppCDS). */
        USE,
        /** No AOT cache: the launcher's Java (or {@code CLINIC_SERVICE_JAVA_HOME}) with AppCDS. */
        OFF;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return TRAIN;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "train", "on", "true", "auto" -> TRAIN;
                case "use" -> USE;
                case "off", "false", "no" -> OFF;
                default -> throw new IllegalArgumentException(
                        "CLINIC_AOT must be train, use or off, not '" + value + "'");
            };
        }
    }

    /** A JDK installation: its home and the version its {@code release} file names. */
    public record Jdk(Path home, String version) {

        /** The feature release: 17 for "17.0.13", 25 for "25.0.3", 8 for "1.8.0_412". */
        public int feature() {
            String v = version.startsWith("1.") ? version.substring(2) : version;
            String digits = v.replaceAll("^(\\d+).*$", "$1");
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        public Path java() {
            return home.resolve("bin").resolve("java");
        }

        /** The JDK at this home, if it has a {@code release} file with a JAVA_VERSION and a {@code bin/java}. */
        public static Optional<Jdk> at(Path home) {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)
                    || !Files.exists(home.resolve("bin").resolve("java"))) {
                return Optional.empty();
            }
            Properties props = new Properties();
            try (var in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
            String version = props.getProperty("JAVA_VERSION");
            if (version == null || version.isBlank()) {
                return Optional.empty();
            }
            String runtime = props.getProperty("JAVA_RUNTIME_VERSION");
            String v = unquote(runtime != null && !runtime.isBlank() ? runtime : version);
            return Optional.of(new Jdk(home.toAbsolutePath().normalize(), v));
        }

        /** The JDK this launcher runs on. */
        public static Jdk current() {
            Path home = Path.of(System.getProperty("java.home"));
            return at(home).orElseGet(() -> new Jdk(home, System.getProperty("java.runtime.version")));
        }

        private static String unquote(String s) {
            String t = s.strip();
            return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }
    }

    /** The start-up cache a service is run with. */
    public enum Cache {
        AOT,
        APP_CDS,
        NONE
    }

    /** How one service is run: the JDK, the cache, the whole command line. */
    public record Launch(Jdk jdk, Cache cache, List<String> command) {

        /** One line for the console: which Java and which cache. */
        public String describe(String module) {
            String what =
                    switch (cache) {
                        case AOT -> "with its AOT cache (" + AOT_CACHE + ")";
                        case APP_CDS -> "with the build's AppCDS archive (" + APP_CDS + ")";
                        case NONE -> "without a start-up cache";
                    };
            return String.format("%s: Java %s (%s) %s", module, jdk.version(), jdk.home(), what);
        }
    }

    private final Jdk launcherJdk;
    private final Optional<Jdk> aotJdk;
    private final Optional<Jdk> explicitJdk;
    private final Mode mode;

    ServiceJvm(Jdk launcherJdk, Optional<Jdk> explicitJdk, Optional<Jdk> aotJdk, Mode mode) {
        this.launcherJdk = launcherJdk;
        this.explicitJdk = explicitJdk;
        this.aotJdk = aotJdk;
        this.mode = mode;
    }

    /** From the environment: {@code CLINIC_AOT}, {@code CLINIC_SERVICE_JAVA_HOME}, {@code JAVA_HOME}, /usr/lib/jvm. */
    public static ServiceJvm fromEnvironment(Map<String, String> env) {
        return detect(env, Path.of("/usr/lib/jvm"), Jdk.current());
    }

    static ServiceJvm detect(Map<String, String> env, Path jvmDir, Jdk launcher) {
        Mode mode = Mode.parse(env.get("CLINIC_AOT"));
        Optional<Jdk> explicit = Optional.ofNullable(env.get("CLINIC_SERVICE_JAVA_HOME"))
                .filter(s -> !s.isBlank())
                .map(s -> Jdk.at(Path.of(s))
                        .orElseThrow(() -> new IllegalArgumentException(
                                "CLINIC_SERVICE_JAVA_HOME=" + s + " is not a JDK (no release file or bin/java)")));
        Optional<Jdk> aot = mode == Mode.OFF ? Optional.empty() : findAotJdk(env, jvmDir, launcher, explicit);
        return new ServiceJvm(launcher, explicit, aot, mode);
    }

    /**
     * A JDK that can train and use an AOT cache: {@code CLINIC_SERVICE_JAVA_HOME} when it names one (when it names
     * an older JDK, none: the user chose it), else {@code JAVA_HOME} if it is one, else the launcher's own Java if it
     * is one, else the newest one under {@code jvmDir} (each JDK's {@code release} file).
     */
    static Optional<Jdk> findAotJdk(Map<String, String> env, Path jvmDir, Jdk launcher, Optional<Jdk> explicit) {
        if (explicit.isPresent()) {
            return explicit.filter(j -> j.feature() >= AOT_FEATURE);
        }
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Jdk> jdk = Jdk.at(Path.of(javaHome)).filter(j -> j.feature() >= AOT_FEATURE);
            if (jdk.isPresent()) {
                return jdk;
            }
        }
        if (launcher.feature() >= AOT_FEATURE) {
            return Optional.of(launcher);
        }
        List<Jdk> found = new ArrayList<>();
        if (Files.isDirectory(jvmDir)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jvmDir)) {
                for (Path dir : dirs) {
                    // Debian's alternatives also name each JDK by symbolic links; the real directory is enough.
                    if (!Files.isSymbolicLink(dir)) {
                        Jdk.at(dir).filter(j -> j.feature() >= AOT_FEATURE).ifPresent(found::add);
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return found.stream()
                .max(Comparator.comparingInt(Jdk::feature)
                        .thenComparing(Jdk::version)
                        .thenComparing(j -> j.home().toString()));
    }

    /**
     * The JVM flags of every service, the same in a training run and in production (the JDK refuses an AOT cache
     * made with another GC or heap layout).
     */
    static List<String> flags() {
        return List.of(
                "-Xms32m",
                "-Xmx256m",
                // One GC thread and no concurrent GC work: a small heap on a small machine with four JVMs.
                "-XX:+UseSerialGC",
                // C1 only: starts faster, warms up sooner and needs ~40 MB less than C2 after load, at the cost of
                // peak throughput a small clinic does not reach (docs/performance.md "Start-up and memory"). With
                // the AOT cache too: it still loads the classes ready-made; C2 and the cache's profiles (JEP 515)
                // measured slower to start here (docs/operations.md "Start-up").
                "-XX:TieredStopAtLevel=1",
                // Start-up loads ~50 MB of class metadata besides the archive; the default ~21 MB threshold cost two
                // full GCs.
                "-XX:MetaspaceSize=128m");
    }

    /**
     * How the AOT cache is mapped, in training and production. Since JDK 20 the JVM maps a cache at a random address
     * by default and then relocates every pointer in it, writing to every page of the 110 MB cache: {@code java
     * -version} with patient-service's cache took 0.43-0.61 s that way and 0.13-0.30 s without, and a whole start
     * was ready 0.6 s sooner (median of 5 alternating pairs, load 11-12; the CPU was the same, RSS 3 MB lower and
     * private memory 50 MB lower). Mode 0 maps it at the address it was made for and relocates only when that
     * address is taken. The price: the cache's class metadata sits at a known address (no address-space
     * randomisation for that region; the rest of the process is randomised as before). Not part of {@link #stamp}:
     * it does not change what the JDK accepts.
     */
    static List<String> aotMappingFlags() {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    }

    /** The JDK a service runs on when there is no AOT cache. */
    Jdk plainJdk() {
        return explicitJdk.orElse(launcherJdk);
    }

    Optional<Jdk> aotJdk() {
        return aotJdk;
    }

    Mode mode() {
        return mode;
    }

    /** The stamp of a cache made by this JDK with these flags. */
    static String stamp(Jdk jdk) {
        return "jdk=" + jdk.home() + "\nversion=" + jdk.version() + "\nflags=" + String.join(" ", flags()) + "\n";
    }

    /**
     * True when {@code appDir} holds an AOT cache made by this JDK with these flags, no older than the build's
     * {@code quarkus-run.jar} (each package writes that jar anew).
     */
    static boolean freshCache(Path appDir, Jdk jdk) {
        Path cache = appDir.resolve(AOT_CACHE);
        Path stamp = appDir.resolve(AOT_STAMP);
        Path jar = appDir.resolve("quarkus-run.jar");
        try {
            if (!Files.isRegularFile(cache) || !Files.isRegularFile(stamp) || !Files.exists(jar)) {
                return false;
            }
            FileTime built = Files.getLastModifiedTime(jar);
            if (Files.getLastModifiedTime(cache).compareTo(built) < 0) {
                return false;
            }
            return Files.readString(stamp).equals(stamp(jdk));
        } catch (IOException e) {
            return false;
        }
    }

    /** What a start of the service in {@code appDir} needs: train first, or not. */
    boolean needsTraining(Path appDir) {
        return mode == Mode.TRAIN && aotJdk.isPresent() && !freshCache(appDir, aotJdk.get());
    }

    /** The command that runs the service now: with the AOT cache when it is fresh, else the AppCDS fallback. */
    Launch launch(Path appDir) {
        Path jar = appDir.resolve("quarkus-run.jar");
        if (aotJdk.isPresent() && freshCache(appDir, aotJdk.get())) {
            Jdk jdk = aotJdk.get();
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            command.addAll(flags());
            command.addAll(aotMappingFlags());
            // The cache's method profiles (JEP 515) feed C2 only, which C1-only never runs: without this, a "Training
            // replay" thread spent 0.1 s of CPU replaying them at every start.
            command.add("-XX:-AOTReplayTraining");
            // Relative: the cache names the jars as the training run saw them, from target/quarkus-app.
            command.add("-XX:AOTCache=" + AOT_CACHE);
            command.add("-jar");
            command.add(jar.toString());
            return new Launch(jdk, Cache.AOT, List.copyOf(command));
        }
        Jdk jdk = plainJdk();
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(flags());
        command.add("-Xshare:auto");
        // The build's AppCDS archive: the classes loaded at start, parsed and verified once at build time. The JVM
        // checks that it matches this JDK and these jars and ignores it (with a warning in the log) otherwise.
        boolean cds = Files.exists(appDir.resolve(APP_CDS));
        if (cds) {
            command.add("-XX:SharedArchiveFile=" + APP_CDS);
        }
        command.add("-jar");
        command.add(jar.toString());
        return new Launch(jdk, cds ? Cache.APP_CDS : Cache.NONE, List.copyOf(command));
    }

    /** The training run's command: production's flags plus the cache to write at exit. */
    List<String> trainingCommand(Path appDir) {
        Jdk jdk = aotJdk.orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(flags());
        command.addAll(aotMappingFlags());
        command.add("-XX:AOTCacheOutput=" + AOT_CACHE);
        command.add("-jar");
        command.add(appDir.resolve("quarkus-run.jar").toString());
        return List.copyOf(command);
    }

    /**
     * Trains the service's AOT cache: starts the service with {@link #trainingCommand}, waits until
     * {@code readyUrl} answers, runs {@code workload}, stops it with SIGTERM and waits while the JVM writes the cache.
     * Returns true when a cache was written; a failed training leaves no cache (the service then starts without one)
     * and says why on the console.
     */
    boolean train(String module, Path appDir, Map<String, String> env, String readyUrl, Path log, Runnable workload) {
        long t0 = System.nanoTime();
        System.out.printf(
                "Training the AOT cache of %s on Java %s (once per build; its log: %s)...%n",
                module, aotJdk.orElseThrow().version(), log);
        try {
            Files.deleteIfExists(appDir.resolve(AOT_STAMP));
            Files.deleteIfExists(appDir.resolve(AOT_CACHE));
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(trainingCommand(appDir))
                    .directory(appDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                Http.awaitOk(module + " (AOT training run)", readyUrl, TRAINING_READY_TIMEOUT, process::isAlive, 50);
                try {
                    workload.run();
                } catch (RuntimeException e) {
                    // The cache is still worth having: the start-up part of the training is done.
                    System.out.println("  (part of " + module + "'s training requests failed: " + e.getMessage() + ")");
                }
                // SIGTERM: a normal exit, at which the JVM writes the cache.
                process.destroy();
                if (!process.waitFor(TRAINING_EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("did not exit within " + TRAINING_EXIT_TIMEOUT.toSeconds() + " s");
                }
            } finally {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            Path cache = appDir.resolve(AOT_CACHE);
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IllegalStateException("the JVM wrote no " + AOT_CACHE);
            }
            Files.writeString(appDir.resolve(AOT_STAMP), stamp(aotJdk.get()));
            System.out.printf(
                    "  %s: AOT cache written (%d MB) in %.1f s%n",
                    module, Files.size(cache) / (1024 * 1024), (System.nanoTime() - t0) / 1e9);
            return true;
        } catch (IOException | RuntimeException e) {
            System.out.println("  " + module + ": AOT training failed (" + e.getMessage() + "); it starts without the"
                    + " cache. See " + log);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A one-line summary for the banner: the Java of the services and their caches. */
    String summary() {
        if (aotJdk.isPresent()) {
            return "Java " + aotJdk.get().version() + " (" + aotJdk.get().home() + ") with an AOT cache per service"
                    + (mode == Mode.USE ? " when one was trained" : "");
        }
        Jdk jdk = plainJdk();
        return "Java " + jdk.version() + " (" + jdk.home() + ") with AppCDS"
                + (mode == Mode.OFF ? " (CLINIC_AOT=off)" : " (no JDK " + AOT_FEATURE + "+ found)");
    }
}
