#ifndef QANAT_CNCURSESW_H
#define QANAT_CNCURSESW_H

// SwiftPM drops pkg-config's -D flags: wide-character curses must be asked for here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>

// Swift cannot import curses' macros, variadic functions or mutable globals; these wrap them.
static inline WINDOW *qanat_stdscr(void) { return stdscr; }
static inline int qanat_lines(void) { return LINES; }
static inline int qanat_cols(void) { return COLS; }
static inline attr_t qanat_a_bold(void) { return A_BOLD; }
static inline attr_t qanat_a_reverse(void) { return A_REVERSE; }
static inline attr_t qanat_a_dim(void) { return A_DIM; }
static inline attr_t qanat_a_underline(void) { return A_UNDERLINE; }
static inline attr_t qanat_a_normal(void) { return A_NORMAL; }
static inline int qanat_key_f(int n) { return KEY_F(n); }
static inline int qanat_color_pairs(void) { return COLOR_PAIRS; }
static inline int qanat_colors(void) { return COLORS; }
static inline mmask_t qanat_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
int wcwidth(wchar_t c);

/// Sets the attributes and colour pair for the following writes to stdscr.
static inline void qanat_set_style(attr_t attrs, short pair) { attr_set(attrs, pair, NULL); }

/// Writes `count` wide characters at (y, x) of stdscr.
static inline int qanat_put(int y, int x, const wchar_t *text, int count) { return mvaddnwstr(y, x, text, count); }

#endif
