// Normalize: consumes Document::original; produces Document::text and
// Document::offsets.
//
// The text that rules match on is a normalised copy: invalid UTF-8 bytes
// become U+FFFD (each reported with its byte offset), CRLF and lone CR become
// LF, the BOM and zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are
// dropped, NBSP and the other Unicode spaces become a plain space, control
// characters other than TAB and LF become a space, curly single quotes
// (‘ ’ ‚ ‛) become ', curly double quotes (“ ” „ ‟) and guillemets (« »)
// become ", single guillemets (‹ ›) become ', and dashes (‒ – — ―) become
// " - " so that "foreign—particularly" splits into words. Everything else is
// copied byte for byte. `offsets` maps every normalised offset back to the
// original, so spans found on `text` cite the original exactly.
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
// offset in `original`. Always succeeds; `sink` may be null.
void NormalizeText(std::string_view original, std::string* text, OffsetMap* offsets,
                   DiagnosticSink* sink);

// The stage: doc->original -> doc->text, doc->offsets.
void Normalize(Document* doc, DiagnosticSink* sink);

}  // namespace stance

#endif  // STANCE_PIPELINE_NORMALIZE_H_
