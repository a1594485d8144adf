// Normalize: consumes Document::original; produces Document::text and
// Document::offsets.
//
// The text that rules match on is a normalised copy: invalid UTF-8 bytes
// become U+FFFD (one per run of invalid bytes, each run reported with its byte
// offset), CRLF and lone CR become LF, the BOM and zero-width characters
// (U+200B-U+200D, U+2060, U+FEFF) are dropped, NBSP and the other Unicode
// spaces become a plain space (but U+2028 LINE SEPARATOR becomes LF and
// U+2029 PARAGRAPH SEPARATOR a blank line), control characters other than TAB
// and LF (C1 included) become a space, curly single quotes (‘ ’ ‚ ‛) become ',
// curly double quotes (“ ” „ ‟) and guillemets (« ») become ", single
// guillemets (‹ ›) become ', and dashes (‒ – — ―) become " - " so that
// "foreign—particularly" splits into words (a space already beside the dash
// is not doubled: "a — b" reads "a - b"). Everything else is copied byte for
// byte. `offsets` maps every normalised offset back to a character boundary
// of the original, so spans found on `text` cite the original exactly: a
// replacement's start maps to the start of the original character, its end
// to the end, and a dropped character's place to the byte after it.
//
// Thread-safe (a pure function).
#ifndef STANCE_PIPELINE_NORMALIZE_H_
#define STANCE_PIPELINE_NORMALIZE_H_

#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

// Normalises `original` into *text and fills *offsets (cleared first).
// Reports each invalid UTF-8 sequence to `sink` as a warning naming its byte
// offset in `original` (the first 20; a last warning counts the rest).
// Always succeeds; `sink` may be null. REQUIRES: `original` under 4 GiB.
void NormalizeText(std::string_view original, std::string* text,
                   OffsetMap* offsets, DiagnosticSink* sink);

// The stage: doc->original -> doc->text, doc->offsets. Warnings carry
// doc->id:line:col as their location.
void Normalize(Document* doc, DiagnosticSink* sink);

}  // namespace stance

#endif  // STANCE_PIPELINE_NORMALIZE_H_
