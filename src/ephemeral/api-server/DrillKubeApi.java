import java.io.InputStream;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * fabric8's in-memory Kubernetes API server on plain HTTP, loopback, a port the system picks.
 * CRUD mode (every resource stored as posted) mixed with fixed answers given as arguments,
 * `--answer=<status>:<METHOD>:<path>`, for what CRUD cannot produce (a 403 from RBAC).
 * Every answer gets a JSON Content-Type, which fabric8 leaves out and client-node requires.
 * There is no kubelet: whoever plays it stores a pod's output in the annotation LOG_ANNOTATION,
 * and `GET …/pods/<name>/log` serves it (honouring tailLines).
 * Prints READY_PREFIX + the base URL once it accepts requests; exits when stdin closes, so it never
 * outlives the process that started it.
 */
public final class DrillKubeApi {
  static final String READY_PREFIX = "drill-kube-api: listening on ";
  static final String LOG_ANNOTATION = "cdtn-recovery-drill/container-log";
  static final Pattern POD_LOG = Pattern.compile("^(/api/v1/namespaces/[^/]+/pods/[^/?]+)/log(?:\\?(.*))?$");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TAIL_LINES = Pattern.compile("(?:^|&)tailLines=(\\d+)");

  /** CRUD and expectations as fabric8 mixes them, plus pod logs read from the pod's annotation. */
  static final class Dispatcher extends KubernetesMixedDispatcher {
    Dispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
      super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Matcher log = POD_LOG.matcher(request.getPath());
      if (request.method() != HttpMethod.GET || !log.matches()) return withJsonType(super.dispatch(request));
      MockResponse pod = super.dispatch(
          new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, log.group(1), request.getHeaders(), null));
      if (pod.code() != 200) return withJsonType(pod);
      JsonNode annotation = JSON.readTree(pod.getBody().readUtf8())
          .path("metadata").path("annotations").path(LOG_ANNOTATION);
      String text = annotation.isString() ? annotation.asString() : "";
      Matcher tail = TAIL_LINES.matcher(log.group(2) == null ? "" : log.group(2));
      if (tail.find()) text = tail(text, Integer.parseInt(tail.group(1)));
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(text);
    }

    /** fabric8 sends no Content-Type; @kubernetes/client-node refuses to parse a body without one. */
    private static MockResponse withJsonType(MockResponse response) {
      return response.header("Content-Type") == null ? response.setHeader("Content-Type", "application/json") : response;
    }

    private static String tail(String text, int lines) {
      String[] all = text.split("\n", -1);
      int end = text.endsWith("\n") ? all.length - 1 : all.length;
      return String.join("\n", Arrays.copyOfRange(all, Math.max(0, end - lines), all.length));
    }
  }

  public static void main(String[] args) throws Exception {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server = new KubernetesMockServer(
        new Context(), new MockWebServer(), responses, new Dispatcher(responses), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    for (String arg : args) answer(server, arg);
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
    System.out.println(READY_PREFIX + "http://127.0.0.1:" + server.getPort());
    System.out.flush();
    InputStream in = System.in;
    while (in.read() != -1) {
      // drain: only end-of-file matters
    }
    System.exit(0);
  }

  /** `--answer=403:GET:/apis/batch/v1/namespaces/x/cronjobs/y`: always that status, with a Kubernetes Status body. */
  private static void answer(KubernetesMockServer server, String arg) {
    String[] parts = arg.startsWith("--answer=") ? arg.substring("--answer=".length()).split(":", 3) : new String[0];
    if (parts.length != 3) throw new IllegalArgumentException("expected --answer=<status>:<METHOD>:<path>, got: " + arg);
    int code = Integer.parseInt(parts[0]);
    String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"drill-kube-api: answer " + code + " configured for " + parts[1] + " " + parts[2] + "\","
        + "\"reason\":\"" + (code == 403 ? "Forbidden" : "Configured") + "\",\"code\":" + code + "}";
    var expectation = server.expect();
    var method = switch (parts[1]) {
      case "GET" -> expectation.get();
      case "POST" -> expectation.post();
      case "PUT" -> expectation.put();
      case "PATCH" -> expectation.patch();
      case "DELETE" -> expectation.delete();
      default -> throw new IllegalArgumentException("unknown method in " + arg);
    };
    method.withPath(parts[2]).andReturn(code, body).always();
  }
}
