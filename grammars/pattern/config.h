// The one place where the grammar's iterator and context types are fixed
// (X3 needs them to instantiate the rules in pattern.cc). Included only by
// pattern_def.h and pattern.cc.
#ifndef STANCE_GRAMMARS_PATTERN_CONFIG_H_
#define STANCE_GRAMMARS_PATTERN_CONFIG_H_

#include <functional>
#include <string>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

namespace stance::pattern::parser {

namespace x3 = boost::spirit::x3;

// Patterns are parsed as UTF-8 bytes, so every offset is a byte offset.
using iterator_type = std::string_view::const_iterator;

// What the handlers of one parse share: the start of the text, to turn
// iterators into offsets, and the first expectation that failed.
struct ParseState {
  iterator_type begin;
  bool failed = false;
  int error_offset = 0;
  std::string error_which;  // the name of the rule that was expected
};

struct parse_state_tag;

using skipper_type = x3::ascii::space_type;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<parse_state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

}  // namespace stance::pattern::parser

#endif  // STANCE_GRAMMARS_PATTERN_CONFIG_H_
