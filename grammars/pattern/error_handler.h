// Error handling for the pattern grammar: the handler that records the first
// failed expectation (`a > b`), and the table that names what was expected
// in words a rule author understands. Included only by pattern_def.h and
// pattern.cc.
#ifndef STANCE_GRAMMARS_PATTERN_ERROR_HANDLER_H_
#define STANCE_GRAMMARS_PATTERN_ERROR_HANDLER_H_

#include <map>
#include <string>
#include <string_view>

#include "grammars/pattern/config.h"

namespace stance::pattern::parser {

// Rule names (the strings given to x3::rule) mapped to what the author should
// have written there. A name missing here is shown as is.
inline const std::map<std::string, std::string>& id_map() {
  static const auto* const kNames = new std::map<std::string, std::string>{
      {"items", "a word, punctuation mark, {slot:CLASS}, @lexicon, gap, group or /regex/"},
      {"group_close", "')' closing the group"},
      {"slot_name", "a slot name like the h in {h:ACTOR}"},
      {"slot_colon", "':' between the slot name and its class"},
      {"class_name", "a class name like ACTOR"},
      {"slot_close", "'}' closing the slot"},
      {"lexicon_name", "a lexicon name after '@'"},
      {"lexicon_form", "a lexicon form after '.', like ing"},
      {"gap_count", "a gap count from 0 to 30"},
      {"gap_end", "a space after the gap"},
      {"raw_body", "a regex between the slashes"},
      {"raw_close", "'/' closing the raw regex"},
      {"end", "the end of the pattern"},
  };
  return *kNames;
}

// The on_error handler of the top rule. Expectation failures in inner rules
// propagate up to it (they have no handler), so exactly one error is
// recorded and the whole parse fails.
struct error_handler {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator& /*first*/, Iterator const& /*last*/,
                                    Exception const& x, Context const& context) {
    ParseState& state = x3::get<parse_state_tag>(context).get();
    if (!state.failed) {
      state.failed = true;
      state.error_offset = static_cast<int>(x.where() - state.begin);
      state.error_which = x.which();
    }
    return x3::error_handler_result::fail;
  }
};

}  // namespace stance::pattern::parser

#endif  // STANCE_GRAMMARS_PATTERN_ERROR_HANDLER_H_
