// Helpers for the eval tests: a temporary folder that removes itself, and
// running a shell command with its standard output captured.
#ifndef QUOTELEDGER_TESTS_EVAL_TEST_UTIL_H_
#define QUOTELEDGER_TESTS_EVAL_TEST_UTIL_H_

#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace quoteledger {

// Set by a test that found no shared data and skipped itself; main() then
// exits 77 (meson's "skipped") if nothing failed.
inline bool eval_test_skipped = false;

// A fresh folder under the system's temporary folder, deleted with its
// contents when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ql_eval_XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

  // Writes `bytes` to PATH/rel, creating folders on the way.
  void Write(const std::string& rel, const std::string& bytes) const {
    std::filesystem::path p = std::filesystem::path(path_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }

 private:
  std::string path_;
};

// Runs `command` with /bin/sh, stores its standard output in *out and
// returns its exit status (-1 when it could not run or was killed).
inline int RunCapture(const std::string& command, std::string* out) {
  out->clear();
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out->append(buf, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Single-quotes `s` for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace quoteledger

#endif  // QUOTELEDGER_TESTS_EVAL_TEST_UTIL_H_
