// The X3 grammar of the pattern language (spec: PATTERNS.md). Only
// pattern.cc may include this file: X3 grammars are slow to compile, so the
// rules are defined here and instantiated once there.
//
//   pattern     := alternation end
//   alternation := sequence ('|' sequence)*
//   sequence    := item+
//   item        := group | slot | lexicon_ref | gap | raw | literal
//   group       := '(' alternation ')' '?'?          no space before '?'
//   slot        := '{' slot_name ':' class_name '}'  no spaces inside
//   lexicon_ref := '@' lexicon_name ('.' lexicon_form)?
//   gap         := '...' gap_count?                   not followed by a word
//   raw         := '/' raw_body '/'                   `\/` is a slash
//   literal     := word | ',' | ':' | ';' | '"'
//
// Whitespace separates items but is never required between them:
// `{h:ACTOR}'s` is a slot then the literal 's. Inside a slot, a lexicon
// reference, a gap or a raw regex no whitespace is skipped.
#ifndef STANCE_GRAMMARS_PATTERN_PATTERN_DEF_H_
#define STANCE_GRAMMARS_PATTERN_PATTERN_DEF_H_

#include <string>
#include <type_traits>

#include <boost/spirit/home/x3.hpp>

#include "grammars/pattern/ast.h"
#include "grammars/pattern/ast_adapted.h"
#include "grammars/pattern/config.h"
#include "grammars/pattern/error_handler.h"
#include "grammars/pattern/pattern.h"

namespace stance::pattern::parser {

// Defined in pattern.cc, where the Unicode tables are included once.
//
// Where the word starting at `first` ends (== first if none starts there).
// Word characters are Unicode letters and combining marks, decimal digits,
// "'" and "-". A '.' joins two runs of word characters ("1.5", "U.S"), and a
// final '.' is kept after single letters joined by dots ("U.S.", "e.g."),
// unless another '.' follows (that is a gap).
iterator_type WordEnd(iterator_type first, iterator_type last);

// ---------------------------------------------------------------------------
// Handlers.

// Records every Located node's byte offset and length when its rule
// succeeds; other attributes are left alone.
struct annotate_offset {
  template <typename Iterator, typename T, typename Context>
  void on_success(Iterator const& first, Iterator const& last, T& node,
                  Context const& context) const {
    if constexpr (std::is_base_of_v<ast::Located, T>) {
      const ParseState& state = x3::get<parse_state_tag>(context).get();
      node.offset = static_cast<int>(first - state.begin);
      node.length = static_cast<int>(last - first);
    }
  }
};

// ---------------------------------------------------------------------------
// Primitive parsers that the stock X3 ones cannot express.

// A word or one punctuation mark, into ast::Literal::text.
struct literal_parser : x3::parser<literal_parser> {
  using attribute_type = ast::Literal;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    if (first == last) return false;
    Iterator end = first;
    switch (*first) {
      case ',':
      case ':':
      case ';':
      case '"':
        end = first + 1;
        break;
      default:
        end = WordEnd(first, last);
        break;
    }
    if (end == first) return false;
    if constexpr (!std::is_same_v<Attribute, x3::unused_type>) attr.text.assign(first, end);
    first = end;
    return true;
  }
};

// Succeeds, consuming nothing, unless a word character comes next: so that
// `...8x` and `...x` are errors instead of a gap glued to a word.
struct no_word_parser : x3::parser<no_word_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&,
             Attribute&) const {
    return WordEnd(first, last) == first;
  }
};

// ---------------------------------------------------------------------------
// Rule IDs. Every ID records offsets; the top one also handles errors.

struct pattern_class : error_handler, annotate_offset {};
struct alternation_class : annotate_offset {};
struct sequence_class : annotate_offset {};
struct item_class : annotate_offset {};
struct group_class : annotate_offset {};
struct group_close_class : annotate_offset {};
struct slot_class : annotate_offset {};
struct slot_name_class : annotate_offset {};
struct slot_colon_class : annotate_offset {};
struct class_name_class : annotate_offset {};
struct slot_close_class : annotate_offset {};
struct lexicon_ref_class : annotate_offset {};
struct lexicon_name_class : annotate_offset {};
struct lexicon_form_class : annotate_offset {};
struct gap_class : annotate_offset {};
struct gap_count_class : annotate_offset {};
struct gap_end_class : annotate_offset {};
struct raw_class : annotate_offset {};
struct raw_body_class : annotate_offset {};
struct raw_close_class : annotate_offset {};
struct literal_class : annotate_offset {};
struct end_class : annotate_offset {};

// ---------------------------------------------------------------------------
// Rules. The strings are the names an expectation failure reports; the
// error_handler's id_map turns them into words.

using pattern_type = x3::rule<pattern_class, ast::Alternation>;
pattern_type const pattern = "pattern";

