import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * An OpenSearch node embedded in a plain JVM: the server jar plus the modules CDTN's mapping needs
 * (HTTP, painless, analysis-common, mapper-extras), put on the classpath instead of a distribution.
 * Arguments are settings, `key=value`; `path.home` and `http.port` are required.
 * Prints READY_LINE once the node accepts HTTP requests: the harness waits for it.
 */
public final class DrillOpenSearch {
  static final String READY_LINE = "drill-opensearch: started";

  /** Node's plugin-taking constructor is protected: this subclass exists to reach it. */
  static final class ClasspathNode extends Node {
    ClasspathNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "drill"),
          List.of(Netty4Plugin.class, PainlessPlugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class),
          true);
    }
  }

  public static void main(String[] args) throws Exception {
    Settings.Builder builder = Settings.builder()
        .put("cluster.name", "cdtn-drill")
        .put("node.name", "drill")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        // INFO on the console: what a failed start leaves for the harness to show
        .put("logger.level", "INFO")
        // a shared CI disk is often above the default watermarks: never refuse to allocate shards
        .put("cluster.routing.allocation.disk.threshold_enabled", false);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("expected key=value, got: " + arg);
      builder.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Settings settings = builder.build();
    for (String required : List.of("path.home", "http.port")) {
      if (!settings.hasValue(required)) throw new IllegalArgumentException("missing setting " + required);
    }
    LogConfigurator.registerErrorListener();
    LogConfigurator.configureWithoutConfig(settings);

    Node node = new ClasspathNode(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try { node.close(); } catch (Exception e) { e.printStackTrace(); }
      stopped.countDown();
    }));
    node.start();
    System.out.println(READY_LINE + " on " + settings.get("network.host") + ":" + settings.get("http.port")
        + " (home " + Path.of(settings.get("path.home")).toAbsolutePath() + ")");
    stopped.await();
  }
}
