// CharSet: a set of character offsets, the unit score.py compares spans in.
// score.py turns every span into a Python set of offsets and works with set
// sizes, intersections and sorted members; CharSet keeps the same set as
// sorted, disjoint, non-adjacent half-open intervals, so that a claim of a
// thousand characters costs two numbers instead of a thousand.
#ifndef QUOTELEDGER_EVAL_CHAR_SET_H_
#define QUOTELEDGER_EVAL_CHAR_SET_H_

#include <cstdint>
#include <vector>

namespace quoteledger {

struct CharInterval {
  int64_t begin = 0;  // first offset in the set
  int64_t end = 0;    // one past the last
  friend bool operator==(CharInterval a, CharInterval b) = default;
};

// A value type; not thread-safe to mutate, safe to read from many threads.
class CharSet {
 public:
  CharSet() = default;
  // The set of [begin, end); empty when begin >= end (like Python's range).
  static CharSet Of(int64_t begin, int64_t end);

  // Adds every offset in [begin, end); nothing when begin >= end.
  void AddRange(int64_t begin, int64_t end);

  bool empty() const { return intervals_.empty(); }
  int64_t size() const;  // number of offsets
  // Smallest and one past the largest member; the set must not be empty.
  int64_t min() const { return intervals_.front().begin; }
  int64_t max_end() const { return intervals_.back().end; }
  int64_t IntersectionSize(const CharSet& other) const;
  bool Intersects(const CharSet& other) const;
  // Members in increasing order, as maximal runs.
  const std::vector<CharInterval>& intervals() const { return intervals_; }

  friend bool operator==(const CharSet& a, const CharSet& b) = default;

 private:
  std::vector<CharInterval> intervals_;  // sorted, disjoint, non-adjacent
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_CHAR_SET_H_
