// Shared by the libFuzzer targets of tests/fuzz: where the checkout's rules
// are, and a check that, unlike assert, stays on in every build.
#ifndef STANCE_TESTS_FUZZ_FUZZ_UTIL_H_
#define STANCE_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string>

namespace stance::fuzz {

// The rules folder of the checkout (STANCE_RULES overrides it).
inline std::string RulesDir() {
  const char* env = std::getenv("STANCE_RULES");
  return env != nullptr && *env != '\0' ? env : STANCE_SOURCE_DIR "/rules";
}

// Aborts, so libFuzzer saves the input, when an invariant does not hold.
#define STANCE_FUZZ_CHECK(cond)                                              \
  do {                                                                       \
    if (!(cond)) {                                                           \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                   \
      std::abort();                                                          \
    }                                                                        \
  } while (0)

}  // namespace stance::fuzz

#endif  // STANCE_TESTS_FUZZ_FUZZ_UTIL_H_
