// The HTTP side of `quoteledger serve`: cpp-httplib (Debian's
// libcpp-httplib-dev) answering GET requests with a WebApp. The only file
// that includes httplib.h.
#ifndef QUOTELEDGER_WEB_SERVER_H_
#define QUOTELEDGER_WEB_SERVER_H_

#include <functional>
#include <string>

#include "quoteledger/status.h"
#include "web/web_app.h"

namespace quoteledger {

// Binds `host`:`port` (port 0: a free port the system picks), calls
// `on_listening` with the bound port, then answers requests until the
// process ends. Requests are handled one at a time under a lock (the app
// holds one SQLite connection). Only GET and HEAD are answered; every
// response forbids scripts and remote content (Content-Security-Policy).
// IOError when the address cannot be bound (in use, or not permitted).
Status ServeHttp(WebApp& app, const std::string& host, int port,
                 const std::function<void(int)>& on_listening);

}  // namespace quoteledger

#endif  // QUOTELEDGER_WEB_SERVER_H_
