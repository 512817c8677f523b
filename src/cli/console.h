// Console: standard error shared by the threads of a long command, with an
// optional one-line progress display that messages are printed above. The
// progress line is drawn only when stderr is a terminal, so logs and pipes
// never see carriage returns.
#ifndef QUOTELEDGER_CLI_CONSOLE_H_
#define QUOTELEDGER_CLI_CONSOLE_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace quoteledger {

class Console {
 public:
  // `progress`: whether to draw the progress line at all.
  explicit Console(bool progress) : progress_(progress) {}

  // Prints "quoteledger: MESSAGE" on its own line. Thread-safe.
  void Message(const std::string& message);
  // Replaces the progress line with `line`, if progress is on. Thread-safe.
  void Progress(const std::string& line);
  // Removes the progress line, if one is shown. Thread-safe.
  void ClearProgress();

 private:
  void ClearLocked();
  std::mutex mu_;
  bool progress_;
  bool shown_ = false;
};

// Redraws the console's progress line with what `line` returns, from its
// own thread, every 150 ms from `delay` after it is made until Stop() (or
// destruction), then clears it. `line` is called on that thread: it must
// read only what is safe to read there (atomics). Draws nothing when the
// console's progress is off, so a command can always make one.
class ProgressThread {
 public:
  ProgressThread(Console& console, std::function<std::string()> line,
                 std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  ~ProgressThread() { Stop(); }
  ProgressThread(const ProgressThread&) = delete;
  ProgressThread& operator=(const ProgressThread&) = delete;
  void Stop();

 private:
  Console& console_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

bool StderrIsTerminal();
bool StdoutIsTerminal();

// How many columns tables may take: the terminal's width when stdout is a
// terminal, else $COLUMNS when it is a number (so a script or test can ask
// for a width), else 0 (no limit: pipes get whole values).
size_t OutputWidth();

// "[#######.........]  41%  312 articles  2.4 MB  1.3 MB/s  1,907 claims";
// without a bar when `total_bytes` is 0 (input size unknown).
std::string ProgressLine(int64_t articles, int64_t bytes, int64_t claims, double seconds,
                         int64_t total_bytes);

// 1234567 -> "1,234,567".
std::string Thousands(int64_t n);
// Bytes as "812 B", "4.2 KB", "13.7 MB", "2.1 GB".
std::string HumanBytes(double bytes);

}  // namespace quoteledger

#endif  // QUOTELEDGER_CLI_CONSOLE_H_
