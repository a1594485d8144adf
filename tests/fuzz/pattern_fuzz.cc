// libFuzzer target: the bytes are one rule pattern. It is parsed (X3
// grammar), printed, and compiled against the shipped lexicon; a compiled
// pattern must give a regex RE2 accepts under the loader's budget, and an
// error must point inside the pattern.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "grammars/pattern/ast.h"
#include "grammars/pattern/pattern.h"
#include "grammars/pattern/printer.h"
#include "pipeline/lexicon.h"
#include "pipeline/pattern_compiler.h"
#include "pipeline/pattern_context.h"
#include "pipeline/status.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const stance::PatternContext& Context() {
  static const stance::Lexicon* lexicon = [] {
    std::unique_ptr<stance::Lexicon> loaded;
    stance::NullSink sink;
    stance::Status s =
        stance::Lexicon::Load(stance::fuzz::RulesDir() + "/lexicon", &loaded, &sink);
    STANCE_FUZZ_CHECK(s.ok());
    return loaded.release();
  }();
  static const stance::StancePatternContext context(lexicon);
  return context;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  stance::pattern::ast::Pattern tree;
  stance::PatternError parse_error;
  if (stance::pattern::ParsePattern(text, &tree, &parse_error)) {
    stance::pattern::AstPrinter printer(/*offsets=*/true);
    printer.Print(tree);
    STANCE_FUZZ_CHECK(!printer.out().empty());
  } else {
    STANCE_FUZZ_CHECK(parse_error.offset >= 0 &&
                      static_cast<size_t>(parse_error.offset) <= size);
    STANCE_FUZZ_CHECK(!parse_error.message.empty());
  }

  stance::CompiledPattern compiled;
  stance::PatternError error;
  stance::Status s = stance::CompilePattern(text, Context(), &compiled, &error);
  if (!s.ok()) {
    STANCE_FUZZ_CHECK(error.offset >= 0 && static_cast<size_t>(error.offset) <= size);
    STANCE_FUZZ_CHECK(!error.message.empty());
    stance::FormatPatternError(text, error);
    return 0;
  }
  STANCE_FUZZ_CHECK(!compiled.regex.empty());
  RE2::Options options(RE2::Quiet);
  options.set_max_mem(32 << 20);
  RE2 re(compiled.regex, options);
  if (!re.ok()) {
    // Only a pattern too big for the budget may fail here; anything else is
    // a regex the compiler should not have produced.
    STANCE_FUZZ_CHECK(re.error_code() == RE2::ErrorPatternTooLarge);
    return 0;
  }
  // No match of the empty string (the compiler rejects such patterns).
  STANCE_FUZZ_CHECK(!RE2::FullMatch("", re));
  for (const stance::PatternSlot& slot : compiled.slots) {
    STANCE_FUZZ_CHECK(re.NamedCapturingGroups().count(slot.group) == 1);
  }
  return 0;
}
