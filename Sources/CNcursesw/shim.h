#ifndef PUSHDESK_CNCURSESW_SHIM_H
#define PUSHDESK_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline int pd_lines(void) { return LINES; }
static inline int pd_cols(void) { return COLS; }
static inline void pd_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline attr_t pd_a_bold(void) { return A_BOLD; }
static inline attr_t pd_a_reverse(void) { return A_REVERSE; }
static inline attr_t pd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pd_a_dim(void) { return A_DIM; }
static inline attr_t pd_a_normal(void) { return A_NORMAL; }
static inline int pd_color_pair(int n) { return COLOR_PAIR(n); }
static inline int pd_key_resize(void) { return KEY_RESIZE; }
static inline void pd_set_escdelay(int ms) { set_escdelay(ms); }
#include <stdio.h>
#include <unistd.h>
#include <signal.h>

static inline FILE *pd_stdout(void) { return stdout; }
static inline FILE *pd_stdin(void) { return stdin; }
static inline int pd_wattr_set(WINDOW *w, attr_t a, int pair) { return wattr_set(w, a, (short)pair, NULL); }
static inline int pd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int pd_color_pairs(void) { return COLOR_PAIRS; }
/* Writes raw bytes to the terminal (bracketed paste on/off); async-signal-safe. */
static inline void pd_write_stdout(const char *s, int n) { ssize_t r = write(1, s, (size_t)n); (void)r; }
#endif
