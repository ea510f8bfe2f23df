#ifndef MIDAIR_CNCURSESW_SHIM_H
#define MIDAIR_CNCURSESW_SHIM_H
/* The parts of ncursesw Swift cannot import by itself: macros become static
   inline functions, C globals get accessors (Swift 6 calls them unsafe to
   touch directly), and the wide-character API is switched on. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Hidden by the Glibc module; declared here so Swift can check its widths
   against the C library's. */
extern int wcwidth(wchar_t c);

static inline WINDOW *midair_stdscr(void) { return stdscr; }
static inline WINDOW *midair_curscr(void) { return curscr; }
static inline int midair_lines(void) { return LINES; }
static inline int midair_cols(void) { return COLS; }

static inline attr_t midair_a_normal(void) { return A_NORMAL; }
static inline attr_t midair_a_bold(void) { return A_BOLD; }
static inline attr_t midair_a_reverse(void) { return A_REVERSE; }
static inline attr_t midair_a_underline(void) { return A_UNDERLINE; }
static inline attr_t midair_a_dim(void) { return A_DIM; }

static inline mmask_t midair_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t midair_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t midair_button4_pressed(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t midair_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t midair_button5_pressed(void) { return 0; }
#endif

static inline int midair_key_f(int n) { return KEY_F(n); }

/* One grapheme cluster (up to a handful of code points) as a cchar_t. */
static inline int midair_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/* Reads one key: returns OK with a character, KEY_CODE_YES with a key code,
   or ERR when nothing came in time. */
static inline int midair_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = get_wch(&ch);
    *out = (unsigned int)ch;
    return rc;
}
#endif
