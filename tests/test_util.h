// Helpers shared by the tests: paths into the checkout and a pipeline loaded
// once with the default rules.
#ifndef STANCE_TESTS_TEST_UTIL_H_
#define STANCE_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <string>

#include "pipeline/pipeline.h"

namespace stance::testing {

// `relative` inside the source checkout.
std::filesystem::path SourcePath(const std::string& relative);
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& text);
// A fresh temporary folder, removed when the process ends.
std::filesystem::path TempDir();
// The pipeline with rules/ of the checkout, loaded on first use.
const Pipeline& DefaultPipeline();
// Copies rules/ of the checkout into a temporary folder, for tests that edit it.
std::filesystem::path CopyOfRules();

}  // namespace stance::testing

#endif  // STANCE_TESTS_TEST_UTIL_H_
