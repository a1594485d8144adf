#include "pipeline/hash_filter.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace stance {
namespace {

std::vector<uint64_t> RandomHashes(size_t n, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<uint64_t> hashes(n);
  for (uint64_t& h : hashes) h = random();
  return hashes;
}

// The share of `others` (never added) that the filter's quick test lets
// through.
double QuickPassRate(const HashFilter& filter, const std::vector<uint64_t>& others) {
  size_t passed = 0;
  for (uint64_t h : others) passed += filter.MayContainQuick(h);
  return static_cast<double>(passed) / others.size();
}

TEST_CASE("HashFilter: every hash added is contained; nothing before Freeze") {
  HashFilter filter;
  const std::vector<uint64_t> added = RandomHashes(5000, 1);
  for (uint64_t h : added) filter.Add(h);
  size_t before = 0;
  for (uint64_t h : added) before += filter.MayContainQuick(h);
  CHECK(before == 0);
  filter.Freeze();
  size_t missing = 0;
  for (uint64_t h : added) missing += !filter.MayContain(h);
  CHECK(missing == 0);
}

TEST_CASE("HashFilter: grows with what it holds, so 100,000 names do not fill it") {
  const std::vector<uint64_t> others = RandomHashes(100000, 2);
  for (size_t n : {size_t{1000}, size_t{100000}}) {
    CAPTURE(n);
    HashFilter filter;
    for (uint64_t h : RandomHashes(n, 3)) filter.Add(h);
    filter.Freeze();
    // At least 16 bits a hash, two of them set: at most 1 - e^(-1/8), 12%,
    // of the bits are set. A filter of 2^16 bits would pass 95% at 100,000.
    CHECK(QuickPassRate(filter, others) < 0.13);
    if (n == 1000) CHECK(filter.bits() == HashFilter::kMinBits);
    if (n == 100000) CHECK(filter.bits() == 21);
  }
}

TEST_CASE("HashFilter: a hash added twice counts once in its size") {
  HashFilter filter;
  for (int copy = 0; copy < 100; ++copy) {
    for (uint64_t h : RandomHashes(5000, 4)) filter.Add(h);
  }
  filter.Freeze();
  CHECK(filter.bits() == 17);  // 5,000 distinct hashes: 80,000 bits wanted
}

}  // namespace
}  // namespace stance
