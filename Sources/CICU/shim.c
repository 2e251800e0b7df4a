#include "CICU.h"
#include <unicode/ubidi.h>
#include <unicode/ushape.h>

int32_t qanat_first_strong_direction(const uint16_t *text, int32_t length) {
    UBiDiDirection direction = ubidi_getBaseDirection((const UChar *)text, length);
    return direction == UBIDI_LTR ? 0 : direction == UBIDI_RTL ? 1 : -1;
}

/* Writes a paragraph's or a line's visual order, and each logical unit's visual index. */
static int32_t write_visual(UBiDi *bidi, uint16_t *visual, int32_t capacity, int32_t *visual_of_logical, UErrorCode *status) {
    int32_t written = 0;
    if (U_SUCCESS(*status)) {
        written = ubidi_writeReordered(bidi, (UChar *)visual, capacity, UBIDI_DO_MIRRORING | UBIDI_KEEP_BASE_COMBINING, status);
    }
    if (U_SUCCESS(*status) && visual_of_logical != NULL) ubidi_getLogicalMap(bidi, visual_of_logical, status);
    return U_SUCCESS(*status) ? written : -1;
}

int32_t qanat_reorder(const uint16_t *text, int32_t length, int32_t paragraph,
                      uint16_t *visual, int32_t capacity, int32_t *visual_of_logical) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &status);
    if (U_FAILURE(status)) return -1;
    ubidi_setPara(bidi, (const UChar *)text, length, paragraph ? 1 : 0, NULL, &status);
    int32_t written = write_visual(bidi, visual, capacity, visual_of_logical, &status);
    ubidi_close(bidi);
    return written;
}

int32_t qanat_reorder_line(const uint16_t *text, int32_t length, int32_t paragraph, int32_t start, int32_t limit,
                           uint16_t *visual, int32_t capacity, int32_t *visual_of_logical) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &status);
    UBiDi *line = ubidi_openSized(limit - start, 0, &status);
    if (U_FAILURE(status)) { ubidi_close(bidi); ubidi_close(line); return -1; }
    ubidi_setPara(bidi, (const UChar *)text, length, paragraph ? 1 : 0, NULL, &status);
    ubidi_setLine(bidi, start, limit, line, &status);
    int32_t written = write_visual(line, visual, capacity, visual_of_logical, &status);
    ubidi_close(line);
    ubidi_close(bidi);
    return written;
}

int32_t qanat_shape_visual(const uint16_t *text, int32_t length, uint16_t *shaped, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = u_shapeArabic((const UChar *)text, length, (UChar *)shaped, capacity,
                                    U_SHAPE_LETTERS_SHAPE | U_SHAPE_LENGTH_FIXED_SPACES_NEAR
                                        | U_SHAPE_TEXT_DIRECTION_VISUAL_LTR,
                                    &status);
    return U_SUCCESS(status) ? written : -1;
}
