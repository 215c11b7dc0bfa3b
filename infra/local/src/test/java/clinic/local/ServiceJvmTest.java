package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.local.ServiceJvm.Cache;
import clinic.local.ServiceJvm.Jdk;
import clinic.local.ServiceJvm.Launch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK runs the services, with which cache, and the command lines of training and production. */
class ServiceJvmTest {

    @TempDir
    Path tmp;

    private Path fakeJdk(String dir, String version) throws IOException {
        Path home = tmp.resolve("jvm").resolve(dir);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version.replaceAll("\\+.*", "") + "\"\n"
                        + "JAVA_RUNTIME_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Jdk jdk17() throws IOException {
        return Jdk.at(fakeJdk("java-17", "17.0.13+11")).orElseThrow();
    }

    private Path appDir() throws IOException {
        Path app = tmp.resolve("quarkus-app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        return app;
    }

    @Test
    void readsTheVersionFromTheReleaseFile() throws IOException {
        Jdk jdk = Jdk.at(fakeJdk("temurin-25", "25.0.3+9-LTS")).orElseThrow();
        assertThat(jdk.version()).isEqualTo("25.0.3+9-LTS");
        assertThat(jdk.feature()).isEqualTo(25);
        assertThat(new Jdk(Path.of("/x"), "1.8.0_412").feature()).isEqualTo(8);
        assertThat(Jdk.at(tmp.resolve("nothing"))).isEmpty();
    }

    @Test
    void findsTheNewestJdk25OrLaterUnderTheJvmDirectory() throws IOException {
        Jdk launcher = jdk17();
        fakeJdk("temurin-25", "25.0.3+9");
        fakeJdk("temurin-26", "26.0.1+2");
        fakeJdk("openjdk-21", "21.0.5+11");
        Optional<Jdk> found = ServiceJvm.findAotJdk(Map.of(), tmp.resolve("jvm"), launcher, Optional.empty());
        assertThat(found).map(Jdk::feature).contains(26);
    }

    @Test
    void withoutAJdk25TheLaunchersJavaRunsTheServicesWithAppCds() throws IOException {
        Jdk launcher = jdk17();
        fakeJdk("openjdk-21", "21.0.5+11");
        ServiceJvm jvm = ServiceJvm.detect(Map.of(), tmp.resolve("jvm"), launcher);
        assertThat(jvm.aotJdk()).isEmpty();
        Path app = appDir();
        Files.writeString(app.resolve("app-cds.jsa"), "cds");
        assertThat(jvm.needsTraining(app)).isFalse();
        Launch launch = jvm.launch(app);
        assertThat(launch.jdk()).isEqualTo(launcher);
        assertThat(launch.cache()).isEqualTo(Cache.APP_CDS);
        assertThat(launch.command())
                .startsWith(launcher.java().toString())
                .contains("-XX:SharedArchiveFile=app-cds.jsa", "-XX:+UseSerialGC", "-Xmx256m")
                .doesNotContain("-XX:AOTCache=app.aot")
                .endsWith("-jar", app.resolve("quarkus-run.jar").toString());
        assertThat(launch.describe("patient-service")).contains("Java 17.0.13+11", "AppCDS");
    }

    @Test
    void javaHomeWinsOverTheScanWhenItIsAJdk25() throws IOException {
        Path home = fakeJdk("my-25", "25.0.1+8");
        fakeJdk("temurin-26", "26.0.1+2");
        ServiceJvm jvm = ServiceJvm.detect(Map.of("JAVA_HOME", home.toString()), tmp.resolve("jvm"), jdk17());
        assertThat(jvm.aotJdk()).map(Jdk::home).contains(home);
    }

    @Test
    void anExplicitServiceJavaHomeIsUsedEvenWhenOlder() throws IOException {
        fakeJdk("temurin-25", "25.0.3+9");
        Path java17 = fakeJdk("other-17", "17.0.9+9");
        ServiceJvm jvm =
                ServiceJvm.detect(Map.of("CLINIC_SERVICE_JAVA_HOME", java17.toString()), tmp.resolve("jvm"), jdk17());
        assertThat(jvm.aotJdk()).isEmpty();
        assertThat(jvm.launch(appDir()).jdk().home()).isEqualTo(java17);
        assertThatThrownBy(() -> ServiceJvm.detect(
                        Map.of("CLINIC_SERVICE_JAVA_HOME", tmp.resolve("none").toString()),
                        tmp.resolve("jvm"),
                        jdk17()))
                .hasMessageContaining("CLINIC_SERVICE_JAVA_HOME");
    }

    @Test
    void aotOffKeepsTheLaunchersJava() throws IOException {
        fakeJdk("temurin-25", "25.0.3+9");
        ServiceJvm jvm = ServiceJvm.detect(Map.of("CLINIC_AOT", "off"), tmp.resolve("jvm"), jdk17());
        assertThat(jvm.aotJdk()).isEmpty();
        assertThat(jvm.needsTraining(appDir())).isFalse();
        assertThat(jvm.summary()).contains("AppCDS", "CLINIC_AOT=off");
        assertThatThrownBy(() -> ServiceJvm.detect(Map.of("CLINIC_AOT", "maybe"), tmp.resolve("jvm"), jdk17()))
                .hasMessageContaining("CLINIC_AOT");
    }

    @Test
    void aMissingCacheIsTrainedWithTheProductionFlagsPlusTheOutput() throws IOException {
        Path home25 = fakeJdk("temurin-25", "25.0.3+9");
        ServiceJvm jvm = ServiceJvm.detect(Map.of(), tmp.resolve("jvm"), jdk17());
        Path app = appDir();
        Files.writeString(app.resolve("app-cds.jsa"), "cds made by the build's Java 17");
        assertThat(jvm.needsTraining(app)).isTrue();
        assertThat(jvm.trainingCommand(app))
                .startsWith(home25.resolve("bin/java").toString())
                .containsSubsequence(ServiceJvm.flags())
                .contains("-XX:AOTCacheOutput=app.aot")
                .doesNotContain("-XX:SharedArchiveFile=app-cds.jsa")
                .endsWith("-jar", app.resolve("quarkus-run.jar").toString());
        // Until a cache is trained, the fallback: the launcher's Java with AppCDS.
        assertThat(jvm.launch(app).cache()).isEqualTo(Cache.APP_CDS);
        // "use" never trains.
        assertThat(ServiceJvm.detect(Map.of("CLINIC_AOT", "use"), tmp.resolve("jvm"), jdk17())
                        .needsTraining(app))
                .isFalse();
    }

    @Test
    void aFreshCacheOfTheSameJdkAndFlagsIsUsed() throws IOException {
        Path home25 = fakeJdk("temurin-25", "25.0.3+9");
        ServiceJvm jvm = ServiceJvm.detect(Map.of(), tmp.resolve("jvm"), jdk17());
        Path app = appDir();
        trained(app, jvm.aotJdk().orElseThrow());
        assertThat(jvm.needsTraining(app)).isFalse();
        Launch launch = jvm.launch(app);
        assertThat(launch.cache()).isEqualTo(Cache.AOT);
        assertThat(launch.command())
                .startsWith(home25.resolve("bin/java").toString())
                .containsSubsequence(ServiceJvm.flags())
                .contains("-XX:AOTCache=app.aot")
                // Mapped where it was made, not relocated: half a second of every start (ServiceJvm).
                .contains("-XX:ArchiveRelocationMode=0")
                // C1 only: the cache's C2 profiles are not replayed.
                .contains("-XX:-AOTReplayTraining")
                .doesNotContain("-XX:SharedArchiveFile=app-cds.jsa", "-XX:AOTCacheOutput=app.aot");
        assertThat(launch.describe("program-service")).contains("Java 25.0.3+9", "AOT cache");
    }

    @Test
    void aCacheOlderThanTheBuildOrFromAnotherJdkIsTrainedAgain() throws IOException {
        fakeJdk("temurin-25", "25.0.3+9");
        ServiceJvm jvm = ServiceJvm.detect(Map.of(), tmp.resolve("jvm"), jdk17());
        Path app = appDir();
        trained(app, jvm.aotJdk().orElseThrow());
        // A new build: quarkus-run.jar newer than the cache.
        Files.setLastModifiedTime(
                app.resolve("quarkus-run.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(jvm.needsTraining(app)).isTrue();
        assertThat(jvm.launch(app).cache()).isEqualTo(Cache.NONE);

        trained(app, new Jdk(tmp.resolve("jvm/temurin-25"), "25.0.2+10"));
        Files.setLastModifiedTime(
                app.resolve("app.aot"), FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(jvm.needsTraining(app)).as("stamped by another JDK update").isTrue();
    }

    private static void trained(Path app, Jdk jdk) throws IOException {
        Files.writeString(app.resolve("app.aot"), "cache");
        Files.writeString(app.resolve("app.aot.stamp"), ServiceJvm.stamp(jdk));
    }
}
