// HashFilter: a Bloom filter of 64-bit hashes, the actor gazetteer's first
// test of each word of running text (pipeline/actors.cc). It consumes the
// hashes of surfaces as the gazetteer loads, and answers "may this hash be
// one of them" with no false negatives.
#ifndef STANCE_PIPELINE_HASH_FILTER_H_
#define STANCE_PIPELINE_HASH_FILTER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace stance {

// A Bloom filter of (well mixed) 64-bit hashes: no false negatives, and few
// false positives, with two bits per hash taken from its top bits. Sized by
// Freeze for about 16 bits per hash, and never below 8 KB: the default
// gazetteer's filters stay in the L1 cache, and one of 100,000 aliases does
// not fill up and let every word through.
class HashFilter {
 public:
  static constexpr int kMinBits = 16;

  void Add(uint64_t hash) { added_.push_back(hash); }

  // Sets the bits of every hash added; before, nothing may be contained.
  void Freeze() {
    std::sort(added_.begin(), added_.end());
    added_.erase(std::unique(added_.begin(), added_.end()), added_.end());
    bits_ = kMinBits;
    while (bits_ < kMaxBits && (size_t{1} << bits_) < 16 * added_.size()) ++bits_;
    words_.assign((size_t{1} << bits_) / 64, 0);
    for (uint64_t hash : added_) {
      words_[High(hash) / 64] |= uint64_t{1} << (High(hash) % 64);
      words_[Low(hash) / 64] |= uint64_t{1} << (Low(hash) % 64);
    }
    added_ = {};
  }
  bool MayContain(uint64_t hash) const {
    return MayContainQuick(hash) && ((words_[Low(hash) / 64] >> (Low(hash) % 64)) & 1);
  }
  // The first of the two bits only: half the work, more false positives.
  bool MayContainQuick(uint64_t hash) const {
    return (words_[High(hash) / 64] >> (High(hash) % 64)) & 1;
  }
  // The bits, of which the first of each hash is where Tokenize tests it
  // (actor_tokens::WordTests), and their number, log 2.
  const uint64_t* words() const { return words_.data(); }
  int bits() const { return bits_; }

 private:
  static constexpr int kMaxBits = 26;  // 8 MB
  uint64_t High(uint64_t hash) const { return hash >> (64 - bits_); }
  uint64_t Low(uint64_t hash) const {
    return (hash >> (64 - 2 * bits_)) & ((uint64_t{1} << bits_) - 1);
  }
  std::vector<uint64_t> added_;  // until Freeze
  int bits_ = kMinBits;
  std::vector<uint64_t> words_ = std::vector<uint64_t>((size_t{1} << bits_) / 64);
};

}  // namespace stance

#endif  // STANCE_PIPELINE_HASH_FILTER_H_
