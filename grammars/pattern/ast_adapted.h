// Fusion adaptation of the AST structs, so X3 can fill their members from
// the attributes of a rule's sequence. Included only by pattern_def.h.
//
// Sequence and Alternation are containers (they derive from std::vector) and
// need no adaptation; Located's offset/length are set by annotate_offset,
// never by a parser, so they are not listed.
#ifndef STANCE_GRAMMARS_PATTERN_AST_ADAPTED_H_
#define STANCE_GRAMMARS_PATTERN_AST_ADAPTED_H_

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammars/pattern/ast.h"

BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::Name, text)
BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::Literal, text)
BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::Slot, name, cls)
BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::LexiconRef, name, form)
BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::Gap, count)
BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::Raw, regex)
BOOST_FUSION_ADAPT_STRUCT(stance::pattern::ast::Group, body, optional)

#endif  // STANCE_GRAMMARS_PATTERN_AST_ADAPTED_H_
