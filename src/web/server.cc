// cpp-httplib glue: one catch-all GET handler that hands the decoded path
// and query to WebApp under a mutex and copies its answer back.
#include "web/server.h"

#include <sys/socket.h>

#include <mutex>

#include <fmt/format.h>
#include <httplib.h>

namespace quoteledger {

Status ServeHttp(WebApp& app, const std::string& host, int port,
                 const std::function<void(int)>& on_listening) {
  httplib::Server server;
  std::mutex lock;
  // httplib's default sets SO_REUSEPORT, which lets a second server bind
  // the same port and take half the requests; SO_REUSEADDR alone still
  // allows a restart while old connections linger, and a busy port fails.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server.set_default_headers({
      // The pages hold no scripts; forbidding them makes escaping mistakes
      // harmless too.
      {"Content-Security-Policy",
       "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    WebParams params(req.params.begin(), req.params.end());
    WebResponse out;
    {
      std::lock_guard<std::mutex> hold(lock);
      out = app.Handle(req.path, params);
    }
    res.status = out.status;
    res.set_content(out.body, out.content_type.c_str());
  });
  int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    return Status::IOError(fmt::format(
        "cannot listen on {}:{} (in use by another program?); give another with --port", host,
        port));
  }
  on_listening(bound);
  if (!server.listen_after_bind()) {
    return Status::IOError(fmt::format("the server on {}:{} stopped", host, bound));
  }
  return Status::Ok();
}

}  // namespace quoteledger
