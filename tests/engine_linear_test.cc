// Work per document grows linearly with its length: pathological sentences
// at 1x, 4x and 16x, timed in CPU time, must cost about 4 and 16 times the
// first (ratios, not absolute times, so a slow or busy machine passes).
// Guards defect 3 of issue 22: a rule retried from every byte of a long
// sentence took time cubic in its length.
#include "attribution/engine.h"

#include <doctest/doctest.h>
#include <time.h>

#include <algorithm>
#include <string>

#include "test_util.h"

namespace quoteledger {
namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out + "\n";
}

// The least CPU time of two extractions of `text` (the least is the run
// least disturbed by other work).
double LeastSeconds(const std::string& text) {
  Document doc = testing::Doc(text);
  double best = 1e9;
  for (int i = 0; i < 2; ++i) {
    double start = ThreadCpuSeconds();
    (void)testing::BuiltinExtractor().Extract(doc);
    best = std::min(best, ThreadCpuSeconds() - start);
  }
  return best;
}

void CheckLinear(const std::string& piece, int base) {
  CAPTURE(piece);
  (void)testing::BuiltinExtractor().Extract(testing::Doc(Repeat(piece, base)));  // warm up
  double t1 = LeastSeconds(Repeat(piece, base));
  double t4 = LeastSeconds(Repeat(piece, base * 4));
  double t16 = LeastSeconds(Repeat(piece, base * 16));
  MESSAGE("1x ", t1, " s, 4x ", t4, " s, 16x ", t16, " s");
  // Linear gives 4 and 16; quadratic 16 and 256. The bounds leave room for
  // noise and for a cache that stops fitting.
  CHECK(t4 / t1 < 8);
  CHECK(t16 / t1 < 32);
}

TEST_CASE("a sentence of 'according to' repeated costs time linear in its length") {
  // 1x is 13 KB: below a few KB RE2 extracts submatches with a faster engine
  // (bit-state) than above (NFA), which would make the first step look
  // superlinear.
  CheckLinear("according to ", 1000);
}

}  // namespace
}  // namespace quoteledger
