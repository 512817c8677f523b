// The progress line is redrawn in place with a carriage return and erased
// with the ANSI "erase line" sequence, which every terminal emulator in use
// understands.
#include "cli/console.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

namespace quoteledger {

void Console::Message(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  ClearLocked();
  std::cerr << "quoteledger: " << message << '\n' << std::flush;
}

void Console::Progress(const std::string& line) {
  if (!progress_) return;
  std::lock_guard<std::mutex> lock(mu_);
  std::cerr << '\r' << line << "\033[K" << std::flush;
  shown_ = true;
}

void Console::ClearProgress() {
  std::lock_guard<std::mutex> lock(mu_);
  ClearLocked();
}

void Console::ClearLocked() {
  if (!shown_) return;
  std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

ProgressThread::ProgressThread(Console& console, std::function<std::string()> line,
                               std::chrono::milliseconds delay)
    : console_(console) {
  thread_ = std::thread([this, line = std::move(line), delay] {
    // Wait in short steps, so that Stop() on a short run returns at once.
    auto start = std::chrono::steady_clock::now();
    while (!done_) {
      if (std::chrono::steady_clock::now() - start >= delay) console_.Progress(line());
      for (int i = 0; i < 3 && !done_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
}

void ProgressThread::Stop() {
  done_ = true;
  if (thread_.joinable()) thread_.join();
  console_.ClearProgress();
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }
size_t OutputWidth() {
  struct winsize ws {};
  if (StdoutIsTerminal() && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  const char* columns = std::getenv("COLUMNS");
  if (columns == nullptr || *columns == '\0') return 0;
  char* end = nullptr;
  long n = std::strtol(columns, &end, 10);
  return *end == '\0' && n > 0 && n < 100000 ? static_cast<size_t>(n) : 0;
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string HumanBytes(double bytes) {
  if (bytes < 1024) return fmt::format("{:.0f} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KB", bytes / 1024);
  if (bytes < 1024.0 * 1024 * 1024) return fmt::format("{:.1f} MB", bytes / (1024 * 1024));
  return fmt::format("{:.1f} GB", bytes / (1024.0 * 1024 * 1024));
}

std::string ProgressLine(int64_t articles, int64_t bytes, int64_t claims, double seconds,
                         int64_t total_bytes) {
  std::string bar;
  if (total_bytes > 0) {
    constexpr int kWidth = 24;
    double done = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_bytes));
    int filled = static_cast<int>(done * kWidth);
    bar = fmt::format("[{}{}] {:3.0f}%  ", std::string(filled, '#'),
                      std::string(kWidth - filled, '.'), done * 100);
  }
  double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
  return fmt::format("{}{} article{}  {}  {}/s  {} claim{}", bar, Thousands(articles),
                     articles == 1 ? "" : "s", HumanBytes(static_cast<double>(bytes)),
                     HumanBytes(rate), Thousands(claims), claims == 1 ? "" : "s");
}

}  // namespace quoteledger
