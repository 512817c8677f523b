// Status::ToString, kept out of the header so the header stays small.
#include "quoteledger/status.h"

namespace quoteledger {

std::string Status::ToString() const {
  const char* kind = "";
  switch (code_) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      kind = "invalid input";
      break;
    case StatusCode::kNotFound:
      kind = "not found";
      break;
    case StatusCode::kCorruption:
      kind = "corruption";
      break;
    case StatusCode::kIOError:
      kind = "I/O error";
      break;
    case StatusCode::kRuleSyntax:
      kind = "rule error";
      break;
  }
  return std::string(kind) + ": " + message_;
}

}  // namespace quoteledger
