// `foresight serve`: the REST scoring service (docs/serving.md) until SIGTERM
// or Ctrl-C, then a graceful stop.
#include <QCoreApplication>
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "engine/common/Errors.h"
#include "serving/ScoringServer.h"
#include "serving/ShutdownSignals.h"

namespace foresight::cli {

namespace {

std::chrono::milliseconds seconds(const ParsedArgs& args, const std::string& name, long long max) {
  return std::chrono::milliseconds(*args.getInt(name, 1, max) * 1000);
}

}  // namespace

class ServeCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"serve"}; }
  std::string summary() const override { return "Serve registered models' forecasts over REST"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight serve [--registry URI] [--host 127.0.0.1] [--port 8080] [--api-key-file F]\n"
        "        [--reload-interval S] [--max-horizon N] [--max-body BYTES] [--max-history N]\n"
        "        [--request-timeout S] [--idle-timeout S] [--max-connections N] [--cache-entries N]\n"
        "        [--shutdown-grace S] [--no-access-log]",
        "Serves the registry's models over HTTP (ARCHITECTURE.md section 5): GET /v1/health,\n"
        "/v1/models, /v1/models/NAME, GET and POST /v1/models/NAME/forecast, /openapi.json and\n"
        "/metrics. Aliases are re-read every --reload-interval seconds and a promoted version\n"
        "is swapped in without failing a request; if the registry cannot be read the last\n"
        "good models keep serving and /v1/health says degraded. The API key comes from\n"
        "--api-key-file or $FORESIGHT_API_KEY (never the command line); with one, every\n"
        "route but /v1/health needs header X-API-Key or query parameter api_key. One access\n"
        "log line per request goes to stderr. SIGTERM or Ctrl-C stops accepting, lets\n"
        "requests in flight finish, and exits 0.",
        false);
    // Defaults come from ServingOptions and ServingLimits, declared once there.
    const serving::ServingOptions d;
    const auto secondsText = [](std::chrono::milliseconds ms) { return std::to_string(ms.count() / 1000); };
    p.option({"host", "ADDRESS", "IP address to listen on (0.0.0.0 for every interface)", d.host.toStdString(), false})
        .option({"port", "PORT", "TCP port (0: any free port, printed on stderr)", std::to_string(d.port), false})
        .option({"api-key-file", "FILE", "File whose first line is the API key", "", false})
        .option({"reload-interval", "S", "Seconds between re-reads of the registry's aliases",
                 secondsText(d.reloadInterval), false})
        .option({"max-horizon", "N", "Longest horizon a request may ask for", std::to_string(d.limits.maxHorizon), false})
        .option({"max-body", "BYTES", "Largest POST body", std::to_string(d.limits.maxBodyBytes), false})
        .option({"max-history", "N", "Most history points in a POST", std::to_string(d.limits.maxHistory), false})
        .option({"request-timeout", "S", "Seconds a request may take to arrive whole",
                 secondsText(d.limits.requestTimeout), false})
        .option({"idle-timeout", "S", "Seconds an idle keep-alive connection stays open",
                 secondsText(d.limits.idleTimeout), false})
        .option({"max-connections", "N", "Connections open at once (more are answered 503)",
                 std::to_string(d.limits.maxConnections), false})
        .option({"cache-entries", "N", "Forecast responses kept in memory", std::to_string(d.limits.forecastCacheEntries),
                 false})
        .option({"shutdown-grace", "S", "Seconds to let requests in flight finish on shutdown",
                 secondsText(d.shutdownGrace), false})
        .flag("no-access-log", "Do not write a line per request to stderr");
    return p;
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    serving::ServingOptions o;
    o.registry = registry::RegistryUri::resolve(args.get("registry"));
    o.host = QString::fromStdString(*args.get("host"));
    o.port = static_cast<quint16>(*args.getInt("port", 0, 65535));
    o.apiKey = args.has("api-key-file") ? serving::ApiKey::fromFile(*args.get("api-key-file"))
                                         : serving::ApiKey::fromEnvironment();
    o.reloadInterval = seconds(args, "reload-interval", 86400);
    o.limits.maxHorizon = static_cast<int>(*args.getInt("max-horizon", 1, Forecaster::kMaxHorizon));
    o.limits.maxBodyBytes = *args.getInt("max-body", 1024, 1LL << 30);
    o.limits.maxHistory = static_cast<int>(*args.getInt("max-history", 1, 10000000));
    o.limits.requestTimeout = seconds(args, "request-timeout", 3600);
    o.limits.idleTimeout = seconds(args, "idle-timeout", 86400);
    o.limits.maxConnections = static_cast<int>(*args.getInt("max-connections", 1, 1000000));
    o.limits.forecastCacheEntries = static_cast<std::size_t>(*args.getInt("cache-entries", 0, 10000000));
    o.shutdownGrace = seconds(args, "shutdown-grace", 3600);
    o.accessLog = !args.flag("no-access-log");

    int argc = 1;
    char name[] = "foresight";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    serving::ScoringServer server(std::move(o));
    serving::ShutdownSignals signals;
    QObject::connect(&signals, &serving::ShutdownSignals::received, &server, &serving::ScoringServer::shutdown);
    QObject::connect(&server, &serving::ScoringServer::stopped, &app, &QCoreApplication::quit);
    server.start();
    app.exec();
    io.err.flush();
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(600, ServeCommand)

}  // namespace foresight::cli
