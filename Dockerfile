# Matchplane container image: build with the Maven wrapper, run the Boot layers on a JRE.
#   docker build -t matchplane .
#   docker run -p 3000:3000 -e REDIS_URL=redis://host:6379 matchplane
# Layers change least-often first (dependencies, loader, snapshots, application), so a code change rebuilds and
# ships only the last, small layer.

# ---- build ------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Dependencies first: this layer is reused until pom.xml or the wrapper changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src src
# maven.test.skip: the image needs no test classes (they also compile examples/, which is not copied in)
RUN ./mvnw -B -q -Dmaven.test.skip=true package \
 && cp target/matchplane-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# ---- run --------------------------------------------------------------------------------------------------------
# The code is Java 17 (and tested on 17 and 25); the image runs it on 25, whose P-256 arithmetic signs ES256 match
# tokens 3.5x faster than 17 on the same CPU (docs/benchmarks.md). RS256 costs the same on both.
FROM eclipse-temurin:25-jre
WORKDIR /app

# A fixed, unprivileged uid so volume permissions and Kubernetes runAsNonRoot checks are predictable.
RUN groupadd --system --gid 10001 matchplane \
 && useradd --system --uid 10001 --gid matchplane --no-create-home --shell /usr/sbin/nologin matchplane

COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY ops/docker/healthcheck.sh /usr/local/bin/matchplane-healthcheck

# AOT cache (JDK 25, JEP 514), as Spring Boot documents it: a training run starts the context and exits once it is
# refreshed (spring.context.exit=onRefresh: no web server, no tick, no Redis needed), and the JVM writes the classes
# it loaded and linked to app.aot; every start then maps them instead of loading them from the jars. It needs the
# extracted app.jar + lib/ layout (a classpath of jars, which the AOT cache requires; hence no --launcher above), the
# same JDK and the same classpath; when a flag does not match (another GC picked for a smaller container), the JVM
# warns and starts without it (-XX:AOTMode=auto). The signing path is warmed at start by SigningWarmUp instead.
RUN MATCHMAKING_REDIS_EMBEDDED=never java --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=app.aot \
      -Dspring.context.exit=onRefresh -jar app.jar

USER 10001:10001

# Production defaults: never fall back to an embedded Redis; size the heap from the container's memory limit and
# let the orchestrator restart a JVM that ran out of memory instead of leaving it half-alive.
ENV PORT=3000 \
    MATCHMAKING_REDIS_EMBEDDED=never \
    MATCHMAKING_DEMO_ENABLED=false \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

EXPOSE 3000

# Liveness via the compat /health endpoint. The JRE image has no curl or wget, so the check is plain bash
# (/dev/tcp); it does not start a second JVM every interval.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["bash", "/usr/local/bin/matchplane-healthcheck"]

# Exec form: the JVM is PID 1 and gets SIGTERM directly, so graceful shutdown (server.shutdown=graceful) runs.
# Native access lets Netty (under Lettuce) free its direct buffers with malloc/free; without it, JDK 24+ makes it
# close a shared memory arena per buffer, and every close stops all threads (docs/operations.md).
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
