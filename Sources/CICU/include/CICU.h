#ifndef QANAT_CICU_H
#define QANAT_CICU_H

// ICU's bidi and shaping behind plain C types: ICU's own headers clash with Foundation's copy
// of ICU when imported into Swift, and its functions carry version suffixes (ubidi_open_72).
#include <stdint.h>

/// The direction of the text's first strong character: 0 left to right, 1 right to left, -1 none.
int32_t qanat_first_strong_direction(const uint16_t *text, int32_t length);

/// One field in visual order, left to right (the Unicode bidi algorithm, brackets mirrored,
/// combining marks kept after their base). `paragraph`: 0 left to right, 1 right to left.
/// `visual_of_logical` (length entries, may be NULL) receives each logical unit's visual index.
/// Returns the visual length, or -1 on error.
int32_t qanat_reorder(const uint16_t *text, int32_t length, int32_t paragraph,
                      uint16_t *visual, int32_t capacity, int32_t *visual_of_logical);

/// One line of a paragraph in visual order: levels are resolved once for the whole paragraph
/// (`ubidi_setPara`), then the line [start, limit) is reordered with them (`ubidi_setLine`), so a
/// wrapped line keeps the paragraph's direction and context. `visual_of_logical` (limit - start
/// entries, may be NULL) receives each of the line's units' visual index. Returns the visual
/// length, or -1 on error.
int32_t qanat_reorder_line(const uint16_t *text, int32_t length, int32_t paragraph, int32_t start, int32_t limit,
                           uint16_t *visual, int32_t capacity, int32_t *visual_of_logical);

/// Arabic letters of text already in visual order joined into their presentation forms. The
/// length is kept: each lam-alef pair becomes one ligature and a space beside it. Returns the
/// length, or -1.
int32_t qanat_shape_visual(const uint16_t *text, int32_t length, uint16_t *shaped, int32_t capacity);

#endif