x3::rule<alternation_class, ast::Alternation> const alternation = "items";
x3::rule<sequence_class, ast::Sequence> const sequence = "items";
x3::rule<item_class, ast::Item> const item = "item";
x3::rule<group_class, ast::Group> const group = "group";
x3::rule<group_close_class> const group_close = "group_close";
x3::rule<slot_class, ast::Slot> const slot = "slot";
x3::rule<slot_name_class, ast::Name> const slot_name = "slot_name";
x3::rule<slot_colon_class> const slot_colon = "slot_colon";
x3::rule<class_name_class, ast::Name> const class_name = "class_name";
x3::rule<slot_close_class> const slot_close = "slot_close";
x3::rule<lexicon_ref_class, ast::LexiconRef> const lexicon_ref = "lexicon_ref";
x3::rule<lexicon_name_class, ast::Name> const lexicon_name = "lexicon_name";
x3::rule<lexicon_form_class, ast::Name> const lexicon_form = "lexicon_form";
x3::rule<gap_class, ast::Gap> const gap = "gap";
x3::rule<gap_count_class, int> const gap_count = "gap_count";
x3::rule<gap_end_class> const gap_end = "gap_end";
x3::rule<raw_class, ast::Raw> const raw = "raw";
x3::rule<raw_body_class, std::string> const raw_body = "raw_body";
x3::rule<raw_close_class> const raw_close = "raw_close";
x3::rule<literal_class, ast::Literal> const literal = "literal";
x3::rule<end_class> const end = "end";

// An ASCII identifier: it becomes part of an RE2 group name, and RE2
// (20220601) accepts only [A-Za-z0-9_] there.
// (A rule of its own so that its attribute is a plain string, which then
// fills the one-member ast::Name.)
x3::rule<struct identifier_class, std::string> const identifier = "identifier";
auto const identifier_def = x3::lexeme[(x3::ascii::alpha | x3::ascii::char_('_')) >>
                                       *(x3::ascii::alnum | x3::ascii::char_('_'))];

// A count too large is reported as an expectation failure at the digits, so
// it reads like every other syntax error. (_where(ctx) starts just after the
// digits, which are all the action's subject consumed.)
auto const check_gap_count = [](auto& ctx) {
  const std::string& digits = x3::_attr(ctx);
  const int count = digits.size() > 2 ? kMaxGap + 1 : std::stoi(digits);
  if (count > kMaxGap) {
    auto digits_begin = x3::_where(ctx).begin() - digits.size();
    throw x3::expectation_failure<decltype(digits_begin)>(digits_begin, "gap_count");
  }
  x3::_val(ctx) = count;
};

auto const pattern_def = x3::eps > alternation > end;
auto const alternation_def = sequence >> *('|' > sequence);
auto const sequence_def = +item;
auto const item_def = group | slot | lexicon_ref | gap | raw | literal;

// (`>>` binds tighter than `>`, hence the parentheses: the expectation must
// name group_close, not the sequence after it.)
auto const group_def = ('(' > alternation > group_close) >> x3::no_skip[x3::matches['?']];
auto const group_close_def = x3::lit(')');

auto const slot_def = x3::lexeme['{' > slot_name > slot_colon > class_name > slot_close];
auto const slot_name_def = identifier;
auto const slot_colon_def = x3::lit(':');
auto const class_name_def = identifier;
auto const slot_close_def = x3::lit('}');

// ".." after a name is left alone: `@oppose...3` is a reference and a gap.
auto const lexicon_ref_def =
    x3::lexeme[('@' > lexicon_name) >> -(('.' >> !x3::lit('.')) > lexicon_form)];
auto const lexicon_name_def = identifier;
auto const lexicon_form_def = identifier;

auto const gap_def = x3::lexeme["..." >> (gap_count | x3::attr(kDefaultGap)) > gap_end];
auto const gap_count_def = (+x3::ascii::digit)[check_gap_count];
auto const gap_end_def = no_word_parser{};

// `\/` is a slash; any other backslash pair is kept for RE2 as written, so
// `\\/` is an escaped backslash followed by the closing slash.
auto const raw_def = x3::lexeme['/' > raw_body > raw_close];
auto const raw_body_def =
    +((x3::lit("\\/") >> x3::attr('/')) | (x3::char_('\\') >> x3::char_) | ~x3::char_("/\\"));
auto const raw_close_def = x3::lit('/');

auto const literal_def = literal_parser{};
auto const end_def = x3::eoi;

BOOST_SPIRIT_DEFINE(identifier, pattern, alternation, sequence, item, group, group_close, slot, slot_name,
                    slot_colon, class_name, slot_close, lexicon_ref, lexicon_name,
                    lexicon_form, gap, gap_count, gap_end, raw, raw_body, raw_close, literal,
                    end)

}  // namespace stance::pattern::parser

#endif  // STANCE_GRAMMARS_PATTERN_PATTERN_DEF_H_
