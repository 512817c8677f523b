// Status and Result<T>: how every fallible call in quoteledger reports
// failure. No exceptions cross the library boundary; callers check ok().
#ifndef QUOTELEDGER_STATUS_H_
#define QUOTELEDGER_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace quoteledger {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input: encoding, syntax of a data line, options
  kNotFound,         // a file, document or entity that does not exist
  kCorruption,       // stored data that fails its own checks
  kIOError,          // the operating system refused a read or write
  kRuleSyntax,       // a rule file that does not parse or compile
};

// A Status is ok, or carries a code and a message that already says what
// went wrong, where (file, line, byte offset) and, where useful, what to do.
// Cheap to copy when ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status IOError(std::string msg) {
    return Status(StatusCode::kIOError, std::move(msg));
  }
  static Status RuleSyntax(std::string msg) {
    return Status(StatusCode::kRuleSyntax, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or the message prefixed by the kind, e.g. "invalid argument: ...".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string msg)
      : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none. value() on a failed
// Result is a programming error (it aborts via std::get).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_STATUS_H_
